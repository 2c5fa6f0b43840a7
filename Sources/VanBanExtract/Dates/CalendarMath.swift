/// Gregorian calendar arithmetic and ISO 8601 formatting for the date and deadline extractors.
///
/// Only what the extractors need: month lengths with leap years (`29/02/2024` exists,
/// `29/02/2023` does not), the last day of a month, quarter or year (a deadline's `due`), and
/// zero-padded ISO strings (`2021-03-16`, `2024-03`, `2024-Q2`).
enum CalendarMath {
    /// The plausible years of a Vietnamese administrative document (the state was founded in 1945).
    static let years: ClosedRange<Int> = 1945...2100

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in `month` (1–12) of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when day/month/year names a real calendar day.
    static func isValid(day: Int, month: Int, year: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month: month, year: year)
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> String { "\(year)-\(pad2(month))-\(pad2(day))" }
    static func month(_ year: Int, _ month: Int) -> String { "\(year)-\(pad2(month))" }
    static func quarter(_ year: Int, _ quarter: Int) -> String { "\(year)-Q\(quarter)" }

    /// The last calendar day of a month.
    static func endOfMonth(_ year: Int, _ month: Int) -> String { day(year, month, daysIn(month: month, year: year)) }
    /// The last calendar day of a quarter (1–4): Q1 → 31/3, Q2 → 30/6, Q3 → 30/9, Q4 → 31/12.
    static func endOfQuarter(_ year: Int, _ quarter: Int) -> String { endOfMonth(year, quarter * 3) }
    static func endOfYear(_ year: Int) -> String { day(year, 12, 31) }
}
