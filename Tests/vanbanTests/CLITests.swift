import Foundation
import Testing

/// End-to-end tests of the `vanban` binary: outputs, exit status and error lines.
struct CLITests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// The built binary next to the test bundle.
    static let binary: URL = {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("vanban"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vanban"),
                          root.appendingPathComponent(".build/debug/vanban")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    struct Run { let status: Int32; let stdout: Data; let stderr: String }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    static func corpusFiles() throws -> [String] {
        var files: [String] = []
        for set in ["seeds", "dev", "own"] {
            let folder = root.appendingPathComponent("Corpus/\(set)/docs")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            files += names.filter { $0.hasSuffix(".txt") }.sorted().map { "Corpus/\(set)/docs/\($0)" }
        }
        return files
    }

    /// Every record with a span in a vanban/1 object: the span's text must be the record's text.
    static func checkSpans(_ object: [String: Any], original: String) {
        // Spans count a CRLF as one line end, as a text-mode reader sees the file.
        let scalars = Array(original.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars)
        func visit(_ value: Any) {
            if let dict = value as? [String: Any] {
                if let span = dict["span"] as? [Int], let text = dict["text"] as? String {
                    #expect(span.count == 2 && span[0] <= span[1] && span[1] <= scalars.count)
                    if span.count == 2, span[0] <= span[1], span[1] <= scalars.count {
                        #expect(String(String.UnicodeScalarView(scalars[span[0]..<span[1]])) == text)
                    }
                }
                dict.values.forEach(visit)
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        visit(object)
    }

    @Test("extract --jsonl prints one valid vanban/1 object per corpus file, every span cutting its text")
    func extractCorpus() throws {
        let files = try Self.corpusFiles()
        #expect(files.count >= 20)
        let result = try Self.run(["extract", "--jsonl"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: 0x0A)
        #expect(lines.count == files.count)
        for (line, file) in zip(lines, files) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            #expect(object["schema"] as? String == "vanban/1")
            let source = try #require(object["source"] as? [String: Any])
            #expect(source["path"] as? String == file)
            #expect((source["sha256"] as? String)?.count == 64)
            let original = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            #expect(source["characters"] as? Int == original.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.count)
            #expect((object["documents"] as? [Any])?.isEmpty == false)
            Self.checkSpans(object, original: original)
        }
    }

    @Test("standard input is read as '-'")
    func stdin() throws {
        let result = try Self.run(["extract", "-"], stdin: Data("Thực hiện Kế hoạch số 6769/KH-UBND ngày 14/8/2018 của UBND tỉnh.".utf8))
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["source"] as? [String: Any])?["path"] as? String == "-")
    }

    func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("bad inputs: exit 1, one line on stderr naming the file, nothing on stdout", arguments: [
        ("empty.txt", [UInt8](), "empty file"),
        ("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "binary file"),
        ("bad.txt", Array("Số: 89/TB-UBND".utf8) + [0xFF, 0xFE, 0x41, 0x0A], "invalid UTF-8 at byte"),
    ] as [(String, [UInt8], String)])
    func badInput(name: String, bytes: [UInt8], message: String) throws {
        let path = try temporaryFile(name, bytes)
        let result = try Self.run(["extract", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains(path) && result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a missing path and a directory are bad input; other files are still extracted")
    func missingAndDirectory() throws {
        let result = try Self.run(["extract", "--jsonl", "no/such/file.txt", "Corpus", "Corpus/dev/docs/104.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/file.txt: no such file"))
        #expect(result.stderr.contains("Corpus: is a directory"))
        #expect(result.stdout.split(separator: 0x0A).count == 1, "the good file is still written")
    }

    @Test("misuse exits 2", arguments: [["extract", "--no-such-flag", "x"], ["extract"], ["frobnicate"]])
    func misuse(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("normalize prints the normalized text; tokenize prints JSON Lines with spans")
    func textLayer() throws {
        let path = try temporaryFile("n.txt", Array("Số: **294** /UBND\nV/v thực hiện Thông báo kết\nluận của Chủ tịch.".utf8))
        let normalized = try Self.run(["normalize", path])
        #expect(normalized.status == 0)
        #expect(String(decoding: normalized.stdout, as: UTF8.self) == "Số: 294/UBND\nV/v thực hiện Thông báo kết luận của Chủ tịch.\n")
        let sentences = try Self.run(["tokenize", "--sentences", path])
        let lines = sentences.stdout.split(separator: 0x0A)
        #expect(lines.count == 2)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            Self.checkSpans(object, original: original)
        }
    }

    @Test("--lexicons adds a user's own rows; a malformed user lexicon is one clear error line with file:line")
    func userLexicons() throws {
        let document = try temporaryFile("ioc.txt", Array("Giao IOC chủ trì triển khai hệ thống camera trước ngày 30/6/2025.\n".utf8))
        let folder = URL(fileURLWithPath: document).deletingLastPathComponent().appendingPathComponent("lexicons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("# User agencies\n# Source: test\nname\taliases\tkind\tlevel\nTrung tâm Điều hành Đô thị thông minh\tIOC\tcenter\tprovince\n".utf8)
            .write(to: folder.appendingPathComponent("agencies.tsv"))
        func agencies(_ run: Run) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            let documents = try #require(object["documents"] as? [[String: Any]])
            return (documents.first?["agencies"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        let plain = try Self.run(["extract", document])
        #expect(try !agencies(plain).contains("Trung tâm Điều hành Đô thị thông minh"))
        let extended = try Self.run(["extract", "--lexicons", folder.path, document])
        #expect(extended.status == 0)
        #expect(try agencies(extended).contains("Trung tâm Điều hành Đô thị thông minh"))

        try Data("name\taliases\tkind\tlevel\nX\tY\n".utf8).write(to: folder.appendingPathComponent("agencies.tsv"))
        let broken = try Self.run(["extract", "--lexicons", folder.path, document])
        #expect(broken.status == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("agencies.tsv:2: expected 4 tab-separated fields"), "\(broken.stderr)")
    }

    @Test("pathological repetitions are extracted without a crash", arguments: [
        ("Số ", 200_000, "once overflowed the stack through nested body parsing"),
        ("ngày ", 200_000, "date cues with nothing after them"),
        ("Giao Sở ", 100_000, "an assigning verb before endless bodies"),
        ("(", 100_000, "unclosed parentheses"),
        ("- ", 200_000, "an endless bullet"),
    ] as [(String, Int, String)])
    func pathological(unit: String, count: Int, reason: String) throws {
        let path = try temporaryFile("rep.txt", Array(String(repeating: unit, count: count).utf8))
        let result = try Self.run(["extract", path])
        #expect(result.status == 0, "\(reason): \(result.stderr.prefix(300))")
        #expect((try? JSONSerialization.jsonObject(with: result.stdout)) != nil, "\(reason)")
    }
}
