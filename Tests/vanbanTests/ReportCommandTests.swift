import Foundation
import Testing

/// `vanban report` through the binary: pages written, exit status and error lines.
struct ReportCommandTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a corpus file's report is written with -o: exit 0, nothing on stdout or stderr, a whole page")
    func documentReport() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let result = try CLITests.run(["report", "Corpus/own/docs/201.txt", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<dt>Number</dt><dd>187/TB-UBND</dd>"))
        #expect(html.contains("<table id=\"tasks\">"))
    }

    @Test("without -o the page goes to stdout")
    func stdout() throws {
        let result = try CLITests.run(["report", "-"], stdin: Data("Số: 12/TB-UBND\nGiao Sở Nội vụ <chủ trì> & báo cáo.\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let html = String(decoding: result.stdout, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("&lt;chủ trì&gt; &amp; báo cáo"))
    }

    @Test("a missing file: exit 1, one line on stderr, no page written")
    func missing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.html").path
        let result = try CLITests.run(["report", "Corpus/no-such-file.txt", "-o", output])
        #expect(result.status == 1)
        #expect(result.stderr == "vanban: Corpus/no-such-file.txt: no such file\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("an output that cannot be written: exit 1, one line")
    func unwritable() throws {
        let result = try CLITests.run(["report", "Corpus/own/docs/201.txt", "-o", "/nonexistent-folder/report.html"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("vanban: /nonexistent-folder/report.html: cannot write the report"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test("misuse: two files without --corpus, a bad --as-of, --db with files: exit 2")
    func misuse() throws {
        for arguments in [["report", "Corpus/own/docs/201.txt", "Corpus/own/docs/202.txt"],
                          ["report", "--corpus", "Corpus/own/docs", "--as-of", "2024-02-30"],
                          ["report", "--db", "x.sqlite", "Corpus/own/docs/201.txt"],
                          ["report"]] {
            let result = try CLITests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a corpus report from a folder: the graph's nodes, the lists, overdue as of the date given")
    func corpus() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("corpus.html").path
        let result = try CLITests.run(["report", "--corpus", "Corpus/own/docs", "--as-of", "2024-06-30", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let ingested = html.components(separatedBy: "<g class=\"n ing\"").count - 1
        #expect(ingested >= 20, "one node per own document at least")
        #expect(html.contains("<section class=\"list\" id=\"most-cited\">"))
        #expect(html.contains("Overdue tasks as of 2024-06-30"))
    }

    @Test("--db: a missing store is one line and exit 1")
    func missingStore() throws {
        let result = try CLITests.run(["report", "--db", "/nonexistent-folder/store.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("vanban: /nonexistent-folder/store.sqlite: "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}
