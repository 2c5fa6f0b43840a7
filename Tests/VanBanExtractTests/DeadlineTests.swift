import Testing
import VanBanExtract
import VanBanText

struct DeadlineTests {
    static func deadlines(_ text: String) -> (deadlines: [Deadline], analysis: Analysis) {
        let a = CiteFixture.analysis(text)
        return (DateExtractor(lexicon: CiteFixture.pipeline.lexicon).deadlines(a, in: 0..<a.text.count), a)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        /// The phrase text, value, precision, due and recurrence of the one deadline expected.
        let phrase: String
        let value: String?
        let precision: DatePrecision?
        let due: String?
        let recurrence: Recurrence?
        let reason: String
        var testDescription: String { reason }
    }

    static let cases: [Case] = [
        Case(input: "báo cáo trước ngày 31 tháng 3 năm 2024.", phrase: "trước ngày 31 tháng 3 năm 2024", value: "2024-03-31", precision: .day, due: "2024-03-31", recurrence: nil, reason: "trước ngày, verbal"),
        Case(input: "gửi Sở Nội vụ trước 30/9/2015.", phrase: "trước 30/9/2015", value: "2015-09-30", precision: .day, due: "2015-09-30", recurrence: nil, reason: "trước without ngày"),
        Case(input: "đến ngày 30/6/2021 phải hoàn thành", phrase: "đến ngày 30/6/2021", value: "2021-06-30", precision: .day, due: "2021-06-30", recurrence: nil, reason: "đến ngày"),
        Case(input: "sơ tán dân trước 17 giờ ngày 15/10/2020.", phrase: "trước 17 giờ ngày 15/10/2020", value: "2020-10-15", precision: .day, due: "2020-10-15", recurrence: nil, reason: "a time of day between the cue and the date"),
        Case(input: "báo cáo trước 9 giờ 30 phút ngày 16/10/2020.", phrase: "trước 9 giờ 30 phút ngày 16/10/2020", value: "2020-10-16", precision: .day, due: "2020-10-16", recurrence: nil, reason: "hours and minutes"),
        Case(input: "gửi trước 17h00 ngày 15/10/2020.", phrase: "trước 17h00 ngày 15/10/2020", value: "2020-10-15", precision: .day, due: "2020-10-15", recurrence: nil, reason: "17h00"),
        Case(input: "Ngày 05/3/2021 Sở họp.\nGiao Sở Y tế báo cáo trước 31/3.", phrase: "trước 31/3", value: "2021-03-31", precision: .day, due: "2021-03-31", recurrence: nil, reason: "a bare day and month after trước takes the year of the text"),
        Case(input: "Ngày 05/3/2021 Sở họp.\nGiao Sở Tài chính hoàn thành trong tháng 4.", phrase: "trong tháng 4", value: "2021-04", precision: .month, due: "2021-04-30", recurrence: nil, reason: "a month without a year after trong"),
        Case(input: "Ngày 05/3/2021 Sở họp.\ntổ chức trong tháng 11 hằng năm", phrase: "trong tháng 11 hằng năm", value: nil, precision: nil, due: nil, recurrence: .yearly, reason: "a yearly month recurs; it is not this year's month"),
        Case(input: "Ngày 05/01/2022 Sở họp.\nCăn cứ Luật ngày 19/6/2013.\nGiao Sở Y tế báo cáo trước 31/3.", phrase: "trước 31/3", value: "2022-03-31", precision: .day, due: "2022-03-31", recurrence: nil, reason: "full dates of several years: a yearless deadline takes the latest"),
        Case(input: "gửi chậm nhất ngày 20/10/2023.", phrase: "chậm nhất ngày 20/10/2023", value: "2023-10-20", precision: .day, due: "2023-10-20", recurrence: nil, reason: "chậm nhất"),
        Case(input: "báo cáo trong tháng 3 năm 2024.", phrase: "trong tháng 3 năm 2024", value: "2024-03", precision: .month, due: "2024-03-31", recurrence: nil, reason: "month gives its last day"),
        Case(input: "hoàn thành trong tháng 2/2024.", phrase: "trong tháng 2/2024", value: "2024-02", precision: .month, due: "2024-02-29", recurrence: nil, reason: "leap February"),
        Case(input: "đưa vào sử dụng trong quý II/2024.", phrase: "trong quý II/2024", value: "2024-Q2", precision: .quarter, due: "2024-06-30", recurrence: nil, reason: "quarter gives its last day"),
        Case(input: "khắc phục xong trong Quý IV năm 2018.", phrase: "trong Quý IV năm 2018", value: "2018-Q4", precision: .quarter, due: "2018-12-31", recurrence: nil, reason: "quarter with năm"),
        Case(input: "phấn đấu đến cuối năm 2013 đạt 100%", phrase: "đến cuối năm 2013", value: "2013-12-31", precision: .day, due: "2013-12-31", recurrence: nil, reason: "cuối năm is the last day"),
        Case(input: "báo cáo vào cuối năm 2009.", phrase: "vào cuối năm 2009", value: "2009-12-31", precision: .day, due: "2009-12-31", recurrence: nil, reason: "vào cuối năm"),
        Case(input: "phải hoàn thành trong năm 2021.", phrase: "trong năm 2021", value: "2021", precision: .year, due: "2021-12-31", recurrence: nil, reason: "a completion verb makes trong năm a deadline"),
        Case(input: "báo cáo tại phiên họp tổ chức vào tháng 8 năm 2017.", phrase: "vào tháng 8 năm 2017", value: "2017-08", precision: .month, due: "2017-08-31", recurrence: nil, reason: "vào tháng in a task"),
        Case(input: "- Thời gian hoàn thành: Quý IV/2020.", phrase: "Quý IV/2020", value: "2020-Q4", precision: .quarter, due: "2020-12-31", recurrence: nil, reason: "a time-limit label"),
        Case(input: "Hàng quý báo cáo kết quả", phrase: "Hàng quý", value: nil, precision: nil, due: nil, recurrence: .quarterly, reason: "hàng quý"),
        Case(input: "báo cáo định kỳ hằng quý.", phrase: "định kỳ hằng quý", value: nil, precision: nil, due: nil, recurrence: .quarterly, reason: "định kỳ hằng quý"),
        Case(input: "tổng hợp theo từng Quý", phrase: "theo từng Quý", value: nil, precision: nil, due: nil, recurrence: .quarterly, reason: "theo từng quý"),
        Case(input: "báo cáo định kỳ hàng tháng", phrase: "định kỳ hàng tháng", value: nil, precision: nil, due: nil, recurrence: .monthly, reason: "định kỳ hàng tháng"),
        Case(input: "báo cáo trước ngày 15 hằng tháng để tổng hợp", phrase: "trước ngày 15 hằng tháng", value: nil, precision: nil, due: nil, recurrence: .monthly, reason: "a day of every month"),
        Case(input: "tổng hợp trong tháng 11 hàng năm", phrase: "trong tháng 11 hàng năm", value: nil, precision: nil, due: nil, recurrence: .yearly, reason: "a month of every year"),
        Case(input: "báo cáo trước ngày 15 tháng 12 hằng năm.", phrase: "trước ngày 15 tháng 12 hằng năm", value: nil, precision: nil, due: nil, recurrence: .yearly, reason: "a day of every year"),
        Case(input: "báo cáo định kỳ 6 tháng một lần", phrase: "định kỳ 6 tháng", value: nil, precision: nil, due: nil, recurrence: .halfYearly, reason: "half-yearly"),
        Case(input: "báo cáo UBND xã định kỳ hằng tuần", phrase: "định kỳ hằng tuần", value: nil, precision: nil, due: nil, recurrence: .weekly, reason: "weekly"),
    ]

    @Test("deadline phrases", arguments: cases)
    func phrases(_ c: Case) throws {
        let (all, a) = Self.deadlines(c.input)
        #expect(all.count == 1, "\(all)")
        let d = try #require(all.first)
        #expect(a.text.text(d.range) == c.phrase)
        #expect(d.value == c.value && d.precision == c.precision && d.due == c.due && d.recurrence == c.recurrence)
    }

    struct Trap: Sendable, CustomTestStringConvertible {
        let input: String
        let reason: String
        var testDescription: String { reason }
    }

    static let traps: [Trap] = [
        Trap(input: "Phấn đấu đến năm 2025 hoàn thành mục tiêu chuyển đổi số", reason: "goal year"),
        Trap(input: "định hướng đến năm 2030", reason: "goal year"),
        Trap(input: "nhiệm vụ trọng tâm trong năm 2021 do Sở Nội vụ đề xuất", reason: "trong năm without completion verb"),
        Trap(input: "trong thời hạn 15 ngày kể từ ngày nhận được hồ sơ", reason: "a duration"),
        Trap(input: "xử lý trong 05 ngày làm việc", reason: "a duration"),
        Trap(input: "Đến ngày 30/6/2024, toàn tỉnh giải ngân 31,7% kế hoạch", reason: "a status report"),
        Trap(input: "Trong tháng 3/2021, tỉnh đã tổ chức 5 hội nghị", reason: "narrative month opening a clause"),
        Trap(input: "thông qua tại Kỳ họp thứ Sáu (dự kiến tổ chức vào tháng 12/2017).", reason: "an expected event"),
        Trap(input: "từ ngày 01/3/2021 đến ngày 30/6/2021 tổ chức kiểm tra", reason: "a period"),
        Trap(input: "đơn vị hàng đầu về hàng hóa của ngân hàng", reason: "hàng not before a unit of time"),
        Trap(input: "Ngày 05/3/2021 Sở họp.\nTrong tháng 4, tỉnh đã tổ chức 5 hội nghị", reason: "a yearless narrative month opening a clause"),
        Trap(input: "Ngày 05/3/2021 Sở họp.\nxếp trước 59/63 tỉnh", reason: "a ratio after trước is no date"),
    ]

    @Test("not deadlines", arguments: traps)
    func notDeadlines(_ t: Trap) {
        #expect(Self.deadlines(t.input).deadlines.isEmpty, "\(Self.deadlines(t.input).deadlines)")
    }
}
