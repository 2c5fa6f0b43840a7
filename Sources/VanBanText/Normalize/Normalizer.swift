import CICU

/// What the normalizer needs to know about document-number codes, from the lexicons.
public struct NormalizationRules: Sendable {
    /// Type and issuer codes (`QĐ`, `UBND`, `TTg`…): spaced-out letters are merged only into one of these.
    public var knownCodes: Set<String>
    /// OCR look-alikes inside codes, same length on both sides (`QD` → `QĐ`, `BCD` → `BCĐ`).
    public var codeConfusions: [String: String]

    /// Single characters repaired everywhere (`Ð` U+00D0 → `Đ`, fullwidth `／` → `/`).
    public var characterRepairs: [UInt16: UInt16]

    /// Letters read for digits inside numbers (`O` → `0`, `l` → `1`; see `repairDigitToken`).
    public var digitLookalikes: [UInt16: UInt16]

    /// `codeConfusions` may hold single-character rows; those become `characterRepairs`.
    public init(knownCodes: Set<String>, codeConfusions: [String: String], digitLookalikes: [UInt16: UInt16] = NormalizationRules.builtinDigitLookalikes) {
        self.knownCodes = knownCodes
        self.digitLookalikes = digitLookalikes
        var characters: [UInt16: UInt16] = [:]
        for (wrong, right) in codeConfusions where wrong.utf16.count == 1 && right.utf16.count == 1 {
            characters[wrong.utf16.first!] = right.utf16.first!
        }
        self.characterRepairs = characters
        self.codeConfusions = codeConfusions.filter { $0.key.utf16.count == $0.value.utf16.count && $0.key.utf16.count > 1 }
    }

    /// `O o` → 0 and `l I` → 1, the look-alikes of `ocr-confusions.tsv` (context `digits`).
    public static let builtinDigitLookalikes: [UInt16: UInt16] = [0x4F: 0x30, 0x6F: 0x30, 0x6C: 0x31, 0x49: 0x31]

    /// A small built-in set, used when no lexicon is loaded (tests of the text layer).
    public static let builtin = NormalizationRules(
        knownCodes: ["UBND", "HĐND", "QĐ", "NĐ", "CP", "TB", "KH", "NQ", "TU", "TW", "BCĐ", "TTg", "BC", "CT"],
        codeConfusions: ["QD": "QĐ", "ND": "NĐ", "BCD": "BCĐ", "HDND": "HĐND"]
    )
}

/// The normalize stage: `SourceText` → `NormalizedText`.
///
/// Passes, each recording the offset map: (0) HTML character references; (1) ICU NFC, skipped
/// when every unit is NFC-inert (one scan answers both); (2) format residue and whitespace
/// (`**`, `##`, HTML tags, CR, tabs, runs of spaces, zero-width characters); (3) lines (page
/// numbers alone on a line, end-of-line hyphenation, OCR line breaks inside a sentence joined
/// with a space); (4) one canonical tone-mark placement, the classic one (`hòa`, `thủy`,
/// `quý`: on the first vowel of oa/oe/uy without a final consonant), and letters read for
/// digits in numbers (`2O23` → `2023`), in one scan of the words; (5) document numbers
/// (`294 /UBND` → `294/UBND`, `QĐ - U B ND` → `QĐ-UBND`, `QD` → `QĐ`).
public struct Normalizer: Sendable {
    public let rules: NormalizationRules
    /// `rules.characterRepairs` as a table over all UTF-16 units (0: keep).
    private let repairTable: [UInt16]
    /// `rules.codeConfusions` by UTF-16 units.
    private let confusionTable: ConfusionTable
    /// 1 for units that format clean-up copies unchanged (no repair, no special meaning).
    private let plainTable: [UInt8]
    /// `rules.digitLookalikes` over ASCII.
    private let digitTable: [UInt16]

    public init(rules: NormalizationRules = .builtin) {
        self.rules = rules
        var table = [UInt16](repeating: 0, count: 0x10000)
        for (wrong, right) in rules.characterRepairs { table[Int(wrong)] = right }
        self.repairTable = table
        self.confusionTable = ConfusionTable(rules.codeConfusions)
        self.digitTable = Self.digitTable(rules.digitLookalikes)
        var plain = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<0x10000 where Self.isPlain(UInt16(c)) && table[c] == 0 { plain[c] = 1 }
        self.plainTable = plain
    }

    /// Units `cleanFormat` copies as they are: ASCII printables but space, `*`, `#`, `<`, `$` and
    /// controls; C1 and Latin letters and marks below U+2000 but NBSP and the soft hyphen.
    static func isPlain(_ c: UInt16) -> Bool {
        if c < 0x80 {
            return c > 0x3C && c != 0x7F || c >= 0x30 && c <= 0x3B || c > 0x24 && c < 0x2A || c == 0x2C || c == 0x2E
                || c == 0x2F || c == 0x21 || c == 0x22 || c == 0x2B || c == 0x2D
        }
        return c < 0x2000 && c != 0xA0 && c != 0xAD
    }

    public func normalize(_ source: SourceText) -> NormalizedText {
        var text = MappedText(identity: source.units)
        // One scan says whether there are references to decode and whether NFC can be skipped.
        var survey = Self.survey(text.units)
        if survey.hasAmpersand {
            let decoded = Self.decodeEntities(text)
            if decoded.count != text.count { survey = Self.survey(decoded.units) }
            text = decoded
        }
        if !survey.inertNFC { text = Self.composed(text) }
        text = Self.cleanFormat(text, repairs: rules.characterRepairs.isEmpty ? nil : repairTable, plain: plainTable)
        text = Self.joinLines(text)
        Self.repairWords(&text.units, digitTable: digitTable)
        text = repairNumbers(text)
        return NormalizedText(source: source, mapped: text)
    }

    /// Normalizes a plain string (for lexicon entries and queries): NFC and canonical tones.
    public static func normalizeString(_ string: String) -> String {
        var text = MappedText(identity: Array(string.utf16))
        text = nfc(text)
        repairWords(&text.units, digitTable: nil)
        return UTF16String.make(text.units)
    }

    // MARK: - Pass 1: NFC

    /// NFC of the text, which is returned as it is when every unit is NFC-inert.
    static func nfc(_ input: MappedText) -> MappedText {
        survey(input.units).inertNFC ? input : composed(input)
    }

    /// NFC through ICU, segment by segment, for text the survey found not inert.
    static func composed(_ input: MappedText) -> MappedText {
        let n = input.count
        let prefix = input.units.withUnsafeBufferPointer { Int(cicu_nfc_span($0.baseAddress, Int32(n))) }
        if prefix == n { return input }
        return input.withBuffers { u, s, e in
            var out = MappedWriter(capacity: n + 16, inStart: s, inEnd: e)
            // Normalize segment by segment: a segment starts at a unit with an NFC boundary before
            // it, so each output segment maps to exactly its input segment.
            var segmentStart = prefix
            while segmentStart > 0 && !boundaryBefore(u, segmentStart) { segmentStart -= 1 }
            out.copyRun(u, 0, segmentStart)
            var buffer = [UInt16](repeating: 0, count: 64)
            while segmentStart < n {
                var segmentEnd = segmentStart + 1
                while segmentEnd < n && !boundaryBefore(u, segmentEnd) { segmentEnd += 1 }
                if segmentEnd - segmentStart == 1 && u[segmentStart] < 0x300 {
                    out.copy(u[segmentStart], segmentStart)
                } else {
                    let length = segmentEnd - segmentStart
                    if buffer.count < length * 3 + 16 { buffer = [UInt16](repeating: 0, count: length * 3 + 16) }
                    let capacity = Int32(buffer.count)
                    let written = buffer.withUnsafeMutableBufferPointer { dst in
                        Int(cicu_nfc(u.baseAddress! + segmentStart, Int32(length), dst.baseAddress, capacity))
                    }
                    if written < 0 {
                        for i in segmentStart..<segmentEnd { out.copy(u[i], i) }
                    } else {
                        for k in 0..<written { out.append(buffer[k], segmentStart, segmentEnd) }
                    }
                }
                segmentStart = segmentEnd
            }
            return out.finish()
        }
    }

    /// 1 for each UTF-16 unit with NFC quick check "yes" and combining class 0 (from ICU).
    static let nfcInertUnits: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        table.withUnsafeMutableBufferPointer { cicu_nfc_inert_units($0.baseAddress) }
        return table
    }()

    /// What one scan of the text tells the first passes: whether it holds an `&` (HTML character
    /// references need decoding only then) and whether every unit is NFC-inert (quick check
    /// "yes", combining class 0: such text is already NFC, as nothing in it can decompose,
    /// reorder or compose). Both are gathered without a branch per unit, tested once per block.
    static func survey(_ units: [UInt16]) -> (hasAmpersand: Bool, inertNFC: Bool) {
        nfcInertUnits.withUnsafeBufferPointer { inert in
            units.withUnsafeBufferPointer { u in
                let n = u.count
                var all: UInt8 = 1
                var ampersand = false
                var i = 0
                while i < n {
                    let blockEnd = min(n, i + 64)
                    var amp: UInt16 = 0
                    while i < blockEnd {
                        let c = u[i]
                        all &= inert[Int(c)]
                        amp |= c ^ 0x26 == 0 ? 1 : 0
                        i += 1
                    }
                    if amp != 0 { ampersand = true }
                }
                return (ampersand, all != 0)
            }
        }
    }

    @inline(__always)
    private static func boundaryBefore(_ units: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let unit = units[i]
        if unit < 0x300 { return true }
        if unit & 0xFC00 == 0xDC00 { return false }  // inside a surrogate pair
        var codePoint = UInt32(unit)
        if unit & 0xFC00 == 0xD800, i + 1 < units.count {
            codePoint = 0x10000 + (UInt32(unit & 0x3FF) << 10) + UInt32(units[i + 1] & 0x3FF)
        }
        return cicu_nfc_boundary_before(codePoint) != 0
    }

    // MARK: - Pass 2: format residue and whitespace

    static func cleanFormat(_ input: MappedText, repairs: [UInt16]? = nil, plain: [UInt8]? = nil) -> MappedText {
        if plain == nil {
            var table = [UInt8](repeating: 0, count: 0x10000)
            for c in 0..<0x10000 where isPlain(UInt16(c)) && (repairs == nil || repairs![c] == 0) { table[c] = 1 }
            return cleanFormat(input, repairs: repairs, plain: table)
        }
        return plain!.withUnsafeBufferPointer { plain in input.withBuffers { u, s, e in
          MappedWriter.write(capacity: u.count, inStart: s, inEnd: e) { out in
            let n = u.count
            var pendingSpace = -1       // index of a space waiting to be emitted
            var trailingNewlines = 0    // newlines at the end of `out`
            var atLineStart = true
            var i = 0

            func isBlank(_ k: Int) -> Bool {
                k < 0 || k >= n || u[k] == 0x20 || u[k] == 0x0A || u[k] == 0x09 || u[k] == 0x0D || u[k] == 0xA0
            }

            while i < n {
                // Fastest path: a run of ordinary characters (ASCII printables but `*`, `#`, `<`,
                // `$`, space; letters and marks below U+2000 but NBSP and soft hyphen) with no
                // repair, copied in bulk with their origins.
                // Inside a run a single space between two plain units is copied too: it is what
                // the pending-space logic would write for it.
                var j = i
                while j < n {
                    if plain[Int(u[j])] != 0 { j += 1; continue }
                    if j > i && u[j] == 0x20 && j + 1 < n && plain[Int(u[j + 1])] != 0 { j += 2; continue }
                    break
                }
                if j > i {
                    if pendingSpace >= 0 && !atLineStart { out.append(0x20, pendingSpace, pendingSpace + 1) }
                    pendingSpace = -1
                    out.copyRun(u, i, j)
                    trailingNewlines = 0
                    atLineStart = false
                    i = j
                    continue
                }
                var c = u[i]
                if c >= 0x80, let repairs, repairs[Int(c)] != 0 { c = repairs[Int(c)] }
                // Ordinary printable characters skip the switch and are copied below.
                let ordinary = c > 0x3C && c < 0xA0 && c != 0x7F || c >= 0x30 && c <= 0x3B || c > 0x24 && c < 0x2A
                    || c == 0x2C || c == 0x2E || c == 0x2F || c == 0x21 || c == 0x22 || c == 0x2B || c == 0x2D
                if !ordinary {
                    switch c {
                    case 0x0D, 0x0A, 0x0C, 0x0B, 0x2028, 0x2029:
                        if c == 0x0D && i + 1 < n && u[i + 1] == 0x0A { i += 1; continue }  // CR of CRLF: dropped
                        pendingSpace = -1
                        if trailingNewlines < 2 && out.count > 0 {
                            out.append(0x0A, i, i + 1)
                            trailingNewlines += 1
                        }
                        atLineStart = true
                        i += 1
                        continue
                    case 0x20, 0x09, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                        if pendingSpace < 0 { pendingSpace = i }
                        i += 1
                        continue
                    case 0x200B...0x200F, 0xFEFF, 0x00AD, 0x2060, 0x202A...0x202E, 0x2066...0x2069:
                        i += 1  // zero-width characters, soft hyphens, bidi controls
                        continue
                    case 0x2A:  // '*': markdown emphasis, kept when it stands alone or as "(*)"
                        var run = i
                        while run < n && u[run] == 0x2A { run += 1 }
                        let standalone = run - i == 1 && (isBlank(i - 1) && isBlank(run) || (i > 0 && u[i - 1] == 0x28 && run < n && u[run] == 0x29))
                        if !standalone { i = run; continue }
                    case 0x23 where atLineStart:  // '#' headings
                        var run = i
                        while run < n && u[run] == 0x23 { run += 1 }
                        if run < n && u[run] == 0x20 { i = run + 1; continue }
                        if run >= n || u[run] == 0x0A { i = run; continue }
                    case 0x3C:  // '<' of an HTML tag left by a converter or a crawler
                        if let close = htmlTagEnd(u, i) {
                            // A tag that breaks a line in a browser (<br>, </p>, </tr>, </div>, </li>) is a line break.
                            if breaksLine(u, i, close) {
                                pendingSpace = -1
                                if trailingNewlines < 2 && out.count > 0 {
                                    out.append(0x0A, i, close)
                                    trailingNewlines += 1
                                }
                                atLineStart = true
                            }
                            i = close
                            continue
                        }
                    default:
                        if c < 0x20 { i += 1; continue }  // other control characters
                    }
                }
                if pendingSpace >= 0 && !atLineStart { out.append(0x20, pendingSpace, pendingSpace + 1) }
                pendingSpace = -1
                out.copy(c, i)
                trailingNewlines = 0
                atLineStart = false
                i += 1
            }
            while out.last == 0x0A { out.removeLast() }
        } } }
    }

    /// Whether the tag `u[start..<end]` ends a line when rendered: `<br>`, `<br/>`, `</p>`, `</div>`, `</tr>`, `</li>`,
    /// headings and the page title; a table cell (`</td>`) too, so that the columns of a letterhead table read one
    /// after the other (`ỦY BAN NHÂN DÂN` / `TỈNH BÌNH ĐỊNH` / `CỘNG HÒA …`) instead of running into each other.
    private static func breaksLine(_ u: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Bool {
        var k = start + 1
        let closing = k < end && u[k] == 0x2F
        if closing { k += 1 }
        var name: [UInt8] = []
        while k < end, name.count < 10, (u[k] | 0x20) >= 0x61 && (u[k] | 0x20) <= 0x7A || name.count == 1 && u[k] >= 0x31 && u[k] <= 0x36 {
            name.append(u[k] >= 0x31 && u[k] <= 0x36 ? UInt8(u[k]) : UInt8(u[k] | 0x20)); k += 1
        }
        guard k < end, u[k] == 0x3E || u[k] == 0x20 || u[k] == 0x2F else { return false }
        switch String(decoding: name, as: UTF8.self) {
        case "br", "hr": return true
        case "p", "div", "tr", "li", "td", "th", "table", "title", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "header", "footer", "blockquote", "pre", "dd", "dt", "caption": return closing
        default: return false
        }
    }

    /// The end of an HTML tag starting at `i` (`<jsontable name="x">`, `</p>`, `<br/>`), or nil.
    private static func htmlTagEnd(_ u: UnsafeBufferPointer<UInt16>, _ i: Int) -> Int? {
        var k = i + 1
        if k < u.count && u[k] == 0x2F { k += 1 }
        guard k < u.count, (u[k] | 0x20) >= 0x61, (u[k] | 0x20) <= 0x7A else { return nil }
        let limit = min(u.count, i + 300)
        while k < limit {
            let c = u[k]
            if c == 0x3E { return k + 1 }
            if c == 0x0A || c == 0x3C { return nil }
            k += 1
        }
        return nil
    }

    // MARK: - Pass 3: lines

    static func joinLines(_ input: MappedText) -> MappedText {
        input.withBuffers { u, s, e in MappedWriter.write(capacity: u.count, inStart: s, inEnd: e) { out in
            let n = u.count
            // Lines, and page furniture among them.
            var lines: [Range<Int>] = []
            var lineStart = 0
            for i in 0..<n where u[i] == 0x0A { lines.append(lineStart..<i); lineStart = i + 1 }
            lines.append(lineStart..<n)

            var previous: Range<Int>? = nil   // last kept line
            var blankSince = false
            for (index, line) in lines.enumerated() {
                if index > 0 && index + 1 < lines.count && isPageFurniture(u, line) { continue }
                if line.isEmpty {
                    if previous != nil { blankSince = true }
                    continue
                }
                if let prev = previous {
                    let separator = prev.upperBound   // the '\n' after the previous kept line
                    if !blankSince && continues(u, prev, line) {
                        if prev.count >= 2, u[prev.upperBound - 1] == 0x2D, VietnameseLetters.isLetter(u[prev.upperBound - 2]),
                           VietnameseLetters.isLower(u[line.lowerBound]) {
                            out.removeLast()  // end-of-line hyphenation: the hyphen and the break go
                        } else {
                            out.append(0x20, separator, separator + 1)
                        }
                    } else {
                        out.append(0x0A, separator, separator + 1)
                        if blankSince { out.append(0x0A, line.lowerBound - 1, line.lowerBound) }
                    }
                }
                out.copyRun(u, line.lowerBound, line.upperBound)
                previous = line
                blankSince = false
            }
        } }
    }

    /// A page number alone on a line: `3`, `- 3 -`, `Trang 3`, `3/12`.
    private static func isPageFurniture(_ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>) -> Bool {
        if line.count > 12 && line.count < 80 && isGazetteHeader(u, line) { return true }
        if line.count > 12 || line.isEmpty { return false }
        var k = line.lowerBound
        var end = line.upperBound
        while k < end && (u[k] == 0x20 || u[k] == 0x2D) { k += 1 }
        while end > k && (u[end - 1] == 0x20 || u[end - 1] == 0x2D) { end -= 1 }
        if end - k >= 6 && u[k] == 0x54, String(decoding: UnsafeBufferPointer(rebasing: u[k..<k + 5]), as: UTF16.self) == "Trang" { k += 6 }
        var digits = 0
        while k < end && u[k] >= 0x30 && u[k] <= 0x39 { k += 1; digits += 1 }
        if digits == 0 || digits > 3 { return false }
        if k < end && u[k] == 0x2F {
            k += 1
            var more = 0
            while k < end && u[k] >= 0x30 && u[k] <= 0x39 { k += 1; more += 1 }
            if more == 0 || more > 3 { return false }
        }
        return k == end
    }

    /// The running head of a page of the official gazette: `4 CÔNG BÁO/Số 45 + 46/Ngày 15-01-2021`,
    /// `CÔNG BÁO/Số 45 + 46/Ngày 15-01-2021 5` (its date is the gazette's, not the document's).
    private static func isGazetteHeader(_ u: UnsafeBufferPointer<UInt16>, _ line: Range<Int>) -> Bool {
        let congBao: [UInt16] = [0x43, 0xD4, 0x4E, 0x47, 0x20, 0x42, 0xC1, 0x4F]  // CÔNG BÁO
        let ngay: [UInt16] = [0x4E, 0x67, 0xE0, 0x79]  // Ngày
        var k = line.lowerBound
        while k < line.upperBound && (u[k] == 0x20 || (u[k] >= 0x30 && u[k] <= 0x39)) { k += 1 }
        guard k - line.lowerBound <= 5, k + congBao.count < line.upperBound else { return false }
        for (j, c) in congBao.enumerated() where u[k + j] != c { return false }
        k += congBao.count
        while k < line.upperBound && u[k] == 0x20 { k += 1 }
        guard k < line.upperBound, u[k] == 0x2F else { return false }
        while k < line.upperBound {
            if u[k] == 0x2F {
                var j = k + 1
                while j < line.upperBound && u[j] == 0x20 { j += 1 }
                if j + ngay.count <= line.upperBound, (0..<ngay.count).allSatisfy({ u[j + $0] == ngay[$0] }) { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether `next` continues the sentence of `previous` after an OCR or converter line break.
    private static func continues(_ u: UnsafeBufferPointer<UInt16>, _ previous: Range<Int>, _ next: Range<Int>) -> Bool {
        let first = u[next.lowerBound]
        let last = u[previous.upperBound - 1]
        if VietnameseLetters.isLower(first) {
            // "a) …", "đ) …", "b. …" are list items, not continuations.
            if next.count >= 2, u[next.lowerBound + 1] == 0x29 || (u[next.lowerBound + 1] == 0x2E && next.count >= 3 && u[next.lowerBound + 2] == 0x20) {
                return false
            }
            return true
        }
        if first >= 0x30 && first <= 0x39 {
            // "7 năm 2017" after "ngày 10 tháng": a continuation; "2. …", "2.1 …", "3) …" are items.
            var k = next.lowerBound
            while k < next.upperBound && u[k] >= 0x30 && u[k] <= 0x39 { k += 1 }
            if k < next.upperBound && (u[k] == 0x2E || u[k] == 0x29) { return false }
            return VietnameseLetters.isLower(last) || last == 0x2C
        }
        return false
    }

    // MARK: - Pass 4: words (tone marks, digit look-alikes)

    /// One scan over the words, in place (lengths never change): moves each syllable's tone mark
    /// to its canonical vowel, and, with `digitTable`, repairs letters read for digits in tokens
    /// that hold digits (`repairDigitToken`). A token is a maximal run of letters, digits and
    /// combining marks; its syllables are its runs of letters.
    static func repairWords(_ units: inout [UInt16], digitTable: [UInt16]?) {
        let lookalikes = digitTable.flatMap { $0.contains(where: { $0 != 0 }) ? $0 : nil }
        units.withUnsafeMutableBufferPointer { u in
            let n = u.count
            let tables = LetterTables.shared
            let classes = tables.classes
            let word = LetterTables.letterFlag | LetterTables.digitFlag | LetterTables.markFlag
            var i = 0
            while i < n {
                let first = classes[Int(u[i])]
                guard first & word != 0 else { i += 1; continue }
                var end = i + 1
                var flags = first
                // Whether a toned vowel stands next to another vowel: only then can a tone be
                // misplaced (a nucleus of one vowel carries it; `quý`, `giá` have two in a row).
                var previous = first
                var tonedPair: UInt8 = 0
                while end < n {
                    let f = classes[Int(u[end])]
                    guard f & word != 0 else { break }
                    flags |= f
                    tonedPair |= (previous & f & LetterTables.vowelFlag) != 0 ? (previous | f) & LetterTables.tonedFlag : 0
                    previous = f
                    end += 1
                }
                if tonedPair != 0 { canonicalizeTones(u, i, end, tables) }
                if flags & LetterTables.digitFlag != 0, let lookalikes { repairDigitToken(u, i, end, lookalikes) }
                i = end
            }
        }
    }

    /// Canonical tone placement in each syllable (run of letters) of the token `units[start..<end]`.
    private static func canonicalizeTones(_ units: UnsafeMutableBufferPointer<UInt16>, _ start: Int, _ end: Int, _ tables: LetterTables) {
        let classes = tables.classes
        let letter = LetterTables.letterFlag, vowel = LetterTables.vowelFlag
        var i = start
        while i < end {
            let first = classes[Int(units[i])]
            guard first & letter != 0 else { i += 1; continue }
            var syllableEnd = i
            var vowels = 0
            var toned = -1, shaped = -1
            while syllableEnd < end {
                let f = classes[Int(units[syllableEnd])]
                guard f & letter != 0 else { break }
                if f & vowel != 0 { vowels += 1 }
                if f & LetterTables.tonedFlag != 0 { toned = syllableEnd }
                if f & LetterTables.shapedFlag != 0 { shaped = syllableEnd }
                syllableEnd += 1
            }
            // Only syllables with a tone mark can need it moved, and only when the tone has a
            // choice of vowels (with one vowel, the mark is already on it). A tone on the last
            // shaped vowel (người, việc, muốn) is where `canonicalizeSyllable` would put it,
            // unless that vowel follows q or g, where it may be read as part of the onset.
            let onset = toned > i ? tables.folded(units[toned - 1]) : 0
            let settled = toned == shaped && onset != 0x71 && onset != 0x67
            if toned >= 0 && vowels >= 2 && syllableEnd - i <= 7 && !settled {
                canonicalizeSyllable(units, i, syllableEnd, tables)
            }
            i = syllableEnd
        }
    }

    private static func canonicalizeSyllable(_ units: UnsafeMutableBufferPointer<UInt16>, _ start: Int, _ end: Int, _ tables: LetterTables) {
        // One pass: the tone mark, the nucleus (first run of vowels) and whether a coda follows.
        var tonePosition = -1, tone = 0
        var nucleusStart = -1, nucleusEnd = -1
        var shaped = -1
        for k in start..<end {
            guard let v = tables.vowelOf(units[k]) else {
                if nucleusStart >= 0 && nucleusEnd < 0 { nucleusEnd = k }
                continue
            }
            if nucleusEnd >= 0 { return }  // a vowel after the coda: not one syllable
            if nucleusStart < 0 { nucleusStart = k }
            if v.tone != 0 {
                if tonePosition >= 0 { return }  // two tone marks: not a Vietnamese syllable
                tonePosition = k; tone = v.tone
            }
            if tables.classes[Int(units[k])] & LetterTables.shapedFlag != 0 { shaped = k }
        }
        guard tonePosition >= 0, nucleusStart >= 0 else { return }
        if nucleusEnd < 0 { nucleusEnd = end }
        // The u of "qu" and the i of "gi" before another vowel belong to the onset.
        if nucleusStart > start, nucleusEnd - nucleusStart >= 2 {
            let onset = tables.folded(units[nucleusStart - 1]), first = tables.folded(units[nucleusStart])
            if onset == 0x71 && first == 0x75 || onset == 0x67 && first == 0x69 && nucleusStart == start + 1 {
                if shaped == nucleusStart { shaped = -1 }
                nucleusStart += 1
            }
        }
        let hasCoda = nucleusEnd < end
        let length = nucleusEnd - nucleusStart
        guard length >= 1 && length <= 3 else { return }
        let target: Int
        if shaped >= 0 {
            target = shaped                         // a vowel with a shape mark carries the tone (ơ of ươ)
        } else if length == 1 {
            target = nucleusStart
        } else if hasCoda {
            target = nucleusEnd - 1                 // hoàng, tuyết
        } else if length == 3 {
            target = nucleusStart + 1               // ngoái, khuỷu
        } else {
            target = nucleusStart                   // hòa, thủy, khỏe, của, mùa
        }
        if target == tonePosition { return }
        let from = tables.vowelOf(units[tonePosition])!
        units[tonePosition] = VietnameseLetters.vowelForms[from.row][0]
        let to = tables.vowelOf(units[target])!
        units[target] = VietnameseLetters.vowelForms[to.row][tone]
    }

    // MARK: - Pass 5: document numbers

    /// Removes spaces inside document numbers and repairs look-alike letters in their codes.
    func repairNumbers(_ input: MappedText) -> MappedText {
        input.units.withUnsafeBufferPointer { repairNumbers(input, $0) }
    }

    private func repairNumbers(_ input: MappedText, _ u: UnsafeBufferPointer<UInt16>) -> MappedText {
        let n = u.count
        let tables = LetterTables.shared
        var delete = [Bool](repeating: false, count: n)
        var replacement: [UInt16] = []   // per unit, 0: kept; allocated at the first repair
        var changed = false
        let confusions = confusionTable
        func replace(_ p: Int, _ unit: UInt16) {
            if replacement.isEmpty { replacement = [UInt16](repeating: 0, count: n) }
            replacement[p] = unit
            changed = true
        }
        var gathered = [Int](repeating: 0, count: confusions.maxLength + 1)

        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && u[k] >= 0x30 && u[k] <= 0x39 }
        func isUpper(_ k: Int) -> Bool { k >= 0 && k < n && tables.isUpper(u[k]) }
        func isAlnum(_ k: Int) -> Bool { k >= 0 && k < n && (isDigit(k) || tables.isLetter(u[k])) }
        func skipSpaces(_ k: Int) -> Int { var j = k; while j < n && u[j] == 0x20 { j += 1 }; return j }
        func markSpaces(_ a: Int, _ b: Int) { if a < b { for j in a..<b { delete[j] = true }; changed = true } }

        /// Handles a code after '/' or '-' starting at `k`; returns where the symbol ends.
        func symbol(from start: Int) -> Int {
            var k = start
            while k < n {
                // Space-separated upper-case pieces that form a known code when joined ("U B ND").
                var pieces: [Range<Int>] = []
                var j = k
                while j < n && isUpper(j) {
                    var e = j
                    while e < n && tables.isLetter(u[e]) { e += 1 }
                    pieces.append(j..<e)
                    if e < n && u[e] == 0x20 && e + 1 < n && isUpper(e + 1) && pieces.count < 6 { j = e + 1 } else { break }
                }
                if pieces.count >= 2 {
                    var best = 1
                    for count in stride(from: pieces.count, through: 2, by: -1) {
                        let slice = pieces[0..<count]
                        guard slice.contains(where: { $0.count == 1 }) else { continue }
                        let joined = slice.map { String(decoding: UnsafeBufferPointer(rebasing: u[$0]), as: UTF16.self) }.joined()
                        if rules.knownCodes.contains(joined) || rules.knownCodes.contains(rules.codeConfusions[joined] ?? "") {
                            best = count; break
                        }
                    }
                    // Spaced-out letters that run to the end of the line close the number (`Số: 1234/BYT-K CB`):
                    // a unit code the lexicons do not list is still one code.
                    // A first piece that is already a known code is complete (`12/QĐ-UBND V B` stays).
                    let after = pieces[pieces.count - 1].upperBound
                    let first = String(decoding: UnsafeBufferPointer(rebasing: u[pieces[0]]), as: UTF16.self)
                    if best == 1, pieces.count <= 4, pieces.contains(where: { $0.count == 1 }), after == n || u[after] == 0x0A,
                       !rules.knownCodes.contains(first), !rules.knownCodes.contains(rules.codeConfusions[first] ?? "") {
                        best = pieces.count
                    }
                    for p in 1..<best { markSpaces(pieces[p - 1].upperBound, pieces[p].lowerBound) }
                    pieces = Array(pieces[0..<best])
                }
                var segmentEnd = k
                if let last = pieces.last { segmentEnd = last.upperBound } else {
                    while segmentEnd < n && isAlnum(segmentEnd) { segmentEnd += 1 }
                }
                if segmentEnd == k { return k }
                repairConfusion(k, segmentEnd)
                // A separator with stray spaces, then another segment.
                let a = skipSpaces(segmentEnd)
                guard a < n, u[a] == 0x2D || u[a] == 0x2F || u[a] == 0x2013 else { return segmentEnd }
                let b = skipSpaces(a + 1)
                guard b < n, isUpper(b) || (u[a] == 0x2F && isDigit(b)) else { return segmentEnd }
                markSpaces(segmentEnd, a)
                markSpaces(a + 1, b)
                k = b
            }
            return k
        }

        /// Same-length look-alike repair of the letters in `[a, b)`, skipping deleted spaces.
        func repairConfusion(_ a: Int, _ b: Int) {
            guard confusions.exact else { return repairConfusionByString(a, b) }
            // The letters, and their key, without building a string.
            var count = 0
            var hash = ConfusionTable.seed
            for j in a..<b where !delete[j] && u[j] != 0x20 {
                let unit = u[j]
                if count == confusions.maxLength { return }  // longer than every key
                if unit >= 0x300 && unit <= 0x36F { return repairConfusionByString(a, b) }
                gathered[count] = j
                count += 1
                hash = ConfusionTable.mix(hash, unit)
            }
            guard count >= 2, let candidates = confusions.byHash[hash] else { return }
            for index in candidates {
                let wrong = confusions.wrong[index]
                guard wrong.count == count else { continue }
                var same = true
                for k in 0..<count where u[gathered[k]] != wrong[k] { same = false; break }
                guard same else { continue }
                let right = confusions.right[index]
                for k in 0..<count where u[gathered[k]] != right[k] { replace(gathered[k], right[k]) }
                return
            }
        }

        /// `repairConfusion` through `String` keys (canonical equivalence), for keys with combining marks.
        func repairConfusionByString(_ a: Int, _ b: Int) {
            var positions: [Int] = []
            for j in a..<b where !delete[j] && u[j] != 0x20 { positions.append(j) }
            let key = String(decoding: positions.map { u[$0] }, as: UTF16.self)
            guard let right = rules.codeConfusions[key] else { return }
            for (p, unit) in zip(positions, right.utf16) where u[p] != unit { replace(p, unit) }
        }

        let maxConfusionLength = confusions.maxLength
        let starts = Self.numberRepairStarts
        var i = 0
        while i < n {
            // Only `/`, `-`, `–` and capitals can start a repair.
            while i < n && starts[Int(u[i])] == 0 { i += 1 }
            guard i < n else { break }
            let c = u[i]
            if c == 0x2F {
                // Left: a token that starts with a digit ("294", "30c", "2020"), maybe a space away.
                var l = i - 1
                if l >= 0 && u[l] == 0x20 { l -= 1 }
                var t = l
                while t >= 0 && (isAlnum(t) || u[t] == 0x2D || u[t] == 0x2F || u[t] == 0x2E) { t -= 1 }
                let tokenStart = t + 1
                if l >= 0 && isAlnum(l) && isDigit(tokenStart) {
                    let r = skipSpaces(i + 1)
                    let yearThenSlash = isDigit(r) && r + 4 < n && isDigit(r + 3) && (u[skipSpaces(r + 4)] == 0x2F)
                    if r < n && (isUpper(r) || yearThenSlash) && r - i <= 2 {
                        markSpaces(l + 1, i)
                        markSpaces(i + 1, r)
                        i = symbol(from: r)
                        continue
                    }
                }
            } else if (c == 0x2D || c == 0x2013) && i > 0 {
                // Party numbers: "05 - NQ/TU".
                var l = i - 1
                if u[l] == 0x20 { l -= 1 }
                if isDigit(l) && (l == 0 || !isAlnum(l - 1) || isDigit(l - 1)) {
                    var t = l
                    while t >= 0 && isDigit(t) { t -= 1 }
                    let r = skipSpaces(i + 1)
                    var e = r
                    while e < n && tables.isLetter(u[e]) { e += 1 }
                    let slash = skipSpaces(e)
                    if (t < 0 || !isAlnum(t)) && r < n && isUpper(r) && e > r && slash < n && u[slash] == 0x2F
                        && slash + 1 < n && isUpper(skipSpaces(slash + 1)) && (r - i <= 2) && (i - l <= 2) {
                        markSpaces(l + 1, i)
                        markSpaces(i + 1, r)
                        repairConfusion(r, e)
                        markSpaces(e, slash)
                        markSpaces(slash + 1, skipSpaces(slash + 1))
                        i = symbol(from: skipSpaces(slash + 1))
                        continue
                    }
                }
            } else if (c >= 0x41 && c <= 0x5A || c >= 0xC0 && isUpper(i)) && (i == 0 || !isAlnum(i - 1)) {
                // A standalone all-capital code with a look-alike ("BCD" → "BCĐ", "ƯBND" → "UBND").
                var e = i
                while e < n && (u[e] >= 0x41 && u[e] <= 0x5A || u[e] >= 0xC0 && isUpper(e)) { e += 1 }
                if e - i >= 3 && e - i <= maxConfusionLength && (e == n || !isAlnum(e)) { repairConfusion(i, e) }
                i = max(e, i + 1)
                continue
            }
            i += 1
        }
        guard changed else { return input }
        return input.withBuffers { _, s, e in MappedWriter.write(capacity: n, inStart: s, inEnd: e) { out in
            var k = 0
            while k < n {
                // Unchanged runs in bulk; deleted spaces dropped; replaced letters one by one.
                var run = k
                if replacement.isEmpty {
                    while run < n && !delete[run] { run += 1 }
                } else {
                    while run < n && !delete[run] && replacement[run] == 0 { run += 1 }
                }
                out.copyRun(u, k, run)
                k = run
                guard k < n else { break }
                if !delete[k] { out.append(replacement[k], k, k + 1) }
                k += 1
            }
        } }
    }
}

extension Normalizer {
    /// 1 for the units where `repairNumbers` may act: `/`, `-`, `–`, and upper-case letters.
    static let numberRepairStarts: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<0x10000 {
            let u = UInt16(c)
            if u == 0x2F || u == 0x2D || u == 0x2013 || u >= 0x41 && u <= 0x5A || u >= 0xC0 && VietnameseLetters.isUpper(u) { t[c] = 1 }
        }
        return t
    }()
}

/// The normalizer's code look-alikes keyed by their UTF-16 units, so a candidate code is looked
/// up without building a string. `exact` is false when a key or repair is not in NFC (the
/// `String` keys then decide, by canonical equivalence, as they always did).
struct ConfusionTable: Sendable {
    var wrong: [[UInt16]] = []
    var right: [[UInt16]] = []
    var byHash: [UInt64: [Int]] = [:]
    var maxLength = 0
    var exact = true

    static let seed: UInt64 = 0xcbf29ce484222325
    @inline(__always) static func mix(_ hash: UInt64, _ unit: UInt16) -> UInt64 { (hash ^ UInt64(unit)) &* 0x100000001b3 }

    init(_ confusions: [String: String]) {
        maxLength = confusions.keys.map(\.utf16.count).max() ?? 0
        for (w, r) in confusions {
            let wu = Array(w.utf16), ru = Array(r.utf16)
            for side in [wu, ru] where side.contains(where: { $0 >= 0x300 && $0 <= 0x36F }) || Normalizer.nfc(MappedText(identity: side)).units != side {
                exact = false
            }
            var hash = ConfusionTable.seed
            for unit in wu { hash = ConfusionTable.mix(hash, unit) }
            byHash[hash, default: []].append(wrong.count)
            wrong.append(wu)
            right.append(ru)
        }
    }
}
