import Testing
import VanBanExport
import VanBanExtract
import VanBanText

/// The task table: CSV quoting and formula neutralisation, the assignee filter's folding, alignment.
struct TaskTableTests {
    static let csvCases: [(String, String, String)] = [
        ("Sở Nội vụ", "Sở Nội vụ", "plain text stays as is"),
        ("Sở Nội vụ, Sở Tài chính", "\"Sở Nội vụ, Sở Tài chính\"", "a comma needs quotes"),
        ("Kế hoạch \"CCHC\"", "\"Kế hoạch \"\"CCHC\"\"\"", "quotes are doubled"),
        ("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"", "a line break needs quotes"),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"", "a formula is neutralised"),
        ("- Chủ trì", "'- Chủ trì", "a leading dash is neutralised"),
        ("+84", "'+84", "a leading plus is neutralised"),
        ("@SUM", "'@SUM", "a leading at sign is neutralised"),
    ]

    @Test("CSV fields", arguments: csvCases)
    func csvField(_ c: (String, String, String)) {
        #expect(TaskTable.csvField(c.0) == c.1, "\(c.2)")
    }

    static func row(assignees: [String], due: String? = nil) -> TaskTable.Row {
        TaskTable.Row(source: "t", documentNumber: "89/TB-UBND", documentDate: "2021-03-16", item: "II.2", verb: "Giao",
                      assignees: assignees, lead: [], coordinate: [], action: "Chủ trì, phối hợp", deadline: due, due: due,
                      recurrence: nil, reportTo: nil, span: Span(0, 5))
    }

    static let filterCases: [(String, [String], Bool, String)] = [
        ("so noi vu", ["Sở Nội vụ"], true, "accents and case folded"),
        ("SỞ NỘI VỤ", ["Giám đốc Sở Nội vụ"], true, "a person by position of the body matches"),
        ("ubnd tinh", ["Ủy ban nhân dân tỉnh"], true, "UBND spelled out"),
        ("uy ban nhan dan tinh", ["UBND tỉnh"], true, "the other way round"),
        ("so tt&tt", ["Sở Thông tin và Truyền thông"], true, "TT&TT spelled out"),
        ("dong nai", ["Sở Nội vụ"], false, "another name does not match"),
        ("so noi", ["Sở Nội vụ"], true, "a prefix of whole words matches"),
        ("so no", ["Sở Nội vụ"], false, "part of a word does not match"),
    ]

    @Test("assignee filter", arguments: filterCases)
    func filter(_ c: (String, [String], Bool, String)) {
        #expect(TaskTable.matches(Self.row(assignees: c.1), assignee: c.0) == c.2, "\(c.3)")
    }

    @Test func csvHasBOMAndHeader() {
        let bytes = TaskTable(rows: [Self.row(assignees: ["Sở Nội vụ"], due: "2024-03-31")]).csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.first == Substring(TaskTable.header.joined(separator: ",")))
        #expect(lines.count == 2)
        #expect(lines[1].contains("Sở Nội vụ") && lines[1].contains("2024-03-31"))
    }

    @Test func terminalTableAligns() {
        let table = TaskTable(rows: [Self.row(assignees: ["Sở Nội vụ"]), Self.row(assignees: ["UBND tỉnh Quảng Ngãi"])]).text()
        let lines = table.split(separator: "\n").map(String.init)
        let actionColumn = lines.map { line -> Int in
            let prefix = line.components(separatedBy: "Chủ trì").first ?? ""
            return TaskTable.displayWidth(prefix)
        }
        #expect(Set(actionColumn.dropFirst(2)).count == 1, "rows align by display width: \(table)")
    }

    @Test func rowsFromExtraction() throws {
        let pipeline = try Pipeline.load()
        let extraction = pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: "2. Giao Sở Nội vụ chủ trì rà soát biên chế.\n"))
        let rows = TaskTable(extraction).rows
        #expect(rows.count == 1)
        #expect(rows.first?.assignees == ["Sở Nội vụ"])
        #expect(rows.first?.item == "2")
    }
}
