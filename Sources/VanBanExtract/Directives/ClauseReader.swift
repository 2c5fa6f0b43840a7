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
///
/// A final class, created once per document: its text arrays, lexicon tables and learned names are shared by
/// reference, so the many small reads (`readHead`, `readBody`, `boundary`, `wordStarts`) do not copy them.
final class ClauseReader {
    let scan: TextScan
    let cues: DirectiveCues
    let parser: BodyParser
    let abbreviations: Set<String>
    /// Bodies the document itself establishes (`Thành lập Tổ công tác rà soát …`, `(sau đây gọi là Tổ công tác)`),
    /// as folded keys: a heading may name them though the lexicons cannot read them.
    let learned: [String]
    /// The last boundary scan whose stops do not depend on where its clause starts (no assignees, not
    /// a `Về …:` clause, starting at a word start): a later clause starting inside it, outside its
    /// parentheses, ends where it ended. Without it an endless sentence of colons (each ending a
    /// clause) cost quadratic time, every clause scanning again to the end of the sentence.
    private var lastScan: (from: Int, limit: Int, end: Int, kind: Clause.Boundary, parens: [Range<Int>])?

    init(scan: TextScan, cues: DirectiveCues, parser: BodyParser, abbreviations: Set<String>, learned: [String] = []) {
        self.scan = scan
        self.cues = cues
        self.parser = parser
        self.abbreviations = abbreviations
        self.learned = learned
    }

    /// The names a document establishes: after `thành lập` or `gọi là` (`sau đây gọi là`, `gọi tắt là`), a capitalised
    /// body head and the words after it up to punctuation or a line end (at most 12 words). One pass over the range.
    static func learnedNames(in range: Range<Int>, scan: TextScan, cues: DirectiveCues) -> [String] {
        var out: [String] = []
        var k = range.lowerBound
        var previous: Range<Int>? = nil
        let folded = scan.folded
        while k < range.upperBound {
            // Words are found on the raw bytes: this pass reads every byte of the document.
            var e = k
            let isSpaceRun: Bool = folded.withUnsafeBufferPointer { f in
                let b = f[k]
                guard PhraseMatcher.isWordByte(b) else { return b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
                e = k + 1
                while e < range.upperBound && PhraseMatcher.isWordByte(f[e]) { e += 1 }
                return false
            }
            guard e > k else { k += 1; if !isSpaceRun { previous = nil }; continue }
            let w = k..<e
            k = e
            defer { previous = w }
            guard let prev = previous, (scan.equals(prev, "thanh") && scan.equals(w, "lap")) || (scan.equals(prev, "goi") && scan.equals(w, "la")),
                  let first = scan.word(at: w.upperBound, range.upperBound, lines: false), scan.isCapitalized(first),
                  let head = cues.verb(at: first.lowerBound, in: scan, limit: range.upperBound), head.roles.contains(.bodyHead) else { continue }
            var end = first.upperBound, n = 1
            while n < 12, let next = scan.word(at: end, range.upperBound, lines: false), next.lowerBound == scan.skipSpaces(end, range.upperBound, lines: false) {
                end = next.upperBound; n += 1
            }
            out.append(scan.collapsedKey(first.lowerBound..<end))
        }
        return out
    }

    /// The folded words of `r` joined by single spaces.
    static let headingOwners: [(StaticString, StaticString)] = [("trach", "nhiem"), ("nhiem", "vu")]

    /// A heading that names whose duties the items under it are: `Trách nhiệm của Văn phòng HĐND và UBND huyện`,
    /// `Nhiệm vụ của Tổ công tác` (a body the document established). The clause is nothing but the heading;
    /// the bodies after `của` reach its end. Returns the bodies and where they end.
    private func dutyHeading(from p: Int, rawEnd: Int, limit: Int) -> (bodies: [Body], end: Int)? {
        guard let w1 = scan.word(at: p, rawEnd), w1.lowerBound == p, scan.isCapitalized(w1),
              let w2 = scan.word(at: w1.upperBound, rawEnd, lines: false),
              Self.headingOwners.contains(where: { scan.equals(w1, $0.0) && scan.equals(w2, $0.1) }),
              let w3 = scan.word(at: w2.upperBound, rawEnd, lines: false), scan.equals(w3, "cua"),
              let w4 = scan.word(at: w3.upperBound, rawEnd, lines: false), scan.isCapitalized(w4) else { return nil }
        let end = scan.trimmed(w4.lowerBound..<rawEnd, trailing: [0x20, 0x0A, 0x09, 0x0D, 0x3A]).upperBound
        if let list = parser.bodyList(at: w4.lowerBound, limit: end, scan: scan), scan.skipSpaces(list.end, end) == end {
            return (list.bodies, end)
        }
        guard !learned.isEmpty, end > w4.upperBound, end - w4.lowerBound < 120,
              let head = cues.verb(at: w4.lowerBound, in: scan, limit: end), head.roles.contains(.bodyHead) else { return nil }
        // Only words and spaces: a learned name is read whole.
        for i in w4.lowerBound..<end where !scan.isWord(i) && scan.folded[i] != 0x20 { return nil }
        let key = scan.collapsedKey(w4.lowerBound..<end)
        guard learned.contains(where: { $0 == key || $0.hasPrefix(key + " ") }) else { return nil }
        return ([Body(range: w4.lowerBound..<end, written: w4.lowerBound..<end, isPrivate: false, units: scan.units)], end)
    }

    /// Words that open an addressee label before its bodies (folded): `Đối với`, `Về phía`, `Riêng`.
    static let labelOpeners: [[StaticString]] = [["doi", "voi"], ["ve", "phia"], ["rieng"]]

    /// `Đối với <bodies>` followed by `:` or `,`: the bodies the rest of the clause, or the items under it, address.
    private func addresseeLabel(from p: Int, limit: Int) -> (bodies: [Body], end: Int)? {
        guard let w1 = scan.word(at: p, limit), w1.lowerBound == p, scan.isCapitalized(w1) else { return nil }
        for opener in Self.labelOpeners where scan.equals(w1, opener[0]) {
            var last = w1
            if opener.count > 1 {
                guard let w2 = scan.word(at: w1.upperBound, limit, lines: false), w2.lowerBound == w1.upperBound + 1, scan.equals(w2, opener[1]) else { continue }
                last = w2
            }
            guard let w = scan.word(at: last.upperBound, limit, lines: false), scan.isCapitalized(w),
                  let list = parser.bodyList(at: w.lowerBound, limit: limit, scan: scan) else { return nil }
            let after = scan.skipSpaces(list.end, limit, lines: false)
            guard after < limit, scan.folded[after] == 0x3A || scan.folded[after] == 0x2C else { return nil }
            return (list.bodies, list.end)
        }
        return nil
    }

    static let topicWord: [UInt16] = Array("về".utf16)
    /// Written words after a subject that make it no subject: `… các cấp, các ngành trong quản lý đầu tư`,
    /// `… Trung tâm huấn luyện thi đấu thể thao tỉnh để phát huy hiệu quả` (`trong phạm vi …`, `trong tháng 6` are scope and time).
    static let writtenBlockers: Set<String> = ["trong", "để"]
    static let scopeAfterTrong: Set<String> = ["pham", "thoi", "thang", "quy", "nam", "tuan", "ngay", "nhiem"]
    static let subjectBlockers: Set<String> = ["cua", "ve", "voi", "va", "cho", "tai", "den", "tu", "nhu", "la", "bang", "o", "thi", "duoc", "bi"]
    static let generic: Set<String> = [
        "can", "phai", "tap", "trung", "thuc", "hien", "tot", "hieu", "qua", "nghiem", "tuc", "quan", "tam", "chi", "dao", "trien",
        "khai", "to", "chuc", "mot", "so", "cac", "nhung", "nhiem", "vu", "giai", "phap", "cong", "viec", "noi", "dung", "chu", "yeu",
        "trong", "sau", "nhu", "day", "bien", "cu", "the", "duoi", "cho", "voi", "va", "toan", "dien", "dong", "bo", "quyet", "liet",
        "co", "lien", "sau", "dat", "ket", "thoi", "gian", "toi", "den", "tiep", "tuc", "khan", "truong", "kip", "tich", "cuc",
    ]

    /// Function words that end a list of names, with their diacritics (folded `trong` is also
    /// `trồng` in `Công ty TNHH Nuôi trồng thủy sản`, folded `co` also `cơ`).
    static let writtenStops: Set<String> = [
        "với", "cho", "trong", "tại", "về", "theo", "để", "trên", "đến", "từ", "có", "là", "được", "đã", "đang", "sẽ",
        "không", "chưa", "những", "này", "do", "thì", "mà", "nếu", "khi", "phải", "cần", "trước", "sau", "như", "hoặc",
        "cũng", "đều", "vào", "ra", "lên", "nhằm", "bằng", "qua", "mọi", "một", "số", "việc",
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
            if let w1 = scan.word(at: c.range.lowerBound, c.range.upperBound), w1.lowerBound == c.range.lowerBound, scan.equals(w1, "theo"),
               let w2 = scan.word(at: w1.upperBound, c.range.upperBound), scan.equals(w2, "quy"),
               let w3 = scan.word(at: w2.upperBound, c.range.upperBound), scan.equals(w3, "dinh") {
                c.rule = true
            }
            if c.assignees.isEmpty, let w = scan.word(at: c.range.lowerBound, c.range.upperBound), w.lowerBound == c.range.lowerBound,
               DirectiveCues.written(scan.units, w, equals: Self.topicWord) {
                // Ends at a lead-in colon, or is a whole heading line without final punctuation.
                let last = scan.folded[scan.trimmed(para).upperBound - 1]
                c.topic = c.endsWithColon || (b.end >= para.upperBound && after == .start && last != 0x2E && last != 0x3B)
            }
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
        // Words since `head` and since `clauseStart`, counted as the scan goes (not again at every colon:
        // a clause of many colons cost quadratic time).
        var headWords = from > head ? wordCount(head..<from) : 0
        var startWords = from > clauseStart ? wordCount(clauseStart..<from) : 0
        let opensWithVe = scan.word(at: clauseStart, limit).map { scan.equals($0, "ve") } ?? false
        let reusable = !hasAssignees && !opensWithVe && (clauseStart == 0 || !scan.isWord(clauseStart - 1))
        if reusable, let last = lastScan, last.limit == limit, from >= last.from, from < last.end {
            // Inside a parenthesis of the last scan the depth differs: scan afresh.
            var a = 0, b = last.parens.count
            while a < b { let m = (a + b) / 2; if last.parens[m].lowerBound < from { a = m + 1 } else { b = m } }
            if a == 0 || !(from <= last.parens[a - 1].upperBound) { return (last.end, last.kind) }
        }
        var parens: [Range<Int>] = []
        var open = 0
        func finish(_ end: Int, _ kind: Clause.Boundary) -> (end: Int, kind: Clause.Boundary) {
            if reusable {
                if depth > 0 { parens.append(open..<limit) }
                lastScan = (from, limit, end, kind, parens)
            }
            return (end, kind)
        }
        while k < limit {
            let b = f[k]
            if PhraseMatcher.isWordByte(b) {
                if k == 0 || !PhraseMatcher.isWordByte(f[k - 1]) {
                    if k >= head { headWords += 1 }
                    if k >= clauseStart { startWords += 1 }
                }
                // The rest of the word starts no word and ends nothing.
                k += 1
                while k < limit && PhraseMatcher.isWordByte(f[k]) { k += 1 }
                continue
            }
            if b == 0x28 {
                if depth == 0 { open = k }
                depth += 1
            } else if b == 0x29 {
                if depth == 1 && reusable { parens.append(open..<k) }
                depth = max(0, depth - 1)
            }
            else if depth == 0 {
                if b == 0x3B { return finish(k, .semicolon) }
                if b == 0x21 || b == 0x3F { return finish(k, .sentence) }
                if b == 0x2E && isSentenceEnd(k, limit: limit, start: clauseStart) { return finish(k, .sentence) }
                if b == 0x3A {
                    let rest = scan.skipSpaces(k + 1, limit)
                    if rest >= limit { return finish(k, .colon) }
                    if hasAssignees && headWords <= 6 { return (k, .colon) }
                    if opensWithVe, startWords <= 12 { return (k, .colon) }
                }
            }
            k += 1
        }
        return finish(limit, .sentence)
    }

    private func isSentenceEnd(_ k: Int, limit: Int, start: Int) -> Bool {
        let f = scan.folded
        if k + 1 < limit && (f[k + 1] >= 0x30 && f[k + 1] <= 0x39) { return false }
        if k + 1 < limit && f[k + 1] == 0x2F { return false } // "./."
        let next = scan.skipSpaces(k + 1, limit)
        if next >= limit { return true }
        if next == k + 1 && f[next] != 0x0A && !(f[next] == 0x2E) { return false }
        // Only a word ending right at the stop can be an abbreviation (no scan back over punctuation).
        if k > start, scan.isWord(k - 1), let w = scan.lastWord(before: k, from: start), abbreviations.contains(scan.key(w)) { return false }
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
        guard r.lowerBound < r.upperBound else { return out }
        out.reserveCapacity(r.count / 4 + 1)
        scan.folded.withUnsafeBufferPointer { f in
            var k = r.lowerBound
            var previous = k > 0 && PhraseMatcher.isWordByte(f[k - 1])
            while k < r.upperBound {
                let word = PhraseMatcher.isWordByte(f[k])
                if word && !previous { out.append(k) }
                previous = word
                k += 1
            }
        }
        return out
    }

    /// Reads the assignees at the head of a clause; returns where the head ends.
    private func readHead(_ c: inout Clause, from p: Int, rawEnd: Int, limit: Int) -> Int {
        let f = scan.folded
        // 0. A duty heading (`Trách nhiệm của Phòng Nội vụ`): its bodies are the assignees of the items under it.
        if let duty = dutyHeading(from: p, rawEnd: rawEnd, limit: limit) {
            c.assignees = duty.bodies
            c.assigned = false
            return duty.end
        }
        // 0b. An addressee label: `Đối với Sở Y tế: khẩn trương …`, `Về phía Sở Tài chính: …`, `Riêng UBND huyện X, …`.
        if let label = addresseeLabel(from: p, limit: limit) {
            c.assignees = expand(label.bodies)
            c.assigned = false
            return label.end
        }
        // 1. An assigning verb before any other predicate since the last comma.
        var k = p
        var predicateSeen = false
        var firstPredicate = true
        var previousWord: Range<Int>? = nil
        while k < rawEnd {
            if f[k] == 0x2C { predicateSeen = false; k += 1; continue }
            // A body labelling the item (`b) UBND thành phố Kon Tum: Chỉ đạo các phòng …`) is the assignee; a verb
            // after its colon is the label's task, read by the list of bodies below.
            if f[k] == 0x3A, !predicateSeen, let w0 = scan.word(at: p, k), w0.lowerBound == p,
               let label = parser.bodyList(at: p, limit: k, scan: scan), scan.skipSpaces(label.end, k) == k { break }
            guard scan.isWord(k), k == 0 || !scan.isWord(k - 1) else { k += 1; continue }
            let verbHere = cues.verb(at: k, in: scan, limit: limit)
            if let v = verbHere {
                if v.roles.contains(.assign) && !predicateSeen {
                    let prev = previousWord.map { scan.key($0) } ?? ""
                    if prev != "duoc" && prev != "theo" && prev != "cua" && prev != "da",
                       let w = scan.word(at: v.end, limit), let list = parser.bodyList(at: w.lowerBound, limit: limit, scan: scan) {
                        c.verb = k..<v.end
                        c.assigned = true
                        c.assignees = expand(list.bodies)
                        c.opensWithDirect = firstPredicate && scan.key(k..<v.end) == "chi dao" && k == p
                        // `<X> chỉ đạo <Y> …`: X, written right before the verb, relays the order.
                        if k > p, let w0 = scan.word(at: p, limit), let subject = parser.bodyList(at: w0.lowerBound, limit: k, scan: scan),
                           scan.skipSpaces(subject.end, k) == k {
                            c.relayer = subject.bodies
                        }
                        var end = list.end
                        // A relay: "<X> chỉ đạo/yêu cầu <Y> …".
                        if let w2 = scan.word(at: end, limit), let v2 = cues.verb(at: w2.lowerBound, in: scan, limit: limit),
                           v2.roles.contains(.assign) {
                            if let w3 = scan.word(at: v2.end, limit), let inner = parser.bodyList(at: w3.lowerBound, limit: limit, scan: scan) {
                                if !inner.bodies.allSatisfy({ $0.isPrivate }) { c.relayer = c.assignees; c.assignees = expand(inner.bodies) }
                                c.relays = true
                                end = inner.end
                            } else if scan.key(w2.lowerBound..<v2.end).hasSuffix("chi dao") {
                                c.relays = true
                            }
                        } else if let w2 = scan.word(at: end, limit), let u = cues.verb(at: w2.lowerBound, in: scan, limit: limit), u.roles.contains(.urge),
                                  let w3 = scan.word(at: u.end, limit), let v3 = cues.verb(at: w3.lowerBound, in: scan, limit: limit),
                                  v3.roles.contains(.assign), scan.key(w3.lowerBound..<v3.end).hasSuffix("chi dao") {
                            // "Đề nghị UBND tỉnh tập trung chỉ đạo thực hiện các nội dung sau:" relays as well.
                            c.relays = true
                        }
                        return end
                    }
                    // An assigning verb that opens the clause, then a name the lexicons do not know, then
                    // an action: `Giao IOC chủ trì …`, `Đề nghị VNPT Cà Mau khẩn trương …`.
                    if k == p, prev != "duoc", let w = scan.word(at: v.end, limit, lines: false), let b = unknownBody(at: w.lowerBound, limit: limit) {
                        c.verb = k..<v.end
                        c.assigned = true
                        c.assignees = [b]
                        return b.range.upperBound
                    }
                }
                let bodyRole = v.roles.intersects(.bodyWords)
                if !bodyRole && !v.roles.contains(.urge) && !v.roles.contains(.modal) && !v.roles.contains(.assign) {
                    predicateSeen = true
                    firstPredicate = false
                }
            }
            // Skip over body names so their words are not read as verbs (`Sở Kế hoạch và Đầu tư`).
            if let b = parser.body(at: k, limit: limit, scan: scan, verb: .some(verbHere)) {
                previousWord = scan.lastWord(before: b.range.upperBound, from: k)
                k = b.range.upperBound
                continue
            }
            var e = k
            while e < limit && scan.isWord(e) { e += 1 }
            previousWord = k..<e
            k = e
        }
        // 2. A list of bodies, titles and groups bound by an execution or responsibility phrase
        //    (`Chánh Văn phòng …; Giám đốc các Sở, Ban, ngành …; Các thành viên Ban Chỉ đạo … và các
        //    đơn vị, tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành`): every body before it, as written.
        if let list = responsibleList(from: p, limit: limit) {
            c.assignees = expand(list.bodies)
            c.assigned = false
            return list.end
        }
        // 3. A subject: a body at the start of the clause or right after a comma, then a predicate.
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
            guard let w = scan.word(at: q, limit) else { continue }
            guard let list = parser.bodyList(at: w.lowerBound, limit: limit, scan: scan) else {
                // A body the document established (`Thành lập Tổ kiểm tra liên ngành …` → `Tổ kiểm tra có nhiệm vụ …`).
                if let b = learnedSubject(at: w.lowerBound, limit: limit) {
                    c.assignees = [b]
                    c.assigned = false
                    return b.range.upperBound
                }
                continue
            }
            if q != p && list.bodies.allSatisfy({ $0.isPrivate }) { continue }
            let after = scan.skipSpaces(list.end, limit)
            var ok = false
            if after >= limit || f[after] == 0x3A || f[after] == 0x2E || f[after] == 0x3B { ok = true }
            else if let next = scan.word(at: after, limit), next.lowerBound == after, !scan.isCapitalized(next) {
                let key = scan.key(next)
                let written = UTF16String.make(scan.units[next]).lowercased()
                let blocked = Self.subjectBlockers.contains(key)
                    || (Self.writtenBlockers.contains(written)
                        && !(written == "trong" && scan.word(at: next.upperBound, limit).map { Self.scopeAfterTrong.contains(scan.key($0)) } == true))
                ok = !blocked
                    // "Sở Tư pháp là cơ quan thường trực …, có trách nhiệm …": a role phrase, not a definition.
                    || (key == "la" && cues.verb(at: next.lowerBound, in: scan, limit: limit).map { $0.roles.contains(.lead) } == true)
            }
            if ok {
                c.assignees = expand(list.bodies)
                c.assigned = false
                return list.end
            }
        }
        return p
    }

    /// A subject the document established (see `learnedNames`): a capitalised body head and the words after it whose folded
    /// key is a learned name or its opening words (the longest such), then a lower-case predicate that takes a subject
    /// (`có nhiệm vụ`, `có trách nhiệm`, `chịu trách nhiệm`, `tổ chức`, `báo cáo`; not an assigning verb, not a function
    /// word such as `của`, `là`, `được`). At least two words: a bare head (`Tổ`) is no name.
    private func learnedSubject(at p: Int, limit: Int) -> Body? {
        guard !learned.isEmpty, let first = scan.word(at: p, limit, lines: false), first.lowerBound == p, scan.isCapitalized(first),
              let head = cues.verb(at: p, in: scan, limit: limit), head.roles.contains(.bodyHead) else { return nil }
        var end = first.upperBound, k = first.upperBound, n = 1, best: Int? = nil
        var key = scan.key(first)
        while n < 12, let next = scan.word(at: k, limit, lines: false), next.lowerBound == scan.skipSpaces(k, limit, lines: false) {
            let candidate = key + " " + scan.key(next)
            guard learned.contains(where: { $0 == candidate || $0.hasPrefix(candidate + " ") }) else { break }
            key = candidate; end = next.upperBound; k = end; n += 1
            best = end
        }
        guard let nameEnd = best, let next = scan.word(at: nameEnd, limit, lines: false),
              next.lowerBound == scan.skipSpaces(nameEnd, limit, lines: false), !scan.isCapitalized(next),
              !Self.subjectBlockers.contains(scan.key(next)),
              let v = cues.verb(at: next.lowerBound, in: scan, limit: limit),
              !v.roles.subtracting(.nonPredicates).isEmpty, !v.roles.contains(.assign) else { return nil }
        return Body(range: p..<nameEnd, written: p..<nameEnd, isPrivate: false, units: scan.units)
    }

    /// A name the lexicons do not know after an assigning verb: one to six capitalised words (joined
    /// by spaces, `-` or `&`; `IOC`, `VNPT Cà Mau`, `Trung tâm Giám sát điều hành đô thị thông minh` is
    /// known by its head) followed by a lower-case obligation or action phrase (`chủ trì`, `có trách
    /// nhiệm`, `triển khai`). A document type (`Kế hoạch`), a predicate written with a capital, or no
    /// action after the name makes no body.
    private func unknownBody(at p: Int, limit: Int) -> Body? {
        let f = scan.folded
        var end = p, k = p, n = 0
        while n < 6, let w = scan.word(at: k, limit, lines: false), w.lowerBound == scan.skipSpaces(k, limit, lines: false), scan.isCapitalized(w) {
            // A capitalised predicate opens no name (`Giao Tổ chức …`); inside one it is a name word (`Cần Thơ`).
            if (n == 0 && parser.isPredicate(w.lowerBound, limit: limit, scan: scan)) || scan.phrases.typeNames.match(at: w.lowerBound, limit: limit) != nil { break }
            end = w.upperBound; n += 1; k = w.upperBound
            let j = scan.skipSpaces(k, limit, lines: false)
            if j < limit, f[j] == 0x2D || f[j] == 0x26, let next = scan.word(at: j + 1, limit, lines: false), scan.isCapitalized(next) { k = j + 1 }
        }
        guard n > 0, let next = scan.word(at: end, limit, lines: false), next.lowerBound == scan.skipSpaces(end, limit, lines: false),
              !scan.isCapitalized(next), let v = cues.verb(at: next.lowerBound, in: scan, limit: limit),
              !v.roles.subtracting(.nonPredicates).isEmpty, !v.roles.contains(.assign) else { return nil }
        return Body(range: p..<end, written: p..<end, isPrivate: false, units: scan.units)
    }

    /// Persons a list names by reference to an article (`người`, `ông`, `bà`, `cá nhân`, `thành viên`, `đồng chí`, …).
    static let referencedPersons: [[StaticString]] = [
        ["ong"], ["ba"], ["ca", "nhan"], ["thanh", "vien"], ["dong", "chi"], ["can", "bo"], ["cong", "chuc"], ["vien", "chuc"], ["nguoi"],
    ]

    /// Persons named by reference to an article of the document: `các ông (bà) có tên tại Điều 1`,
    /// `các cá nhân có tên tại Điều 1`, `thành viên có tên ở Điều 2`, `ông/bà có tên tại Điều 1`. Where the reference ends
    /// (after the article's number), or nil. `có tên tại Điều N` is what makes it a list member: a bare `các ông` is not.
    private func personsByReference(at p: Int, limit: Int) -> Int? {
        guard var w = scan.word(at: p, limit, lines: false), w.lowerBound == p else { return nil }
        if scan.equals(w, "cac") || scan.equals(w, "nhung") {
            guard let n = scan.word(at: w.upperBound, limit, lines: false) else { return nil }
            w = n
        }
        // The person noun, then optional alternatives in parentheses or after `/` (`ông (bà)`, `ông/bà`).
        guard let noun = Self.referencedPersons.first(where: { words in
            var k = w.lowerBound
            for literal in words {
                guard let x = scan.word(at: k, limit, lines: false), x.lowerBound == scan.skipSpaces(k, limit, lines: false), scan.equals(x, literal) else { return false }
                k = x.upperBound
            }
            return true
        }) else { return nil }
        var k = w.lowerBound
        for _ in noun { k = scan.word(at: k, limit, lines: false)!.upperBound }
        let f = scan.folded
        var j = scan.skipSpaces(k, limit, lines: false)
        if j < limit, f[j] == 0x28 {
            var e = j + 1
            while e < limit && e < j + 24 && f[e] != 0x29 && f[e] != 0x0A { e += 1 }
            guard e < limit, f[e] == 0x29 else { return nil }
            k = e + 1
        } else if j < limit, f[j] == 0x2F, let alt = scan.word(at: j + 1, limit, lines: false), alt.lowerBound == j + 1 {
            k = alt.upperBound
        }
        j = k
        guard let co = scan.word(at: j, limit, lines: false), scan.equals(co, "co"),
              let ten = scan.word(at: co.upperBound, limit, lines: false), scan.equals(ten, "ten"),
              let at = scan.word(at: ten.upperBound, limit, lines: false), scan.equals(at, "tai") || scan.equals(at, "o"),
              let art = scan.word(at: at.upperBound, limit, lines: false), scan.equals(art, "dieu"), scan.isCapitalized(art),
              let num = scan.word(at: art.upperBound, limit, lines: false), f[num.lowerBound] >= 0x30 && f[num.lowerBound] <= 0x39 else { return nil }
        return num.upperBound
    }

    /// A body, a group or a title (`Chủ tịch Ủy ban nhân dân các huyện`, `Các Bộ trưởng`, `Thủ trưởng`) at `p`: where it ends.
    /// Persons named by reference (`các ông (bà) có tên tại Điều 1`) are members too.
    private func element(at p: Int, limit: Int) -> Int? {
        if let e = personsByReference(at: p, limit: limit) { return e }
        if let b = parser.body(at: p, limit: limit, scan: scan) ?? parser.sharedHeads(at: p, limit: limit, scan: scan) { return b.range.upperBound }
        var k = p
        if let w = scan.word(at: p, limit), w.lowerBound == p, scan.equals(w, "cac"), let next = scan.word(at: w.upperBound, limit, lines: false) { k = next.lowerBound }
        guard k < limit, VietnameseLetters.isUpper(scan.units[k]) else { return nil }
        if let m = scan.phrases.positions.find(at: k, limit: limit) { return m.end }
        if let v = cues.verb(at: k, in: scan, limit: limit), v.roles.contains(.title) { return v.end }
        return nil
    }

    /// The bodies bound by an execution or responsibility phrase that follows them, read as
    /// written: a new body starts after `,`, `;` or `và` where a body, group or title begins; any
    /// other word stays with the body before it (`Giám đốc các Sở, Ban, ngành, đoàn thể có liên
    /// quan`, `Chủ tịch UBND các huyện/thành phố`). Nil unless the clause starts with a body and
    /// reaches the phrase (within 80 words, in the same sentence) past nothing but names: a
    /// predicate (`Sở X hướng dẫn …`), an aspect or narrative word (`đã`), or a function word
    /// (`thì`, `được`) ends the attempt, and the ordinary subject rule reads the clause.
    private func responsibleList(from p: Int, limit: Int) -> (bodies: [Body], end: Int)? {
        let f = scan.folded
        guard let firstEnd = element(at: p, limit: limit) else { return nil }
        var spans: [Range<Int>] = [p..<firstEnd]
        var k = firstEnd
        var words = 0
        var depth = 0
        var canStart = false, joined = false
        while k < limit && words < 80 {
            let b = f[k]
            if b == 0x28 { depth += 1; k += 1; continue }
            if b == 0x29 { depth = max(0, depth - 1); k += 1; spans[spans.count - 1] = spans[spans.count - 1].lowerBound..<k; continue }
            if depth > 0 { k += 1; continue }
            if b == 0x3A || b == 0x21 || b == 0x3F || (b == 0x2E && isSentenceEnd(k, limit: limit, start: p)) { return nil }
            if b == 0x2C || b == 0x3B { canStart = true; joined = true; k += 1; continue }
            if b == 0x2F || b == 0x2D || b == 0x26 || scan.units[k] == 0x2013 { joined = true; k += 1; continue }
            guard scan.isWord(k), k == 0 || !scan.isWord(k - 1) else { k += 1; continue }
            words += 1
            var e = k
            while e < limit && scan.isWord(e) { e += 1 }
            let key = scan.key(k..<e)
            let v = cues.verb(at: k, in: scan, limit: limit)
            if let v, v.roles.contains(.execution) || v.roles.contains(.responsible) {
                var bodies: [Body] = []
                for r in spans {
                    let t = scan.trimmed(r, trailing: [0x20, 0x0A, 0x2C, 0x3B, 0x2D, 0x2F])
                    if !t.isEmpty { bodies.append(Body(range: t, written: t, isPrivate: false, units: scan.units)) }
                }
                return (bodies, k)
            }
            if key == "va" {
                // `Chánh Văn phòng HĐND và UBND huyện`: the joint office of the council and the committee is one name.
                canStart = !jointOffice(before: k, from: spans[spans.count - 1].lowerBound, next: e, limit: limit)
                k = e; continue
            }
            if canStart, let end = element(at: k, limit: limit) {
                spans.append(k..<end); k = end; canStart = false; joined = false; continue
            }
            canStart = false
            let last = spans.count - 1
            if let v, v.roles.intersects(.bodyWords) {
                spans[last] = spans[last].lowerBound..<v.end; k = v.end; joined = false; continue
            }
            if let l = parser.levelWord(at: k, limit: limit, scan: scan) {
                spans[last] = spans[last].lowerBound..<l; k = l; joined = false; continue
            }
            if scan.isCapitalized(k..<e) || f[k] >= 0x30 && f[k] <= 0x39 {
                spans[last] = spans[last].lowerBound..<e; k = e; joined = false; continue
            }
            if cues.narrativeCue(at: k, in: scan, limit: limit) != nil { return nil }
            if let v, !v.roles.subtracting(.nonPredicates).isEmpty {
                // A predicate word used as a noun in an enumeration: "các đơn vị, tổ chức, cá nhân".
                let after = scan.skipSpaces(v.end, limit, lines: false)
                let enumerated = joined && after < limit && (f[after] == 0x2C || cues.verb(at: after, in: scan, limit: limit)?.roles.contains(.qualifier) == true)
                guard enumerated else { return nil }
                spans[last] = spans[last].lowerBound..<v.end; k = v.end; joined = false; continue
            }
            if BodyParser.stopWords.contains(key), Self.writtenStops.contains(UTF16String.make(scan.units[k..<e]).lowercased()) { return nil }
            spans[last] = spans[last].lowerBound..<e; k = e; joined = false
        }
        return nil
    }

    /// Whether `và` at `k` joins the council and the committee in the name of their joint office:
    /// `Văn phòng HĐND và UBND huyện`, `Văn phòng Hội đồng nhân dân và Ủy ban nhân dân tỉnh`.
    private func jointOffice(before k: Int, from start: Int, next: Int, limit: Int) -> Bool {
        guard let w = scan.word(at: next, limit, lines: false) else { return false }
        let after = scan.equals(w, "ubnd")
            || (scan.equals(w, "uy") && scan.word(at: w.upperBound, limit, lines: false).map { scan.equals($0, "ban") } == true)
        guard after else { return false }
        var words: [String] = []
        var e = k
        while words.count < 6, let x = scan.lastWord(before: e, from: start) {
            words.insert(scan.key(x), at: 0); e = x.lowerBound
        }
        let tail = words.joined(separator: " ")
        return tail.hasSuffix("van phong hdnd") || tail.hasSuffix("van phong hoi dong nhan dan")
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
            if b.namedAsCollective, let open = b.range.firstIndex(where: { f[$0] == 0x28 }),
               let w = scan.word(at: open + 1, b.range.upperBound),
               let inner = parser.bodyList(at: w.lowerBound, limit: b.range.upperBound, scan: scan), inner.bodies.count >= 2 {
                out.append(contentsOf: inner.bodies)
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// Where the clause's object begins: the end of the obligation or action phrase that opens what
    /// follows the head (after urgency words: `Chủ động xây dựng …` → after `xây dựng`); `Int.max`
    /// when the clause does not go on with such a phrase (`… cơ bản thống nhất`, `… kết luận`).
    /// A cue that starts the predicate itself (`Sở X ban hành Kế hoạch`, `HĐND đánh giá cao`) still counts.
    private func firstPredicateEnd(_ c: Clause, headEnd: Int) -> Int {
        var k = max(headEnd, c.range.lowerBound)
        for _ in 0..<4 {
            guard let w = scan.word(at: k, c.range.upperBound),
                  let v = cues.verb(at: w.lowerBound, in: scan, limit: c.range.upperBound) else { return Int.max }
            if v.roles.intersects(.skippableFirst) || v.roles.contains(.modal) {
                k = v.end
                if k < c.range.upperBound && scan.folded[k] == 0x2C { k += 1 }
                continue
            }
            if v.roles.subtracting(.nonPredicates).isEmpty || v.roles.contains(.assign) { return Int.max }
            return v.end
        }
        return Int.max
    }

    /// Reads cues over the whole clause.
    /// Whether a narrative cue with a gap (`do … chủ trì`) starts at the word `k`: its head there,
    /// as written, and its tail within 120 units before `limit`.
    private func gapCue(at k: Int, limit: Int) -> Bool {
        let f = scan.folded
        for gap in cues.gapCues where f[k..<min(k + gap.head.count, limit)].elementsEqual(gap.head) {
            let headEnd = k + gap.head.count
            guard headEnd >= limit || !scan.isWord(headEnd), DirectiveCues.written(scan.units, k..<headEnd, equals: gap.headText) else { continue }
            let end = min(limit, k + 120)
            var j = headEnd
            while j + gap.tail.count <= end {
                let tailEnd = j + gap.tail.count
                if f[j..<tailEnd].elementsEqual(gap.tail), j == 0 || !scan.isWord(j - 1), tailEnd >= limit || !scan.isWord(tailEnd),
                   DirectiveCues.written(scan.units, j..<tailEnd, equals: gap.tailText) {
                    return true
                }
                j += 1
            }
        }
        return false
    }

    private func readBody(_ c: inout Clause, headEnd: Int) {
        let f = scan.folded
        let starts = wordStarts(c.range)
        let verbAt = c.verb?.lowerBound ?? Int.max
        let objectFrom = firstPredicateEnd(c, headEnd: headEnd)
        var firstRoleSeen = false
        for (index, k) in starts.enumerated() {
            if let n = cues.narrativeCue(at: k, in: scan, limit: c.range.upperBound), k < verbAt {
                for kind in n.kinds {
                    switch kind {
                    case .aspect: if index < 12 || (headEnd > c.range.lowerBound && k >= headEnd && k <= headEnd + 6) { c.narrative = true; c.aspect = true }
                    case .other, .assessmentHeading, .goalHeading, .directiveHeading, .agentive: break
                    case .closing: c.narrative = true
                    // After the clause's own predicate a cue is part of its object or purpose
                    // (`Tiếp thu ý kiến của các đại biểu tham dự Hội nghị`, `… để kịp thời biểu dương`,
                    // `Chủ động xây dựng và ban hành kế hoạch …`), not an account of what was done.
                    default: if k < objectFrom { c.narrative = true }
                    }
                }
            }
            if k < verbAt && cues.gapHeadFirst.contains(f[k]) && gapCue(at: k, limit: c.range.upperBound) { c.narrative = true }
            if let v = cues.verb(at: k, in: scan, limit: c.range.upperBound) {
                if v.roles.intersects(.obligations) { c.obligation = true }
                if v.roles.contains(.execution) { c.obligation = true; c.execution = true }
                if index == 0, c.assignees.isEmpty, v.roles.contains(.urge), scan.equals(k..<v.end, "khan truong") { c.urgent = true }
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
            if !c.assigned, c.endsWithColon, let r = rest.first, let v = cues.verb(at: r, in: scan, limit: c.range.upperBound),
               v.roles.contains(.assign), scan.word(at: v.end, c.range.upperBound) == nil {
                c.speaker = true
            }
            if rest.isEmpty { c.umbrella = true }
            else if c.endsWithColon {
                c.umbrella = rest.allSatisfy { k in
                    var e = k
                    while e < c.range.upperBound && scan.isWord(e) { e += 1 }
                    return Self.generic.contains(scan.key(k..<e))
                }
            }
            // `Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo:` relays like `Đề nghị UBND tỉnh chỉ đạo …:`.
            if !c.assigned, c.endsWithColon, let last = scan.lastWord(before: c.range.upperBound, from: c.range.lowerBound),
               let before = scan.lastWord(before: last.lowerBound, from: c.range.lowerBound),
               scan.equals(last, "dao"), scan.equals(before, "chi"), before.lowerBound >= headEnd {
                c.relays = true
                c.umbrella = rest.allSatisfy { k in
                    var e = k
                    while e < c.range.upperBound && scan.isWord(e) { e += 1 }
                    return Self.generic.contains(scan.key(k..<e)) || scan.equals(k..<e, "lanh")
                }
            }
        }
    }
}
