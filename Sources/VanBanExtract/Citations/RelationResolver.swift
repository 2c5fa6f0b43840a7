import VanBanText

/// Decides the relation of a citation from the trigger phrases of its own sentence (DOMAIN.md §5.2).
///
/// A trigger's `where` column is honoured: `preamble` triggers (`Căn cứ`, `Thực hiện`, `Theo`)
/// count only when they open a sentence before the body's first numbered heading (or
/// `QUYẾT ĐỊNH:`); `body` triggers count everywhere else; `any`/`title` everywhere. A preamble
/// trigger that opens the sentence governs every citation in it (`Căn cứ Thông tư 01/2018/TT-VPCP
/// hướng dẫn thi hành Nghị định 61/2018/NĐ-CP` cites both as basis; `Thực hiện A; B; C` implements
/// all three). Otherwise the highest-priority trigger before the citation in the same sentence
/// wins; a trigger in a parenthesis that closes before the citation, or in a parenthetical history
/// (`(đã được sửa đổi, bổ sung theo Thông tư số …)`), does not count. No trigger: `cites`.
struct RelationResolver {
    let lexicon: Lexicon
    let analysis: Analysis
    /// Where the body starts in the document range: its first numbered heading or `QUYẾT ĐỊNH:` line.
    let bodyStart: Int

    init(lexicon: Lexicon, analysis: Analysis, range: Range<Int>) {
        self.lexicon = lexicon
        self.analysis = analysis
        var start = range.upperBound
        for node in analysis.sections.nodes where node.line.lowerBound >= range.lowerBound && node.line.lowerBound < range.upperBound {
            switch node.kind {
            case .part, .chapter, .section, .article, .roman, .arabic:
                start = node.line.lowerBound
            default: continue
            }
            break
        }
        // A line that is only `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` ends the preamble of a decision or resolution.
        let f = analysis.text.folded
        var line = range.lowerBound
        while line < start {
            var e = line
            while e < start && f[e] != 0x0A { e += 1 }
            if e - line >= 10 && e - line <= 16 && Self.isBodyOpening(f, line..<e) { start = line; break }
            line = e + 1
        }
        self.bodyStart = start
    }

    /// `quyetdinh:`, `quyetnghi:`, `chithi:` once the spaces of the folded line are dropped.
    private static func isBodyOpening(_ f: [UInt8], _ line: Range<Int>) -> Bool {
        var key: [UInt8] = []
        key.reserveCapacity(16)
        for k in line where f[k] != 0x20 { key.append(f[k]) }
        return key == bodyOpenings[0] || key == bodyOpenings[1] || key == bodyOpenings[2]
    }

    private static let bodyOpenings: [[UInt8]] = ["quyetdinh:", "quyetnghi:", "chithi:"].map { Array($0.utf8) }

    /// Trigger matches of one sentence, cached by the caller.
    struct SentenceTriggers {
        let sentence: Range<Int>
        let matches: [PhraseMatcher.Match]
    }

    func triggers(in sentence: Range<Int>) -> SentenceTriggers {
        SentenceTriggers(sentence: sentence, matches: lexicon.relationMatcher.matches(in: analysis.text.folded, range: sentence))
    }

    /// How far before a citation (in normalized units) a trigger of its sentence still counts,
    /// besides the sentence's opening trigger: far longer than any real sentence's reach.
    static let triggerWindow = 1500

    /// The relation for a citation whose mention starts at `position`.
    func relation(at position: Int, in t: SentenceTriggers) -> Relation {
        let f = analysis.text.folded
        let sentence = t.sentence
        let inPreamble = position < bodyStart
        // A citation inside a parenthesis takes only the triggers inside it; a parenthetical
        // history (`(đã được sửa đổi, bổ sung theo Thông tư số …)`) takes none.
        let paren = enclosingParenthesis(position, floor: sentence.lowerBound, f)
        if let open = paren, isHistory(open, position, f) { return .cites }
        var best: (relation: Relation, priority: Int)? = nil
        // The sentence's first trigger (it may open the sentence and govern it), then the triggers
        // at most `triggerWindow` units before the citation: a sentence of endless citations and
        // triggers (a 50 MB line) costs linear time, not the square of its length.
        let matches = t.matches
        var end = matches.count, lo = 0
        do {
            var a = 0, b = matches.count
            while a < b { let m = (a + b) / 2; if matches[m].range.lowerBound < position { a = m + 1 } else { b = m } }
            end = a
            a = 0; b = end
            while a < b { let m = (a + b) / 2; if matches[m].range.lowerBound < position - Self.triggerWindow { a = m + 1 } else { b = m } }
            lo = a
        }
        for index in (lo > 0 && end > 0 ? [0] : []) + Array(lo..<end) {
            let m = matches[index]
            if let open = paren, m.range.lowerBound < open { continue }
            let opens = index == 0 && opensSentence(m.range.lowerBound, sentence, f)
            let preambleLine = opens && inPreamble
            guard let c = chosen(m, preambleLine: preambleLine) else { continue }
            if preambleLine && (c.0 == .basis || c.0 == .implements || c.0 == .replies) { return c.0 }
            if !counts(m.range.lowerBound, before: position, f) { continue }
            if c.0 == .attached && !attaches(m, opens: opens, before: position, f) { continue }
            if best == nil || c.1 > best!.priority { best = (c.0, c.1) }
        }
        if let best { return best.relation }
        // `Thực hiện A;⏎B;⏎C` broken over lines: the opening trigger of the enumeration governs.
        if paren == nil, inPreamble, let lead = enumerationLead(sentence, f) { return lead }
        return .cites
    }

    /// The best-fitting reading of one trigger match under its `where` scope.
    private func chosen(_ m: PhraseMatcher.Match, preambleLine: Bool) -> (Relation, Int)? {
        var chosen: (Relation, Int)? = nil
        for payload in m.payloads {
            let trigger = lexicon.relationTriggers[payload]
            let fits: Bool
            switch trigger.scope {
            case "preamble": fits = preambleLine
            case "body": fits = !preambleLine
            default: fits = true
            }
            guard fits else { continue }
            if chosen == nil || trigger.priority > chosen!.1 { chosen = (trigger.relation, trigger.priority) }
        }
        return chosen
    }

    /// `kèm theo` attaches this document only when it opens the clause (`(Kèm theo Quyết định số …)`)
    /// or names this document (`sao gửi kèm theo Công văn này Thông báo số …`); `các biểu mẫu ban
    /// hành kèm theo Thông tư số …` says what the cited text carries, a plain reference.
    private func attaches(_ m: PhraseMatcher.Match, opens: Bool, before position: Int, _ f: [UInt8]) -> Bool {
        if opens { return true }
        var k = m.range.lowerBound
        while k > 0 && f[k - 1] == 0x20 { k -= 1 }
        if k > 0 && f[k - 1] == 0x28 { return true }
        var i = m.range.upperBound
        while i + 3 <= position {
            if f[i] == 0x6E && FoldedScan.wordStart(f, i) && FoldedScan.word(f, i, "nay", limit: position) { return true }
            i += 1
        }
        return false
    }

    /// The open parenthesis around `position` on its line, if any.
    private func enclosingParenthesis(_ position: Int, floor: Int, _ f: [UInt8]) -> Int? {
        var k = position
        var depth = 0
        while k > floor && f[k - 1] != 0x0A && position - k < 400 {
            let b = f[k - 1]
            if b == 0x29 { depth += 1 } else if b == 0x28 { if depth == 0 { return k - 1 }; depth -= 1 }
            k -= 1
        }
        return nil
    }

    /// True when the parenthesis at `open` starts with `được` or `đã được` (a history note).
    private func isHistory(_ open: Int, _ limit: Int, _ f: [UInt8]) -> Bool {
        let s = FoldedScan.skipGap(f, open + 1, limit: limit)
        if FoldedScan.word(f, s, "duoc", limit: limit) { return true }
        if FoldedScan.word(f, s, "da", limit: limit) {
            return FoldedScan.word(f, FoldedScan.skipGap(f, s + 2, limit: limit), "duoc", limit: limit)
        }
        return false
    }

    /// Walks back over up to five sentences joined by `;`, `,` or a mid-sentence line break to the
    /// one that opens the enumeration, and returns its opening preamble trigger, if any.
    private func enumerationLead(_ sentence: Range<Int>, _ f: [UInt8]) -> Relation? {
        guard var index = analysis.sentenceIndex(containing: sentence.lowerBound) else { return nil }
        for _ in 0..<5 {
            guard index > 0 else { return nil }
            let previous = analysis.sentences[index - 1]
            // A sentence this long is no line of an enumeration (and rescanning it per citation
            // would cost the square of its length).
            guard previous.count <= 2 * Self.triggerWindow else { return nil }
            let last = f[previous.upperBound - 1]
            guard last == 0x3B || last == 0x2C || FoldedScan.isLetter(last) else { return nil }
            index -= 1
            let matches = lexicon.relationMatcher.matches(in: f, range: previous)
            if let first = matches.first, opensSentence(first.range.lowerBound, previous, f),
               let c = chosen(first, preambleLine: true), c.0 == .basis || c.0 == .implements || c.0 == .replies {
                return c.0
            }
        }
        return nil
    }

    /// True when only list markers, quotes or spaces stand between the sentence start and `position`.
    private func opensSentence(_ position: Int, _ sentence: Range<Int>, _ f: [UInt8]) -> Bool {
        var k = sentence.lowerBound
        while k < position && (f[k] == 0x20 || f[k] == 0x2D || f[k] == 0x2B || f[k] == 0x22 || f[k] == 0x28 || f[k] == 0x2A) { k += 1 }
        return k == position
    }

    /// A trigger counts unless it sits in a parenthesis closed before the citation, or in a
    /// parenthesis that opens with `được`/`đã được` (a history note about the cited text).
    private func counts(_ trigger: Int, before position: Int, _ f: [UInt8]) -> Bool {
        // Innermost open parenthesis before the trigger, on the same line.
        var k = trigger
        var open = -1
        var depth = 0
        while k > 0 && f[k - 1] != 0x0A && trigger - k < 400 {
            let b = f[k - 1]
            if b == 0x29 { depth += 1 } else if b == 0x28 { if depth == 0 { open = k - 1; break }; depth -= 1 }
            k -= 1
        }
        guard open >= 0 else { return true }
        // Does it close before the citation?
        var j = trigger
        depth = 0
        while j < position {
            if f[j] == 0x28 { depth += 1 } else if f[j] == 0x29 { if depth == 0 { return false }; depth -= 1 }
            j += 1
        }
        var s = open + 1
        while s < trigger && f[s] == 0x20 { s += 1 }
        if FoldedScan.word(f, s, "duoc", limit: trigger) { return false }
        if FoldedScan.word(f, s, "da", limit: trigger) {
            let n = FoldedScan.skipGap(f, s + 2, limit: trigger)
            if FoldedScan.word(f, n, "duoc", limit: trigger) { return false }
        }
        return true
    }
}
