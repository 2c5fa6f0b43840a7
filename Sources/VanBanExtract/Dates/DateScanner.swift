import VanBanText

/// Finds calendar expressions in folded bytes: full dates, day–month, months, quarters, years and periods.
///
/// Candidates are word starts whose byte is a digit or the first letter of a lead word (`ngay`,
/// `thang`, `quy`, `nam`, `giai doan`, `cuoi`); only there is a form parsed. Forms:
/// `16/3/2021`, `16-3-2021`, `16.3.2021` (one separator kind per date), `ngày 16 tháng 3 năm 2021`
/// (a single line break anywhere inside counts as a space), `ngày 30/6` (no year), `tháng 3/2024`,
/// `tháng 3 năm 2024`, `quý II/2024`, `Quý 4 năm 2017`, `năm 2024`, `giai đoạn 2016-2020`,
/// `2021-2025`, `giai đoạn 20112020` (hyphen lost), `09 tháng đầu năm 2018`, `cuối năm 2013`.
/// Rejected: money (`1.250.000`), phone numbers (`024.2220.2828`), ratios (`59/63`), durations
/// (`05 ngày làm việc`: no number after `ngày`), years outside 1945–2100, and anything inside a
/// document number (`30/2020/NĐ-CP`). Well-formed but impossible dates (`31/02/2021`, month 13)
/// are reported in `impossible` instead of `hits`.
struct DateScanner {
    let f: [UInt8]
    let floor: Int
    let limit: Int
    /// Sorted ranges that are not dates (document numbers).
    let masked: [Range<Int>]

    private(set) var hits: [DateHit] = []
    private(set) var impossible: [Range<Int>] = []

    init(folded: [UInt8], range: Range<Int>, masked: [Range<Int>]) {
        self.f = folded
        self.floor = max(0, range.lowerBound)
        self.limit = min(range.upperBound, folded.count)
        self.masked = masked
    }

    /// Outcome of a parse attempt.
    private enum Parse {
        case none
        case hit(DateHit)
        case impossible(Range<Int>)
    }

    mutating func scan() {
        var i = floor
        var maskIndex = 0
        while i < limit {
            while maskIndex < masked.count && masked[maskIndex].upperBound <= i { maskIndex += 1 }
            if maskIndex < masked.count && masked[maskIndex].contains(i) { i = masked[maskIndex].upperBound; continue }
            let b = f[i]
            guard FoldedScan.wordStart(f, i) else { i += 1; continue }
            var outcome = Parse.none
            switch b {
            case 0x30...0x39: outcome = atDigit(i)
            case 0x6E: outcome = FoldedScan.word(f, i, "ngay", limit: limit) ? atNgay(i) : (FoldedScan.word(f, i, "nam", limit: limit) ? atNam(i) : .none)
            case 0x74: outcome = FoldedScan.word(f, i, "thang", limit: limit) ? atThang(i, lead: i) : .none
            case 0x71: outcome = FoldedScan.word(f, i, "quy", limit: limit) ? atQuy(i, lead: i) : .none
            case 0x67: outcome = FoldedScan.word(f, i, "giai", limit: limit) ? atGiaiDoan(i) : .none
            case 0x63: outcome = FoldedScan.word(f, i, "cuoi", limit: limit) ? atCuoi(i) : .none
            default: break
            }
            switch outcome {
            case .hit(let hit):
                if !overlapsMask(hit.range, from: maskIndex) {
                    hits.append(hit)
                    i = hit.range.upperBound
                    continue
                }
            case .impossible(let r):
                if !overlapsMask(r, from: maskIndex) {
                    impossible.append(r)
                    i = r.upperBound
                    continue
                }
            case .none: break
            }
            // Skip the rest of this word (a non-word byte is skipped alone).
            let wasWord = FoldedScan.isAlnum(b)
            i += 1
            while wasWord && i < limit && FoldedScan.isAlnum(f[i]) { i += 1 }
        }
    }

    private func overlapsMask(_ r: Range<Int>, from index: Int) -> Bool {
        var k = index
        while k < masked.count && masked[k].lowerBound < r.upperBound {
            if masked[k].overlaps(r) { return true }
            k += 1
        }
        return false
    }

    // MARK: - Lead words

    /// `ngày 16 tháng 3 năm 2021`, `ngày 16/3/2021`, `ngày 30/6`.
    private func atNgay(_ i: Int) -> Parse {
        let j = FoldedScan.skipGap(f, i + 4, limit: limit)
        guard j < limit, FoldedScan.isDigit(f[j]), j > i + 4 else { return .none }
        switch verbal(j, lead: i, allowNoYear: true) {
        case .none: break
        case let other: return other
        }
        return numeric(j, lead: i, allowSpaces: true, allowNoYear: true)
    }

    /// A digit at a word start: a numeric or verbal date, a year range, or `09 tháng đầu năm 2018`.
    private func atDigit(_ i: Int) -> Parse {
        // The token must not continue a number (`1/16/3/2021`, `1.16.3.2021`).
        if i > floor {
            let p = f[i - 1]
            if p == 0x2F || p == 0x2C { return .none }
            if p == 0x2E && i - 1 > floor && FoldedScan.isDigit(f[i - 2]) { return .none }
        }
        // After a deadline word a day and month stand alone too (`báo cáo trước 31/3`, `chậm nhất 15/4`).
        let numericResult = numeric(i, lead: i, allowSpaces: false, allowNoYear: deadlineWordBefore(i))
        if case .none = numericResult {} else { return numericResult }
        let verbalResult = verbal(i, lead: i, allowNoYear: false)
        if case .none = verbalResult {} else { return verbalResult }
        if let period = yearRange(i, lead: i) { return .hit(period) }
        return partOfYear(i)
    }

    /// `năm 2024`, `năm 2016-2019` (a period).
    private func atNam(_ i: Int) -> Parse {
        let j = FoldedScan.skipGap(f, i + 3, limit: limit)
        guard j > i + 3, j < limit, FoldedScan.isDigit(f[j]) else { return .none }
        if let period = yearRange(j, lead: i) { return .hit(period) }
        let y = ocrDigits(j, year: true)
        guard y.count == 4, CalendarMath.years.contains(y.value), boundaryAfterYear(y.end) else { return .none }
        return .hit(DateHit(range: i..<y.end, kind: .year, year: y.value))
    }

    /// `tháng 3 năm 2024`, `tháng 3/2024`, `tháng 03-2024`.
    private func atThang(_ i: Int, lead: Int) -> Parse {
        let j = FoldedScan.skipGap(f, i + 5, limit: limit)
        guard j > i + 5, j < limit, FoldedScan.isDigit(f[j]) else { return .none }
        let m = ocrDigits(j, year: false)
        guard m.count <= 2 else { return .none }
        guard let y = yearAfter(m.end) else {
            // `trong tháng 4`, `trước tháng 10`, `cuối tháng 3`: a month of the year the text is in, resolved
            // by the extractor like `ngày 30/6`; `tháng 11 hằng năm` recurs, `tháng 4 năm nay` is left alone.
            guard m.value >= 1, m.value <= 12, m.end == limit || !FoldedScan.isAlnum(f[m.end]), monthCueBefore(lead) else { return .none }
            let after = FoldedScan.skipGap(f, m.end, limit: limit)
            if after < limit, FoldedScan.word(f, after, "hang", limit: limit) || FoldedScan.word(f, after, "nam", limit: limit) || f[after] == 0x2F || f[after] == 0x2D {
                return .none
            }
            return .hit(DateHit(range: lead..<m.end, kind: .month, year: 0, month: m.value))
        }
        if m.value < 1 || m.value > 12 { return .impossible(lead..<y.end) }
        return .hit(DateHit(range: lead..<y.end, kind: .month, year: y.year, month: m.value))
    }

    /// Where the word before `i` starts when it is one of `words` (folded), else nil.
    private func wordBefore(_ i: Int, isOneOf words: [StaticString]) -> Int? {
        let e = FoldedScan.skipGapBack(f, i, floor: floor)
        guard e < i, e > floor else { return nil }
        for w in words where FoldedScan.wordEndingAt(f, e, w, floor: floor) { return e - w.utf8CodeUnitCount }
        return nil
    }

    /// The word before `i` is `trước` or `chậm nhất`: a bare `31/3` after it is a date.
    private func deadlineWordBefore(_ i: Int) -> Bool {
        if wordBefore(i, isOneOf: ["truoc"]) != nil { return true }
        return wordBefore(i, isOneOf: ["nhat"]).map { wordBefore($0, isOneOf: ["cham"]) != nil } ?? false
    }

    /// The word before the `tháng` at `lead` is `trong`, `trước`, `cuối` or `đến`: a month without a year is meant then.
    private func monthCueBefore(_ lead: Int) -> Bool {
        wordBefore(lead, isOneOf: ["trong", "truoc", "cuoi", "den"]) != nil
    }

    /// `quý I/2024`, `quý II năm 2024`, `Quý 4 năm 2017`, `quý IV-2018`.
    private func atQuy(_ i: Int, lead: Int) -> Parse {
        let j = FoldedScan.skipGap(f, i + 3, limit: limit)
        guard j > i + 3, j < limit else { return .none }
        var q = 0
        var e = j
        if FoldedScan.isDigit(f[j]) {
            let d = FoldedScan.digits(f, j, limit: limit)
            guard d.end - j == 1 else { return .none }
            q = d.value; e = d.end
        } else {
            while e < limit && (f[e] == 0x69 || f[e] == 0x76) && e - j < 3 { e += 1 }  // i, v
            if e < limit && FoldedScan.isLetter(f[e]) { return .none }
            switch String(decoding: f[j..<e], as: UTF8.self) {
            case "i": q = 1
            case "ii": q = 2
            case "iii": q = 3
            case "iv": q = 4
            default: return .none
            }
        }
        guard q >= 1 && q <= 4, let y = yearAfter(e) else { return .none }
        return .hit(DateHit(range: lead..<y.end, kind: .quarter, year: y.year, quarter: q))
    }

    /// `giai đoạn 2016-2020`, `giai đoạn 2016 - 2020`, `giai đoạn 20112020`.
    private func atGiaiDoan(_ i: Int) -> Parse {
        let d = FoldedScan.skipGap(f, i + 4, limit: limit)
        guard d > i + 4, FoldedScan.word(f, d, "doan", limit: limit) else { return .none }
        let j = FoldedScan.skipGap(f, d + 4, limit: limit)
        guard j > d + 4, j < limit, FoldedScan.isDigit(f[j]) else { return .none }
        if let period = yearRange(j, lead: i) { return .hit(period) }
        // Hyphen lost in OCR: eight digits that are two increasing years.
        let run = FoldedScan.digits(f, j, limit: limit)
        if run.end - j == 8, run.end == limit || !FoldedScan.isAlnum(f[run.end]) {
            let a = run.value / 10000, b = run.value % 10000
            if CalendarMath.years.contains(a), CalendarMath.years.contains(b), b > a, b - a <= 50 {
                return .hit(DateHit(range: i..<run.end, kind: .period, year: a, endYear: b))
            }
        }
        return .none
    }

    /// `cuối năm 2013`, `cuối tháng 3/2024`, `cuối quý II/2024`: the end of the span.
    private func atCuoi(_ i: Int) -> Parse {
        let j = FoldedScan.skipGap(f, i + 4, limit: limit)
        guard j > i + 4, j < limit else { return .none }
        var outcome = Parse.none
        if FoldedScan.word(f, j, "nam", limit: limit) { outcome = atNam(j) }
        else if FoldedScan.word(f, j, "thang", limit: limit) { outcome = atThang(j, lead: j) }
        else if FoldedScan.word(f, j, "quy", limit: limit) { outcome = atQuy(j, lead: j) }
        if case .hit(var hit) = outcome, hit.kind != .period {
            hit.range = i..<hit.range.upperBound
            hit.endOf = true
            return .hit(hit)
        }
        return outcome
    }

    // MARK: - Forms

    /// After a lead word (`ngày`) a date is read first with split digits joined (`ngày 1 5/3/2021`,
    /// `ngày 1 4 tháng 1 2 năm 2 0 2 2`), then as written.
    private func joining(_ j: Int, lead: Int, _ form: (Bool) -> Parse) -> Parse {
        guard lead != j else { return form(false) }
        let joined = form(true)
        if case .hit = joined { return joined }
        // An impossible joined reading is no finding: the digits may still be read as written later (`3 1/2/2021`).
        return form(false)
    }

    /// `D/M/YYYY`, `D-M-YYYY`, `D.M.YYYY` at `j`; with `allowNoYear`, `D/M` (after `ngày`).
    private func numeric(_ j: Int, lead: Int, allowSpaces: Bool, allowNoYear: Bool) -> Parse {
        joining(j, lead: lead) { numeric(j, lead: lead, allowSpaces: allowSpaces, allowNoYear: allowNoYear, loose: $0) }
    }

    private func numeric(_ j: Int, lead: Int, allowSpaces: Bool, allowNoYear: Bool, loose: Bool) -> Parse {
        let d = lead != j ? ocrDigits(j, year: false, loose: loose) : plainDigits(j)
        guard d.count <= 2, d.end < limit else { return .none }
        var k = d.end
        if allowSpaces && k < limit && f[k] == 0x20 { k += 1 }
        guard k < limit else { return .none }
        let sep = f[k]
        guard sep == 0x2F || sep == 0x2D || sep == 0x2E else { return .none }
        if sep == 0x2D && j > floor && f[j - 1] == 0x2D { return .none }
        k += 1
        if allowSpaces && k < limit && f[k] == 0x20 { k += 1 }
        guard k < limit, FoldedScan.isDigit(f[k]) else { return .none }
        let m = ocrDigits(k, year: false, loose: loose)
        guard m.count <= 2 else { return .none }
        var e = m.end
        if allowSpaces && e + 1 < limit && f[e] == 0x20 && f[e + 1] == sep { e += 1 }
        if e + 1 < limit, f[e] == sep, FoldedScan.isDigit(f[e + 1]) || (allowSpaces && f[e + 1] == 0x20) {
            var ys = e + 1
            if allowSpaces && ys < limit && f[ys] == 0x20 { ys += 1 }
            let y = ocrDigits(ys, year: true)
            guard y.count == 4, CalendarMath.years.contains(y.value) else { return .none }
            // Not followed by more of a number (`16.3.2021.5`, `16/3/2021/QĐ`).
            if y.end < limit {
                let a = f[y.end]
                if FoldedScan.isAlnum(a) { return .none }
                if (a == sep || a == 0x2F) && y.end + 1 < limit && FoldedScan.isAlnum(f[y.end + 1]) { return .none }
            }
            if !CalendarMath.isValid(day: d.value, month: m.value, year: y.value) {
                return d.value <= 31 || m.value <= 12 ? .impossible(lead..<y.end) : .none
            }
            return .hit(DateHit(range: lead..<y.end, kind: .day, year: y.value, month: m.value, day: d.value))
        }
        // Day and month only, after `ngày` (`ngày 30/6`); never a ratio followed by more digits.
        guard allowNoYear, sep != 0x2E else { return .none }
        if e < limit && (FoldedScan.isAlnum(f[e]) || ((f[e] == 0x2F || f[e] == 0x2D) && e + 1 < limit && FoldedScan.isAlnum(f[e + 1]))) { return .none }
        guard m.value >= 1 && m.value <= 12 && d.value >= 1 && d.value <= CalendarMath.daysIn(month: m.value, year: 2000) else {
            return d.value <= 31 && m.value <= 13 ? .impossible(lead..<e) : .none
        }
        return .hit(DateHit(range: lead..<e, kind: .dayMonth, year: 0, month: m.value, day: d.value))
    }

    /// `D tháng M năm YYYY` (also `D tháng M/YYYY`) at `j`; with `allowNoYear`, `D tháng M`.
    private func verbal(_ j: Int, lead: Int, allowNoYear: Bool) -> Parse {
        joining(j, lead: lead) { verbal(j, lead: lead, allowNoYear: allowNoYear, loose: $0) }
    }

    private func verbal(_ j: Int, lead: Int, allowNoYear: Bool, loose: Bool) -> Parse {
        let d = lead != j ? ocrDigits(j, year: false, loose: loose) : plainDigits(j)
        guard d.count <= 2 else { return .none }
        let t = FoldedScan.skipGap(f, d.end, limit: limit)
        guard t > d.end, FoldedScan.word(f, t, "thang", limit: limit) else { return .none }
        let mStart = FoldedScan.skipGap(f, t + 5, limit: limit)
        guard mStart > t + 5, mStart < limit, FoldedScan.isDigit(f[mStart]) else { return .none }
        let m = ocrDigits(mStart, year: false, loose: loose)
        guard m.count <= 2 else { return .none }
        if let y = yearAfter(m.end) {
            if !CalendarMath.isValid(day: d.value, month: m.value, year: y.year) { return .impossible(lead..<y.end) }
            return .hit(DateHit(range: lead..<y.end, kind: .day, year: y.year, month: m.value, day: d.value))
        }
        guard allowNoYear, m.end == limit || !FoldedScan.isAlnum(f[m.end]) else { return .none }
        // `ngày 15 tháng 12 hằng năm` is a recurrence, not a date of some year.
        let after = FoldedScan.skipGap(f, m.end, limit: limit)
        if FoldedScan.word(f, after, "hang", limit: limit) { return .none }
        guard m.value >= 1 && m.value <= 12 && d.value >= 1 && d.value <= CalendarMath.daysIn(month: m.value, year: 2000) else {
            return .impossible(lead..<m.end)
        }
        return .hit(DateHit(range: lead..<m.end, kind: .dayMonth, year: 0, month: m.value, day: d.value))
    }

    /// The digits at `j` with their count.
    private func plainDigits(_ j: Int) -> (value: Int, end: Int, count: Int) {
        let d = FoldedScan.digits(f, j, limit: limit)
        return (d.value, d.end, d.end - j)
    }

    /// The digits at `j`, joined over one space OCR put inside them (`FoldedScan.ocrDigits`).
    private func ocrDigits(_ j: Int, year: Bool, loose: Bool = false) -> (value: Int, end: Int, count: Int) {
        FoldedScan.ocrDigits(f, j, limit: limit, year: year, loose: loose)
    }

    /// The year after a month or quarter: ` năm YYYY`, `/YYYY`, `-YYYY` at `at`; returns (year, end).
    private func yearAfter(_ at: Int) -> (year: Int, end: Int)? {
        guard at < limit else { return nil }
        var ys = -1
        if f[at] == 0x2F || f[at] == 0x2D {
            ys = at + 1
        } else {
            let n = FoldedScan.skipGap(f, at, limit: limit)
            guard n > at, FoldedScan.word(f, n, "nam", limit: limit) else { return nil }
            ys = FoldedScan.skipGap(f, n + 3, limit: limit)
            guard ys > n + 3 else { return nil }
        }
        guard ys < limit, FoldedScan.isDigit(f[ys]) else { return nil }
        let y = ocrDigits(ys, year: true)
        guard y.count == 4, CalendarMath.years.contains(y.value), boundaryAfterYear(y.end) else { return nil }
        return (y.value, y.end)
    }

    /// A year must not run on into more digits or a code (`2024/QĐ`).
    private func boundaryAfterYear(_ e: Int) -> Bool {
        guard e < limit else { return true }
        let a = f[e]
        if FoldedScan.isAlnum(a) { return false }
        if a == 0x2F && e + 1 < limit && FoldedScan.isAlnum(f[e + 1]) { return false }
        return true
    }

    /// `2016-2020`, `2016 - 2020`, `2016–2020` at `j`: two increasing plausible years.
    private func yearRange(_ j: Int, lead: Int) -> DateHit? {
        let a = FoldedScan.digits(f, j, limit: limit)
        guard a.end - j == 4, CalendarMath.years.contains(a.value) else { return nil }
        var k = a.end
        if k < limit && f[k] == 0x20 { k += 1 }
        guard k < limit, f[k] == 0x2D else { return nil }
        k += 1
        if k < limit && f[k] == 0x20 { k += 1 }
        guard k < limit, FoldedScan.isDigit(f[k]) else { return nil }
        let b = FoldedScan.digits(f, k, limit: limit)
        guard b.end - k == 4, CalendarMath.years.contains(b.value), b.value > a.value, b.value - a.value <= 50 else { return nil }
        if b.end < limit && (FoldedScan.isAlnum(f[b.end]) || f[b.end] == 0x2F || f[b.end] == 0x2D) { return nil }
        return DateHit(range: lead..<b.end, kind: .period, year: a.value, endYear: b.value)
    }

    /// `09 tháng đầu năm 2018`, `6 tháng cuối năm 2024`: part of a year, a period valued by its year.
    private func partOfYear(_ i: Int) -> Parse {
        let n = FoldedScan.digits(f, i, limit: limit)
        guard n.end - i <= 2, n.value >= 1, n.value <= 12 else { return .none }
        let t = FoldedScan.skipGap(f, n.end, limit: limit)
        guard t > n.end, FoldedScan.word(f, t, "thang", limit: limit) else { return .none }
        let w = FoldedScan.skipGap(f, t + 5, limit: limit)
        guard w > t + 5, FoldedScan.word(f, w, "dau", limit: limit) || FoldedScan.word(f, w, "cuoi", limit: limit) else { return .none }
        let wEnd = w + (f[w] == 0x64 ? 3 : 4)
        let nm = FoldedScan.skipGap(f, wEnd, limit: limit)
        guard nm > wEnd, FoldedScan.word(f, nm, "nam", limit: limit) else { return .none }
        let ys = FoldedScan.skipGap(f, nm + 3, limit: limit)
        guard ys > nm + 3, ys < limit, FoldedScan.isDigit(f[ys]) else { return .none }
        let y = FoldedScan.digits(f, ys, limit: limit)
        guard y.end - ys == 4, CalendarMath.years.contains(y.value), boundaryAfterYear(y.end) else { return .none }
        return .hit(DateHit(range: i..<y.end, kind: .period, year: y.value, endYear: y.value))
    }
}
