import VanBanText

/// Splits a paragraph into clauses and reads who each clause binds.
///
/// Clauses end at `;`, at a sentence end, and at a colon that closes a lead-in (`Chỉ đạo Sở Tài
/// nguyên và Môi trường: Thường xuyên …`); a list of assignees may itself hold `;`
/// (`Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: …; Chủ tịch UBND …`) and is read first.
/// The assignee is the body after an assigning verb (`Giao Sở Nội vụ chủ trì …`), the body after
/// a relay (`Đề nghị UBND tỉnh chỉ đạo Công an tỉnh …` → Công an tỉnh; `UBND các huyện yêu cầu
/// UBND xã …` → UBND xã; but `Giao Ban Quản lý … yêu cầu các doanh nghiệp …` keeps the Ban, since
/// a private party is bound through the state body), or the subject (`Sở Nội vụ có trách nhiệm …`).
struct ClauseReader {
    let scan: TextScan
    let cues: DirectiveCues
    let parser: BodyParser
    let abbreviations: Set<String>

    static let subjectBlockers: Set<String> = ["cua", "ve", "voi", "va", "cho", "tai", "den", "tu", "nhu", "la", "bang", "o", "thi", "duoc", "bi"]
    static let generic: Set<String> = [
        "can", "phai", "tap", "trung", "thuc", "hien", "tot", "hieu", "qua", "nghiem", "tuc", "quan", "tam", "chi", "dao", "trien",
        "khai", "to", "chuc", "mot", "so", "cac", "nhung", "nhiem", "vu", "giai", "phap", "cong", "viec", "noi", "dung", "chu", "yeu",
        "trong", "sau", "nhu", "day", "bien", "cu", "the", "duoi", "cho", "voi", "va", "toan", "dien", "dong", "bo", "quyet", "liet",
        "co", "lien", "sau", "dat", "ket", "thoi", "gian", "toi", "den", "tiep", "tuc", "khan", "truong", "kip", "tich", "cuc",
    ]

    func clauses(in para: Range<Int>) -> [Clause] {
        var out: [Clause] = []
        var p = para.lowerBound
        var after = Clause.Boundary.start
        while p < para.upperBound {
            p = skipJunk(p, para.upperBound)
            guard p < para.upperBound else { break }
            var c = Clause(range: p..<p, after: after)
            let raw = boundary(from: p, limit: para.upperBound, clauseStart: p, head: p, hasAssignees: false)
            let headEnd = readHead(&c, from: p, rawEnd: raw.end, limit: para.upperBound)
            let b = boundary(from: max(p, min(headEnd, para.upperBound)), limit: para.upperBound, clauseStart: p, head: headEnd,
                             hasAssignees: !c.assignees.isEmpty)
            c.range = scan.trimmed(p..<b.end, trailing: [0x20, 0x0A, 0x2E, 0x3B, 0x3A, 0x2C, 0x2F])
            c.endsWithColon = b.kind == .colon
            if c.range.isEmpty { p = b.end + 1; after = b.kind; continue }
            readBody(&c, headEnd: headEnd)
            out.append(c)
            after = b.kind
            p = b.end + 1
        }
        return out
    }

    /// Skips bullets, quotes and an OCR page number glued to a dash (`3 - Chủ trì …`).
    private func skipJunk(_ p0: Int, _ limit: Int) -> Int {
        var p = scan.skipSpaces(p0, limit)
        while p < limit {
            let b = scan.folded[p]
            if b == 0x2D || b == 0x2A || b == 0x22 || b == 0x27 || b == 0x2B || b == FoldedByte.symbol || b == 0x2E || b == 0x2C {
                p = scan.skipSpaces(p + 1, limit); continue
            }
            if b >= 0x30 && b <= 0x39 {
                var k = p
                while k < limit && scan.folded[k] >= 0x30 && scan.folded[k] <= 0x39 { k += 1 }
                let j = scan.skipSpaces(k, limit)
                if j < limit && scan.folded[j] == 0x2D && j > k { p = j; continue }
            }
            break
        }
        return p
    }

    /// The end of the clause starting at `clauseStart`, searching from `from`.
    private func boundary(from: Int, limit: Int, clauseStart: Int, head: Int, hasAssignees: Bool) -> (end: Int, kind: Clause.Boundary) {
        let f = scan.folded
        var depth = 0
        var k = from
        while k < limit {
            let b = f[k]
            if b == 0x28 { depth += 1 } else if b == 0x29 { depth = max(0, depth - 1) }
            else if depth == 0 {
                if b == 0x3B { return (k, .semicolon) }
                if b == 0x21 || b == 0x3F { return (k, .sentence) }
                if b == 0x2E && isSentenceEnd(k, limit: limit, start: clauseStart) { return (k, .sentence) }
                if b == 0x3A {
                    let rest = scan.skipSpaces(k + 1, limit)
                    if rest >= limit { return (k, .colon) }
                    if hasAssignees && wordCount(head..<k) <= 6 { return (k, .colon) }
                    if let w = scan.word(at: clauseStart, limit), scan.equals(w, "ve"), wordCount(clauseStart..<k) <= 12 { return (k, .colon) }
                }
            }
            k += 1
        }
        return (limit, .sentence)
    }

    private func isSentenceEnd(_ k: Int, limit: Int, start: Int) -> Bool {
        let f = scan.folded
        if k + 1 < limit && (f[k + 1] >= 0x30 && f[k + 1] <= 0x39) { return false }
        if k + 1 < limit && f[k + 1] == 0x2F { return false } // "./."
        let next = scan.skipSpaces(k + 1, limit)
        if next >= limit { return true }
        if next == k + 1 && f[next] != 0x0A && !(f[next] == 0x2E) { return false }
        if let w = scan.lastWord(before: k, from: start), w.upperBound == k, abbreviations.contains(scan.key(w)) { return false }
        let u = scan.units[next]
        return VietnameseLetters.isUpper(u) || (f[next] >= 0x30 && f[next] <= 0x39) || f[next] == 0x2D || f[next] == 0x22 || f[next] == 0x2E
    }

    private func wordCount(_ r: Range<Int>) -> Int {
        var n = 0
        var k = r.lowerBound
        while k < r.upperBound {
            if scan.isWord(k) && (k == 0 || !scan.isWord(k - 1)) { n += 1 }
            k += 1
        }
        return n
    }

    /// Word starts in `r`.
    private func wordStarts(_ r: Range<Int>) -> [Int] {
        var out: [Int] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if scan.isWord(k) && (k == 0 || !scan.isWord(k - 1)) { out.append(k) }
            k += 1
        }
        return out
    }

    /// Reads the assignees at the head of a clause; returns where the head ends.
    private func readHead(_ c: inout Clause, from p: Int, rawEnd: Int, limit: Int) -> Int {
        let f = scan.folded
        // 1. An assigning verb before any other predicate since the last comma.
        var k = p
        var predicateSeen = false
        var firstPredicate = true
        var previousWord: Range<Int>? = nil
        while k < rawEnd {
            if f[k] == 0x2C { predicateSeen = false; k += 1; continue }
            guard scan.isWord(k), k == 0 || !scan.isWord(k - 1) else { k += 1; continue }
            if let v = cues.verb(at: k, in: scan, limit: limit) {
                if v.roles.contains(.assign) && !predicateSeen {
                    let prev = previousWord.map { scan.key($0) } ?? ""
                    if prev != "duoc" && prev != "theo" && prev != "cua" && prev != "da",
                       let w = scan.word(at: v.end, limit), let list = parser.bodyList(at: w.lowerBound, limit: limit, scan: scan) {
                        c.verb = k..<v.end
                        c.assigned = true
                        c.assignees = expand(list.bodies)
                        c.opensWithDirect = firstPredicate && scan.key(k..<v.end) == "chi dao" && k == p
                        var end = list.end
                        // A relay: "<X> chỉ đạo/yêu cầu <Y> …".
                        if let w2 = scan.word(at: end, limit), let v2 = cues.verb(at: w2.lowerBound, in: scan, limit: limit),
                           v2.roles.contains(.assign) {
                            if let w3 = scan.word(at: v2.end, limit), let inner = parser.bodyList(at: w3.lowerBound, limit: limit, scan: scan) {
                                if !inner.bodies.allSatisfy({ $0.isPrivate }) { c.assignees = expand(inner.bodies) }
                                c.relays = true
                                end = inner.end
                            } else if scan.key(w2.lowerBound..<v2.end).hasSuffix("chi dao") {
                                c.relays = true
                            }
                        }
                        return end
                    }
                }
                let bodyRole = v.roles.intersects(.bodyWords)
                if !bodyRole && !v.roles.contains(.urge) && !v.roles.contains(.modal) && !v.roles.contains(.assign) {
                    predicateSeen = true
                    firstPredicate = false
                }
            }
            // Skip over body names so their words are not read as verbs (`Sở Kế hoạch và Đầu tư`).
            if let b = parser.body(at: k, limit: limit, scan: scan) {
                previousWord = scan.lastWord(before: b.range.upperBound, from: k)
                k = b.range.upperBound
                continue
            }
            var e = k
            while e < limit && scan.isWord(e) { e += 1 }
            previousWord = k..<e
            k = e
        }
        // 2. A subject: a body at the start of the clause or right after a comma, then a predicate.
        // A clause that opens with its verb (`Chủ trì, tham mưu UBND tỉnh …, UBND các huyện …`)
        // has no written subject: bodies after its commas are objects or enumerations of the
        // action. A private party (`…, doanh nghiệp đối với …`) after a comma is never the subject.
        var candidates = [p]
        if !opensWithPredicate(p, limit: rawEnd) {
            var j = p
            var words = 0
            while j < rawEnd && words < 40 {
                if f[j] == 0x2C { candidates.append(j + 1) }
                if scan.isWord(j) && (j == 0 || !scan.isWord(j - 1)) { words += 1 }
                j += 1
            }
        }
        for q in candidates {
            guard let w = scan.word(at: q, limit), let list = parser.bodyList(at: w.lowerBound, limit: limit, scan: scan) else { continue }
            if q != p && list.bodies.allSatisfy({ $0.isPrivate }) { continue }
            let after = scan.skipSpaces(list.end, limit)
            var ok = false
            if after >= limit || f[after] == 0x3A || f[after] == 0x2E || f[after] == 0x3B { ok = true }
            else if let next = scan.word(at: after, limit), next.lowerBound == after, !scan.isCapitalized(next) {
                let key = scan.key(next)
                ok = !Self.subjectBlockers.contains(key) || (key == "trong" && scan.word(at: next.upperBound, limit).map { scan.key($0) } == "pham")
            }
            if ok {
                c.assignees = expand(list.bodies)
                c.assigned = false
                return list.end
            }
        }
        return p
    }

    /// Whether the clause opens with an action or obligation phrase (after urgency words such as
    /// `Khẩn trương`, `Tiếp tục`): `Chủ trì, …`, `Rà soát, …`.
    private func opensWithPredicate(_ p: Int, limit: Int) -> Bool {
        var k = p
        for _ in 0..<3 {
            guard let w = scan.word(at: k, limit), w.lowerBound == scan.skipSpaces(k, limit),
                  let v = cues.verb(at: w.lowerBound, in: scan, limit: limit) else { return false }
            if v.roles.intersects(.skippableFirst) || v.roles.contains(.modal) { k = v.end; continue }
            return !v.roles.subtracting(.nonPredicates).isEmpty && !v.roles.contains(.assign)
        }
        return false
    }

    /// A group named with its members in parentheses stands for the members:
    /// `Các thành viên Ban Chỉ đạo có liên quan (Sở Nội vụ, Sở Tài chính, …)` → the Sở.
    private func expand(_ bodies: [Body]) -> [Body] {
        var out: [Body] = []
        for b in bodies {
            let f = scan.folded
            if b.name.lowercased().hasPrefix("các "), let open = b.range.firstIndex(where: { f[$0] == 0x28 }),
               let w = scan.word(at: open + 1, b.range.upperBound),
               let inner = parser.bodyList(at: w.lowerBound, limit: b.range.upperBound, scan: scan), inner.bodies.count >= 2 {
                out.append(contentsOf: inner.bodies)
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// Reads cues over the whole clause.
    private func readBody(_ c: inout Clause, headEnd: Int) {
        let f = scan.folded
        let starts = wordStarts(c.range)
        let verbAt = c.verb?.lowerBound ?? Int.max
        var firstRoleSeen = false
        for (index, k) in starts.enumerated() {
            if let n = cues.narrativeCue(at: k, in: scan, limit: c.range.upperBound), k < verbAt {
                for kind in n.kinds {
                    switch kind {
                    case .aspect: if index < 12 || (headEnd > c.range.lowerBound && k >= headEnd && k <= headEnd + 6) { c.narrative = true }
                    case .other, .assessmentHeading, .goalHeading, .directiveHeading, .agentive: break
                    default: c.narrative = true
                    }
                }
            }
            for gap in cues.gapCues where k < verbAt && f[k..<min(k + gap.head.count, c.range.upperBound)].elementsEqual(gap.head) {
                let end = min(c.range.upperBound, k + 120)
                var j = k + gap.head.count
                while j + gap.tail.count <= end {
                    if f[j..<j + gap.tail.count].elementsEqual(gap.tail), j == 0 || !scan.isWord(j - 1) { c.narrative = true; break }
                    j += 1
                }
            }
            if let v = cues.verb(at: k, in: scan, limit: c.range.upperBound) {
                if v.roles.intersects(.obligations) { c.obligation = true }
                if v.roles.contains(.execution) { c.obligation = true; c.execution = true }
                if !firstRoleSeen && k >= headEnd {
                    let skippable = v.roles.intersects(.skippableFirst)
                    if !skippable {
                        firstRoleSeen = true
                        if v.roles.contains(.report) && c.assignees.isEmpty { c.reportLed = true }
                    }
                }
            }
        }
        if !c.assigned, let first = starts.first, let m = scan.phrases.headings.match(at: first, limit: c.range.upperBound),
           m.payloads.contains(where: { cues.kinds[$0] == .goalHeading }) {
            c.goal = true
        }
        if !c.assignees.isEmpty {
            let rest = starts.filter { $0 >= headEnd }
            if rest.isEmpty { c.umbrella = true }
            else if c.endsWithColon {
                c.umbrella = rest.allSatisfy { k in
                    var e = k
                    while e < c.range.upperBound && scan.isWord(e) { e += 1 }
                    return Self.generic.contains(scan.key(k..<e))
                }
            }
        }
    }
}
