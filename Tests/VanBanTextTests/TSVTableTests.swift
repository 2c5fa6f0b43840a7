import Testing
@testable import VanBanText

/// The lexicon file format: comments, one header, tab-separated rows, strict field counts.
struct TSVTableTests {
    @Test("rows keep their fields and 1-based lines; comments, blank lines, a BOM and CRLF line ends are handled")
    func parsesRows() throws {
        let contents = "\u{FEFF}# source: test\r\nphrase\tkind\r\n\r\nSở Nội vụ\tagency\r\n# a comment\nỦy ban nhân dân\t\n"
        let table = try TSVTable(contents: contents, path: "t.tsv")
        #expect(table.columns == ["phrase", "kind"])
        #expect(table.rows.map(\.fields) == [["Sở Nội vụ", "agency"], ["Ủy ban nhân dân", ""]])
        #expect(table.rows.map(\.line) == [4, 6])
        #expect(try table.column("kind") == 1)
    }

    @Test("a row with the wrong number of fields, a missing header or column is an error at its line")
    func rejectsBadTables() throws {
        do {
            _ = try TSVTable(contents: "# c\na\tb\nx\ty\nonly one\n", path: "bad.tsv")
            Issue.record("accepted a short row")
        } catch {
            #expect(error.line == 4)
            #expect(error.path == "bad.tsv")
        }
        #expect(throws: LexiconError.self) { try TSVTable(contents: "# only comments\n\n", path: "empty.tsv") }
        let table = try TSVTable(contents: "a\tb\n", path: "t.tsv")
        #expect(throws: LexiconError.self) { try table.column("c") }
    }
}
