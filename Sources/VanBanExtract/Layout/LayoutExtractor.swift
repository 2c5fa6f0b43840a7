import VanBanText

/// Splits a file into documents and reads each one's letterhead and signature block
/// (Nghị định 30/2020/NĐ-CP Điều 8, Phụ lục I; DOMAIN.md §6.6).
///
/// Header parts, read line by line on folded text in the first 40 lines: quốc hiệu and tiêu ngữ
/// (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Độc lập - Tự do - Hạnh phúc`) or `ĐẢNG CỘNG SẢN VIỆT NAM`;
/// the issuing body (`ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NGÃI` → `UBND tỉnh Quảng Ngãi`); the `Số:` line
/// (through `DocumentNumberLexer`); the place and date; the type line (`THÔNG BÁO`, OCR `K ÉT LUẬN`) and
/// trích yếu, or `V/v …` for a công văn; `Kính gửi:`. Footer parts, in the last 40 lines: the
/// signature block (`TL. CHỦ TỊCH` / `CHÁNH VĂN PHÒNG` / name) and `Nơi nhận:`.
///
/// A new document starts where a new letterhead (quốc hiệu with a `Số` line near it) begins after the
/// previous one's body, so a công văn with the notice it forwards gives two records; a digital-signature
/// stamp (`Quảng Ngãi` / `Số: 89/TB-UBND` / `17/03/2021`) has no quốc hiệu and starts nothing. Text
/// without a letterhead (PDF extracts, crawled pages, excerpts) gets nulls, never invented values.
public struct LayoutExtractor: Sendable {
    public let lexicon: Lexicon
    let numbers: DocumentNumberLexer
    let agencyExtractor: AgencyExtractor
    /// Letters-only key of each type name (`thongbao`, `ketluan`) → index into `lexicon.documentTypes`.
    let typeByKey: [[UInt8]: Int]
    /// Authority marks as folded bytes (`tl.`, `t/m`, `kt`), longest first, with the surface they stand for.
    let marks: [[UInt8]]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.numbers = DocumentNumberLexer(lexicon: lexicon)
        self.agencyExtractor = AgencyExtractor(lexicon: lexicon)
        var keys: [[UInt8]: Int] = [:]
        for (k, t) in lexicon.documentTypes.enumerated() {
            let key = Array(t.name.utf16).map { VietnameseLetters.fold($0) }.filter { $0 >= 0x61 && $0 <= 0x7A }
            if keys[key] == nil && key.count >= 4 { keys[key] = k }
        }
        self.typeByKey = keys
        var marks: [[UInt8]] = []
        for m in lexicon.authorityMarks {
            for s in [m.mark] + m.aliases { marks.append(Array(s.utf16).map { VietnameseLetters.fold($0) }) }
        }
        if marks.isEmpty { marks = ["tm.", "t/m", "kt.", "k/t", "tl.", "t/l", "tuq.", "q."].map { Array($0.utf8) } }
        self.marks = marks.sorted { $0.count > $1.count }
    }

    public func documents(_ analysis: Analysis) -> [DocumentRecord] {
        let text = analysis.text
        let all = LayoutScan.lines(text, 0..<text.count)
        var starts = [0]
        var lineStarts = [0]
        var first = true
        for start in letterheadStarts(text, all) {
            // The first letterhead near the top is the first document's, even under a crawled page's navigation.
            if first && start.line < 40 { first = false; continue }
            first = false
            if start.line - lineStarts.last! < 12 { continue }
            starts.append(all[start.line].range.lowerBound)
            lineStarts.append(start.line)
        }
        var records: [DocumentRecord] = []
        for (k, s) in starts.enumerated() {
            let e = k + 1 < starts.count ? starts[k + 1] : text.count
            let first = lineStarts[k]
            let last = k + 1 < lineStarts.count ? lineStarts[k + 1] : all.count
            var record = DocumentRecord(range: (k == 0 ? 0 : s)..<e)
            read(text, Array(all[first..<last]), into: &record)
            records.append(record)
        }
        return records
    }

    // MARK: - Splitting

    static let mottoKey = Array("conghoaxahoichunghiavietnam".utf8)
    static let partyKey = Array("dangcongsanvietnam".utf8)
    static let sloganKey = Array("doclaptudohanhphuc".utf8)

    /// Whether the lines from `i` spell `key` (letters only, over at most three lines, starting at line `i`).
    static func spells(_ text: NormalizedText, _ lines: [LayoutLine], _ i: Int, _ key: [UInt8]) -> Int? {
        var acc: [UInt8] = []
        var j = i
        while j < lines.count && j < i + 3 {
            // Only as many letters as can still match: a long body line is not read to its end.
            let k = LayoutScan.letterKey(text.folded, lines[j].range, max: key.count + 7 - acc.count)
            if j == i {
                // The first line must itself start the key and be mostly the key.
                guard k.count >= 4, k.count <= key.count + 6, k.starts(with: key.prefix(min(k.count, key.count))) else { return nil }
            }
            acc += k
            if acc.count >= key.count { return acc.starts(with: key) && acc.count <= key.count + 6 ? j : nil }
            j += 1
        }
        return nil
    }

    struct LetterheadStart { var line: Int }

    /// Lines where a letterhead begins: the issuing-body lines above a quốc hiệu or Party heading that has
    /// a `Số` line within eight lines.
    func letterheadStarts(_ text: NormalizedText, _ lines: [LayoutLine]) -> [LetterheadStart] {
        let folded = text.folded
        var result: [LetterheadStart] = []
        var i = 0
        while i < lines.count {
            let b = folded[lines[i].range.lowerBound]
            guard b == 0x63 || b == 0x64 else { i += 1; continue }
            guard let endLine = Self.spells(text, lines, i, Self.mottoKey) ?? Self.spells(text, lines, i, Self.partyKey) else { i += 1; continue }
            // A Số line near it.
            var hasNumber = false
            for j in max(0, i - 6)..<min(lines.count, endLine + 9) where looksLikeNumberLine(text, lines[j]) {
                hasNumber = true
                break
            }
            if hasNumber {
                // Walk back over the issuing body (capitals) above, and over the `Số` line and the `V/v`
                // subject printed in the left column between the body and the quốc hiệu when the two
                // columns are flattened (`BỘ Y TẾ` / `Số: 1234/BYT-KCB` / `V/v …` / `CỘNG HÒA…`).
                var s = i
                var numberLine: Int? = nil
                var subjectLine: Int? = nil
                while s > 0 && i - s < 8 {
                    let above = lines[s - 1]
                    if numberLine == nil && subjectLine == nil && Self.startsSubject(folded, above.range) {
                        subjectLine = s - 1
                        s -= 1
                        continue
                    }
                    if numberLine == nil && looksLikeNumberLine(text, above) {
                        numberLine = s - 1
                        s -= 1
                        continue
                    }
                    guard LayoutScan.isUpperLine(text.units, above.range) && !isStampOrNumber(text, above)
                            && signatureMark(text, above) == nil else { break }
                    s -= 1
                }
                // A `Số` line with no body above it is a stamp's or the previous document's, not this letterhead's.
                if let n = numberLine, s == n { s = n + 1 }
                result.append(LetterheadStart(line: s))
            }
            i = endLine + 1
        }
        return result
    }

    /// A công văn's subject line: `V/v …`, `v/v …`, `Về việc …`.
    static func startsSubject(_ folded: [UInt8], _ range: Range<Int>) -> Bool {
        let key = folded[range]
        return key.starts(with: Array("v/v".utf8)) || key.starts(with: Array("ve viec ".utf8))
    }

    func isStampOrNumber(_ text: NormalizedText, _ line: LayoutLine) -> Bool {
        looksLikeNumberLine(text, line) || LayoutScan.caseCounts(text.units, line.range).upper < 2
    }

    // MARK: - Header

    static let so = Array("so".utf8)

    /// Where the number of a `Số:` / `Số` line starts (`Số: 89/TB-UBND`, `Số 445-KL/TƯ`, draft `Số:    /TB-UBND`).
    func numberStart(_ text: NormalizedText, _ line: LayoutLine) -> Int? {
        let folded = text.folded
        let r = line.range
        guard folded[r.lowerBound] == 0x73, LayoutScan.startsWith(folded, r.lowerBound, r.upperBound, Self.so),
              VietnameseLetters.isUpper(text.units[r.lowerBound]) else { return nil }
        var k = r.lowerBound + 2
        k = LayoutScan.skipSpaces(folded, k, r.upperBound)
        if k < r.upperBound && (folded[k] == 0x3A || folded[k] == 0x2E) { k += 1 }
        k = LayoutScan.skipSpaces(folded, k, r.upperBound)
        guard k < r.upperBound, LayoutScan.isDigit(folded[k]) || folded[k] == 0x2F || folded[k] == 0x2D || folded[k] == 0x2E else { return nil }
        return k
    }

    /// A `Số` line by its shape, whether or not the lexer reads its number.
    func looksLikeNumberLine(_ text: NormalizedText, _ line: LayoutLine) -> Bool { numberStart(text, line) != nil }

    /// The number of a `Số:` / `Số` line (drafts included), via the shared number lexer.
    /// Every grammar and OCR repair of the lexer applies: when the number does not start right after `Số`
    /// (stray marks, a split running number), the first number the lexer finds on the line is taken.
    func numberLine(_ text: NormalizedText, _ line: LayoutLine) -> DocumentNumber? {
        guard let start = numberStart(text, line) else { return nil }
        if let n = numbers.number(in: text, at: start) { return n }
        return numbers.numbers(in: text, range: start..<line.range.upperBound).first
    }

    static let vv = Array("v/v".utf8)
    static let vanPhong = Array("van phong".utf8)
    static let kinhGui = Array("kinh gui".utf8)
    static let noiNhan = Array("noi nhan".utf8)
    static let bodyStarters: [[UInt8]] = ["can cu", "thuc hien", "xet", "theo de nghi", "tren co so", "kinh gui", "dieu 1", "quyet dinh:",
                                          "quyet nghi", "nham", "de ", "sau khi", "tham du", "vua qua"].map { Array($0.utf8) }

    /// A line of running text: at least ten words, mostly lower case.
    func isBodyLine(_ text: NormalizedText, _ line: LayoutLine) -> Bool {
        let c = LayoutScan.caseCounts(text.units, line.range)
        guard c.lower > c.upper * 2 else { return false }
        return LayoutScan.words(text.folded, line.range).count >= 10
    }

    func startsBody(_ text: NormalizedText, _ line: LayoutLine) -> Bool {
        let f = text.folded, r = line.range
        if LayoutScan.isUpperLine(text.units, r) && f[r.upperBound - 1] != 0x3A { return false }
        for s in Self.bodyStarters where LayoutScan.startsWith(f, r.lowerBound, r.upperBound, s) { return true }
        // "Ngày 09/3/2021, …", "1. …", "I. …"
        if LayoutScan.startsWith(f, r.lowerBound, r.upperBound, DateLine.ngay) { return true }
        return false
    }

    /// Reads header and footer parts of one document from its lines.
    func read(_ text: NormalizedText, _ lines: [LayoutLine], into record: inout DocumentRecord) {
        let folded = text.folded, units = text.units
        let window = min(lines.count, 40)
        var upperLines: [Int] = []
        var typeLine: Int? = nil
        var subjectLines: [Int] = []
        var authorityLine: Int? = nil
        var hasVv = false
        var hasKinhGui = false
        var placeDate: DateLine? = nil
        /// The place and date found inside the subject lines, left out of the subject.
        var subjectCut: Range<Int>? = nil
        /// A `V/v …` subject on the number's line, after the number.
        var inlineSubject: Range<Int>? = nil
        var number: DocumentNumber? = nil
        var blankLayout = false
        var sawLetterhead = false
        var runClosed = false
        // Navigation text of a crawled page may stand above the letterhead: start at the letterhead.
        var i = 0
        if let start = letterheadStarts(text, Array(lines.prefix(window))).first { i = start.line }
        while i < window {
            let line = lines[i]
            let r = line.range
            if i > 0 && line.blankBefore { blankLayout = true }
            if let end = Self.spells(text, lines, i, Self.mottoKey) ?? Self.spells(text, lines, i, Self.partyKey) ?? Self.spells(text, lines, i, Self.sloganKey) {
                sawLetterhead = true
                i = end + 1
                continue
            }
            if typeLine == nil, looksLikeNumberLine(text, line) {
                if number == nil, let n = numberLine(text, line) {
                    number = n
                    if placeDate == nil, let pd = DateLine.find(text, line: LayoutLine(range: n.range.upperBound..<r.upperBound, blankBefore: false), previous: nil) {
                        placeDate = pd
                    }
                    // A flattened header row: `Số: 4567/BGDĐT-GDTrH V/v triển khai … | Hà Nội, ngày …`.
                    let v = LayoutScan.skipSpaces(folded, n.range.upperBound, r.upperBound)
                    if subjectLines.isEmpty, LayoutScan.startsWith(folded, v, r.upperBound, Self.vv) {
                        var e = r.upperBound
                        if let pd = placeDate, pd.dateRange.lowerBound > v { e = min(e, pd.placeRange?.lowerBound ?? pd.dateRange.lowerBound) }
                        if let bar = (v..<e).first(where: { folded[$0] == 0x7C }) { e = bar }
                        hasVv = true
                        inlineSubject = v..<e
                    }
                }
                sawLetterhead = true
                if !upperLines.isEmpty { runClosed = true }
                i += 1
                continue
            }
            // A header date has its place before it or opens the line; `Căn cứ … ngày 05/3/2020` in a headerless excerpt dates a citation.
            if placeDate == nil, typeLine == nil, r.count < 90, !startsBody(text, line), let pd = DateLine.find(text, line: line, previous: i > 0 ? lines[i - 1] : nil),
               pd.placeRange != nil || pd.dateRange.lowerBound == r.lowerBound {
                placeDate = pd
                if let p = pd.placeRange, i > 0, p.lowerBound < r.lowerBound { upperLines.removeAll { $0 == i - 1 } }
                sawLetterhead = true
                i += 1
                continue
            }
            if LayoutScan.startsWith(folded, r.lowerBound, r.upperBound, Self.vv) {
                hasVv = true
                var j = i
                subjectLines = [i]
                while j + 1 < window && !lines[j + 1].blankBefore && !startsBody(text, lines[j + 1]) && subjectLines.count < 6 {
                    j += 1
                    subjectLines.append(j)
                }
                // Two header columns that normalization put on one line: the place and date sit inside
                // the trích yếu (`V/v triển khai …  Ninh Bình, ngày 09 tháng 8 năm 2021 phòng, chống …`).
                if placeDate == nil {
                    for k in subjectLines {
                        if let pd = DateLine.find(text, line: lines[k], previous: nil), pd.date != nil || pd.draft {
                            placeDate = pd
                            subjectCut = (pd.placeRange?.lowerBound ?? pd.dateRange.lowerBound)..<pd.dateRange.upperBound
                            break
                        }
                    }
                }
                i = j + 1
                continue
            }
            if LayoutScan.startsWith(folded, r.lowerBound, r.upperBound, Self.kinhGui) { hasKinhGui = true; break }
            if typeLine == nil, typeIndex(text, line) != nil {
                typeLine = i
                // Trích yếu: the lines after the type line.
                var j = i + 1
                while j < window && subjectLines.count < 6 {
                    let l = lines[j]
                    if startsBody(text, l) || isAuthorityLine(text, l) { break }
                    if !subjectLines.isEmpty {
                        if l.blankBefore { break }
                        if !blankLayout {
                            // Without blank lines, only capital lines continue a capital trích yếu.
                            let w = LayoutScan.words(folded, l.range)
                            guard let fw = w.first, LayoutScan.isUpperLine(units, fw) || LayoutScan.isUpperLine(units, l.range) else { break }
                        }
                    } else if l.blankBefore {
                        blankLayout = true
                    } else if isBodyLine(text, l) && !blankLayout {
                        break
                    }
                    subjectLines.append(j)
                    j += 1
                }
                if j < window && isAuthorityLine(text, lines[j]) { authorityLine = j; j += 1 }
                i = j
                continue
            }
            if typeLine != nil || hasVv { break }
            if isBodyLine(text, line) || startsBody(text, line) { break }
            if LayoutScan.isUpperLine(units, r) && !runClosed { upperLines.append(i) } else if !upperLines.isEmpty { runClosed = true }
            i += 1
        }
        // The issuing body: the first run of consecutive capital lines of a letterhead.
        let issuerLines: [Int] = sawLetterhead ? upperLines : []

        if let number {
            record.numberRange = number.range
            record.symbol = number.symbol
            if number.isDraft { record.draft = true } else { record.number = number.number }
            record.typeCode = number.typeCode
        }
        if let placeDate {
            record.place = placeDate.place.map { s in placeDate.placeRange.map { text.originalText($0) }.map { clean($0) } ?? s }
            record.date = placeDate.date
            record.dateRange = placeDate.dateRange
            if placeDate.draft { record.draft = true }
        }
        // Type.
        if let t = typeLine, let k = typeIndex(text, lines[t]) {
            let type = lexicon.documentTypes[k]
            record.type = type.name
            if record.typeCode == nil { record.typeCode = code(for: type.name, grammar: number?.grammar) }
        } else if hasVv || hasKinhGui {
            record.type = "Công văn"
        } else if let code = number?.typeCode, let t = type(code: code, grammar: number?.grammar) {
            record.type = t.name
        } else if number != nil && number?.typeCode == nil && number?.symbol != nil {
            record.type = "Công văn"
        }
        // Subject.
        if !subjectLines.isEmpty || inlineSubject != nil {
            var pieces: [Range<Int>] = subjectLines.isEmpty ? [inlineSubject!] : []
            for l in subjectLines {
                let r = lines[l].range
                if let cut = subjectCut, r.overlaps(cut) {
                    if cut.lowerBound > r.lowerBound { pieces.append(r.lowerBound..<cut.lowerBound) }
                    if cut.upperBound < r.upperBound { pieces.append(cut.upperBound..<r.upperBound) }
                } else {
                    pieces.append(r)
                }
            }
            var s = pieces.map { Substring(text.text($0)).trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
            if hasVv, s.utf16.count > 3 {
                s = UTF16String.make(Array(s.utf16.dropFirst(3)))
                while s.first == " " || s.first == ":" { s.removeFirst() }
            }
            record.subject = s.isEmpty ? nil : s
        }
        // Issuer.
        record.issuer = issuer(text, lines, issuerLines, authority: authorityLine, place: placeDate?.place)
        // Footer.
        let tailStart = max(0, lines.count - 40)
        let tail = Array(lines[tailStart...])
        if let s = signer(text, tail) { record.signer = s }
        record.recipients = recipients(text, lines, window: window, tail: tailStart)
        // A crawled page may state its own number in running text; an excerpt its issuer and type.
        if number == nil && placeDate == nil && typeLine == nil && !sawLetterhead {
            reprinted(text, lines, into: &record)
            if record.type == nil { issuance(text, lines, into: &record) }
            if record.type == nil { selfReference(text, lines, into: &record) }
        }
        // A council resolution without a dated letterhead gives its date where it is adopted:
        // `Nghị quyết này đã được Hội đồng nhân dân tỉnh … thông qua ngày 13 tháng 7 năm 2017`.
        if record.date == nil && !record.draft { adoption(text, lines, into: &record) }
    }

    static let thongQua = Array("thong qua".utf8)

    func adoption(_ text: NormalizedText, _ lines: [LayoutLine], into record: inout DocumentRecord) {
        let f = text.folded
        for line in lines.suffix(30) {
            let r = line.range
            var k = r.lowerBound
            while k < r.upperBound, let at = LayoutScan.find(f, k..<r.upperBound, Self.thongQua) {
                k = at + Self.thongQua.count
                // The sentence names this document (`Nghị quyết này`), not one it cites.
                guard namesItself(text, before: at) else { continue }
                let d = LayoutScan.skipSpaces(f, k, r.upperBound)
                if let pd = DateLine.parseDate(f, at: d, end: text.count), let v = pd.value {
                    record.date = v
                    record.dateRange = d..<pd.end
                    return
                }
            }
        }
    }

    /// Whether `này` stands in the same sentence before `at` (at most 300 units back).
    func namesItself(_ text: NormalizedText, before at: Int) -> Bool {
        let f = text.folded, u = text.units
        var k = at - 1
        while k >= 3 && at - k < 300 {
            let b = f[k]
            if b == 0x3B || (b == 0x2E && k + 1 < f.count && f[k + 1] == 0x20) { return false }
            if u[k] == 0x79 && u[k - 1] == 0xE0 && u[k - 2] == 0x6E && f[k - 3] == 0x20 && (k + 1 >= f.count || !PhraseMatcher.isWordByte(f[k + 1])) { return true }
            k -= 1
        }
        return false
    }

    /// The type of a headerless excerpt from the way it names itself: `… nghiêm túc thực hiện Chỉ thị này`
    /// (the type named most often with `này`, capitalized, so `quyết định này` in running text does not count).
    func selfReference(_ text: NormalizedText, _ lines: [LayoutLine], into record: inout DocumentRecord) {
        let f = text.folded, u = text.units
        guard let first = lines.first, let last = lines.last else { return }
        var counts: [Int: Int] = [:]
        var i = first.range.lowerBound
        let end = last.range.upperBound
        while i < end {
            if VietnameseLetters.isUpper(u[i]) && (i == 0 || !PhraseMatcher.isWordByte(f[i - 1])),
               let m = lexicon.typeNameMatcher.longestMatch(in: f, at: i, limit: end), let t = m.payloads.first {
                let n = m.range.upperBound
                if n + 4 <= end, f[n] == 0x20, u[n + 1] == 0x6E, u[n + 2] == 0xE0, u[n + 3] == 0x79,
                   n + 4 == end || !PhraseMatcher.isWordByte(f[n + 4]) {
                    counts[t, default: 0] += 1
                }
                i = n
                continue
            }
            i += 1
        }
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value >= 2 else { return }
        record.type = lexicon.documentTypes[best.key].name
    }

    func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\r" || $0 == "*" }).joined(separator: " ")
    }

    /// The type whose name the line spells in capitals (`THÔNG BÁO`, `K ÉT LUẬN`, `QUYẾT ĐỊNH`), not `QUYẾT ĐỊNH:`.
    func typeIndex(_ text: NormalizedText, _ line: LayoutLine) -> Int? {
        let r = line.range
        guard r.count <= 30, text.folded[r.upperBound - 1] != 0x3A, LayoutScan.isUpperLine(text.units, r) else { return nil }
        let key = LayoutScan.letterKey(text.folded, r)
        if let k = typeByKey[key] { return k }
        // A joint document names its type with the joint word after it: `HƯỚNG DẪN LIÊN NGÀNH`, `THÔNG TƯ LIÊN TỊCH`.
        for q in Self.jointQualifiers where key.count > q.count + 3 && key.suffix(q.count).elementsEqual(q) {
            if let k = typeByKey[Array(key.dropLast(q.count))] { return k }
        }
        return nil
    }

    static let jointQualifiers: [[UInt8]] = ["liennganh", "lientich"].map { Array($0.utf8) }

    /// The document type of a type code, by the number's grammar (`KL` Party, `QĐ` admin).
    func type(code: String, grammar: DocumentNumber.Grammar?) -> Lexicon.DocumentType? {
        guard let list = lexicon.typesByCode[code] else { return nil }
        let system: String
        switch grammar {
        case .party: system = "party"
        case .legal, .law: system = "legal"
        default: system = "admin"
        }
        return list.first { $0.system == system } ?? list.first
    }

    /// The code of a type name (`Thông báo` → `TB`), for a document whose number has none.
    func code(for name: String, grammar: DocumentNumber.Grammar?) -> String? {
        let system = grammar == .party ? "party" : (grammar == .legal ? "legal" : "admin")
        return lexicon.documentTypes.first { $0.name == name && $0.system == system && !$0.code.isEmpty }?.code
            ?? lexicon.documentTypes.first { $0.name == name && !$0.code.isEmpty }?.code
    }

    /// The authority line under a Quyết định's or Nghị quyết's trích yếu: `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG`,
    /// `ỦY BAN NHÂN DÂN TỈNH`, `HỘI ĐỒNG NHÂN DÂN TỈNH HÀ GIANG` (a government or council body, or a position before one).
    func isAuthorityLine(_ text: NormalizedText, _ line: LayoutLine) -> Bool {
        let r = line.range
        guard LayoutScan.isUpperLine(text.units, r) else { return false }
        var k = r.lowerBound
        if let p = lexicon.positionMatcher.longestMatch(in: text.folded, at: k, limit: r.upperBound) {
            k = LayoutScan.skipSpaces(text.folded, p.range.upperBound, r.upperBound)
        }
        guard let m = lexicon.agencyMatcher.longestMatch(in: text.folded, at: k, limit: r.upperBound), let a = m.payloads.first else { return false }
        let kind = lexicon.agencies[a].kind
        return kind == "government" || kind == "council"
    }

    /// The issuer: the last body of the letterhead block, completed with its parent's place
    /// (`UBND TỈNH ĐẮK NÔNG` / `SỞ THÔNG TIN VÀ TRUYỀN THÔNG` → `Sở Thông tin và Truyền thông tỉnh Đắk Nông`);
    /// a Quyết định issued by the chairman (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …` under the trích yếu) → `Chủ tịch UBND tỉnh …`.
    func issuer(_ text: NormalizedText, _ lines: [LayoutLine], _ issuerLines: [Int], authority: Int?, place: String?) -> String? {
        var blockName: String? = nil
        var blockPlace: String? = nil
        if let first = issuerLines.first, let last = issuerLines.last {
            _ = (first, last)
            // The block's lines joined by line breaks (table cells of the quốc hiệu may sit between them).
            var u: [UInt16] = [], fo: [UInt8] = []
            for k in issuerLines {
                if !u.isEmpty { u.append(0x0A); fo.append(0x0A) }
                if let joined = Self.spacedOut(text, lines[k].range) {
                    let f = LayoutScan.fold(joined)
                    u += f.units
                    fo += f.folded
                } else {
                    u += text.units[lines[k].range]
                    fo += text.folded[lines[k].range]
                }
            }
            let found = agencyExtractor.scan(u, fo, 0..<u.count)
            let lastLine = lines[issuerLines[issuerLines.count - 1]].range
            if issuerLines.count > 1, LayoutScan.fold(text.text(lastLine)).folded == Self.vanPhong,
               let parent = found.last, parent.range.upperBound <= u.count - lastLine.count {
                // `UBND TỈNH KON TUM` over a bare `VĂN PHÒNG`: the office of that body.
                blockName = "Văn phòng " + parent.name
                blockPlace = parent.place
            } else if let child = found.last {
                // Joint issuers under one parent (`SỞ TÀI CHÍNH - SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG`): the bodies joined by a dash.
                var joint = [child]
                while joint.count < found.count - 1 {
                    let before = found[found.count - 1 - joint.count]
                    guard before.place == nil, Self.joinedByDash(fo, before.range.upperBound, joint[0].range.lowerBound) else { break }
                    joint.insert(before, at: 0)
                }
                let base = joint.count > 1 && joint.allSatisfy({ $0.place == nil }) ? joint.map(\.base).joined(separator: " - ") : child.base
                var name = joint.count > 1 ? base : child.name
                let parent = found.count > joint.count ? found[found.count - 1 - joint.count] : nil
                if child.place == nil, let parent, let pp = parent.place {
                    if Self.endsWithLevel(parent.base) {
                        name = base + " " + Self.levelWord(parent.base) + " " + pp
                    } else {
                        name = base + " " + pp
                    }
                }
                blockName = name
                blockPlace = child.place ?? parent?.place
            } else if !found.isEmpty || !issuerLines.isEmpty {
                blockName = nil
            }
        }
        if let a = authority {
            let r = lines[a].range
            if let p = lexicon.positionMatcher.longestMatch(in: text.folded, at: r.lowerBound, limit: r.upperBound), let pi = p.payloads.first {
                let found = agencyExtractor.scan(text.units, text.folded, p.range.upperBound..<r.upperBound)
                if let body = found.first {
                    var name = body.name
                    if body.place == nil, let bp = blockPlace ?? place { name = body.base + " " + bp }
                    return lexicon.positions[pi].title + " " + name
                }
            } else if blockName == nil {
                let found = agencyExtractor.scan(text.units, text.folded, r)
                if let body = found.first {
                    if body.place == nil, let bp = place { return body.base + " " + bp }
                    return body.name
                }
            }
        }
        return blockName
    }

    /// A letterhead line printed with spaced-out letters (`T Ỉ N H   Ủ Y   L Â M   Đ Ồ N G`) read back as words
    /// (`TỈNH ỦY LÂM ĐỒNG`): in the original, words are set apart by two or more spaces and letters by one.
    /// Nil when the line is not spaced out or the original no longer shows the word gaps.
    static func spacedOut(_ text: NormalizedText, _ range: Range<Int>) -> String? {
        let words = LayoutScan.words(text.folded, range)
        guard words.count >= 4 else { return nil }
        let single = words.reduce(0) { $0 + ($1.count == 1 ? 1 : 0) }
        guard single * 10 >= words.count * 7 else { return nil }
        let original = Array(text.originalText(range).unicodeScalars)
        var out = String.UnicodeScalarView()
        var spaces = 0
        var gaps = 0
        for c in original {
            if c == " " || c == "\t" { spaces += 1; continue }
            if spaces >= 2 && !out.isEmpty { out.append(" "); gaps += 1 }
            spaces = 0
            out.append(c)
        }
        guard gaps > 0 else { return nil }
        return String(out)
    }

    /// Whether only a dash (with spaces or a line break) stands between two bodies.
    static func joinedByDash(_ folded: [UInt8], _ a: Int, _ b: Int) -> Bool {
        guard a <= b else { return false }
        var dash = 0
        for k in a..<b {
            switch folded[k] {
            case 0x2D: dash += 1
            case 0x20, 0x0A: continue
            default: return false
            }
        }
        return dash == 1
    }

    static func endsWithLevel(_ base: String) -> Bool {
        let w = base.split(separator: " ").last.map(String.init) ?? ""
        return ["tỉnh", "huyện", "xã", "phường", "quận"].contains(w) || base.hasSuffix("thành phố") || base.hasSuffix("thị xã") || base.hasSuffix("thị trấn")
    }

    static func levelWord(_ base: String) -> String {
        for w in ["thành phố", "thị xã", "thị trấn"] where base.hasSuffix(w) { return w }
        return base.split(separator: " ").last.map(String.init) ?? ""
    }

    // MARK: - Footer

    /// The authority mark at the start of a line (`TL.`, `T/M`, `KT`), as its length.
    func signatureMark(_ text: NormalizedText, _ line: LayoutLine) -> Int? {
        let f = text.folded, r = line.range
        for m in marks where r.count > m.count {
            var ok = true
            for k in 0..<m.count where f[r.lowerBound + k] != m[k] { ok = false; break }
            guard ok else { continue }
            let next = f[r.lowerBound + m.count]
            let last = m[m.count - 1]
            if next == 0x20 || ((last == 0x2E || last == 0x2F) && LayoutScan.isLetterByte(next)) {
                // The mark is capitals in the text (`TM.` but not `Tm`).
                if VietnameseLetters.isUpper(text.units[r.lowerBound]) { return m.count }
            }
        }
        return nil
    }

    /// A signer's name: two to five capitalized syllables and nothing else (`Phạm Xuân Duệ`).
    static func isNameLine(_ text: NormalizedText, _ line: LayoutLine) -> Bool {
        let w = LayoutScan.words(text.folded, line.range)
        guard w.count >= 2, w.count <= 5 else { return false }
        for x in w where !LayoutScan.isNameSyllable(text.units, x) { return false }
        // Only letters and spaces.
        for i in line.range where !(LayoutScan.isLetterByte(text.folded[i]) || text.folded[i] == 0x20) { return false }
        return true
    }

    /// The signature block: authority mark, position in capitals, then the name.
    /// A table cell (lines are split at pipes) or a crawled footer may hold the whole block on one line
    /// (`| TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Bình |`).
    func signer(_ text: NormalizedText, _ tail: [LayoutLine]) -> Signer? {
        let f = text.folded, units = text.units
        var best: Signer? = nil
        var pending: (authority: String, line: Int)? = nil
        var i = 0
        while i < tail.count {
            let line = tail[i]
            if line.range.count <= 600, !LayoutScan.isUpperLine(units, line.range), let s = inlineSigner(text, line) {
                best = s
                i += 1
                continue
            }
            guard line.range.count <= 60, LayoutScan.isUpperLine(units, line.range) else { i += 1; continue }
            var k = line.range.lowerBound
            var authority: String? = nil
            if let m = signatureMark(text, line) {
                k = LayoutScan.skipSpaces(f, line.range.lowerBound + m, line.range.upperBound)
                authority = text.text(line.range.lowerBound..<(line.range.lowerBound + m)) + " " + titled(text, k..<line.range.upperBound)
            }
            guard let p = lexicon.positionMatcher.longestMatch(in: f, at: k, limit: line.range.upperBound),
                  LayoutScan.isUpperLine(units, p.range) else {
                // "T/M BAN THƯỜNG VỤ" above "PHÓ BÍ THƯ": the mark names a body, the position follows.
                if let authority { pending = (authority, i) }
                i += 1
                continue
            }
            if authority == nil, let pa = pending, i - pa.line <= 2 { authority = pa.authority }
            pending = nil
            // Follow the block down: more capital lines (another mark, the position), then the name.
            var position = lexicon.positions[p.payloads[0]].title
            if authority != nil { position = lexicon.positions[p.payloads[0]].title }
            var j = i + 1
            var name: LayoutLine? = nil
            var hadPositionBelow = false
            var seen = 0
            while j < tail.count && seen < 6 {
                let l = tail[j]
                // In a two-column footer the Nơi nhận items stand between the block's lines: they do not count.
                if f[l.range.lowerBound] == 0x2D || f[l.range.lowerBound] == 0x2B { j += 1; continue }
                seen += 1
                if Self.isNameLine(text, l) { name = l; break }
                if LayoutScan.isUpperLine(units, l.range) && l.range.count <= 60 {
                    var kk = l.range.lowerBound
                    if let m2 = signatureMark(text, l) { kk = LayoutScan.skipSpaces(f, l.range.lowerBound + m2, l.range.upperBound) }
                    if let p2 = lexicon.positionMatcher.longestMatch(in: f, at: kk, limit: l.range.upperBound), LayoutScan.isUpperLine(units, p2.range) {
                        position = lexicon.positions[p2.payloads[0]].title
                        hadPositionBelow = true
                    }
                }
                j += 1
            }
            _ = hadPositionBelow
            if let name {
                let range = line.range.lowerBound..<name.range.upperBound
                best = Signer(range: range, name: text.text(name.range), position: position, authority: authority)
                i = j + 1
                continue
            }
            i += 1
        }
        return best
    }

    /// A signature block flattened onto one line, maybe at the end of a longer one (a crawled footer: `… Lưu: VT.
    /// CHỦ TỊCH Nguyễn Thanh Bình`): a position in capitals with the name after it and nothing else, and before the
    /// position the capital words of the block, an authority mark first (`TM. ỦY BAN NHÂN DÂN`).
    func inlineSigner(_ text: NormalizedText, _ line: LayoutLine) -> Signer? {
        let f = text.folded, units = text.units, r = line.range
        var k = r.lowerBound
        while k < r.upperBound {
            if PhraseMatcher.isWordByte(f[k]), k == r.lowerBound || !PhraseMatcher.isWordByte(f[k - 1]),
               let p = lexicon.positionMatcher.longestMatch(in: f, at: k, limit: r.upperBound), LayoutScan.isUpperLine(units, p.range) {
                let n = LayoutScan.skipSpaces(f, p.range.upperBound, r.upperBound)
                let nameLine = LayoutLine(range: n..<r.upperBound, blankBefore: false)
                if n < r.upperBound, Self.isNameLine(text, nameLine) {
                    // The capital words before the position, back to the first that is not (a mark's dot or slash kept).
                    var start = k
                    while start > r.lowerBound {
                        var w = start
                        while w > r.lowerBound && f[w - 1] == 0x20 { w -= 1 }
                        var v = w
                        while v > r.lowerBound && (PhraseMatcher.isWordByte(f[v - 1]) || f[v - 1] == 0x2E || f[v - 1] == 0x2F) { v -= 1 }
                        guard v < w, LayoutScan.isUpperLine(units, v..<w), units[v..<w].contains(where: { VietnameseLetters.isUpper($0) }) else { break }
                        start = v
                    }
                    var authority: String? = nil
                    var block = LayoutLine(range: start..<r.upperBound, blankBefore: false)
                    // Only an authority mark keeps its dot: `Lưu: VT.` before the block is not part of it.
                    while signatureMark(text, block) == nil, start < k, let dot = (start..<k).first(where: { f[$0] == 0x2E || f[$0] == 0x2F }) {
                        start = LayoutScan.skipSpaces(f, dot + 1, r.upperBound)
                        block = LayoutLine(range: start..<r.upperBound, blankBefore: false)
                    }
                    if let m = signatureMark(text, block) {
                        let bodyStart = LayoutScan.skipSpaces(f, start + m, r.upperBound)
                        var e = k
                        while e > bodyStart && f[e - 1] == 0x20 { e -= 1 }
                        authority = text.text(start..<(start + m)) + (e > bodyStart ? " " + titled(text, bodyStart..<e) : "")
                    }
                    return Signer(range: start..<r.upperBound, name: text.text(nameLine.range), position: lexicon.positions[p.payloads[0]].title, authority: authority)
                }
            }
            k += 1
        }
        return nil
    }

    /// Capital text after a mark in the case of positions.tsv (`CHỦ TỊCH` → `Chủ tịch`), else sentence case.
    func titled(_ text: NormalizedText, _ r: Range<Int>) -> String {
        if let p = lexicon.positionMatcher.longestMatch(in: text.folded, at: r.lowerBound, limit: r.upperBound), p.range.upperBound == r.upperBound {
            return lexicon.positions[p.payloads[0]].title
        }
        return LayoutScan.sentenceCase(text.text(r))
    }

    /// Recipients from `Kính gửi:` (header) and `Nơi nhận:` (footer): one per `- …;` line, without `Lưu: VT`.
    func recipients(_ text: NormalizedText, _ lines: [LayoutLine], window: Int, tail: Int) -> [String] {
        let f = text.folded
        var result: [String] = []
        func list(from i: Int, marker: Int) {
            // Same-line recipients: "Kính gửi: Sở Nội vụ".
            let r = lines[i].range
            var k = r.lowerBound + marker
            k = LayoutScan.skipSpaces(f, k, r.upperBound)
            if k < r.upperBound && f[k] == 0x3A { k += 1 }
            k = LayoutScan.skipSpaces(f, k, r.upperBound)
            if k < r.upperBound { add(k..<r.upperBound) }
            var j = i + 1
            var skipped = 0
            while j < lines.count && j <= i + 30 {
                let l = lines[j].range
                let b = f[l.lowerBound]
                guard b == 0x2D || b == 0x2B else {
                    // A two-column footer puts the signature block's lines between the items.
                    guard skipped < 4, LayoutScan.isUpperLine(text.units, l) || Self.isNameLine(text, lines[j]),
                          j + 1 < lines.count, f[lines[j + 1].range.lowerBound] == 0x2D || f[lines[j + 1].range.lowerBound] == 0x2B else { break }
                    skipped += 1
                    j += 1
                    continue
                }
                add(l)
                j += 1
            }
        }
        func add(_ r: Range<Int>) {
            var a = r.lowerBound, b = r.upperBound
            while a < b && (f[a] == 0x2D || f[a] == 0x2B || f[a] == 0x20) { a += 1 }
            while b > a && (f[b - 1] == 0x3B || f[b - 1] == 0x2E || f[b - 1] == 0x20 || f[b - 1] == 0x2C) { b -= 1 }
            guard a < b else { return }
            if LayoutScan.startsWith(f, a, b, Array("luu".utf8)) { return }
            result.append(text.text(a..<b))
        }
        for i in 0..<min(window, lines.count) where LayoutScan.startsWith(f, lines[i].range.lowerBound, lines[i].range.upperBound, Self.kinhGui) {
            list(from: i, marker: 8)
            break
        }
        for i in tail..<lines.count where LayoutScan.startsWith(f, lines[i].range.lowerBound, lines[i].range.upperBound, Self.noiNhan) {
            list(from: i, marker: 8)
            break
        }
        return result
    }

    // MARK: - Crawled pages and excerpts

    static let banHanh = Array("ban hanh".utf8)

    /// The issuing sentence of a text without letterhead: `Sở Thông tin và Truyền thông ban hành Kế hoạch …`
    /// gives the type (`Kế hoạch`) and the issuer, completed with the province the sentence names
    /// (`… tỉnh Đắk Nông …`). `Ban hành kèm theo Quyết định này …` has no body before it and gives nothing.
    func issuance(_ text: NormalizedText, _ lines: [LayoutLine], into record: inout DocumentRecord) {
        let f = text.folded
        for line in lines.prefix(8) {
            let r = line.range
            var k = r.lowerBound
            while k < r.upperBound, let at = LayoutScan.find(f, k..<r.upperBound, Self.banHanh) {
                k = at + Self.banHanh.count
                let t = LayoutScan.skipSpaces(f, k, r.upperBound)
                guard at > r.lowerBound, let tm = lexicon.typeNameMatcher.longestMatch(in: f, at: t, limit: r.upperBound),
                      let ti = tm.payloads.first, VietnameseLetters.isUpper(text.units[t]) else { continue }
                let bodies = agencyExtractor.scan(text.units, f, r.lowerBound..<at)
                guard let body = bodies.last, LayoutScan.skipSpaces(f, body.range.upperBound, at) == at else { continue }
                // The body is the subject of its clause: "…; Sở X ban hành", not "tham mưu UBND tỉnh ban hành".
                var before = body.range.lowerBound
                while before > r.lowerBound && f[before - 1] == 0x20 { before -= 1 }
                if before > r.lowerBound && PhraseMatcher.isWordByte(f[before - 1]) { continue }
                var name = body.name
                if body.place == nil && body.level == "province" {
                    // The province the sentence names: "tỉnh Đắk Nông".
                    var p = r.lowerBound
                    while p < r.upperBound, let tinh = LayoutScan.find(f, p..<r.upperBound, Array("tinh".utf8)) {
                        p = tinh + 4
                        if let place = agencyExtractor.placeName(text.units, f, LayoutScan.skipSpaces(f, p, r.upperBound), r.upperBound, level: "tinh", upper: false) {
                            name = LayoutExtractor.endsWithLevel(body.base) ? body.base + " " + place.text : body.base + " tỉnh " + place.text
                            break
                        }
                    }
                }
                record.type = lexicon.documentTypes[ti].name
                record.issuer = name
                return
            }
        }
    }

    static let noiDung = Array("noi dung".utf8)
    static let nhuSau = Array("nhu sau".utf8)

    /// A page that reprints a document after a lead sentence: `ngày 19/12/2018 UBND tỉnh đã có Công văn số
    /// 9783/UBND-NC …` followed by `Nội dung Công văn như sau:`. Both parts are needed, so a citation in
    /// an excerpt's first sentence never becomes the excerpt's own number.
    func reprinted(_ text: NormalizedText, _ lines: [LayoutLine], into record: inout DocumentRecord) {
        let f = text.folded
        let limit = min(lines.count, 15)
        for i in 0..<limit {
            let r = lines[i].range
            guard LayoutScan.startsWith(f, r.lowerBound, r.upperBound, Self.noiDung), LayoutScan.find(f, r, Self.nhuSau) != nil else { continue }
            // The type named in "Nội dung <type> như sau".
            let typeStart = LayoutScan.skipSpaces(f, r.lowerBound + 8, r.upperBound)
            guard let tm = lexicon.typeNameMatcher.longestMatch(in: f, at: typeStart, limit: r.upperBound), let ti = tm.payloads.first else { continue }
            let typeKey = Array(f[tm.range])
            // The lead: an earlier line with "<type> số <number>".
            for j in stride(from: i - 1, through: max(0, i - 4), by: -1) {
                let l = lines[j].range
                var k = l.lowerBound
                while k < l.upperBound, let at = LayoutScan.find(f, k..<l.upperBound, typeKey) {
                    var n = LayoutScan.skipSpaces(f, at + typeKey.count, l.upperBound)
                    if LayoutScan.startsWith(f, n, l.upperBound, Self.so) { n = LayoutScan.skipSpaces(f, n + 2, l.upperBound) }
                    if let num = numbers.number(in: text, at: n), !num.isDraft {
                        record.number = num.number
                        record.numberRange = num.range
                        record.symbol = num.symbol
                        record.typeCode = num.typeCode
                        record.type = lexicon.documentTypes[ti].name
                        // Its date: "ngày …" before the type in the same line.
                        var d = l.lowerBound
                        while d < at {
                            if f[d] == 0x6E, d == 0 || !PhraseMatcher.isWordByte(f[d - 1]), let pd = DateLine.parseDate(f, at: d, end: at), let v = pd.value {
                                record.date = v
                                record.dateRange = d..<pd.end
                            }
                            d += 1
                        }
                        // Its issuer: the body right before "đã có / ban hành".
                        if let body = agencyExtractor.scan(text.units, f, l.lowerBound..<at).last { record.issuer = body.name }
                        return
                    }
                    k = at + typeKey.count
                }
            }
        }
    }
}
