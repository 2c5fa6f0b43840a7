import VanBanText

/// Finds the bodies a document names and gives each its canonical name.
///
/// Two sources: the lexicon (`agencies.tsv` through `agencyMatcher`, longest match, so
/// `Sở TT&TT` and `Sở Thông tin và Truyền thông` are one agency and `Ủy ban nhân dân tỉnh` is
/// `UBND tỉnh`), and patterns for open classes the lexicon cannot list (`Sở <Tên>`, `Cục …`,
/// `Trung tâm …`, `Báo <Tỉnh>`, `Trường …`). A place name written after the body is kept
/// (`UBND tỉnh Quảng Ngãi`, `Tỉnh ủy Thừa Thiên Huế`); under `tỉnh` it must be a province of the
/// lexicon when one is loaded, so `Phó Chủ tịch UBND tỉnh Lâm Hải Giang` names `UBND tỉnh`, not a
/// province called after the person. Open-class names stop at punctuation, an obligation verb
/// (`chủ trì`, `phối hợp`) or a function word (`của`, `về`, `đã`), so `Sở Nội vụ chủ trì` is `Sở Nội vụ`.
public struct AgencyExtractor: Sendable {
    public let lexicon: Lexicon
    /// Heads of open-class bodies → kind (payload indexes `headKinds`).
    let heads: PhraseMatcher
    let headKinds: [String]
    /// Heads in lower case with their diacritics: `Trưởng` folds like `Trường` and `Bản` like `Ban`, so the letters are checked.
    let headSurfaces: [[UInt16]]
    /// Heads as the lexicon writes them (`Văn phòng`, `Ban Chỉ đạo`), for names read from capitals.
    let headNames: [String]
    /// Words that end an open-class name.
    let stops: PhraseMatcher
    /// Compound nouns that do not end it although a syllable is a stop (`giao thông`, `công trình`).
    let compounds: PhraseMatcher
    /// The last folded word of each lexicon agency's canonical name (`tinh` for `UBND tỉnh`).
    let lastWords: [String]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        // Open-class heads (`agency-heads.tsv`) and the words that end such a name (`name-stops.tsv`).
        var heads = PhraseMatcher()
        let list = lexicon.agencyHeads
        for (k, h) in list.enumerated() { heads.add(h.head, payload: k) }
        heads.freeze()
        self.heads = heads
        self.headKinds = list.map { $0.kind }
        self.headSurfaces = list.map { Array($0.head.lowercased().utf16) }
        self.headNames = list.map { $0.head }
        var stops = PhraseMatcher()
        for w in lexicon.nameStops { stops.add(w, payload: 0) }
        stops.freeze()
        self.stops = stops
        self.compounds = lexicon.compoundMatcher
        self.lastWords = lexicon.agencies.map { a in
            let key = PhraseMatcher.foldKey(a.name)
            var k = key.count
            while k > 0 && key[k - 1] != 0x20 { k -= 1 }
            return String(decoding: key[k...], as: UTF8.self)
        }
    }

    /// Every mention of a body in `range`, left to right, with its canonical name, kind and level.
    public func agencies(_ analysis: Analysis, in range: Range<Int>) -> [AgencyMention] {
        agencies(analysis, in: range, phrases: nil)
    }

    /// As `agencies(_:in:)`, reading lexicon bodies from the document's phrase memo when there is one
    /// (the directive reader asks the same memo at the same word starts).
    func agencies(_ analysis: Analysis, in range: Range<Int>, phrases: DocumentPhrases?) -> [AgencyMention] {
        scan(analysis.text.units, analysis.text.folded, range, memo: phrases?.agencies).map {
            AgencyMention(range: $0.range, name: $0.name, kind: $0.kind, level: $0.level)
        }
    }

    /// The canonical name of a written agency name: `Sở TT&TT` → `Sở Thông tin và Truyền thông`,
    /// `Ủy ban nhân dân tỉnh Quảng Ngãi` → `UBND tỉnh Quảng Ngãi`; nil when the string does not
    /// start with a body or holds more than one body and its place (`Giám đốc Sở Nội vụ` → nil).
    public func canonicalName(_ surface: String) -> String? {
        let (units, folded) = LayoutScan.fold(surface)
        var start = 0
        while start < folded.count && !PhraseMatcher.isWordByte(folded[start]) { start += 1 }
        guard start < folded.count else { return nil }
        let found = scan(units, folded, start..<folded.count)
        guard let first = found.first, first.range.lowerBound == start else { return nil }
        // Nothing else but punctuation or a parenthesis may follow.
        var k = first.range.upperBound
        var depth = 0
        while k < folded.count {
            let b = folded[k]
            if b == 0x28 { depth += 1 } else if b == 0x29 { depth -= 1 } else if depth == 0 && PhraseMatcher.isWordByte(b) { return nil }
            k += 1
        }
        return first.name
    }

    /// A found body: the canonical name is `base` plus the place when one was written.
    struct Found {
        var range: Range<Int>
        var name: String
        var kind: String?
        var level: String?
        /// The canonical name without the place (`UBND tỉnh`, `Sở Nội vụ`).
        var base: String
        /// The place as written and title-cased (`Quảng Ngãi`), with the level word that introduced it when the base lacks one.
        var place: String?
        var placeWithLevel: String?
    }

    static let nhanDan = Array("nhan dan".utf8)
    static let levelWords: [[UInt8]] = ["tinh", "huyen", "xa", "phuong", "thi tran", "thi xa", "thanh pho", "quan", "dac khu"].map { Array($0.utf8) }
    /// Base names ending with one of these take a place directly after them (`UBND tỉnh` Quảng Ngãi, `Tỉnh ủy` Thừa Thiên Huế).
    static let placeTakingEnds: Set<String> = ["tinh", "huyen", "xa", "phuong", "tran", "pho", "quan", "khu", "uy"]

    func scan(_ units: [UInt16], _ folded: [UInt8], _ range: Range<Int>, memo: PhraseMemo? = nil) -> [Found] {
        var result: [Found] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = folded[i]
            let wordStart = PhraseMatcher.isWordByte(b) && (i == 0 || !PhraseMatcher.isWordByte(folded[i - 1]))
            guard wordStart else { i += 1; continue }
            if let f = lexiconMatch(units, folded, i, end, memo: memo) ?? openMatch(units, folded, i, end) {
                result.append(f)
                i = max(f.range.upperBound, i + 1)
                continue
            }
            while i < end && PhraseMatcher.isWordByte(folded[i]) { i += 1 }
        }
        return result
    }

    /// A lexicon body at `i`, extended with its place.
    /// `memo`: the agency phrases of the document (answers equal to the matcher's), or nil.
    func lexiconMatch(_ units: [UInt16], _ folded: [UInt8], _ i: Int, _ end: Int, memo: PhraseMemo? = nil) -> Found? {
        let found: PhraseMatcher.Match?
        if let memo { found = memo.match(at: i, limit: end) } else { found = lexicon.agencyMatcher.longestMatch(in: folded, at: i, limit: end) }
        guard let m = found, let p = m.payloads.first else { return nil }
        // Short all-letter aliases (SNV, STP, BCA) count only when written in capitals.
        if m.range.count <= 5 {
            let c = LayoutScan.caseCounts(units, m.range)
            if c.upper < 2 || c.lower > 1 { return nil }
        }
        let agency = lexicon.agencies[p]
        var f = Found(range: m.range, name: agency.name, kind: agency.kind, level: agency.level, base: agency.name)
        if agency.kind == "collective" { return f }
        attachPlace(&f, lastWord: lastWords[p], units, folded, end)
        return f
    }

    /// An open-class body at `i`: a capitalized head (`Sở`, `Cục`, `Trung tâm`) and a capitalized name.
    func openMatch(_ units: [UInt16], _ folded: [UInt8], _ i: Int, _ end: Int) -> Found? {
        guard VietnameseLetters.isUpper(units[i]), let h = heads.longestMatch(in: folded, at: i, limit: end) else { return nil }
        // A title that starts like a head is a position, not a body: "Bộ trưởng", "Vụ trưởng", "Cục trưởng".
        if let title = lexicon.positionMatcher.longestMatch(in: folded, at: i, limit: end), title.range.upperBound > h.range.upperBound {
            return nil
        }
        let expected = headSurfaces[h.payloads[0]]
        guard expected.count == h.range.count else { return nil }
        for (k, u) in zip(h.range, expected) where LayoutScan.lower(units[k]) != u && units[k] != 0x0A { return nil }
        // In a capital heading ("NHIỆM VỤ TRỌNG TÂM") a head after another capital word is not a body,
        // nor a head that starts a longer stop phrase ("BAN HÀNH KẾ HOẠCH …" is ban hành, not a Ban).
        if LayoutScan.isUpperLine(units, h.range) {
            if let stop = stops.longestMatch(in: folded, at: i, limit: end), stop.range.upperBound > h.range.upperBound { return nil }
            var p = i
            while p > 0 && folded[p - 1] == 0x20 { p -= 1 }
            if p < i && p > 0 && PhraseMatcher.isWordByte(folded[p - 1]) && VietnameseLetters.isUpper(units[p - 1]) { return nil }
        }
        // The name: the first word must be capitalized.
        var k = LayoutScan.skipSpaces(folded, h.range.upperBound, end)
        guard k < end, VietnameseLetters.isUpper(units[k]) else { return nil }
        let kind = headKinds[h.payloads[0]]
        // A Party group inside a state body names that body: `Đảng đoàn` + `HĐND huyện`, `Ban cán sự đảng` + `UBND tỉnh`.
        if kind == "party" {
            guard let body = lexiconMatch(units, folded, k, end) else { return nil }
            let head = UTF16String.make(units[h.range])
            let name = (LayoutScan.isUpperLine(units, h.range) ? LayoutScan.titleCase(head) : head) + " " + body.name
            return Found(range: i..<body.range.upperBound, name: name, kind: kind, level: body.level, base: name)
        }
        if lexicon.agencyMatcher.longestMatch(in: folded, at: k, limit: end) != nil, kind == "committee" { return nil }
        // `Ủy ban nhân dân` without its level (a letterhead's first line) is the people's committee, not a committee named "Nhân dân".
        if kind == "committee", LayoutScan.startsWith(folded, k, end, Self.nhanDan) { return nil }
        var last = h.range.upperBound
        var words = 0
        let upperHead = LayoutScan.isUpperLine(units, h.range)
        // A compound noun that began at an earlier word runs to here (`Cục Cảnh sát giao thông`: past `thông`).
        var compoundEnd = 0
        var committee: Found? = nil
        var previousWord = k
        while k < end && words < 12 {
            // A word.
            guard PhraseMatcher.isWordByte(folded[k]) else { break }
            var e = k
            while e < end && (PhraseMatcher.isWordByte(folded[e]) || folded[e] == 0x26) { e += 1 }
            let capital = VietnameseLetters.isUpper(units[k])
            if !capital {
                if words == 0 { break }
                // A name that ends on a province goes on in lower case no further (`Viễn thông Gia Lai nâng cấp …`).
                if lexicon.endsOnProvince(folded, units, from: h.range.upperBound, to: last) { break }
                if let c = compounds.longestMatch(in: folded, at: k, limit: end) { compoundEnd = max(compoundEnd, c.range.upperBound) }
                if let c = compounds.longestMatch(in: folded, at: previousWord, limit: end), c.range.upperBound >= e {
                    compoundEnd = max(compoundEnd, c.range.upperBound)
                }
                let inCompound = compoundEnd >= e
                if !inCompound, stops.longestMatch(in: folded, at: k, limit: end) != nil || lexicon.verbMatcher.longestMatch(in: folded, at: k, limit: end) != nil { break }
                if LayoutScan.startsWith(folded, k, end, Array("va".utf8)) {
                    // "và" joins only another capitalized part of the same name.
                    let n = LayoutScan.skipSpaces(folded, e, end)
                    guard n < end, VietnameseLetters.isUpper(units[n]), !startsBody(units, folded, n, end) else { break }
                }
                if Self.isLevelWord(folded, k, end) != nil { break }
            } else if words > 0 && startsBody(units, folded, k, end) {
                // A unit of a Party committee: `Ban Tổ chức` + `Huyện ủy`, `Ủy ban Kiểm tra` + `Thành ủy Huế`.
                if kind == "committee" || kind == "office", let c = lexiconMatch(units, folded, k, end), c.kind == "party",
                   c.base.hasSuffix("ủy") || c.base.hasSuffix("uỷ") {
                    committee = c
                }
                break
            } else if upperHead != LayoutScan.isUpperLine(units, k..<e) && words > 0 && LayoutScan.caseCounts(units, k..<e).lower == 0 && e - k > 1 {
                // An all-capital word after a title-case name is an abbreviation of something else;
                // after another abbreviation it goes on with it (`Công ty TNHH MTV`).
                if !upperHead && !(previousWord < k && LayoutScan.caseCounts(units, previousWord..<last).lower == 0 && last - previousWord > 1) { break }
            }
            last = e
            words += 1
            previousWord = k
            // Separators inside a name: one space, or " - " / "–" between two parts.
            var n = e
            if n < end && folded[n] == 0x20 { n += 1 }
            if n < end && folded[n] == 0x2D {
                n += 1
                if n < end && folded[n] == 0x20 { n += 1 }
                guard n < end, VietnameseLetters.isUpper(units[n]) else { break }
            } else if n == e || n >= end {
                break
            }
            k = n
        }
        guard words > 0 else { return nil }
        // Trim trailing lower-case words that are not part of a name ("Sở Xây dựng" keeps "dựng").
        let surface = UTF16String.make(units[i..<last])
        let name = upperHead ? LayoutScan.sentenceCaseHead(surface, headLength: h.range.count, head: headNames[h.payloads[0]]) : surface
        if let c = committee {
            let joined = name + " " + c.name
            return Found(range: i..<c.range.upperBound, name: joined, kind: "party", level: c.level, base: joined)
        }
        var f = Found(range: i..<last, name: name, kind: kind, level: nil, base: name)
        var w = last
        while w > i && folded[w - 1] != 0x20 && folded[w - 1] != 0x0A { w -= 1 }
        attachPlace(&f, lastWord: String(decoding: folded[w..<last], as: UTF8.self), units, folded, end)
        return f
    }

    /// Whether a new body starts at `k` (a lexicon agency or a capitalized open-class head).
    func startsBody(_ units: [UInt16], _ folded: [UInt8], _ k: Int, _ end: Int) -> Bool {
        if lexicon.agencyMatcher.longestMatch(in: folded, at: k, limit: end) != nil { return true }
        if let h = heads.longestMatch(in: folded, at: k, limit: end), VietnameseLetters.isUpper(units[k]) {
            let n = LayoutScan.skipSpaces(folded, h.range.upperBound, end)
            return n < end && VietnameseLetters.isUpper(units[n])
        }
        return false
    }

    /// The length of a level word (`tỉnh`, `thành phố`) at `k`, if one is there.
    static func isLevelWord(_ folded: [UInt8], _ k: Int, _ end: Int) -> Int? {
        for w in levelWords where LayoutScan.startsWith(folded, k, end, w) { return w.count }
        return nil
    }

    /// Appends the place written after a body: `UBND tỉnh` + `Quảng Ngãi`, `Sở Nội vụ` + `tỉnh Quảng Ngãi`.
    func attachPlace(_ f: inout Found, lastWord: String, _ units: [UInt16], _ folded: [UInt8], _ end: Int) {
        let takesPlace = Self.placeTakingEnds.contains(lastWord)
        let upper = LayoutScan.isUpperLine(units, f.range)
        var k = f.range.upperBound
        // The body's own level word when the surface ends with it ("Ủy ban nhân dân tỉnh").
        if k < end, folded[k] == 0x20 || folded[k] == 0x0A { k += 1 } else { return }
        if takesPlace {
            if let p = placeName(units, folded, k, end, level: lastWord, upper: upper) {
                f.place = p.text
                f.name = f.base + " " + p.text
                f.range = f.range.lowerBound..<p.end
            }
            return
        }
        // A provincial body with its province right after it: "Công ty Điện lực Ninh Bình".
        if f.level == "province", !upper, let m = lexicon.provinceMatcher.longestMatch(in: folded, at: k, limit: end),
           VietnameseLetters.isUpper(units[k]) {
            let p = placeText(units, m.range)
            f.place = p
            f.name = f.base + " " + p
            f.range = f.range.lowerBound..<m.range.upperBound
            return
        }
        // "Sở Nội vụ tỉnh Quảng Ngãi": a level word, then the place.
        guard let n = Self.isLevelWord(folded, k, end) else { return }
        var s = k + n
        if s < end, folded[s] == 0x20 || folded[s] == 0x0A { s += 1 } else { return }
        let level = String(decoding: folded[k..<(k + n)], as: UTF8.self)
        if let p = placeName(units, folded, s, end, level: level, upper: upper) {
            let levelText = upper ? UTF16String.make(units[k..<(k + n)]).lowercased() : UTF16String.make(units[k..<(k + n)])
            f.place = p.text
            f.placeWithLevel = levelText + " " + p.text
            f.name = f.base + " " + levelText + " " + p.text
            f.range = f.range.lowerBound..<p.end
        }
    }

    /// A place name at `k`: a province of the lexicon after `tỉnh` (when provinces are loaded), else up to
    /// four capitalized syllables (`Sơn Tây`, `Đăk Hà`, `Bà Rịa - Vũng Tàu`); all-capital text is title-cased.
    func placeName(_ units: [UInt16], _ folded: [UInt8], _ k: Int, _ end: Int, level: String, upper: Bool) -> (text: String, end: Int)? {
        guard k < end, VietnameseLetters.isUpper(units[k]) || LayoutScan.isDigit(folded[k]) else { return nil }
        if (level == "tinh" || level == "pho") && !lexicon.provinces.isEmpty {
            if let m = lexicon.provinceMatcher.longestMatch(in: folded, at: k, limit: end) {
                // A province names exactly; "tỉnh Hà Giang" but not "tỉnh Hà Giang Nguyễn".
                return (placeText(units, m.range), m.range.upperBound)
            }
            if level == "tinh" { return nil }
        }
        var e = k
        var last = k
        var words = 0
        while e < end && words < 4 {
            guard PhraseMatcher.isWordByte(folded[e]) else { break }
            var w = e
            while w < end && PhraseMatcher.isWordByte(folded[w]) { w += 1 }
            let ok = LayoutScan.isDigit(folded[e]) ? words == 0 : (upper ? LayoutScan.isUpperLine(units, e..<w) || VietnameseLetters.isUpper(units[e]) : LayoutScan.isNameSyllable(units, e..<w))
            guard ok else { break }
            // A person's name is not part of the place: "Chủ tịch UBND xã Nguyễn Văn Bình".
            if startsPersonName(folded, e, w, end) { break }
            if words > 0 && (lexicon.agencyMatcher.longestMatch(in: folded, at: e, limit: end) != nil) { break }
            last = w
            words += 1
            var n = w
            if n < end && folded[n] == 0x20 { n += 1 }
            if n < end && folded[n] == 0x2D {
                n += 1
                if n < end && folded[n] == 0x20 { n += 1 }
            }
            if n == w { break }
            e = n
        }
        guard words > 0 else { return nil }
        return (placeText(units, k..<last), last)
    }

    /// A family name followed by `Văn` or `Thị` (`Nguyễn Văn Bình`, `Lê Thị Hoa`): a person, which no
    /// place name after a level word begins with (wards named after people, `Lê Lợi`, `Trần Hưng Đạo`, do not).
    func startsPersonName(_ folded: [UInt8], _ e: Int, _ w: Int, _ end: Int) -> Bool {
        guard lexicon.familyNames.contains(Array(folded[e..<w])), w + 1 < end, folded[w] == 0x20 else { return false }
        let n = w + 1
        var m = n
        while m < end && PhraseMatcher.isWordByte(folded[m]) { m += 1 }
        let next = folded[n..<m]
        return next.elementsEqual("van".utf8) || next.elementsEqual("thi".utf8)
    }

    func placeText(_ units: [UInt16], _ range: Range<Int>) -> String {
        // One space between words, a line break read as a space: built on the units, not by splitting a String.
        var out: [UInt16] = []
        out.reserveCapacity(range.count)
        for u in units[range] {
            if u == 0x0A || u == 0x20 {
                if let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                out.append(u)
            }
        }
        if out.last == 0x20 { out.removeLast() }
        let s = UTF16String.make(out)
        return LayoutScan.isUpperLine(units, range) ? LayoutScan.titleCase(s) : s
    }
}

extension LayoutScan {
    /// An all-capital open-class name in a letterhead: the head title-cased, the rest sentence-cased
    /// (`SỞ NỘI VỤ` → `Sở Nội vụ`).
    static func sentenceCaseHead(_ s: String, headLength: Int, head written: String? = nil) -> String {
        let head = UTF16String.make(Array(s.utf16.prefix(headLength)))
        let rest = UTF16String.make(Array(s.utf16.dropFirst(headLength)))
        let trimmed = rest.drop(while: { $0 == " " })
        return (written ?? titleCase(head)) + " " + sentenceCaseKeepingAbbreviations(String(trimmed))
    }
}
