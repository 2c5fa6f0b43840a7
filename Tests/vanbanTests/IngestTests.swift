import Foundation
import Testing
import VanBanStore

/// `vanban ingest`, `search`, `tasks --db` end to end through the built binary: skipping,
/// re-extraction, failed files, kill -9 and rerun, concurrent runs, a read-only database.
@Suite(.serialized)
struct IngestTests {
    typealias Run = CLITests.Run

    static func run(_ arguments: [String], executable: URL = CLITests.binary) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLITests.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr on another thread so that neither pipe fills up and blocks the process.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let done = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async { errBox.data = errHandle.readDataToEndOfFile(); done.signal() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The summary line of an ingest's stderr.
    static func summary(_ run: Run) -> String {
        run.stderr.split(separator: "\n").last { $0.hasPrefix("ingest: ") }.map(String.init) ?? ""
    }

    /// `count` files made from the corpus, each with a line of its own so that none is identical.
    static func copies(_ count: Int, into folder: URL) throws -> [URL] {
        let corpus = try CLITests.corpusFiles()
        var urls: [URL] = []
        for k in 0..<count {
            let source = CLITests.root.appendingPathComponent(corpus[k % corpus.count])
            let text = try String(contentsOf: source, encoding: .utf8)
            let sub = folder.appendingPathComponent("batch\(k / 100)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let url = sub.appendingPathComponent(String(format: "copy%04d.txt", k))
            try Data((text + "\nBản sao số \(k) lưu tại kho lưu trữ.\n").utf8).write(to: url)
            urls.append(url)
        }
        return urls
    }

    @Test("ingest the corpus: summary on stderr, nothing on stdout; a second run skips every file and changes nothing")
    func ingestAndSkip() throws {
        let db = try Self.folder().appendingPathComponent("v.sqlite").path
        let corpus = try CLITests.corpusFiles()
        let first = try Self.run(["ingest", "--db", db, "Corpus"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        #expect(Self.summary(first).hasPrefix("ingest: \(corpus.count) files (\(corpus.count) written, 0 unchanged, 0 failed)"),
                "\(first.stderr)")
        let store = try Store(path: db, readOnly: true)
        let counts = try store.counts()
        #expect(counts.files == corpus.count && counts.failedFiles == 0)
        #expect(counts.documents >= corpus.count && counts.citations > 100 && counts.directives > 100)
        #expect(Set(try store.files().map(\.path)) == Set(corpus))
        let dump = try store.canonicalDump()
        let second = try Self.run(["ingest", "--db", db, "Corpus"])
        #expect(second.status == 0)
        #expect(Self.summary(second).hasPrefix("ingest: \(corpus.count) files (0 written, \(corpus.count) unchanged, 0 failed), 0 documents"),
                "\(second.stderr)")
        #expect(try store.canonicalDump() == dump)

        // The graph was computed at the end of the run: cites and cited-by read it.
        #expect(Self.summary(first).contains("; graph of "))
        let cites = try Self.run(["cites", "--db", db, "294/UBND"])
        #expect(cites.status == 0 && cites.stderr.isEmpty)
        let citeLines = String(decoding: cites.stdout, as: UTF8.self).split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(citeLines.contains { $0.count == 6 && $0[0] == "implements" && $0[1] == "89/TB-UBND" && $0[4] == "ingested"
            && $0[5].hasPrefix("Corpus/seeds/docs/001_37b80a9612fe85b6.txt:") })
        let citedBy = try Self.run(["cited-by", "--db", db, "89/tb-ubnd", "--json"])
        #expect(citedBy.status == 0)
        let edges = try #require(try JSONSerialization.jsonObject(with: citedBy.stdout) as? [[String: Any]])
        #expect(edges.contains { ($0["relation"] as? String) == "implements" && (($0["from"] as? [String: Any])?["number"] as? String) == "294/UBND" })
        #expect(counts.nodes > counts.documents && counts.edges > 100)

        // Search, tasks --db over the store.
        let search = try Self.run(["search", "--db", db, "cai cach hanh chinh", "--limit", "3"])
        #expect(search.status == 0)
        let lines = String(decoding: search.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 3 && $0.lowercased().contains("«cải cách hành chính»") })
        let fromStore = try Self.run(["tasks", "--db", db, "--format", "json"])
        let fromFiles = try Self.run(["tasks", "--format", "json"] + corpus.sorted())
        #expect(fromStore.status == 0 && fromFiles.status == 0)
        #expect(fromStore.stdout == fromFiles.stdout)
        let overdue = try Self.run(["tasks", "--db", db, "--overdue", "--as-of", "2020-01-01", "--format", "csv"])
        #expect(overdue.status == 0 && overdue.stdout.count > 100)
    }

    @Test("a changed file is extracted again and replaces its records; the others are skipped")
    func changedFile() throws {
        let folder = try Self.folder()
        let files = try Self.copies(3, into: folder.appendingPathComponent("docs"))
        let db = folder.appendingPathComponent("v.sqlite").path
        #expect(try Self.run(["ingest", "--db", db, folder.appendingPathComponent("docs").path]).status == 0)
        #expect(try Store(path: db, readOnly: true).search("qxz7731", limit: 5).isEmpty)
        var text = try String(contentsOf: files[1], encoding: .utf8)
        text = text.replacingOccurrences(of: "Bản sao số 1 ", with: "Bản sao gửi kho QXZ7731 ")
        try Data(text.utf8).write(to: files[1])
        let rerun = try Self.run(["ingest", "--db", db, folder.appendingPathComponent("docs").path])
        #expect(rerun.status == 0)
        #expect(Self.summary(rerun).hasPrefix("ingest: 3 files (1 written, 2 unchanged, 0 failed)"), "\(rerun.stderr)")
        let store = try Store(path: db, readOnly: true)
        #expect(try store.search("qxz7731", limit: 5).map(\.path) == [files[1].path])
        #expect(try store.search("ban sao so 1 luu tai kho", limit: 5).allSatisfy { !$0.snippet.contains("«Bản sao số 1 lưu tại kho") })
        #expect(try store.search("ban sao so 2 luu tai kho", limit: 5).first?.snippet.contains("«Bản sao số 2 lưu tại kho") == true)
        #expect(try store.counts().files == 3)
    }

    @Test("--no-graph leaves the graph dirty (cites warns); the next run computes it though every file is unchanged")
    func deferredGraph() throws {
        let folder = try Self.folder()
        let docs = folder.appendingPathComponent("docs")
        _ = try Self.copies(2, into: docs)
        let db = folder.appendingPathComponent("v.sqlite").path
        let first = try Self.run(["ingest", "--no-graph", "--db", db, docs.path])
        #expect(first.status == 0 && !Self.summary(first).contains("graph of"))
        #expect(try Store(path: db, readOnly: true).graphIsDirty())
        let stale = try Self.run(["cites", "--db", db, "294/UBND"])
        #expect(stale.status == 0 && stale.stdout.isEmpty)
        #expect(stale.stderr == "vanban: \(db): the graph is older than the stored files; run vanban ingest to recompute it\n")
        let second = try Self.run(["ingest", "--db", db, docs.path])
        #expect(Self.summary(second).contains("(0 written, 2 unchanged, 0 failed)") && Self.summary(second).contains("graph of"))
        #expect(try Store(path: db, readOnly: true).graphIsDirty() == false)
        let cites = try Self.run(["cites", "--db", db, "294/UBND"])
        #expect(cites.stderr.isEmpty && String(decoding: cites.stdout, as: UTF8.self).contains("implements\t89/TB-UBND\t"))
    }

    @Test("bad files are recorded as failed with their reason, the batch goes on, exit status 1")
    func badFiles() throws {
        let folder = try Self.folder()
        let docs = folder.appendingPathComponent("docs")
        let good = try Self.copies(2, into: docs)
        try Data([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x9C, 0x00]).write(to: docs.appendingPathComponent("binary.txt"))
        try Data().write(to: docs.appendingPathComponent("empty.txt"))
        let db = folder.appendingPathComponent("v.sqlite").path
        let missing = folder.appendingPathComponent("missing.txt").path
        let run = try Self.run(["ingest", "--db", db, docs.path, missing])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(Self.summary(run).hasPrefix("ingest: 5 files (2 written, 0 unchanged, 3 failed)"), "\(run.stderr)")
        #expect(run.stderr.contains("vanban: \(missing): no such file"))
        let files = try Store(path: db, readOnly: true).files()
        #expect(files.count == 5)
        #expect(Set(files.filter(\.ok).map(\.path)) == Set(good.map(\.path)))
        for failed in files where !failed.ok {
            #expect(!(failed.reason ?? "").isEmpty, "\(failed.path) has no reason")
        }
    }

    /// Waits until the store at `db` holds at least `count` files (or the process ends).
    static func waitForFiles(_ db: String, atLeast count: Int, process: Process) -> Int {
        for _ in 0..<2000 {
            if FileManager.default.fileExists(atPath: db), let store = try? Store(path: db, readOnly: true),
               let n = try? store.counts().files, n >= count {
                return n
            }
            if !process.isRunning { return -1 }
            usleep(20_000)
        }
        return -1
    }

    /// Starts the tool in the background, its stderr into `stderr` (a file) when given.
    static func start(_ arguments: [String], stderr: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    @Test("kill -9 in the middle of an ingest, then a rerun: the same store as one clean run")
    func killAndRerun() throws {
        let folder = try Self.folder()
        let docs = folder.appendingPathComponent("docs")
        _ = try Self.copies(400, into: docs)
        let db = folder.appendingPathComponent("killed.sqlite").path
        let process = try Self.start(["ingest", "--db", db, "--jobs", "2", docs.path])
        let written = Self.waitForFiles(db, atLeast: 1, process: process)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(written > 0, "the ingest ended before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        let partial = try Store(path: db, readOnly: true).counts().files
        #expect(partial > 0 && partial < 400, "killed after \(partial) files")
        let rerun = try Self.run(["ingest", "--db", db, docs.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(Self.summary(rerun).contains("(\(400 - partial) written, \(partial) unchanged, 0 failed)"), "\(rerun.stderr)")
        let clean = folder.appendingPathComponent("clean.sqlite").path
        #expect(try Self.run(["ingest", "--db", clean, docs.path]).status == 0)
        let a = try Store(path: db, readOnly: true).canonicalDump()
        let b = try Store(path: clean, readOnly: true).canonicalDump()
        #expect(a == b)
        #expect(a.contains("copy0399.txt"))
    }

    @Test("two ingests at once on one database both finish and leave the same store as one run")
    func concurrentIngests() throws {
        let folder = try Self.folder()
        let docs = folder.appendingPathComponent("docs")
        _ = try Self.copies(120, into: docs)
        let db = folder.appendingPathComponent("shared.sqlite").path
        let errors = [folder.appendingPathComponent("one.err"), folder.appendingPathComponent("two.err")]
        let one = try Self.start(["ingest", "--db", db, "--jobs", "1", docs.path], stderr: errors[0])
        let two = try Self.start(["ingest", "--db", db, "--jobs", "1", docs.appendingPathComponent("batch1").path,
                                  docs.appendingPathComponent("batch0").path], stderr: errors[1])
        one.waitUntilExit()
        two.waitUntilExit()
        let messages = try errors.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(one.terminationStatus == 0, "\(messages[0])")
        #expect(two.terminationStatus == 0, "\(messages[1])")
        let clean = folder.appendingPathComponent("clean.sqlite").path
        #expect(try Self.run(["ingest", "--db", clean, docs.path]).status == 0)
        #expect(try Store(path: db, readOnly: true).canonicalDump() == Store(path: clean, readOnly: true).canonicalDump())
    }

    @Test("a read-only database file is one clear line and exit 1")
    func readOnlyDatabase() throws {
        let folder = try Self.folder()
        let db = folder.appendingPathComponent("v.sqlite").path
        let docs = folder.appendingPathComponent("docs")
        _ = try Self.copies(2, into: docs)
        #expect(try Self.run(["ingest", "--db", db, docs.path]).status == 0)
        let dump = try Store(path: db, readOnly: true).canonicalDump()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: docs.path)
        try Data("Thông báo mới của UBND tỉnh.\n".utf8).write(to: docs.appendingPathComponent("new.txt"))
        // Root writes a read-only file anyway: run the tool as nobody then.
        let arguments = ["ingest", "--db", db, docs.path]
        let run = getuid() == 0
            ? try Self.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLITests.binary.path] + arguments,
                           executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            : try Self.run(arguments)
        #expect(run.status == 1)
        #expect(run.stderr == "vanban: \(db): the database is read-only (check the permissions of the file)\n")
        #expect(run.stdout.isEmpty)
        #expect(try Store(path: db, readOnly: true).canonicalDump() == dump)
    }
}
