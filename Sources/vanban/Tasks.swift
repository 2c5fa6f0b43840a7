import ArgumentParser
import Foundation
import VanBanExport
import VanBanExtract
import VanBanStore
import VanBanText

/// `vanban tasks FILE...`: the table of tasks (directives) of documents.
struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the table of tasks (directives) of documents.",
        discussion: """
            One row per directive: document number and date, item label (II.2), assignees, lead, \
            coordinating bodies, action text, deadline and due date, recurrence, report-to body and \
            span. --format table (the default) aligns columns for a terminal; csv is UTF-8 with a \
            byte-order mark and a header row, for spreadsheets; json is an array of row objects.

            --assignee matches the assignees and lead without accents or case, with abbreviations \
            spelled out ("so noi vu" finds "Sở Nội vụ", "ubnd tinh" finds "Ủy ban nhân dân tỉnh"). \
            --due-before keeps tasks due strictly before DATE; --overdue keeps tasks \
            whose due date has passed today (or --as-of DATE).

            Examples:
              vanban tasks Corpus/seeds/docs/*.txt
              vanban tasks Corpus/*/docs/*.txt --format csv > tasks.csv
              vanban tasks notice.txt --assignee "so noi vu" --due-before 2024-04-01
              vanban tasks notice.txt --overdue --as-of 2024-06-30
              vanban tasks --db vanban.sqlite --overdue          # every task in the store
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "Text files to read; '-' reads standard input.")
    var files: [String] = []

    @Option(help: "Read the tasks of every document in this store (from vanban ingest) instead of files.")
    var db: String?

    @Option(help: "Output format: table, csv or json.")
    var format: Format = .table

    @Option(help: "Keep tasks whose assignees or lead contain TEXT (accent- and case-insensitive).")
    var assignee: String?

    @Option(name: .customLong("due-before"), help: "Keep tasks due before DATE (YYYY-MM-DD).")
    var dueBefore: String?

    @Flag(help: "Keep tasks whose due date has passed (today, or --as-of).")
    var overdue = false

    @Option(name: .customLong("as-of"), help: "The day --overdue compares against (YYYY-MM-DD), default today.")
    var asOf: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty && db == nil { throw ValidationError("give at least one file, or '-' for standard input, or --db FILE") }
        if !files.isEmpty && db != nil { throw ValidationError("give files or --db, not both") }
        for (name, value) in [("--due-before", dueBefore), ("--as-of", asOf)] {
            if let value, !Self.isISODate(value) { throw ValidationError("\(name) needs a date as YYYY-MM-DD, got '\(value)'") }
        }
        if asOf != nil && !overdue { throw ValidationError("--as-of only goes with --overdue") }
    }

    /// `YYYY-MM-DD` with a real month and day.
    static func isISODate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(b[i] >= 0x30 && b[i] <= 0x39) { return false }
        guard let y = Int(s.prefix(4)), let m = Int(s.dropFirst(5).prefix(2)), let d = Int(s.suffix(2)) else { return false }
        guard (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    static func today() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    func run() throws {
        var rows: [TaskTable.Row] = []
        var failed = false
        let reference = overdue ? (asOf ?? Self.today()) : nil
        func keep(_ row: TaskTable.Row) -> Bool {
            if let assignee, !TaskTable.matches(row, assignee: assignee) { return false }
            if let dueBefore, !(row.due.map { $0 < dueBefore } ?? false) { return false }
            if let reference, !(row.due.map { $0 < reference } ?? false) { return false }
            return true
        }
        if let db {
            let store = try Ingest.open(db, readOnly: true)
            rows = try Ingest.storeCall { try store.tasks() }.filter(keep)
        } else {
            let pipeline = try InputReader.pipeline(input)
            try BatchRunner.run(files, pipeline: pipeline) { _, result in
                switch result {
                case .failure(let failure):
                    Output.error(failure.message)
                    failed = true
                case .success(let extraction):
                    rows += TaskTable(extraction).rows.filter(keep)
                }
            }
        }
        let table = TaskTable(rows: rows)
        switch format {
        case .csv: Output.write(table.csv())
        case .json: Output.write(table.json())
        case .table: Output.write(table.text())
        }
        if failed { throw ExitCode(1) }
    }
}
