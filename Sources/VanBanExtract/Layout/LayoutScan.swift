import VanBanText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One non-empty line of normalized text, trimmed of spaces and table or markdown residue.
///
/// `ỦY BAN NHÂN DÂN` from a flattened table cell `| ỦY BAN NHÂN DÂN |`; decoration lines
/// (`-------`, `|`, `*`) are not lines at all, so a letterhead reads the same with or without them.
struct LayoutLine: Sendable {
    /// Trimmed range in normalized units.
    var range: Range<Int>
    /// A blank line (or a decoration line) precedes this one.
    var blankBefore: Bool
}

/// Byte- and unit-level helpers shared by the layout, agency and person extractors.
enum LayoutScan {
    /// Splits `range` of `text` into trimmed non-empty lines; decoration-only lines count as blank.
    static func lines(_ text: NormalizedText, _ range: Range<Int>) -> [LayoutLine] {
        let folded = text.folded
        var result: [LayoutLine] = []
        var start = range.lowerBound
        var blank = false
        var i = range.lowerBound
        while i <= range.upperBound {
            if i == range.upperBound || folded[i] == 0x0A {
                var a = start, b = i
                while a < b && isTrim(folded[a]) { a += 1 }
                while b > a && isTrim(folded[b - 1]) { b -= 1 }
                if a < b && hasWordByte(folded, a..<b) {
                    // Cells of a flattened table row ("ỦY BAN NHÂN DÂN | CỘNG HÒA …") are lines of their own,
                    // and so are the columns of a `pdftotext -layout` row and the `<br>` parts of a cell.
                    let gapped = text.originalRange(a..<b).count - (b - a) >= 4
                    var c = a
                    while c < b {
                        var e = c
                        while e < b && folded[e] != 0x7C && !(gapped && e > c && isGap(text, e - 1)) { e += 1 }
                        var x = c, y = e
                        while x < y && isTrim(folded[x]) { x += 1 }
                        while y > x && isTrim(folded[y - 1]) { y -= 1 }
                        if x < y && hasWordByte(folded, x..<y) {
                            for part in headerParts(text, x..<y) {
                                result.append(LayoutLine(range: part, blankBefore: blank))
                                blank = false
                            }
                        }
                        c = e < b && folded[e] == 0x7C ? e + 1 : e
                    }
                } else if !(start..<i).contains(where: { folded[$0] != 0x20 }) {
                    // An empty line; a decoration line (`-----`, `|`, `*`) is not a blank.
                    blank = true
                }
                start = i + 1
            }
            i += 1
        }
        return result
    }

    static let mottoKeys: [[UInt8]] = ["cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam"].map { Array($0.utf8) }
    static let hanhPhuc = Array("hanh phuc".utf8)
    static let docLap = Array("doc lap".utf8)

    /// A letterhead flattened onto one line, as crawled pages give it (`ỦY BAN NHÂN DÂN TỈNH AN GIANG ------- CỘNG HÒA
    /// XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Số: 12/CT-UBND An Giang, ngày 05 tháng 6 năm
    /// 2020 CHỈ THỊ …`), in the parts a printed letterhead has on lines of their own: cut at decoration runs, before the
    /// motto, after `Hạnh phúc`, before `Số:` and after the date when capitals follow. Other lines are one part.
    static func headerParts(_ text: NormalizedText, _ r: Range<Int>) -> [Range<Int>] {
        let f = text.folded
        // The motto's second line after a column (`TỈNH AN GIANG Độc lập - Tự do - Hạnh phúc`): two parts.
        if let d = find(f, r, docLap), d > r.lowerBound, let h = find(f, d..<r.upperBound, hanhPhuc), h - d < 40,
           mottoKeys.allSatisfy({ find(f, r, $0) == nil }) {
            var y = d
            while y > r.lowerBound && isTrim(f[y - 1]) { y -= 1 }
            let tail = h + hanhPhuc.count
            var parts: [Range<Int>] = []
            if hasWordByte(f, r.lowerBound..<y) { parts.append(r.lowerBound..<y) }
            parts.append(d..<tail)
            var x = tail
            while x < r.upperBound && isTrim(f[x]) { x += 1 }
            if x < r.upperBound, hasWordByte(f, x..<r.upperBound) { parts += headerParts(text, x..<r.upperBound) }
            return parts
        }
        // A short line may hold a column before the motto (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`).
        guard let motto = mottoKeys.lazy.compactMap({ find(f, r, $0) }).first, r.count > 60 || motto > r.lowerBound else { return [r] }
        var cuts: [(from: Int, to: Int)] = []  // [from, to) is dropped between two parts
        // Decoration runs: three or more of - _ = * ~.
        var k = r.lowerBound
        while k < r.upperBound {
            let b = f[k]
            if b == 0x2D || b == 0x5F || b == 0x3D || b == 0x2A || b == 0x7E {
                var e = k
                while e < r.upperBound && f[e] == b { e += 1 }
                if e - k >= 3 { cuts.append((k, e)) }
                k = e
            } else {
                k += 1
            }
        }
        cuts.append((motto, motto))
        if let h = find(f, motto..<r.upperBound, hanhPhuc) { cuts.append((h + hanhPhuc.count, h + hanhPhuc.count)) }
        // `Số:` written with a capital.
        k = r.lowerBound
        while k + 2 < r.upperBound {
            if f[k] == 0x73, f[k + 1] == 0x6F, k == r.lowerBound || !PhraseMatcher.isWordByte(f[k - 1]), VietnameseLetters.isUpper(text.units[k]) {
                let c = skipSpaces(f, k + 2, r.upperBound)
                if c < r.upperBound, f[c] == 0x3A, k > r.lowerBound { cuts.append((k, k)) }
            }
            k += 1
        }
        // After the place and date, when a capital word follows (the type line).
        k = r.lowerBound
        while k + 4 < r.upperBound {
            if f[k] == 0x6E, k == r.lowerBound || !PhraseMatcher.isWordByte(f[k - 1]), let d = DateLine.parseDate(f, at: k, end: r.upperBound) {
                let n = skipSpaces(f, d.end, r.upperBound)
                if n < r.upperBound, VietnameseLetters.isUpper(text.units[n]) { cuts.append((d.end, d.end)) }
                k = d.end
                continue
            }
            k += 1
        }
        cuts.sort { $0.from < $1.from }
        var parts: [Range<Int>] = []
        var a = r.lowerBound
        for c in cuts where c.from >= a {
            var x = a, y = c.from
            while x < y && isTrim(f[x]) { x += 1 }
            while y > x && isTrim(f[y - 1]) { y -= 1 }
            if x < y && hasWordByte(f, x..<y) { parts.append(x..<y) }
            a = c.to
        }
        var x = a, y = r.upperBound
        while x < y && isTrim(f[x]) { x += 1 }
        while y > x && isTrim(f[y - 1]) { y -= 1 }
        if x < y && hasWordByte(f, x..<y) { parts.append(x..<y) }
        return parts.isEmpty ? [r] : parts
    }

    /// Whether the original between normalized units `p` and `p + 1` (the normalizer collapsed or deleted it)
    /// held a column gap (five or more spaces, a tab counting four) before a capital or a list dash, or a `<br>`
    /// line break of a table cell.
    static func isGap(_ text: NormalizedText, _ p: Int) -> Bool {
        guard p + 1 < text.count else { return false }
        let o = text.originalRange(p..<(p + 2))
        guard o.count >= 5 else { return false }
        let u = text.source.units
        var run = 0
        var k = o.lowerBound
        while k < o.upperBound {
            let c = u[k]
            if c == 0x20 || c == 0x09 {
                run += c == 0x09 ? 4 : 1
                // A column starts with a capital or a list dash; the blanks of a draft (`Số:      /TB-UBND`,
                // `ngày     tháng     năm 2024`) are no column gap.
                if run >= 5 {
                    var n = p + 1
                    while n < text.count && text.units[n] == 0x20 { n += 1 }
                    guard n < text.count else { return false }
                    let next = text.units[n]
                    return VietnameseLetters.isUpper(next) || next == 0x2D || next == 0x2B
                }
            } else {
                run = 0
                if c == 0x3C, k + 3 < o.upperBound, u[k + 1] | 0x20 == 0x62, u[k + 2] | 0x20 == 0x72 { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether a column gap or `<br>` ends right before `a` (a two-column signature block puts the name after one).
    static func isGapBefore(_ text: NormalizedText, _ a: Int, floor: Int) -> Bool {
        a - 1 > floor && isGap(text, a - 1)
    }

    /// Spaces and the residue of tables and markdown at the ends of a line.
    @inline(__always)
    static func isTrim(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x7C || b == 0x2A || b == 0x23 || b == 0x5F || b == 0x3D || b == 0x7E || b == 0x3E
    }

    @inline(__always)
    static func isLetterByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || b == FoldedByte.other }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func hasWordByte(_ folded: [UInt8], _ range: Range<Int>) -> Bool {
        for i in range where isLetterByte(folded[i]) || isDigit(folded[i]) { return true }
        return false
    }

    /// The letters of a range, folded, with everything else dropped: `K ÉT LUẬN` → `ketluan`,
    /// `CỘNG HÒA XàHỘI` → `conghoaxahoi`. Spaced OCR letters therefore match their word.
    static func letterKey(_ folded: [UInt8], _ range: Range<Int>, max: Int = Int.max) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(Swift.min(range.count, max))
        for i in range where folded[i] >= 0x61 && folded[i] <= 0x7A {
            key.append(folded[i])
            if key.count >= max { break }
        }
        return key
    }

    /// Upper- and lower-case letter counts of a range.
    static func caseCounts(_ units: [UInt16], _ range: Range<Int>) -> (upper: Int, lower: Int) {
        var upper = 0, lower = 0
        for i in range {
            let u = units[i]
            if VietnameseLetters.isUpper(u) { upper += 1 } else if VietnameseLetters.isLower(u) { lower += 1 }
        }
        return (upper, lower)
    }

    /// True when at least 80% of the letters are capitals (a letterhead, type or signature line).
    static func isUpperLine(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        // Stops as soon as the lower-case letters can no longer be outweighed (a body line is decided in a few words).
        var upper = 0, lower = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let u = units[i]
            if VietnameseLetters.isUpper(u) {
                upper += 1
            } else if VietnameseLetters.isLower(u) {
                lower += 1
                if lower * 4 > upper + (range.upperBound - i - 1) { return false }
            }
            i += 1
        }
        return upper >= 2 && upper * 5 >= (upper + lower) * 4
    }

    /// Word ranges (runs of letters and digits, with `&` `/` `.` `-` kept inside a word) of `range`.
    static func words(_ folded: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if isLetterByte(folded[i]) || isDigit(folded[i]) {
                var j = i + 1
                while j < range.upperBound, isLetterByte(folded[j]) || isDigit(folded[j]) { j += 1 }
                result.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether folded `range` starts with `prefix` (ASCII), on a word boundary after it.
    static func startsWith(_ folded: [UInt8], _ at: Int, _ end: Int, _ prefix: [UInt8]) -> Bool {
        guard at + prefix.count <= end else { return false }
        for k in 0..<prefix.count where folded[at + k] != prefix[k] { return false }
        let after = at + prefix.count
        return after == end || !PhraseMatcher.isWordByte(folded[after]) || !PhraseMatcher.isWordByte(prefix[prefix.count - 1])
    }

    /// Index of the first occurrence of the word sequence `needle` (folded ASCII) in range, on word boundaries.
    static func find(_ folded: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Int? {
        guard range.count >= needle.count, let first = needle.first else { return nil }
        // The first byte is looked for with memchr: this runs on every line of every letterhead.
        return folded.withUnsafeBufferPointer { f -> Int? in
            let base = f.baseAddress!
            var i = range.lowerBound
            let last = range.upperBound - needle.count
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if i == 0 || !PhraseMatcher.isWordByte(f[i - 1]), startsWith(folded, i, range.upperBound, needle) { return i }
                i += 1
            }
            return nil
        }
    }

    /// Skips spaces (and line breaks when `lines`) from `i`.
    @inline(__always)
    static func skipSpaces(_ folded: [UInt8], _ i: Int, _ end: Int, lines: Bool = false) -> Int {
        var k = i
        while k < end && (folded[k] == 0x20 || (lines && folded[k] == 0x0A)) { k += 1 }
        return k
    }

    /// Title case of each syllable: `QUẢNG NGÃI` → `Quảng Ngãi`, `BÀ RỊA-VŨNG TÀU` → `Bà Rịa-Vũng Tàu`.
    /// (Short strings only: it goes through `String` case mapping.)
    static func titleCase(_ s: String) -> String {
        var out = ""
        var word = ""
        func flush() {
            if let first = word.first { out += first.uppercased() + word.dropFirst().lowercased() }
            word = ""
        }
        for u in s.unicodeScalars {
            if u.properties.isAlphabetic { word.unicodeScalars.append(u) } else { flush(); out.unicodeScalars.append(u) }
        }
        flush()
        return out
    }

    /// Sentence case: the first letter a capital, the rest lower case (`ỦY BAN NHÂN DÂN` → `Ủy ban nhân dân`).
    static func sentenceCase(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst().lowercased()
    }

    /// Sentence case that keeps abbreviations in capitals: `HĐND VÀ UBND HUYỆN` → `HĐND và UBND huyện`.
    static func sentenceCaseKeepingAbbreviations(_ s: String) -> String {
        var out = ""
        for (i, word) in s.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += " " }
            let w = String(word)
            if isAbbreviation(w) { out += w } else if i == 0 { out += sentenceCase(w) } else { out += w.lowercased() }
        }
        return out
    }

    static let onsets: Set<String> = ["", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
                                      "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x"]
    static let codas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// A word of two or more letters that cannot be one Vietnamese syllable (`UBND`, `HĐND`, `TNHH`, `PTNT`, `MTTQ`).
    static func isAbbreviation(_ w: String) -> Bool {
        let letters = w.utf16.map { VietnameseLetters.fold($0) }
        guard letters.count >= 2, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        func vowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79 }
        guard let v = letters.firstIndex(where: vowel) else { return true }
        var e = v
        while e < letters.count && vowel(letters[e]) { e += 1 }
        let onset = String(decoding: letters[..<v], as: UTF8.self), coda = String(decoding: letters[e...], as: UTF8.self)
        return !onsets.contains(onset) || !codas.contains(coda)
    }

    /// Lower case of one unit (letters of the Vietnamese and Latin-1 ranges; others unchanged).
    static func lower(_ u: UInt16) -> UInt16 {
        if u >= 0x41 && u <= 0x5A { return u + 0x20 }
        if u < 0x80 || !VietnameseLetters.isUpper(u) { return u }
        let s = UTF16String.make([u]).lowercased().utf16
        return s.count == 1 ? s.first! : u
    }

    /// Folded bytes of a plain string, one per UTF-16 unit of its normalized form (for matching a string
    /// outside a document with the same matchers).
    static func fold(_ s: String) -> (units: [UInt16], folded: [UInt8]) {
        let units = Array(Normalizer.normalizeString(s).utf16)
        return (units, units.map { VietnameseLetters.fold($0) })
    }

    /// Whether the word at `range` starts with a capital letter.
    @inline(__always)
    static func isCapitalized(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        !range.isEmpty && VietnameseLetters.isUpper(units[range.lowerBound])
    }

    /// A word that looks like a name syllable: a capital then lower-case letters only (`Nguyễn`, `Ngãi`).
    static func isNameSyllable(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count >= 1, range.count <= 7, VietnameseLetters.isUpper(units[range.lowerBound]) else { return false }
        for i in (range.lowerBound + 1)..<range.upperBound where !VietnameseLetters.isLower(units[i]) { return false }
        return true
    }
}
