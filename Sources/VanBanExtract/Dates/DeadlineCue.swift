import VanBanText

/// Decides whether a calendar expression is a deadline by reading the words just before it.
///
/// Strong cues make a deadline wherever they stand: `trước (ngày)`, `đến (hết) ngày`, `chậm nhất
/// (là/vào/trước)`, `hạn chót`, `hoàn thành/xong (trước/trong/vào)`, a label `Thời hạn:` /
/// `Thời gian hoàn thành:`, `trong tháng/quý …`, `đến/vào cuối năm …`, and a table cell under a
/// column headed `Thời gian …`/`Thời hạn`/`Tiến độ`. Deliberately not deadlines: `đến năm 2025`
/// (a goal), `trong năm 2021` without a completion verb (`hoàn thành trong năm 2021` is one),
/// `Trong tháng 3/2021, …` opening a clause (narrative), and `từ … đến …` (a period). The weak cue
/// `vào tháng 8 năm 2017` counts only for `deadlines` (task sentences), never inside a
/// parenthesis or after `dự kiến` (`(dự kiến tổ chức vào tháng 12/2017)` is an expected event).
struct DeadlineCue {
    enum Strength { case none, weak, strong, period }

    let f: [UInt8]
    let floor: Int
    let limit: Int
    /// Line and table positions learned as the hits go by (a reference: shared by copies).
    private let tables = TableCursor()

    init(f: [UInt8], floor: Int, limit: Int) {
        self.f = f
        self.floor = floor
        self.limit = limit
    }

    /// A word before the expression: its folded range.
    private struct Word { let start: Int; let end: Int }

    /// Up to `count` words ending before `position`, nearest first; stops at punctuation other
    /// than `:` (which is reported) and at a paragraph break.
    private func wordsBefore(_ position: Int, count: Int) -> (words: [Word], colon: Bool, open: Int) {
        var words: [Word] = []
        var k = position
        var colon = false
        var open = k
        while words.count < count {
            var j = k
            var breaks = 0
            while j > floor && (f[j - 1] == 0x20 || f[j - 1] == 0x0A) {
                if f[j - 1] == 0x0A { breaks += 1 }
                j -= 1
            }
            if breaks > 1 { break }
            if j > floor && f[j - 1] == 0x3A && words.isEmpty && !colon {
                colon = true
                k = j - 1
                continue
            }
            guard j > floor, FoldedScan.isAlnum(f[j - 1]) else { break }
            let s = FoldedScan.wordBack(f, j, floor: floor)
            words.append(Word(start: s, end: j))
            open = s
            k = s
        }
        return (words, colon, open)
    }

    private func eq(_ w: Word, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard w.end - w.start == n else { return false }
        let p = s.utf8Start
        for k in 0..<n where f[w.start + k] != p[k] { return false }
        return true
    }

    /// How many of the nearest words are a time of day: `17 giờ`, `17 giờ 30`, `17 giờ 30 phút`, `17h`, `17h30`,
    /// each optionally after `lúc`.
    private func timeOfDay(_ w: [Word]) -> Int {
        var n = 0
        if w.count >= 4, eq(w[0], "phut"), isDigits(w[1]), eq(w[2], "gio"), isDigits(w[3]) { n = 4 }
        else if w.count >= 3, isDigits(w[0]), eq(w[1], "gio"), isDigits(w[2]) { n = 3 }
        else if w.count >= 2, eq(w[0], "gio"), isDigits(w[1]) { n = 2 }
        else if let first = w.first, isHourWord(first) { n = 1 }
        if n > 0, n < w.count, eq(w[n], "luc") { n += 1 }
        return n
    }

    /// `17h`, `17h00`, `8h30`.
    private func isHourWord(_ w: Word) -> Bool {
        var k = w.start, digits = 0
        while k < w.end && FoldedScan.isDigit(f[k]) { k += 1; digits += 1 }
        guard digits >= 1, digits <= 2, k < w.end, f[k] == 0x68 else { return false }
        k += 1
        let rest = w.end - k
        guard rest == 0 || rest == 2 else { return false }
        while k < w.end { guard FoldedScan.isDigit(f[k]) else { return false }; k += 1 }
        return true
    }

    private func isDigits(_ w: Word) -> Bool {
        for k in w.start..<w.end where !FoldedScan.isDigit(f[k]) { return false }
        return true
    }

    /// The deadline cue governing `hit`: its strength and where the cue phrase starts.
    func cue(for hit: DateHit) -> (strength: Strength, start: Int) {
        let (all, colon, _) = wordsBefore(hit.range.lowerBound, count: 10)
        // A time of day between the cue and the date is read over: `trước 17 giờ ngày 15/10`, `trước 17h00 ngày …`.
        let w = Array(all.dropFirst(timeOfDay(all)).prefix(6))
        let start = hit.range.lowerBound
        if hit.kind == .period { return (.period, start) }
        if colon {
            // Labels: `Thời hạn:`, `Thời gian hoàn thành:`, `Hạn hoàn thành:`, `Tiến độ:`.
            if w.count >= 2 && eq(w[0], "han") && eq(w[1], "thoi") { return (.strong, start) }
            if w.count >= 2 && eq(w[0], "thanh") && eq(w[1], "hoan") { return (.strong, start) }
            if w.count >= 2 && eq(w[0], "do") && eq(w[1], "tien") { return (.strong, start) }
            if w.count >= 2 && eq(w[0], "chot") && eq(w[1], "han") { return (.strong, start) }
            return (tableCell(hit) ? .strong : .none, start)
        }
        guard let w0 = w.first else { return (tableCell(hit) ? .strong : .none, start) }
        // `chậm nhất [là|vào|trước|trong] …`, `hạn chót [là] …`
        var i = 0
        if eq(w[i], "la") || eq(w[i], "vao") || eq(w[i], "truoc") || eq(w[i], "trong") || eq(w[i], "ngay") { i += 1 }
        if i + 1 < w.count && eq(w[i], "nhat") && eq(w[i + 1], "cham") { return (.strong, w[i + 1].start) }
        if i + 1 < w.count && eq(w[i], "chot") && eq(w[i + 1], "han") { return (.strong, w[i + 1].start) }
        if eq(w0, "truoc") {
            if w.count >= 2 && (eq(w[1], "xong") || (w.count >= 3 && eq(w[1], "thanh") && eq(w[2], "hoan"))) { return (.strong, w0.start) }
            return (.strong, w0.start)
        }
        if eq(w0, "het"), w.count >= 2, eq(w[1], "den") || eq(w[1], "toi") {
            if fromBefore(w, from: 2) { return (.period, start) }
            // `Đến hết ngày 30/6/2024, toàn tỉnh …` reports a status; `đến hết năm 2025` is a goal.
            if opensClause(w[1].start) && commaAfter(hit.range.upperBound) { return (.none, start) }
            return (hit.kind == .year ? .none : .strong, w[1].start)
        }
        if eq(w0, "den") || eq(w0, "toi") {
            if fromBefore(w, from: 1) { return (.period, start) }
            if opensClause(w0.start) && commaAfter(hit.range.upperBound) { return (.none, start) }
            if hit.kind == .day || hit.kind == .dayMonth || hit.endOf { return (.strong, w0.start) }
            return (.none, start)
        }
        if eq(w0, "trong") {
            let completion = w.count >= 2 && (eq(w[1], "xong") || (w.count >= 3 && (eq(w[1], "thanh") || eq(w[1], "tat")) && eq(w[2], "hoan")))
            switch hit.kind {
            case .month, .quarter:
                if !completion && opensClause(w0.start) && commaAfter(hit.range.upperBound) { return (.none, start) }
                return (.strong, w0.start)
            default:
                if hit.endOf { return (.strong, w0.start) }
                return (completion ? .strong : .none, w0.start)
            }
        }
        if eq(w0, "xong") || (w.count >= 2 && eq(w0, "thanh") && eq(w[1], "hoan")) {
            return (.strong, hit.range.lowerBound)
        }
        if eq(w0, "vao") {
            if opensClause(w0.start) && commaAfter(hit.range.upperBound) { return (.none, start) }
            if hit.endOf { return (.strong, w0.start) }
            if insideParenthesis(w0.start) || w.contains(where: { eq($0, "kien") }) { return (.none, start) }
            return (.weak, w0.start)
        }
        if hit.endOf && eq(w0, "hoac") { return (.none, start) }
        if eq(w0, "tu") { return (.period, start) }
        return (tableCell(hit) ? .strong : .none, start)
    }

    /// `từ <date>` before a `đến` in the same clause: `từ ngày 01/3/2021 đến ngày 30/6/2021` is a
    /// period. Reads back at most 60 bytes, stopping at `;`, `,` or a line break.
    private func fromBefore(_ w: [Word], from index: Int) -> Bool {
        guard index > 0, index - 1 < w.count else { return false }
        let end = w[index - 1].start
        var k = end
        while k > floor && end - k < 60 {
            let b = f[k - 1]
            if b == 0x3B || b == 0x2C || b == 0x0A { return false }
            if b == 0x74, k - 1 == floor || !FoldedScan.isAlnum(f[k - 2]), FoldedScan.word(f, k - 1, "tu", limit: limit) {
                let n = FoldedScan.skipGap(f, k + 1, limit: limit)
                if n < limit && (FoldedScan.isDigit(f[n]) || FoldedScan.word(f, n, "ngay", limit: limit) || FoldedScan.word(f, n, "thang", limit: limit)
                                 || FoldedScan.word(f, n, "nam", limit: limit) || FoldedScan.word(f, n, "quy", limit: limit)) {
                    return true
                }
            }
            k -= 1
        }
        return false
    }

    /// True when only spaces separate `position` from the start of its clause (line start,
    /// sentence end, `;` or `:`), i.e. the phrase opens the clause.
    private func opensClause(_ position: Int) -> Bool {
        var k = position
        while k > floor && f[k - 1] == 0x20 { k -= 1 }
        if k == floor { return true }
        let b = f[k - 1]
        return b == 0x0A || b == 0x2E || b == 0x3B || b == 0x3A || b == 0x2D || b == 0x2B || b == 0x29
    }

    private func commaAfter(_ position: Int) -> Bool {
        var k = position
        while k < limit && f[k] == 0x20 { k += 1 }
        return k < limit && f[k] == 0x2C
    }

    /// True when an open parenthesis precedes `position` on its line without being closed.
    private func insideParenthesis(_ position: Int) -> Bool {
        var k = position
        var steps = 0
        while k > floor && steps < 200 {
            let b = f[k - 1]
            if b == 0x0A || b == 0x29 { return false }
            if b == 0x28 { return true }
            k -= 1; steps += 1
        }
        return false
    }

    /// True when the expression fills a table cell (`| Quý II/2024 |`) whose column header names
    /// a time limit (`Thời gian hoàn thành`, `Thời hạn`, `Tiến độ`).
    func tableCell(_ hit: DateHit) -> Bool {
        var a = hit.range.lowerBound
        while a > floor && f[a - 1] == 0x20 { a -= 1 }
        // A cue word inside the cell (`Trước 31/3/2024`) is read by the caller; here only bare cells.
        guard a > floor, f[a - 1] == 0x7C else { return false }
        var b = hit.range.upperBound
        while b < limit && (f[b] == 0x20 || f[b] == 0x2E) { b += 1 }
        guard b < limit, f[b] == 0x7C else { return false }
        return headerSaysTime(cellBar: a - 1)
    }

    /// Reads the header cell above the cell whose left bar is at `bar`.
    func headerSaysTime(cellBar bar: Int) -> Bool {
        let (lineStart, column) = tables.locate(bar, in: f)
        let header = tables.header(above: lineStart, in: f)
        guard header < lineStart else { return false }
        return tables.headerCell(header, column: column, in: f) { k, e in
            let cell = String(decoding: f[k..<e], as: UTF8.self)
            return cell.contains("thoi gian") || cell.contains("thoi han") || cell.contains("tien do") || cell.contains("han hoan thanh")
        }
    }
}

/// What `DeadlineCue.headerSaysTime` learns about lines and tables as the hits go by in text order,
/// so that a line of many cells or a tall table costs linear time, not the square of its size.
final class TableCursor {
    /// The last position located, the start of its line and the bars between them.
    private var position = -1
    private var lineStart = 0
    private var bars = 0
    /// The last line whose header was found, and that header (the line itself when none).
    private var headerLine = -1
    private var headerOfLine = -1
    /// Header cells already read: (header line, column) → whether it names a time limit.
    private var cells: [Int: [Int: Bool]] = [:]

    /// The start of the line holding `bar` and the number of bars before `bar` on it.
    func locate(_ bar: Int, in f: [UInt8]) -> (lineStart: Int, column: Int) {
        if position >= 0 && bar >= position {
            for k in position..<bar {
                if f[k] == 0x0A { lineStart = k + 1; bars = 0 } else if f[k] == 0x7C { bars += 1 }
            }
        } else {
            lineStart = bar
            while lineStart > 0 && f[lineStart - 1] != 0x0A { lineStart -= 1 }
            bars = 0
            for k in lineStart..<bar where f[k] == 0x7C { bars += 1 }
        }
        position = bar
        return (lineStart, bars)
    }

    /// The first non-separator line of the table lines directly above the line at `lineStart`
    /// (`lineStart` itself when there is none). Walks up until a line it has already answered.
    func header(above lineStart: Int, in f: [UInt8]) -> Int {
        if lineStart == headerLine { return headerOfLine }
        var header = lineStart
        var probe = lineStart
        while probe > 0 {
            var prevStart = probe - 1
            while prevStart > 0 && f[prevStart - 1] != 0x0A { prevStart -= 1 }
            var s = prevStart
            while s < probe - 1 && f[s] == 0x20 { s += 1 }
            guard s < probe - 1, f[s] == 0x7C else { break }
            var separator = true
            for k in s..<(probe - 1) where !(f[k] == 0x7C || f[k] == 0x2D || f[k] == 0x3A || f[k] == 0x20) { separator = false; break }
            if !separator { header = prevStart }
            if prevStart == headerLine {
                if headerOfLine < headerLine { header = headerOfLine }
                break
            }
            probe = prevStart
        }
        headerLine = lineStart
        headerOfLine = header
        return header
    }

    /// Whether the cell at `column` of the header line at `header` passes `test` (given the cell's
    /// byte range); read once per header and column.
    func headerCell(_ header: Int, column: Int, in f: [UInt8], _ test: (Int, Int) -> Bool) -> Bool {
        if let known = cells[header]?[column] { return known }
        var k = header, bars = 0
        var lineEnd = header
        while lineEnd < f.count && f[lineEnd] != 0x0A { lineEnd += 1 }
        while k < lineEnd && bars <= column { if f[k] == 0x7C { bars += 1 }; k += 1 }
        var e = k
        while e < lineEnd && f[e] != 0x7C { e += 1 }
        let answer = e > k && test(k, e)
        cells[header, default: [:]][column] = answer
        return answer
    }
}
