import Testing
import VanBanExtract
import VanBanText

/// One pipeline for the number, citation, date and deadline tests (loading lexicons is the slow part).
enum CiteFixture {
    static let pipeline: Pipeline = try! Pipeline.load()

    static func analysis(_ text: String) -> Analysis {
        pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
    }

    /// Dates of the whole text through `DateExtractor` (no layout: roles as the extractor gives them).
    static func dates(_ text: String) -> (dates: [DateMention], warnings: [Warning], analysis: Analysis) {
        let a = analysis(text)
        var warnings: [Warning] = []
        let d = DateExtractor(lexicon: pipeline.lexicon).dates(a, in: 0..<a.text.count, warnings: &warnings)
        return (d, warnings, a)
    }
}

struct DateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        /// Expected `value|precision` of every mention, in order.
        let expected: [String]
        let reason: String
        var testDescription: String { reason }
    }

    static let cases: [Case] = [
        Case(input: "Quảng Ngãi, ngày 16 tháng 3 năm 2021", expected: ["2021-03-16|day"], reason: "verbal date with ngày"),
        Case(input: "Hội nghị ngày 16/3/2021 đã diễn ra", expected: ["2021-03-16|day"], reason: "slash date"),
        Case(input: "văn bản ký 16-3-2021 gửi các sở", expected: ["2021-03-16|day"], reason: "hyphen date"),
        Case(input: "ký 16.3.2012 tại tỉnh", expected: ["2012-03-16|day"], reason: "dotted date"),
        Case(input: "ngày 29 tháng 02 năm 2024 là ngày nhuận", expected: ["2024-02-29|day"], reason: "leap day exists in 2024"),
        Case(input: "ngày 10 tháng\n7 năm 2017 và", expected: ["2017-07-10|day"], reason: "date split over a line break"),
        Case(input: "trong tháng 3 năm 2024", expected: ["2024-03|month"], reason: "month with năm"),
        Case(input: "từ tháng 3/2024 trở đi", expected: ["2024-03|month"], reason: "month with slash year"),
        Case(input: "trong quý I/2024", expected: ["2024-Q1|quarter"], reason: "quarter roman with slash"),
        Case(input: "trong quý II năm 2024", expected: ["2024-Q2|quarter"], reason: "quarter roman with năm"),
        Case(input: "trong Quý 4 năm 2017", expected: ["2017-Q4|quarter"], reason: "quarter arabic"),
        Case(input: "kế hoạch năm 2024 của tỉnh", expected: ["2024|year"], reason: "a year"),
        Case(input: "giai đoạn 2016-2020", expected: ["2016/2020|year"], reason: "period with giai đoạn"),
        Case(input: "giai đoạn 2016 -2020 của tỉnh", expected: ["2016/2020|year"], reason: "period with a stray space"),
        Case(input: "nhiệm kỳ 2021-2025", expected: ["2021/2025|year"], reason: "bare year range is a period"),
        Case(input: "giai đoạn 20112020;", expected: ["2011/2020|year"], reason: "OCR lost the hyphen of a period"),
        Case(input: "kết quả 09 tháng đầu năm 2018", expected: ["2018|year"], reason: "part of a year is a period of that year"),
        Case(input: "theo Nghị định số 30/2020/NĐ-CP của Chính phủ", expected: [], reason: "30/2020 inside a document number is not a date"),
        Case(input: "năm 2016 xếp 59/63; từ 30-35/63 tỉnh", expected: ["2016|year"], reason: "ratios are not dates"),
        Case(input: "mức 1.250.000 đồng/ngày/phòng", expected: [], reason: "money is not a date"),
        Case(input: "Điện thoại: 024.2220.2828", expected: [], reason: "phone number is not a date"),
        Case(input: "trong thời hạn 05 ngày làm việc", expected: [], reason: "a duration is not a date"),
        Case(input: "phiên bản 2.1.5 của phần mềm", expected: [], reason: "version number without a plausible year"),
        Case(input: "năm 1890 và năm 2150", expected: [], reason: "years outside 1945-2100 are not plausible"),
        Case(input: "Quảng Ngãi, ngày 16 tháng 3 năm 2021. Ngày 09/3, đồng chí chủ trì họp",
             expected: ["2021-03-16|day", "2021-03-09|day"], reason: "day-month takes the year of the date before it"),
        Case(input: "Hạn nộp ngày 30/6 hằng năm", expected: [], reason: "day-month without any year in context is dropped"),
        Case(input: "Thời gian ký: 16.07.2021 16:42:05 +07:00", expected: ["2021-07-16|day"], reason: "signature stamp date with a time"),
        Case(input: "Ninh Bình, ngày 0 9 tháng 8 năm 20 21", expected: ["2021-08-09|day"], reason: "OCR split a day with a lone 0 and a year in halves"),
        Case(input: "báo cáo trước ngày 2 0/9/2021 để tổng hợp", expected: ["2021-09-20|day"], reason: "no day is 0: 2 0/9 is the 20th"),
        Case(input: "Công điện ngày 0 5/8/2021 của Thủ tướng", expected: ["2021-08-05|day"], reason: "a lone 0 before a day joins it"),
        Case(input: "Nghị quyết ngày 1 5/3/2021 của Tỉnh ủy", expected: ["2021-03-15|day"], reason: "after ngày two single digits before the separator are one day"),
        Case(input: "văn bản ký 1 5/8/2021", expected: ["2021-08-05|day"], reason: "without a lead word two non-zero digits stay apart"),
        Case(input: "Lào Cai, ngày 1 4 tháng 1 2 năm 2 0 2 2", expected: ["2022-12-14|day"], reason: "every digit spaced out"),
        Case(input: "ngày 3 1/2/2021 và ngày 1/2/2021", expected: ["2021-02-01|day", "2021-02-01|day"], reason: "an impossible joined reading yields to the date as written"),
    ]

    @Test("date forms and traps", arguments: cases)
    func forms(_ c: Case) {
        let (dates, _, _) = CiteFixture.dates(c.input)
        #expect(dates.map { "\($0.value)|\($0.precision.rawValue)" } == c.expected, "\(dates)")
    }

    struct RoleCase: Sendable, CustomTestStringConvertible {
        let input: String
        let role: DateRole
        let reason: String
        var testDescription: String { reason }
    }

    static let roles: [RoleCase] = [
        RoleCase(input: "báo cáo UBND tỉnh trước ngày 25/8/2015.", role: .deadline, reason: "trước ngày"),
        RoleCase(input: "gửi Sở Nội vụ trước 30/9/2015.", role: .deadline, reason: "trước without ngày"),
        RoleCase(input: "đến ngày 30/6/2021 phải hoàn thành 100%", role: .deadline, reason: "đến ngày"),
        RoleCase(input: "gửi về Bộ chậm nhất ngày 20/10/2023.", role: .deadline, reason: "chậm nhất"),
        RoleCase(input: "báo cáo trong tháng 3 năm 2024.", role: .deadline, reason: "trong tháng"),
        RoleCase(input: "Ngày 09/3/2021, đồng chí Chủ tịch chủ trì họp", role: .event, reason: "a date opening its line before a comma is an event"),
        RoleCase(input: "Đến ngày 30/6/2024, toàn tỉnh giải ngân 31,7%", role: .other, reason: "a status report opening the clause is not a deadline"),
        RoleCase(input: "Phấn đấu đến năm 2025 đạt mục tiêu", role: .other, reason: "a goal year is not a deadline"),
        RoleCase(input: "nhiệm vụ trọng tâm trong năm 2021 do Sở đề xuất", role: .other, reason: "trong năm without completion verb"),
        RoleCase(input: "phải hoàn thành trong năm 2021.", role: .deadline, reason: "hoàn thành trong năm"),
        RoleCase(input: "Trong tháng 3/2021, tỉnh đã tổ chức", role: .other, reason: "narrative month opening a clause"),
        RoleCase(input: "(dự kiến tổ chức vào tháng 12/2017)", role: .other, reason: "an expected event is not a deadline"),
        RoleCase(input: "thực hiện giai đoạn 2016-2020", role: .period, reason: "a range is a period"),
        RoleCase(input: "| Nhiệm vụ | Thời gian hoàn thành |\n|---|---|\n| Rà soát | Quý II/2024 |", role: .deadline,
                 reason: "a bare table cell under a time-limit column"),
        RoleCase(input: "| Nhiệm vụ | Ngày ban hành |\n|---|---|\n| Rà soát | 26/08/2020 |", role: .other,
                 reason: "a table cell under another column"),
    ]

    @Test("roles", arguments: roles)
    func role(_ c: RoleCase) {
        let (dates, _, _) = CiteFixture.dates(c.input)
        #expect(dates.count == 1 && dates.first?.role == c.role, "\(dates)")
    }

    @Test("cuối năm under a deadline cue is the last day of the year")
    func endOfYear() {
        let (dates, _, _) = CiteFixture.dates("bảo đảm đến cuối năm 2013 hoàn thành")
        #expect(dates.map(\.value) == ["2013-12-31"])
        #expect(dates.first?.precision == .day && dates.first?.role == .deadline)
        let (plain, _, _) = CiteFixture.dates("6 tháng cuối năm 2024 của tỉnh")
        #expect(plain.map(\.value) == ["2024"] && plain.first?.role == .period)
    }

    struct ImpossibleCase: Sendable, CustomTestStringConvertible {
        let input: String
        let reason: String
        var testDescription: String { reason }
    }

    static let impossible: [ImpossibleCase] = [
        ImpossibleCase(input: "Công văn số 356/UBND-KGVX ngày 31/02/2021 của UBND tỉnh", reason: "31 February"),
        ImpossibleCase(input: "ngày 29 tháng 02 năm 2023", reason: "29 February of a common year"),
        ImpossibleCase(input: "ký ngày 12/13/2021", reason: "month 13"),
        ImpossibleCase(input: "Quảng Ngãi, ngày 16 tháng 3 năm 2021. Họp ngày 30/02", reason: "day-month 30/02"),
    ]

    @Test("impossible dates are warned about, never emitted", arguments: impossible)
    func impossibleDates(_ c: ImpossibleCase) {
        let (dates, warnings, a) = CiteFixture.dates(c.input)
        #expect(!dates.contains(where: { $0.value.hasSuffix("-02-31") || $0.value.hasSuffix("-13-12") || $0.value.hasSuffix("-02-30") || $0.value == "2023-02-29" }))
        #expect(warnings.count == 1 && warnings.first?.code == "impossible-date", "\(warnings)")
        if let r = warnings.first?.range { #expect(a.text.text(r).contains("/") || a.text.text(r).contains("tháng")) }
    }

    @Test("the whole pipeline keeps citation dates and counts the issued date")
    func pipelineRoles() {
        let text = "Quảng Ngãi, ngày 16 tháng 3 năm 2021\nThực hiện Quyết định số 49/QĐ-UBND ngày 09/01/2021 của UBND tỉnh, báo cáo trước ngày 31/3/2021."
        let e = CiteFixture.pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let dates = e.documents.flatMap(\.dates)
        #expect(dates.contains(where: { $0.value == "2021-01-09" && $0.role == .citation }), "\(dates)")
        #expect(dates.contains(where: { $0.value == "2021-03-31" && $0.role == .deadline }), "\(dates)")
    }
}
