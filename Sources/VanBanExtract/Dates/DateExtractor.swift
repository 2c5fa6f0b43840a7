import VanBanText

/// Extracts calendar expressions with their roles, and the deadline phrases of tasks.
///
/// `dates` emits every date (`ngày 16 tháng 3 năm 2021`, `16/3/2021`), month (`tháng 3/2024`),
/// quarter (`quý I/2024` → `2024-Q1`), year (`năm 2024`) and period (`giai đoạn 2016-2020` →
/// value `2016/2020`, precision year; `09 tháng đầu năm 2018` → `2018`). Roles: `deadline`
/// under a deadline cue (see `DeadlineCue`), `period` for ranges, `event` for a date opening its
/// line and followed by a comma (`Ngày 09/3/2021, …`), `other` otherwise (the pipeline later
/// sets `issued` and `citation`). `cuối năm 2013` under a cue is the day `2013-12-31`.
/// Impossible dates (`31/02/2021`) become an `impossible-date` warning. `ngày 30/6` takes its
/// year from the nearest full date before it on the same line, else from the full dates before
/// it when they all share one year; otherwise it is dropped.
public struct DateExtractor: Sendable {
    public let lexicon: Lexicon

    /// Cheap: the document numbers a scan masks come from the analysis (lexed once per range).
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Every date, month, quarter, year and period expression in `range`.
    public func dates(_ analysis: Analysis, in range: Range<Int>, warnings: inout [Warning]) -> [DateMention] {
        let text = analysis.text
        let (hits, impossible) = scan(analysis, range)
        for r in impossible {
            warnings.append(Warning(code: "impossible-date", message: "'\(text.text(r))' is not a calendar date", range: r))
        }
        let cues = DeadlineCue(f: text.folded, floor: range.lowerBound, limit: min(range.upperBound, text.count))
        var result: [DateMention] = []
        result.reserveCapacity(hits.count)
        for hit in hits {
            let cue = cues.cue(for: hit)
            var role = DateRole.other
            var value = hit.value
            var precision = hit.precision
            switch cue.strength {
            case .strong:
                role = .deadline
                if hit.endOf { value = hit.due; precision = .day }
            case .period: role = .period
            case .weak, .none:
                if hit.kind == .period { role = .period } else if isEvent(text.folded, hit, floor: range.lowerBound) { role = .event }
            }
            result.append(DateMention(range: hit.range, value: value, precision: precision, role: role))
        }
        return result
    }

    /// Every deadline phrase (`trước ngày 31/3/2024`, `trong quý II/2024`, `hằng tháng`) in `range`.
    public func deadlines(_ analysis: Analysis, in range: Range<Int>) -> [Deadline] {
        let text = analysis.text
        let (hits, _) = scan(analysis, range)
        let f = text.folded
        let cues = DeadlineCue(f: f, floor: range.lowerBound, limit: min(range.upperBound, text.count))
        var result = RecurrenceScanner(f: f, floor: range.lowerBound, limit: min(range.upperBound, text.count)).recurrences()
        // Overlap tests in logarithmic time (an endless sentence of dates must not cost their
        // square): the recurrences by start with the furthest end so far, and the furthest end of
        // the phrases taken, whose hits come in text order without overlapping.
        let recurrences = result.map(\.range).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var reach: [Int] = []
        reach.reserveCapacity(recurrences.count)
        for r in recurrences { reach.append(max(reach.last ?? Int.min, r.upperBound)) }
        func overlapsRecurrence(_ phrase: Range<Int>) -> Bool {
            var a = 0, b = recurrences.count
            while a < b { let m = (a + b) / 2; if recurrences[m].lowerBound < phrase.upperBound { a = m + 1 } else { b = m } }
            return a > 0 && reach[a - 1] > phrase.lowerBound
        }
        var takenReach = Int.min
        for hit in hits {
            let cue = cues.cue(for: hit)
            guard cue.strength == .strong || cue.strength == .weak else { continue }
            let phrase = cue.start..<hit.range.upperBound
            if takenReach > phrase.lowerBound || overlapsRecurrence(phrase) { continue }
            takenReach = max(takenReach, phrase.upperBound)
            if hit.endOf {
                result.append(Deadline(range: phrase, value: hit.due, precision: .day, due: hit.due, recurrence: nil))
            } else {
                result.append(Deadline(range: phrase, value: hit.value, precision: hit.precision, due: hit.due, recurrence: nil))
            }
        }
        result.sort { $0.range.lowerBound < $1.range.lowerBound }
        return result
    }

    /// Scans `range` with document numbers masked; resolves day–month forms to a year or drops them.
    /// Computed once per range of an analysis (the dates and the deadlines of a document share it).
    func scan(_ analysis: Analysis, _ range: Range<Int>) -> (hits: [DateHit], impossible: [Range<Int>]) {
        analysis.dateScans.value(for: range) { scanUncached(analysis, range) }
    }

    private func scanUncached(_ analysis: Analysis, _ range: Range<Int>) -> (hits: [DateHit], impossible: [Range<Int>]) {
        let text = analysis.text
        let masked = analysis.documentNumbers(in: range).map(\.range)
        var scanner = DateScanner(folded: text.folded, range: range, masked: masked)
        scanner.scan()
        var hits: [DateHit] = []
        hits.reserveCapacity(scanner.hits.count)
        let f = text.folded
        var context = YearContext()
        let cues = DeadlineCue(f: f, floor: range.lowerBound, limit: min(range.upperBound, f.count))
        for var hit in scanner.hits {
            if hit.kind == .dayMonth {
                guard let year = context.year(for: hit, folded: f, deadline: { cues.cue(for: hit).strength == .strong }),
                      CalendarMath.isValid(day: hit.day, month: hit.month, year: year) else { continue }
                hit.year = year
            } else if hit.kind == .month && hit.year == 0 {
                guard let year = context.year(for: hit, folded: f, deadline: { true }) else { continue }
                hit.year = year
            }
            if hit.kind == .day { context.add(hit) }
            hits.append(hit)
        }
        return (hits, scanner.impossible)
    }

    /// The year of a `ngày 30/6` form: the nearest full date on the same line, else the single
    /// year shared by all full dates before it; nil when that is ambiguous or unknown. Kept as the
    /// hits go by in text order, so a line of many such forms costs linear time.
    private struct YearContext {
        var nearest: DateHit?
        var firstYear: Int?
        var oneYear = true
        var latestYear: Int?
        /// The last line break seen before `scanned`.
        var lastBreak = Int.min
        var scanned = 0

        mutating func add(_ hit: DateHit) {
            nearest = hit
            if let y = firstYear { if y != hit.year { oneYear = false } } else { firstYear = hit.year }
            latestYear = max(latestYear ?? hit.year, hit.year)
        }

        /// `deadline` is asked only when the nearest dates do not settle the year.
        mutating func year(for hit: DateHit, folded f: [UInt8], deadline: () -> Bool) -> Int? {
            guard let nearest else { return nil }
            let from = max(scanned, nearest.range.upperBound)
            if from < hit.range.lowerBound {
                for k in from..<hit.range.lowerBound where f[k] == 0x0A { lastBreak = k }
                scanned = hit.range.lowerBound
            }
            let sameLine = lastBreak < nearest.range.upperBound
            if sameLine { return nearest.year }
            if oneYear { return nearest.year }
            // A deadline without its year (`trước 31/3`, `trong tháng 2`) is in the year of the text: the latest
            // year of its full dates (the dates it cites are older).
            return deadline() ? latestYear : nil
        }
    }

    /// `Ngày 09/3/2021, đồng chí … chủ trì họp`: a full date that opens its line (optionally after
    /// `Vào`, `Sáng`, `Chiều`) and is followed by a comma.
    private func isEvent(_ f: [UInt8], _ hit: DateHit, floor: Int) -> Bool {
        guard hit.kind == .day else { return false }
        var e = hit.range.upperBound
        while e < f.count && f[e] == 0x20 { e += 1 }
        guard e < f.count, f[e] == 0x2C else { return false }
        var k = hit.range.lowerBound
        while k > floor && f[k - 1] == 0x20 { k -= 1 }
        if k > floor && FoldedScan.isAlnum(f[k - 1]) {
            let s = FoldedScan.wordBack(f, k, floor: floor)
            let w = String(decoding: f[s..<k], as: UTF8.self)
            guard ["vao", "sang", "chieu", "toi", "trua", "dem"].contains(w) else { return false }
            k = s
            while k > floor && f[k - 1] == 0x20 { k -= 1 }
        }
        return k == floor || f[k - 1] == 0x0A || f[k - 1] == 0x2E
    }
}
