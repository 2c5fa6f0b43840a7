/// One calendar expression found by `DateScanner`, before a role is given to it.
///
/// `range` covers the whole expression with its lead word (`ngày 16 tháng 3 năm 2021`,
/// `tháng 3/2024`, `quý II năm 2024`, `giai đoạn 2016-2020`, `cuối năm 2013`), in normalized units.
struct DateHit: Sendable {
    enum Kind: Sendable {
        /// A full date: `16/3/2021`, `ngày 16 tháng 3 năm 2021`.
        case day
        /// Day and month without a year (`ngày 30/6`): the year comes from context or nothing is emitted.
        case dayMonth
        /// `tháng 3 năm 2024`, `tháng 3/2024`.
        case month
        /// `quý I/2024`, `Quý 4 năm 2017`.
        case quarter
        /// `năm 2024`.
        case year
        /// `giai đoạn 2016-2020`, `2021-2025`, `09 tháng đầu năm 2018`.
        case period
    }
    var range: Range<Int>
    var kind: Kind
    var year: Int
    var month = 0
    var day = 0
    var quarter = 0
    /// The last year of a period (`2020` of `2016-2020`); equals `year` for `09 tháng đầu năm 2018`.
    var endYear = 0
    /// `cuối năm 2013`, `cuối tháng 3/2024`, `cuối quý II/2024`: the end of the named span.
    var endOf = false

    /// The ISO value at the expression's own precision (`2024-03`, `2024-Q2`, `2016/2020`).
    var value: String {
        switch kind {
        case .day, .dayMonth: return CalendarMath.day(year, month, day)
        case .month: return CalendarMath.month(year, month)
        case .quarter: return CalendarMath.quarter(year, quarter)
        case .year: return String(year)
        case .period: return endYear != year ? "\(year)/\(endYear)" : String(year)
        }
    }

    var precision: DatePrecision {
        switch kind {
        case .day, .dayMonth: return .day
        case .month: return .month
        case .quarter: return .quarter
        case .year, .period: return .year
        }
    }

    /// The last calendar day the expression allows (a deadline's `due`).
    var due: String {
        switch kind {
        case .day, .dayMonth: return CalendarMath.day(year, month, day)
        case .month: return CalendarMath.endOfMonth(year, month)
        case .quarter: return CalendarMath.endOfQuarter(year, quarter)
        case .year: return CalendarMath.endOfYear(year)
        case .period: return CalendarMath.endOfYear(endYear)
        }
    }
}
