import VanBanText

/// The place-and-date line of a letterhead: `Quảng Ngãi, ngày 16 tháng 3 năm 2021`.
///
/// Also `Sơn Tây, ngày 31 tháng 3 năm 2021` with markdown already stripped, the day and month with or
/// without a leading zero, `Hà Nội, ngày 05/01/2020`, and drafts with blanks
/// (`Bình Định, ngày    tháng    năm 2024` → no date, draft), never an invented day.
struct DateLine {
    var place: String?
    var placeRange: Range<Int>?
    /// ISO `YYYY-MM-DD`, nil for a draft.
    var date: String?
    /// From `ngày` to the year.
    var dateRange: Range<Int>
    var draft: Bool

    static let ngay = Array("ngay".utf8)
    static let thang = Array("thang".utf8)
    static let nam = Array("nam".utf8)

    /// Parses `ngày D tháng M năm YYYY` (or `ngày D/M/YYYY`) starting at `at` (the `n` of `ngày`).
    /// Split digits are joined first (`ngày 1 4 tháng 1 2 năm 2 0 2 2`), then the date is read as written.
    static func parseDate(_ folded: [UInt8], at: Int, end: Int) -> (value: String?, end: Int, draft: Bool)? {
        if let joined = parseDate(folded, at: at, end: end, loose: true), joined.value != nil { return joined }
        return parseDate(folded, at: at, end: end, loose: false)
    }

    static func parseDate(_ folded: [UInt8], at: Int, end: Int, loose: Bool) -> (value: String?, end: Int, draft: Bool)? {
        guard LayoutScan.startsWith(folded, at, end, ngay) else { return nil }
        var k = LayoutScan.skipSpaces(folded, at + 4, end, lines: true)
        // Digits as OCR may split them (`ngày 0 9 tháng 8 năm 20 21`).
        func number(_ k: inout Int, max: Int) -> Int? {
            let d = FoldedScan.ocrDigits(folded, k, limit: end, year: max == 4, loose: loose)
            guard d.count > 0, d.count <= max else { return nil }
            k = d.end
            return d.value
        }
        let day = number(&k, max: 2)
        if let day, k < end, folded[k] == 0x2F || folded[k] == 0x2D || folded[k] == 0x2E {
            // ngày 05/01/2020
            k += 1
            guard let month = number(&k, max: 2), k < end, folded[k] == folded[k - 3] || folded[k] == 0x2F || folded[k] == 0x2D || folded[k] == 0x2E else { return nil }
            k += 1
            guard let year = number(&k, max: 4) else { return nil }
            return (iso(year, month, day), k, false)
        }
        k = LayoutScan.skipSpaces(folded, k, end, lines: true)
        guard LayoutScan.startsWith(folded, k, end, thang) else { return nil }
        k = LayoutScan.skipSpaces(folded, k + 5, end, lines: true)
        let month = number(&k, max: 2)
        k = LayoutScan.skipSpaces(folded, k, end, lines: true)
        guard LayoutScan.startsWith(folded, k, end, nam) else { return nil }
        k = LayoutScan.skipSpaces(folded, k + 3, end, lines: true)
        let year = number(&k, max: 4)
        guard let year, year >= 1000 else { return nil }
        guard let day, let month else { return (nil, k, true) }
        guard let value = iso(year, month, day) else { return nil }
        return (value, k, false)
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard year >= 1900 && year <= 2100, month >= 1 && month <= 12, day >= 1 else { return nil }
        let days = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= days[month - 1] else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Finds a place-and-date in one header line; the place may be cut over the previous line
    /// (`Sơn` / `La, ngày 16 tháng 11 năm 2018`).
    static func find(_ text: NormalizedText, line: LayoutLine, previous: LayoutLine?) -> DateLine? {
        let folded = text.folded, units = text.units
        let r = line.range
        var i = r.lowerBound
        while i < r.upperBound {
            if folded[i] == 0x6E, i == r.lowerBound || !PhraseMatcher.isWordByte(folded[i - 1]),
               let d = parseDate(folded, at: i, end: text.count) {
                // The place: capitalized words before "ngày", after a comma or not.
                var b = i
                while b > r.lowerBound && (folded[b - 1] == 0x20 || folded[b - 1] == 0x2C) { b -= 1 }
                var a = b
                var words = 0
                var cursor = b
                while words < 6 {
                    var w = cursor
                    while w > r.lowerBound && PhraseMatcher.isWordByte(folded[w - 1]) { w -= 1 }
                    guard w < cursor, LayoutScan.isNameSyllable(units, w..<cursor) || (words > 0 && isPhoWord(folded, w, cursor)) else { break }
                    a = w
                    words += 1
                    var s = w
                    while s > r.lowerBound && (folded[s - 1] == 0x20 || folded[s - 1] == 0x2D) { s -= 1 }
                    if s == w || s == r.lowerBound { break }
                    cursor = s
                }
                while a < b && !PhraseMatcher.isWordByte(folded[a]) { a += 1 }
                var placeRange: Range<Int>? = a < b && words > 0 ? a..<b : nil
                var place: String? = placeRange.map { text.text($0) }
                // "Sơn" on the line before "La, ngày …".
                if let p = placeRange, p.lowerBound == r.lowerBound, words <= 2, let prev = previous,
                   prev.range.count <= 20, LayoutScan.words(folded, prev.range).count <= 2,
                   LayoutScan.words(folded, prev.range).allSatisfy({ LayoutScan.isNameSyllable(units, $0) || LayoutScan.isUpperLine(units, $0) }) {
                    placeRange = prev.range.lowerBound..<p.upperBound
                    place = text.text(prev.range) + " " + (place ?? "")
                }
                // A place is a name, not a sentence: at most six words, each capitalized but "phố".
                return DateLine(place: place, placeRange: placeRange, date: d.value, dateRange: i..<d.end, draft: d.draft)
            }
            i += 1
        }
        return nil
    }

    /// "phố" of "Thành phố Hồ Chí Minh", the one lower-case word a place line may hold.
    static func isPhoWord(_ folded: [UInt8], _ a: Int, _ b: Int) -> Bool {
        b - a == 3 && folded[a] == 0x70 && folded[a + 1] == 0x68 && folded[a + 2] == 0x6F
    }
}
