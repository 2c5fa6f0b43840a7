import VanBanText

/// Byte-level helpers over `NormalizedText.folded` shared by the number, citation and date scanners.
///
/// Folded bytes are lower-case ASCII without diacritics (`đ` → `d`), so `ngày` is `ngay` and
/// `Quyết định` is `quyet dinh`; every helper works on one byte per normalized UTF-16 unit, so a
/// position found here is directly a normalized offset. No allocation happens per byte.
enum FoldedScan {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || b == FoldedByte.other }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }

    /// True when the folded bytes at `at` spell `word` (already folded, ASCII) and `word` ends on a word boundary.
    @inline(__always)
    static func word(_ f: [UInt8], _ at: Int, _ word: StaticString, limit: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at >= 0, at + n <= limit else { return false }
        let p = word.utf8Start
        for k in 0..<n where f[at + k] != p[k] { return false }
        return at + n == limit || !isAlnum(f[at + n])
    }

    /// True when position `at` starts a word (the byte before is not a letter or digit).
    @inline(__always)
    static func wordStart(_ f: [UInt8], _ at: Int) -> Bool { at == 0 || !isAlnum(f[at - 1]) }

    /// Skips spaces and at most one line break from `at` (a date split over a line stays one date;
    /// a paragraph break does not). Returns the first other position, or nil past `limit`.
    @inline(__always)
    static func skipGap(_ f: [UInt8], _ at: Int, limit: Int) -> Int {
        var k = at, breaks = 0
        while k < limit {
            let b = f[k]
            if b == 0x20 { k += 1; continue }
            if b == 0x0A && breaks == 0 { breaks += 1; k += 1; continue }
            break
        }
        return k
    }

    /// Skips spaces and at most one line break backwards: the position just after the previous non-blank byte.
    @inline(__always)
    static func skipGapBack(_ f: [UInt8], _ at: Int, floor: Int) -> Int {
        var k = at, breaks = 0
        while k > floor {
            let b = f[k - 1]
            if b == 0x20 { k -= 1; continue }
            if b == 0x0A && breaks == 0 { breaks += 1; k -= 1; continue }
            break
        }
        return k
    }

    /// The run of digits starting at `at`: (value, end). Value saturates beyond 9 digits.
    @inline(__always)
    /// The digits at `j` with their count, joined over the single spaces OCR put inside them.
    /// A year joins groups up to four digits (`năm 20 21`, `2 0 2 2`). A day or month joins two single
    /// digits when one of them is `0` (`ngày 0 9`, `2 0/9/2021`: no day is 0), or any two with `loose`,
    /// for a caller that then checks what must follow (`ngày 1 4 tháng 1 2 năm …`). Other digits stay apart.
    static func ocrDigits(_ f: [UInt8], _ j: Int, limit: Int, year: Bool, loose: Bool = false) -> (value: Int, end: Int, count: Int) {
        let a = digits(f, j, limit: limit)
        let aCount = a.end - j
        guard a.end + 1 < limit, f[a.end] == 0x20, isDigit(f[a.end + 1]) else { return (a.value, a.end, aCount) }
        if year {
            guard aCount < 4, f[j] == 0x31 || f[j] == 0x32 else { return (a.value, a.end, aCount) }
            var value = a.value, count = aCount, end = a.end
            while count < 4, end + 1 < limit, f[end] == 0x20, isDigit(f[end + 1]) {
                let g = digits(f, end + 1, limit: limit)
                let n = g.end - end - 1
                guard count + n <= 4 else { break }
                for k in (end + 1)..<g.end { value = value * 10 + Int(f[k] - 0x30) }
                count += n; end = g.end
            }
            return count == 4 ? (value, end, 4) : (a.value, a.end, aCount)
        }
        let b = digits(f, a.end + 1, limit: limit)
        guard aCount == 1, b.end - a.end - 1 == 1, loose || f[j] == 0x30 || f[a.end + 1] == 0x30, a.value * 10 + b.value > 0 else {
            return (a.value, a.end, aCount)
        }
        return (a.value * 10 + b.value, b.end, 2)
    }

    static func digits(_ f: [UInt8], _ at: Int, limit: Int) -> (value: Int, end: Int) {
        var k = at, v = 0
        while k < limit && isDigit(f[k]) {
            if k - at < 9 { v = v * 10 + Int(f[k] - 0x30) }
            k += 1
        }
        return (v, k)
    }

    /// The start of the word that ends at `end` (exclusive), scanning back over letters and digits.
    @inline(__always)
    static func wordBack(_ f: [UInt8], _ end: Int, floor: Int) -> Int {
        var k = end
        while k > floor && isAlnum(f[k - 1]) { k -= 1 }
        return k
    }

    /// True when the word ending exactly at `end` is `word` (folded ASCII) and starts on a word boundary.
    @inline(__always)
    static func wordEndingAt(_ f: [UInt8], _ end: Int, _ word: StaticString, floor: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        let start = end - n
        guard start >= floor else { return false }
        let p = word.utf8Start
        for k in 0..<n where f[start + k] != p[k] { return false }
        return start == 0 || !isAlnum(f[start - 1])
    }
}
