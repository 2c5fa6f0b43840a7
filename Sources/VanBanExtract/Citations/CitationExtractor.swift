import VanBanText

/// Turns the document numbers of a range into citations with type, date, issuer and relation.
///
/// For each number (drafts and the `Số:` line of a letterhead excluded): the type from the type
/// word before it (`Quyết định số 49/…`; `Văn bản số 107/UBND-NC` is a Công văn), else from its
/// type code (`QĐ` → Quyết định; a code-less `294/UBND`, `7834/UBND-TH` → Công văn); the date
/// right after it (`ngày 14/8/2018`, `ngày 14 tháng 8 năm 2018`, also after the issuer); the
/// issuer after `của` (`IssuerPhrase`); the relation from the triggers of its sentence
/// (`RelationResolver`). A later short mention (`Quyết định 49`, `Kế hoạch số 6769`) of a number
/// cited in full earlier in the range becomes a citation with the full number and its own range;
/// a repeated full number inherits the first mention's date and issuer when it has none.
public struct CitationExtractor: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    public func citations(_ analysis: Analysis, in range: Range<Int>, dates: [DateMention]) -> [Citation] {
        let text = analysis.text
        let f = text.folded
        let limit = min(range.upperBound, text.count)
        let numbers = analysis.documentNumbers(in: range)
        guard !numbers.isEmpty else { return [] }
        let typeFinder = TypeWordFinder(lexicon: lexicon)
        let issuers = IssuerPhrase(lexicon: lexicon)
        let relations = RelationResolver(lexicon: lexicon, analysis: analysis, range: range)
        var datesByStart: [Int: DateMention] = [:]
        for d in dates where d.precision == .day { datesByStart[d.range.lowerBound] = d }

        var cachedSentence = -1
        var cachedTriggers: RelationResolver.SentenceTriggers? = nil
        func relation(at position: Int) -> Relation {
            guard let s = analysis.sentenceIndex(containing: position), analysis.sentences[s].contains(position) else { return .cites }
            if s != cachedSentence {
                cachedSentence = s
                cachedTriggers = relations.triggers(in: analysis.sentences[s])
            }
            return relations.relation(at: position, in: cachedTriggers!)
        }

        var result: [Citation] = []
        var firstIndex: [String: Int] = [:]
        for n in numbers where !n.isDraft {
            if isLetterheadNumber(f, n.range.lowerBound, floor: range.lowerBound) { continue }
            let codeNames = typeNames(code: n.typeCode, grammar: n.grammar)
            let found = typeFinder.find(f, before: n.range.lowerBound, floor: range.lowerBound, codeNames: codeNames, law: n.grammar == .law, units: text.units)
            var type: String? = found?.name
            if type == "Văn bản" || type == nil {
                type = codeNames.first ?? (n.typeCode == nil && n.grammar == .administrative ? "Công văn" : type)
            }
            let start = found?.start ?? n.range.lowerBound
            var end = n.range.upperBound
            var date: String? = nil
            if let d = dateMention(after: end, text: text, limit: limit, dates: datesByStart) {
                date = d.value.isEmpty ? nil : d.value; end = d.range.upperBound
            }
            var issuer: String? = nil
            if let i = issuers.read(text, at: end, limit: limit) {
                issuer = i.name; end = i.range.upperBound
                if date == nil, let d = dateMention(after: end, text: text, limit: limit, dates: datesByStart) {
                    date = d.value.isEmpty ? nil : d.value; end = d.range.upperBound
                }
            }
            if date == nil, let opening = openingDate(analysis, typeStart: start, dates: datesByStart, floor: range.lowerBound) {
                date = opening.date
                if issuer == nil { issuer = opening.issuer }
            }
            var citation = Citation(range: start..<end, numberRange: n.range, number: n.number, symbol: n.symbol, type: type,
                                    typeCode: n.typeCode, issuerCode: n.issuerCode, year: n.year ?? year(of: date), date: date,
                                    issuer: issuer, relation: relation(at: start))
            if let first = firstIndex[n.number] {
                let earlier = result[first]
                if citation.date == nil { citation.date = earlier.date; citation.year = citation.year ?? earlier.year }
                if citation.issuer == nil { citation.issuer = earlier.issuer }
                if citation.type == nil { citation.type = earlier.type }
            } else {
                firstIndex[n.number] = result.count
            }
            result.append(citation)
        }
        // Every mention of one number names one document: share the date and issuer written at any of them.
        var known: [String: (date: String?, issuer: String?, year: Int?)] = [:]
        for c in result {
            var k = known[c.number] ?? (nil, nil, nil)
            if k.date == nil, let d = c.date { k.date = d; k.year = k.year ?? c.year }
            if k.issuer == nil { k.issuer = c.issuer }
            known[c.number] = k
        }
        for index in result.indices {
            guard let k = known[result[index].number] else { continue }
            if result[index].date == nil { result[index].date = k.date }
            if result[index].year == nil { result[index].year = k.year }
            if result[index].issuer == nil { result[index].issuer = k.issuer }
        }
        if !result.isEmpty {
            result += shortMentions(analysis, range: range, full: result, numbers: numbers, typeFinder: typeFinder, relation: relation)
            result.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return result
    }

    /// The date mention right after `position` (`, ngày 14/8/2018`, `ban hành ngày …`), if any.
    private func dateMention(after position: Int, text: NormalizedText, limit: Int, dates: [Int: DateMention]) -> DateMention? {
        let f = text.folded
        var k = FoldedScan.skipGap(f, position, limit: limit)
        if k < limit && f[k] == 0x2C { k = FoldedScan.skipGap(f, k + 1, limit: limit) }
        if FoldedScan.word(f, k, "ban", limit: limit) {
            let h = FoldedScan.skipGap(f, k + 3, limit: limit)
            if FoldedScan.word(f, h, "hanh", limit: limit) { k = FoldedScan.skipGap(f, h + 4, limit: limit) }
        }
        guard FoldedScan.word(f, k, "ngay", limit: limit) else { return nil }
        if let d = dates[k] { return d }
        // Not given by the caller, or impossible (`ngày 31/02/2021`: no date, but the issuer still follows it).
        var scanner = DateScanner(folded: f, range: k..<min(limit, k + 40), masked: [])
        scanner.scan()
        if let hit = scanner.hits.first, hit.range.lowerBound == k, hit.kind == .day {
            return DateMention(range: hit.range, value: hit.value, precision: .day, role: .citation)
        }
        if let bad = scanner.impossible.first, bad.lowerBound == k {
            return DateMention(range: bad, value: "", precision: .day, role: .citation)
        }
        return nil
    }

    /// `Ngày 21/04/2015, Thủ tướng Chính phủ đã ban hành Chỉ thị số 06/CT-TTg …`: a sentence that
    /// opens with a date and says who issued the cited document gives its date and issuer.
    private func openingDate(_ analysis: Analysis, typeStart: Int, dates: [Int: DateMention], floor: Int) -> (date: String, issuer: String?)? {
        let f = analysis.text.folded
        var k = FoldedScan.skipGapBack(f, typeStart, floor: floor)
        guard FoldedScan.wordEndingAt(f, k, "hanh", floor: floor) else { return nil }
        k = FoldedScan.skipGapBack(f, k - 4, floor: floor)
        guard FoldedScan.wordEndingAt(f, k, "ban", floor: floor) else { return nil }
        var verb = k - 3
        let d = FoldedScan.skipGapBack(f, verb, floor: floor)
        if FoldedScan.wordEndingAt(f, d, "da", floor: floor) { verb = d - 2 }
        guard let s = analysis.sentenceIndex(containing: typeStart), let mention = dates[analysis.sentences[s].lowerBound] else { return nil }
        var c = mention.range.upperBound
        while c < verb && f[c] == 0x20 { c += 1 }
        guard c < verb, f[c] == 0x2C else { return nil }
        // Between the comma and the verb: the issuer, when it is a short capitalised phrase.
        var a = c + 1
        while a < verb && (f[a] == 0x20 || f[a] == 0x0A) { a += 1 }
        var b = verb
        while b > a && (f[b - 1] == 0x20 || f[b - 1] == 0x0A) { b -= 1 }
        var issuer: String? = nil
        if b > a && b - a <= 80 && VietnameseLetters.isUpper(analysis.text.units[a]) && !f[a..<b].contains(0x2C) {
            var units = Array(analysis.text.units[a..<b])
            for i in units.indices where units[i] == 0x0A { units[i] = 0x20 }
            issuer = UTF16String.make(units)
        }
        return (mention.value, issuer)
    }

    private func year(of date: String?) -> Int? {
        guard let date, date.utf8.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }

    /// The type names a code stands for under a grammar (`QĐ` → Quyết định; `TT` legal → Thông tư, party → Thông tri).
    private func typeNames(code: String?, grammar: DocumentNumber.Grammar) -> [String] {
        guard let code, let rows = lexicon.typesByCode[code], !rows.isEmpty else { return [] }
        let system: String
        switch grammar {
        case .legal, .law: system = "legal"
        case .party: system = "party"
        case .administrative: system = "admin"
        }
        var names = rows.filter { $0.system == system }.map(\.name)
        for row in rows where !names.contains(row.name) { names.append(row.name) }
        return names
    }

    /// True for the number of a letterhead `Số:` line (the document's own number), never a citation.
    private func isLetterheadNumber(_ f: [UInt8], _ position: Int, floor: Int) -> Bool {
        var k = position
        while k > floor && f[k - 1] == 0x20 { k -= 1 }
        if k > floor && f[k - 1] == 0x3A { k -= 1 }
        while k > floor && f[k - 1] == 0x20 { k -= 1 }
        guard FoldedScan.wordEndingAt(f, k, "so", floor: floor) else { return false }
        var s = k - 2
        while s > floor && f[s - 1] == 0x20 { s -= 1 }
        return s == floor || f[s - 1] == 0x0A || f[s - 1] == 0x7C
    }

    /// Later short mentions: a type word, optional `số`, and a bare running number that an earlier
    /// full citation of the same type carries (`Quyết định 49` → `49/QĐ-UBND`). Ambiguous ones are dropped.
    private func shortMentions(_ analysis: Analysis, range: Range<Int>, full: [Citation], numbers: [DocumentNumber],
                               typeFinder: TypeWordFinder, relation: (Int) -> Relation) -> [Citation] {
        let text = analysis.text
        let f = text.folded, u = text.units
        let limit = min(range.upperBound, text.count)
        var out: [Citation] = []
        var numberIndex = 0
        var i = range.lowerBound
        let firstStart = full.map(\.numberRange.upperBound).min() ?? limit
        i = max(i, firstStart)
        while i < limit {
            guard FoldedScan.isDigit(f[i]), FoldedScan.wordStart(f, i) else { i += 1; continue }
            while numberIndex < numbers.count && numbers[numberIndex].range.upperBound <= i { numberIndex += 1 }
            var e = i
            while e < limit && FoldedScan.isDigit(f[e]) { e += 1 }
            if e < limit && FoldedScan.isLetter(f[e]) && u[e] < 0x80 && (e + 1 == limit || !FoldedScan.isAlnum(f[e + 1])) { e += 1 }
            defer { i = max(e, i + 1) }
            if numberIndex < numbers.count && numbers[numberIndex].range.contains(i) { continue }
            guard e - i <= 6 else { continue }
            // The running number must stand alone: not `49/…`, `16/3`, `05-NQ`, `1.250`.
            if e < limit {
                let a = f[e]
                if FoldedScan.isAlnum(a) { continue }
                if (a == 0x2F || a == 0x2D || a == 0x2E || a == 0x2C) && e + 1 < limit && FoldedScan.isAlnum(f[e + 1]) { continue }
            }
            if i > range.lowerBound && (f[i - 1] == 0x2F || f[i - 1] == 0x2D || f[i - 1] == 0x2E) { continue }
            guard let found = typeFinder.find(f, before: i, floor: range.lowerBound, codeNames: [], law: false) else { continue }
            let running = UTF16String.make(u[i..<e])
            let candidates = full.filter { $0.numberRange.upperBound <= i && $0.type == found.name && runningNumber($0.number) == running }
            let distinct = Set(candidates.map(\.number))
            guard distinct.count == 1, let target = candidates.first else { continue }
            var c = target
            c.range = found.start..<e
            c.numberRange = i..<e
            c.relation = relation(found.start)
            out.append(c)
        }
        return out
    }

    private func runningNumber(_ number: String) -> String {
        String(number.prefix(while: { $0 != "/" && $0 != "-" }))
    }
}
