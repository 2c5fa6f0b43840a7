import VanBanText

/// Reads the names of bodies and positions that can carry out a task, and lists of them.
///
/// A body is a known agency (`agencies.tsv`, longest match: `Sở Kế hoạch và Đầu tư`), a title
/// with a body (`positions.tsv` + body: `Chủ tịch UBND cấp huyện`), or a head word from
/// `obligation-verbs.tsv` (`assignee-head`: `Sở`, `Báo`, `Công ty` followed by a capitalised name;
/// `assignee-group`: `các cơ quan, đơn vị` standing alone). Qualifiers follow (`tỉnh Quảng Ngãi`,
/// `có liên quan`, `trên địa bàn tỉnh`, a parenthetical). Lists are joined by `,`, `;`, `và`, and
/// `các Sở: A, B, C` keeps its enumerated names in one assignee. A head alone does not make a body:
/// `Hội nghị` and `Đoàn thanh tra` are not bodies because no capitalised name follows.
struct BodyParser: Sendable {
    let lexicon: Lexicon
    let cues: DirectiveCues

    static let stopWords: Set<String> = [
        "cua", "va", "voi", "cho", "trong", "tai", "ve", "theo", "de", "tren", "den", "tu", "co", "la", "duoc", "da",
        "dang", "se", "khong", "chua", "cac", "nhung", "nay", "do", "thi", "ma", "neu", "khi", "phai", "can", "truoc",
        "sau", "nhu", "hoac", "cung", "deu", "vao", "ra", "len", "nham", "bang", "qua", "moi", "mot", "so", "viec",
    ]
    static let levelWords: Set<String> = ["tinh", "huyen", "xa", "quan", "phuong", "thanh", "thi"]
    /// Last words of a level complement: `tỉnh`, `huyện`, `xã`, `thành phố`, `thị trấn`, `trung ương`.
    static let levelEnds: Set<String> = ["tinh", "huyen", "xa", "quan", "phuong", "pho", "tran", "uong"]

    /// One body starting exactly at `p`. `depth` counts bodies nested as group members, so a
    /// pathological repetition ("Sở Sở Sở …") cannot recurse without bound.
    /// `verb`: `cues.verb(at: p, in: scan, limit: limit)` when the caller has it already.
    func body(at p: Int, limit: Int, scan: TextScan, depth: Int = 0, verb: (roles: RoleSet, end: Int)?? = .none) -> Body? {
        guard depth < 4, p < limit, scan.isWord(p) else { return nil }
        let agency = scan.phrases.agencies.first(at: p, limit: limit)
        var titleEnd = scan.phrases.positions.find(at: p, limit: limit)?.end
        // A head-of word the position lexicon lacks (`assignee-title`: `Trưởng các ban, ngành`, `Người đứng đầu các cơ quan`).
        if titleEnd == nil, agency == nil, VietnameseLetters.isUpper(scan.units[p]), let end = cues.title(at: p, in: scan, limit: limit) {
            titleEnd = end
        }
        if let titleEnd, agency == nil || titleEnd > agency!.end {
            // A title needs a body after it: "Giám đốc Sở Nội vụ", "Chủ tịch UBND cấp huyện".
            if let w = scan.word(at: titleEnd, limit, lines: false),
               let inner = core(at: w.lowerBound, limit: limit, scan: scan, depth: depth, standalone: true) {
                let end = qualifiers(after: inner.end, limit: limit, scan: scan, depth: depth)
                return Body(range: p..<end.range, written: p..<end.name, isPrivate: false, units: scan.units)
            }
            if agency == nil { return nil }
        }
        guard let c = core(at: p, limit: limit, scan: scan, depth: depth, agency: .some(agency), verb: verb) else { return nil }
        let end = qualifiers(after: c.end, limit: limit, scan: scan, group: c.group, bare: c.bare, depth: depth)
        return Body(range: p..<end.range, written: p..<end.name, canonical: c.canonical,
                    suffix: c.canonical != nil && end.name > c.end ? c.end..<end.name : nil, isPrivate: c.isPrivate, units: scan.units)
    }

    /// The core of a body: a known agency or a head word with its name.
    /// Heads that are the whole name of a body kind (`Hội đồng nhân dân`, `UBND`): after a title or as
    /// the body a group belongs to they name the council of the document's own level
    /// (`Thường trực Hội đồng nhân dân`, `các Ban Hội đồng nhân dân`) and need no place after them.
    /// `Bộ` after a title is the issuing ministry itself (`Chánh Văn phòng Bộ`, `Chánh Thanh tra Bộ`).
    static let fullHeads: Set<String> = ["hoi dong nhan dan", "uy ban nhan dan", "hdnd", "ubnd", "bo"]

    /// `agency`, `verb`: the agency match and obligation phrase at `p` when the caller has them already (`.some(nil)`: none there).
    private func core(at p: Int, limit: Int, scan: TextScan, depth: Int = 0, standalone: Bool = false,
                      agency: (end: Int, payload: Int)?? = .none,
                      verb: (roles: RoleSet, end: Int)?? = .none) -> (end: Int, canonical: String?, isPrivate: Bool, group: Bool, bare: Bool)? {
        if let m = agency ?? scan.phrases.agencies.first(at: p, limit: limit) {
            let index = m.payload
            // A name the lexicon gives only the start of runs on over compound nouns
            // (`Ban Quản lý dự án` + `đầu tư xây dựng các công trình dân dụng và công nghiệp`): kept as written.
            var end = m.end, extended = false
            while let w = scan.word(at: end, limit, lines: false), w.lowerBound == end + 1, !scan.isCapitalized(w) {
                let c = compound(at: w.lowerBound, limit: limit, scan: scan)
                guard c > w.lowerBound else { break }
                end = c
                extended = true
            }
            if extended { return (end, nil, lexicon.agencies[index].isEnterprise, false, false) }
            // A longer head-word reading never beats a lexicon body; collectives stay as written.
            let canonical = lexicon.agencies[index].isCollective ? nil : lexicon.agencies[index].name
            return (m.end, canonical, lexicon.agencies[index].isPrivate, false, false)
        }
        guard let v = verb ?? cues.verb(at: p, in: scan, limit: limit) else { return nil }
        let roles = v.roles
        if roles.contains(.bodyGroup) || roles.contains(.privateGroup) {
            // A plural head with one kind's name: "các Sở Giao thông vận tải" (the Department of each province).
            if let last = scan.lastWord(before: v.end, from: p), scan.isCapitalized(last),
               let w = scan.word(at: v.end, limit, lines: false), scan.isCapitalized(w),
               body(at: w.lowerBound, limit: limit, scan: scan, depth: depth + 1) == nil,
               let run = nameRun(at: v.end, limit: limit, scan: scan, lowercase: true, lines: false, depth: depth) {
                return (run, nil, roles.contains(.privateGroup), false, false)
            }
            return (v.end, nil, roles.contains(.privateGroup), roles.contains(.bodyGroup), false)
        }
        guard roles.contains(.bodyHead) || roles.contains(.privateHead) else { return nil }
        // Heads are written with a capital (`Sở`, `Báo`); folding makes `số`, `báo cáo` look alike.
        guard VietnameseLetters.isUpper(scan.units[p]) else { return nil }
        // A head before a known body names a unit of it: "Đảng đoàn HĐND", "Ban cán sự đảng UBND huyện" (the level is a qualifier).
        if let w = scan.word(at: v.end, limit, lines: false), w.lowerBound == scan.skipSpaces(v.end, limit, lines: false),
           scan.isCapitalized(w), let m = scan.phrases.agencies.match(at: w.lowerBound, limit: limit),
           !lexicon.agencies[m.payloads[0]].isCollective {
            return (m.range.upperBound, nil, roles.contains(.privateHead), false, false)
        }
        // A head needs a capitalised name or a level qualifier: "Báo Quảng Nam", "UBND cấp huyện".
        if let run = nameRun(at: v.end, limit: limit, scan: scan, lowercase: true, lines: true, depth: depth) {
            return (run, nil, roles.contains(.privateHead), false, false)
        }
        if let w = scan.word(at: v.end, limit, lines: false), let q = cues.verb(at: w.lowerBound, in: scan, limit: limit),
           q.roles.contains(.qualifier) {
            return (v.end, nil, roles.contains(.privateHead), false, false)
        }
        // A bare head that opens a plural of kinds: "Sở, ban, ngành", "Sở, Ban, ngành, đoàn thể".
        let k = scan.skipSpaces(v.end, limit, lines: false)
        if k < limit, scan.folded[k] == 0x2C, let w = scan.word(at: k + 1, limit), let m = cues.verb(at: w.lowerBound, in: scan, limit: limit),
           m.roles.contains(.member), !scan.isCapitalized(w) || core(at: w.lowerBound, limit: limit, scan: scan) == nil {
            return (v.end, nil, roles.contains(.privateHead), false, true)
        }
        if standalone || depth > 0, roles.contains(.bodyHead), Self.fullHeads.contains(scan.key(p..<v.end)) {
            return (v.end, nil, false, false, false)
        }
        return nil
    }

    /// A capitalised name after a head: `Quảng Nam`, `Phát thanh - Truyền hình Quảng Ngãi`,
    /// `Giao thông vận tải` (a few lower-case syllables may follow a capitalised one).
    func nameRun(at p: Int, limit: Int, scan: TextScan, lowercase: Bool, lines: Bool, depth: Int = 0) -> Int? {
        guard let first = scan.word(at: p, limit, lines: lines), scan.isCapitalized(first) else { return nil }
        // A compound noun of `name-compounds.tsv` runs on over stop and verb syllables (`Giao thông`, `Đường bộ`).
        var compoundEnd = compound(at: first.lowerBound, limit: limit, scan: scan)
        guard compoundEnd > first.lowerBound || isNameWord(first, scan: scan, limit: limit, first: true) else { return nil }
        var end = first.upperBound
        var lower = 0, count = 1
        var previous = first.lowerBound
        while count < 8 {
            // Joiners: "-", "–", "&", "và" before a capitalised word.
            var k = scan.skipSpaces(end, limit, lines: false)
            if k < limit && (scan.folded[k] == 0x2D || scan.folded[k] == 0x26) { k += 1 }
            guard let w = scan.word(at: k, limit, lines: false) else { break }
            if k == scan.skipSpaces(end, limit, lines: false), lowercase || scan.isCapitalized(w) {
                compoundEnd = max(compoundEnd, compound(at: w.lowerBound, limit: limit, scan: scan))
                let c = compound(at: previous, limit: limit, scan: scan)
                if c >= w.upperBound { compoundEnd = max(compoundEnd, c) }
                if compoundEnd >= w.upperBound {
                    end = w.upperBound; count += 1; previous = w.lowerBound; continue
                }
            }
            previous = w.lowerBound
            if scan.isCapitalized(w) {
                // Inside a name a capitalised word that folds like the modal `cần` is a syllable of it (`Năm Căn`, `Cần Thơ`).
                guard isNameWord(w, scan: scan, limit: limit) || onlyModal(w, scan: scan, limit: limit) else { break }
                end = w.upperBound; count += 1; lower = 0; continue
            }
            if scan.equals(w, "va"), let next = scan.word(at: w.upperBound, limit, lines: false), scan.isCapitalized(next),
               isNameWord(next, scan: scan, limit: limit), body(at: next.lowerBound, limit: limit, scan: scan, depth: depth + 1) == nil {
                end = next.upperBound; count += 2; continue
            }
            guard lowercase, k == scan.skipSpaces(end, limit, lines: false), lower < 3, !Self.stopWords.contains(scan.key(w)),
                  !isPredicate(w.lowerBound, limit: limit, scan: scan), !lexicon.endsOnProvince(scan.folded, scan.units, from: first.lowerBound, to: end),
                  !Self.levelWords.contains(scan.key(w)) else { break }
            end = w.upperBound; lower += 1; count += 1
        }
        return end
    }

    /// The end of the compound noun starting at `p`, or `p`.
    private func compound(at p: Int, limit: Int, scan: TextScan) -> Int {
        lexicon.compoundMatcher.longestMatch(in: scan.folded, at: p, limit: limit)?.range.upperBound ?? p
    }

    private func isNameWord(_ w: Range<Int>, scan: TextScan, limit: Int, first: Bool = false) -> Bool {
        // A type word is no name (`UBND tỉnh Kế hoạch số …`), but a unit's field may be one right after its head
        // (`Phòng Kế hoạch - Tài chính`), unless a number follows it.
        if let t = scan.phrases.typeNames.match(at: w.lowerBound, limit: limit) {
            guard first else { return false }
            let a = scan.skipSpaces(t.range.upperBound, limit, lines: false)
            if a < limit && (scan.folded[a] == 0x2D || scan.folded[a] == 0x3A) { return true }
            guard let next = scan.word(at: t.range.upperBound, limit, lines: false), next.lowerBound == a else { return false }
            return !scan.equals(next, "so") && !FoldedScan.isDigit(scan.folded[next.lowerBound])
        }
        if isPredicate(w.lowerBound, limit: limit, scan: scan) { return titledPredicate(w, scan: scan, limit: limit) }
        return true
    }

    /// A verb written in title case inside a name, with a capitalised word after it on the line: the field of a
    /// unit (`Ban Tổ chức Huyện ủy`, `Ủy ban Kiểm tra Thành ủy`). A verb opening a sentence follows punctuation, not a head.
    private func titledPredicate(_ w: Range<Int>, scan: TextScan, limit: Int) -> Bool {
        guard w.count > 1, !VietnameseLetters.isUpper(scan.units[w.lowerBound + 1]),
              let v = cues.verb(at: w.lowerBound, in: scan, limit: limit) else { return false }
        let after = scan.skipSpaces(v.end, limit, lines: false)
        // A label's colon or a dash after it (`Phòng Tổ chức: …`, `Phòng Tổ chức - Hành chính`), or a compound noun
        // (`Phòng Tổ chức cán bộ`) also make the verb a field.
        let closes = after < limit && (scan.folded[after] == 0x3A || scan.folded[after] == 0x2D)
        if !closes {
            guard let next = scan.word(at: v.end, limit, lines: false), next.lowerBound == after,
                  scan.isCapitalized(next) || compound(at: next.lowerBound, limit: limit, scan: scan) > next.lowerBound else { return false }
        }
        // Every syllable of the verb after the first is lower case (`Tổ chức`, not `Tổ Chức Thực Hiện`).
        var k = w.upperBound
        while k < v.end {
            if scan.isWord(k) && !scan.isWord(k - 1) && VietnameseLetters.isUpper(scan.units[k]) { return false }
            k += 1
        }
        return true
    }

    private func onlyModal(_ w: Range<Int>, scan: TextScan, limit: Int) -> Bool {
        guard let v = cues.verb(at: w.lowerBound, in: scan, limit: limit), v.end == w.upperBound else { return false }
        return v.roles.contains(.modal) && v.roles.subtracting(.nonPredicates).subtracting(RoleSet([.modal])).isEmpty
    }

    /// Whether an obligation or action phrase (not a body word) starts at `p`.
    func isPredicate(_ p: Int, limit: Int, scan: TextScan) -> Bool {
        guard let v = cues.verb(at: p, in: scan, limit: limit) else { return false }
        return !v.roles.subtracting(.nonPredicates).isEmpty
    }

    /// Qualifiers after a body: place names, `có liên quan`, `trên địa bàn tỉnh`, parentheticals.
    /// Returns the end of the range and the end of the part that belongs to the name.
    private func qualifiers(after end0: Int, limit: Int, scan: TextScan, group: Bool = false, bare: Bool = false,
                            depth: Int = 0) -> (range: Int, name: Int) {
        var end = end0, nameEnd = end0
        var plural: Bool? = bare ? true : nil
        // A name that ends on a level (`Ủy ban nhân dân quận`) may go on with more levels.
        var level = end0 > 0 && scan.lastWord(before: end0, from: max(0, end0 - 12)).map { Self.levelWords.contains(scan.key($0)) && $0.upperBound == end0 } == true
        for round in 0..<8 {
            let k = scan.skipSpaces(end, limit, lines: false)
            guard k < limit else { break }
            // Members of a group named after it: "các thành viên Ban Chỉ đạo có liên quan (Sở Nội vụ, …)".
            if round == 0, group, k == end || scan.folded[end] == 0x20, let w = scan.word(at: k, limit, lines: false), w.lowerBound == k,
               scan.isCapitalized(w), let inner = body(at: k, limit: limit, scan: scan, depth: depth + 1) {
                end = inner.range.upperBound; nameEnd = end
                continue
            }
            // … or with `của`: "các Ban của Hội đồng nhân dân", "các thành viên của Ban Chỉ đạo".
            if round == 0, group, let w = scan.word(at: k, limit, lines: false), w.lowerBound == k, scan.equals(w, "cua"),
               let n = scan.word(at: w.upperBound, limit), scan.isCapitalized(n), let inner = body(at: n.lowerBound, limit: limit, scan: scan, depth: depth + 1) {
                end = inner.range.upperBound; nameEnd = end
                continue
            }
            // … or a body the lexicons cannot read whose members follow in parentheses:
            // "Các thành viên Tổ công tác triển khai Đề án có liên quan (Sở Xây dựng, Sở Tài chính, …)".
            if round == 0, group, let w = scan.word(at: k, limit, lines: false), w.lowerBound == k, scan.isCapitalized(w),
               let h = cues.verb(at: k, in: scan, limit: limit), h.roles.contains(.bodyHead) {
                var j = h.end, words = 0
                while j < limit && words < 10 && scan.folded[j] != 0x28 && scan.folded[j] != 0x0A && scan.folded[j] != 0x2C && scan.folded[j] != 0x3B && scan.folded[j] != 0x2E {
                    if scan.isWord(j) && !scan.isWord(j - 1) { words += 1 }
                    j += 1
                }
                if j < limit && scan.folded[j] == 0x28 { end = j; nameEnd = j; continue }
            }
            // More levels of the same body: "Ủy ban nhân dân quận-huyện, xã, phường, thị trấn", "các huyện/thành phố".
            if level, scan.folded[k] == 0x2C || scan.folded[k] == 0x2D || scan.folded[k] == 0x2F, let l = levelWord(at: k + 1, limit: limit, scan: scan) {
                end = l; nameEnd = l
                continue
            }
            // More kinds of the same plural group: "các ban, ngành, đơn vị cấp tỉnh" (a kind may be capitalised
            // when it names no body: "các Sở, Ban, ngành").
            if scan.folded[k] == 0x2C, let w = scan.word(at: k + 1, limit),
               !scan.isCapitalized(w) || core(at: w.lowerBound, limit: limit, scan: scan) == nil,
               let m = cues.verb(at: w.lowerBound, in: scan, limit: limit), m.roles.contains(.member) {
                if plural == nil {
                    var s = end0
                    while s > 0 && end0 - s < 80 && scan.folded[s - 1] != 0x0A && scan.folded[s - 1] != 0x2C && scan.folded[s - 1] != 0x3B { s -= 1 }
                    plural = scan.hasWord("cac", in: s..<end0)
                }
                if plural == true {
                    end = m.end; nameEnd = m.end
                    continue
                }
            }
            if scan.folded[k] == 0x28 { // "(" … ")"
                var j = k + 1
                while j < limit && j < k + 300 && scan.folded[j] != 0x29 && scan.folded[j] != 0x0A { j += 1 }
                if j < limit && scan.folded[j] == 0x29 { end = j + 1; continue }
                break
            }
            guard let w = scan.word(at: k, limit, lines: false) else { break }
            // A level qualifier is read with its tone marks: `quận` qualifies, the verb `quản lý` after a name does not
            // (`chỉ đạo UBND xã Hàm Rồng quản lý chặt chẽ …`).
            if let q = cues.verb(at: w.lowerBound, in: scan, limit: limit), q.roles.contains(.qualifier), !Self.toneMismatch(w, q.end, scan: scan) {
                end = q.end; nameEnd = end
                // A body after `trực thuộc`: "Các bệnh viện trực thuộc Bộ Y tế".
                if let n = scan.word(at: end, limit, lines: false), n.lowerBound == scan.skipSpaces(end, limit, lines: false), scan.isCapitalized(n),
                   let inner = body(at: n.lowerBound, limit: limit, scan: scan, depth: depth + 1) {
                    end = inner.range.upperBound; nameEnd = end
                    continue
                }
                level = scan.lastWord(before: q.end, from: w.lowerBound).map { Self.levelWords.contains(scan.key($0)) } ?? false
                if let run = nameRun(at: end, limit: limit, scan: scan, lowercase: false, lines: false, depth: depth) { end = run; nameEnd = run }
                continue
            }
            if scan.isCapitalized(w), body(at: w.lowerBound, limit: limit, scan: scan, depth: depth + 1) == nil,
               let run = nameRun(at: k, limit: limit, scan: scan, lowercase: false, lines: false, depth: depth) {
                end = run; nameEnd = run; continue
            }
            break
        }
        return (end, nameEnd)
    }

    /// One-word level qualifiers whose folded form is also another word (`quận`/`quản`, `quan`): the written word must be the level.
    static let toneChecked: [String: String] = ["quan": "quận"]

    static func toneMismatch(_ w: Range<Int>, _ end: Int, scan: TextScan) -> Bool {
        guard end == w.upperBound, let level = toneChecked[scan.key(w)] else { return false }
        return UTF16String.make(scan.units[w]).lowercased() != level
    }

    /// The end of an administrative level word at `p` (`huyện`, `xã`, `phường`, `thị trấn`, `thị xã`, `thành phố`, `quận`), not followed by a name.
    func levelWord(at p: Int, limit: Int, scan: TextScan) -> Int? {
        guard let w = scan.word(at: p, limit, lines: false), w.lowerBound <= p + 1, !scan.isCapitalized(w) else { return nil }
        let key = scan.key(w)
        var end = w.upperBound
        switch key {
        case "huyen", "xa", "phuong", "quan": break
        // The special zone of the post-2025 two-level system: "Đảng ủy các xã, phường, đặc khu Phú Quý".
        case "dac":
            guard let w2 = scan.word(at: w.upperBound, limit, lines: false), scan.key(w2) == "khu" else { return nil }
            end = w2.upperBound
        case "thi", "thanh":
            guard let w2 = scan.word(at: w.upperBound, limit, lines: false), ["tran", "xa", "pho"].contains(scan.key(w2)) else { return nil }
            end = w2.upperBound
        default: return nil
        }
        return end
    }

    /// Bare heads that share the complement of the body after them, as one body as written:
    /// `Ủy ban nhân dân, Chủ tịch và các thành viên Ủy ban nhân dân tỉnh`,
    /// `Hội đồng nhân dân, Ủy ban nhân dân các huyện`. Each head is a body head, a title or a group
    /// followed by `,` or `và`; the run ends at a full body (at most four heads).
    func sharedHeads(at p: Int, limit: Int, scan: TextScan) -> Body? {
        var k = p
        for _ in 0..<4 {
            guard let w = scan.word(at: k, limit, lines: true), w.lowerBound == scan.skipSpaces(k, limit) else { return nil }
            var e: Int? = nil
            if let m = scan.phrases.positions.find(at: w.lowerBound, limit: limit) { e = m.end }
            else if let v = cues.verb(at: w.lowerBound, in: scan, limit: limit),
                    (v.roles.contains(.bodyHead) && scan.isCapitalized(w)) || v.roles.contains(.bodyGroup) { e = v.end }
            guard let headEnd = e else { return nil }
            var s = scan.skipSpaces(headEnd, limit, lines: false)
            if s < limit && scan.folded[s] == 0x2C { s += 1 }
            if let vw = scan.word(at: s, limit), scan.equals(vw, "va") { s = vw.upperBound }
            guard s > headEnd, let next = scan.word(at: s, limit) else { return nil }
            if let b = body(at: next.lowerBound, limit: limit, scan: scan) {
                // The shared complement is a level (`… Ủy ban nhân dân tỉnh`, `… các huyện, thành phố trực
                // thuộc tỉnh`), not the name of one body (`Ban Chỉ đạo, Sở Nội vụ` are two bodies).
                guard let last = scan.lastWord(before: b.range.upperBound, from: b.range.lowerBound),
                      Self.levelEnds.contains(scan.key(last)) else { return nil }
                return Body(range: p..<b.range.upperBound, written: p..<b.range.upperBound, isPrivate: false, units: scan.units)
            }
            k = next.lowerBound
        }
        return nil
    }

    /// A list of bodies from `p`: `A, B; C và D`, `các Sở: Xây dựng, Công Thương; Công ty X`.
    func bodyList(at p: Int, limit: Int, scan: TextScan) -> (bodies: [Body], end: Int)? {
        guard var current = body(at: p, limit: limit, scan: scan) ?? sharedHeads(at: p, limit: limit, scan: scan) else { return nil }
        var bodies: [Body] = []
        var end = current.range.upperBound
        while true {
            // "các Sở: A, B, C" — an enumeration of names after a plural head.
            var k = scan.skipSpaces(end, limit, lines: false)
            if k < limit, scan.folded[k] == 0x3A, scan.hasWord("cac", in: current.range),
               let first = scan.word(at: k + 1, limit), scan.isCapitalized(first), body(at: first.lowerBound, limit: limit, scan: scan) == nil {
                var itemEnd = enumItem(at: first.lowerBound, limit: limit, scan: scan)
                while true {
                    let s = scan.skipSpaces(itemEnd, limit, lines: false)
                    guard s < limit, scan.folded[s] == 0x2C || scan.folded[s] == 0x3B,
                          let next = scan.word(at: s + 1, limit), scan.isCapitalized(next),
                          body(at: next.lowerBound, limit: limit, scan: scan) == nil else { break }
                    itemEnd = enumItem(at: next.lowerBound, limit: limit, scan: scan)
                }
                let name = current.name + ": " + scan.collapsed(first.lowerBound..<itemEnd).replacingSemicolons()
                current.range = current.range.lowerBound..<itemEnd
                current.name = name
                end = itemEnd
                k = scan.skipSpaces(end, limit, lines: false)
            }
            bodies.append(current)
            // Separators: ",", ";", "và", ", và".
            var s = k
            if s < limit && (scan.folded[s] == 0x2C || scan.folded[s] == 0x3B) { s += 1 }
            if let w = scan.word(at: s, limit), scan.equals(w, "va") { s = w.upperBound }
            guard s > k, let w = scan.word(at: s, limit),
                  let next = body(at: w.lowerBound, limit: limit, scan: scan) ?? sharedHeads(at: w.lowerBound, limit: limit, scan: scan) else { break }
            current = next
            end = next.range.upperBound
        }
        return (bodies, end)
    }

    /// One enumerated name after `các Sở:` — up to `,`/`;`/`:`/`.` or a predicate word.
    private func enumItem(at p: Int, limit: Int, scan: TextScan) -> Int {
        var end = p
        var k = p
        while k < limit {
            let b = scan.folded[k]
            if b == 0x2C || b == 0x3B || b == 0x3A || b == 0x2E || b == 0x28 { break }
            if b == 0x0A, let w = scan.word(at: k, limit), !scan.isCapitalized(w) || body(at: w.lowerBound, limit: limit, scan: scan) != nil { break }
            if scan.isWord(k) && (k == p || !scan.isWord(k - 1)) {
                if k > p, !scan.isCapitalized(k..<k + 1), isPredicate(k, limit: limit, scan: scan) { break }
                if k > p, let w = scan.word(at: k, limit), ["trong", "theo", "co", "can"].contains(scan.key(w)) { break }
                while k < limit && scan.isWord(k) { k += 1 }
                end = k
                continue
            }
            k += 1
        }
        return end
    }
}

extension String {
    /// `A; B` → `A, B` (an enumeration written with semicolons).
    func replacingSemicolons() -> String {
        String(decoding: utf8.map { $0 == 0x3B ? 0x2C : $0 }, as: UTF8.self)
    }
}
