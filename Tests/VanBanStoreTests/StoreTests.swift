import Foundation
import Testing
import VanBanExport
import VanBanExtract
import VanBanLink
import VanBanText
@testable import VanBanStore

/// The store: schema, replace-on-change, skip-unchanged, failed files, search, tasks, errors.
struct StoreTests {
    static let pipeline = try! Pipeline.load()

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// A fresh folder for one test's database.
    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The records of a text as if read from `path`.
    static func records(_ text: String, path: String) throws -> FileRecords {
        let bytes = Array(text.utf8)
        let source = try pipeline.decoder.decode(bytes, path: path)
        return FileRecords(pipeline.extract(source), size: bytes.count)
    }

    static func corpusText(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static let coverLetter = "Corpus/seeds/docs/001_37b80a9612fe85b6.txt"

    @Test("a new store has every table, the schema name and a clean graph; it opens again and read-only")
    func schema() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        _ = try Store(path: path, readOnly: false)
        let store = try Store(path: path, readOnly: false)
        let tables = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["files", "documents", "documents_fts", "citations", "dates", "agencies", "people", "directives",
                      "nodes", "edges", "evidence", "meta"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let journal = try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        #expect(try store.graphIsDirty() == false)
        let reader = try Store(path: path, readOnly: true)
        #expect(try reader.counts() == StoreCounts())
    }

    @Test("a missing store, a directory and a non-store database are one clear error each")
    func openErrors() throws {
        let folder = try Self.temporaryFolder()
        #expect(throws: StoreError.self) { try Store(path: folder + "/missing.sqlite", readOnly: true) }
        do {
            _ = try Store(path: folder, readOnly: false)
            Issue.record("a directory opened as a store")
        } catch let error as StoreError {
            #expect(error.message.contains("directory"))
        }
        let text = folder + "/notes.sqlite"
        try Data("not a database at all, just text\n".utf8).write(to: URL(fileURLWithPath: text))
        do {
            _ = try Store(path: text, readOnly: false)
            Issue.record("a text file opened as a store")
        } catch let error as StoreError {
            #expect(error.message.contains("not a vanban store"), "\(error.message)")
        }
    }

    @Test("writing a file stores its documents and records; the same content again is left as it is")
    func writeAndSkipUnchanged() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        let records = try Self.records(try Self.corpusText(Self.coverLetter), path: Self.coverLetter)
        #expect(records.documents.count == 2)
        let first = try store.write([.extracted(records)])
        #expect(first.written == 1 && first.unchanged == 0)
        #expect(first.documents == 2)
        #expect(first.citations == records.documents.map(\.citations.count).reduce(0, +))
        #expect(try store.graphIsDirty())
        let dump = try store.canonicalDump()
        // What ingest compares before extracting: the sha256 of the file's bytes.
        let bytes = Array(try Self.corpusText(Self.coverLetter).utf8)
        #expect(try store.knownFiles()[Self.coverLetter] == SHA256.hex(bytes))
        let again = try store.write([.extracted(records)])
        #expect(again.written == 0 && again.unchanged == 1)
        #expect(try store.canonicalDump() == dump)
        let counts = try store.counts()
        #expect(counts.files == 1 && counts.documents == 2)
    }

    @Test("a changed file replaces its old records: nothing of the old text is left, in the tables or the index")
    func replaceOnChange() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        let original = try Self.corpusText(Self.coverLetter)
        try store.write([.extracted(try Self.records(original, path: "a.txt"))])
        #expect(try !store.search("Quang Ngai", limit: 5).isEmpty)
        let other = try Self.corpusText("Corpus/dev/docs/114.txt")
        let replacement = try Self.records(other, path: "a.txt")
        let counts = try store.write([.extracted(replacement)])
        #expect(counts.written == 1)
        let totals = try store.counts()
        #expect(totals.files == 1)
        #expect(totals.documents == replacement.documents.count)
        #expect(totals.citations == replacement.documents.map(\.citations.count).reduce(0, +))
        #expect(totals.directives == replacement.documents.map(\.directives.count).reduce(0, +))
        let ftsRows = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts") }
        #expect(ftsRows == replacement.documents.count)
        #expect(try store.search("Quang Ngai", limit: 5).isEmpty)
        #expect(try store.search("Tuyen Quang", limit: 5).map(\.path) == ["a.txt"])
        #expect(try store.tasks() == TaskTable(rows: replacement.documents.flatMap(\.directives)).rows)
    }

    @Test("a failed file is recorded with its reason and a later good read of the path replaces it")
    func failedFiles() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        let good = try Self.records(try Self.corpusText(Self.coverLetter), path: "b.txt")
        let counts = try store.write([.failed(path: "a.txt", sha256: nil, reason: "no such file"), .extracted(good),
                                      .failed(path: "c.txt", sha256: "00", reason: "binary data at byte 3")])
        #expect(counts.failed == 2 && counts.written == 1)
        let files = try store.files()
        #expect(files.map(\.path) == ["a.txt", "b.txt", "c.txt"])
        #expect(files.map(\.ok) == [false, true, false])
        #expect(files[0].reason == "no such file" && files[2].reason == "binary data at byte 3")
        #expect(files[1].documents == 2)
        try store.write([.extracted(try Self.records(try Self.corpusText(Self.coverLetter), path: "a.txt"))])
        #expect(try store.files().map(\.ok) == [true, true, false])
        // A path that fails now loses the records it had.
        try store.write([.failed(path: "b.txt", sha256: nil, reason: "no such file")])
        #expect(try store.counts().documents == 2)
    }

    @Test("search ignores tone marks, case and đ, ranks hits and shows the original accented text")
    func search() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        var batch: [IngestOutcome] = []
        for file in [Self.coverLetter, "Corpus/dev/docs/114.txt", "Corpus/own/docs/206.txt"] {
            batch.append(.extracted(try Self.records(try Self.corpusText(file), path: file)))
        }
        try store.write(batch)
        let hits = try store.search("cai cach hanh chinh", limit: 10)
        #expect(Set(hits.map(\.path)) == [Self.coverLetter, "Corpus/dev/docs/114.txt"])
        #expect(hits.allSatisfy { $0.snippet.lowercased().contains("«cải cách hành chính»") }, "\(hits.map(\.snippet))")
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.rank <= $1.rank })
        #expect(hits.allSatisfy { !$0.snippet.contains("\n") })
        // đ is folded in the index and in the query, both ways.
        let daNang = try store.search("da nang", limit: 10)
        // The phrase first; a document with đã … nâng apart comes after it.
        #expect(daNang.first?.path == "Corpus/own/docs/206.txt")
        #expect(daNang.first?.snippet.contains("«Đà Nẵng»") == true)
        #expect(try store.search("ĐÀ NẴNG", limit: 1).map(\.path) == ["Corpus/own/docs/206.txt"])
        #expect(try store.search("de xuat", limit: 10).contains { $0.snippet.contains("«đề xuất»") })
        #expect(try store.search("xyzzy", limit: 10).isEmpty)
        #expect(throws: StoreError.self) { try store.search("  --  ", limit: 10) }
        // Text stored in NFD (combining marks) is found and its snippet is the original text.
        let nfd = "Báo cáo về cải cách hành chính năm 2024 của Sở Nội vụ.\n".decomposedStringWithCanonicalMapping
        try store.write([.extracted(try Self.records(nfd, path: "nfd.txt"))])
        let nfdHit = try #require(try store.search("so noi vu", limit: 10).first { $0.path == "nfd.txt" })
        #expect(nfdHit.snippet.contains("«" + "Sở Nội vụ".decomposedStringWithCanonicalMapping + "»"))
    }

    @Test("tasks() returns the rows the task table gives for the same files, in path order")
    func tasks() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        var expected: [TaskTable.Row] = []
        var batch: [IngestOutcome] = []
        for file in ["Corpus/dev/docs/114.txt", Self.coverLetter] .sorted() {
            let bytes = Array(try Self.corpusText(file).utf8)
            let extraction = Self.pipeline.extract(try Self.pipeline.decoder.decode(bytes, path: file))
            expected += TaskTable(extraction).rows
            batch.append(.extracted(FileRecords(extraction, size: bytes.count)))
        }
        try store.write(batch.reversed())
        let rows = try store.tasks()
        #expect(!rows.isEmpty)
        #expect(rows == expected)
    }

    @Test("a read-only database is one clear error and the store is left as it was")
    func readOnlyDatabase() throws {
        let folder = try Self.temporaryFolder()
        let path = folder + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        try store.write([.extracted(try Self.records(try Self.corpusText(Self.coverLetter), path: "a.txt"))])
        let dump = try store.canonicalDump()
        // SQLite refusing the write (SQLITE_READONLY), whoever runs the test.
        let reader = try Store(path: path, readOnly: true)
        do {
            try reader.write([.failed(path: "a.txt", sha256: nil, reason: "gone")])
            Issue.record("a write through a read-only connection succeeded")
        } catch let error as StoreError {
            #expect(error.message == "\(path): the database is read-only (check the permissions of the file and its folder)")
        }
        #expect(try reader.canonicalDump() == dump)
        // A write-protected file (root may write it anyway: the CLI test runs that case as another user).
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
            do {
                _ = try Store(path: path, readOnly: false)
                Issue.record("a read-only database opened for writing")
            } catch let error as StoreError {
                #expect(error.message.contains("read-only") && !error.message.contains("\n"))
            }
        }
        #expect(try Store(path: path, readOnly: true).canonicalDump() == dump)
    }

    @Test("a full disk fails the batch with one clear line and keeps every batch written before it")
    func diskFull() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        try store.write([.extracted(try Self.records(try Self.corpusText(Self.coverLetter), path: "a.txt"))])
        let dump = try store.canonicalDump()
        // SQLite reports SQLITE_FULL when the database may not grow: the same as a full disk.
        try store.queue.inDatabase { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        var batch: [IngestOutcome] = []
        for file in ["Corpus/dev/docs/114.txt", "Corpus/dev/docs/107.txt", "Corpus/own/docs/214.txt"] {
            batch.append(.extracted(try Self.records(try Self.corpusText(file), path: file)))
        }
        do {
            try store.write(batch)
            Issue.record("a batch larger than the space left was written")
        } catch let error as StoreError {
            #expect(error.message == "\(path): the disk is full; the store keeps every batch written before this one")
        }
        #expect(try store.canonicalDump() == dump)
        #expect(try store.graphIsDirty())
    }

    /// Every corpus file's extraction, in path order.
    static func corpusExtractions() throws -> [(path: String, extraction: Extraction, size: Int)] {
        var result: [(String, Extraction, Int)] = []
        for set in ["seeds", "dev", "own"] {
            let folder = root.appendingPathComponent("Corpus/\(set)/docs")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") }).sorted() {
                let path = "Corpus/\(set)/docs/\(name)"
                let bytes = Array(try corpusText(path).utf8)
                result.append((path, pipeline.extract(try pipeline.decoder.decode(bytes, path: path)), bytes.count))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    @Test("the corpus graph from the store: 001's cover letter implements its 89/TB-UBND, which is ingested; other citations are nodes")
    func corpusGraph() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        let corpus = try Self.corpusExtractions()
        try store.write(corpus.map { .extracted(FileRecords($0.extraction, size: $0.size)) })
        // The store keeps what the linker needs: the documents rebuilt from it are the extractions'.
        let linkDocuments = corpus.flatMap { LinkDocument.documents(of: $0.extraction) }
        #expect(try store.linkDocuments() == linkDocuments)
        #expect(try store.graphIsDirty())
        try store.rebuildGraph(link: DocumentLinker.link)
        #expect(try store.graphIsDirty() == false)
        let graph = try store.graph()
        #expect(graph == DocumentLinker.link(linkDocuments))

        let letter = try #require(graph.nodes.first { $0.number == "294/UBND" && $0.source == Self.coverLetter })
        let notice = try #require(graph.nodes.first { $0.number == "89/TB-UBND" && $0.source == Self.coverLetter })
        #expect(letter.ingested && notice.ingested)
        #expect(graph.edges.contains { $0.from == letter.id && $0.to == notice.id && $0.relation == "implements" })
        // The notice's own citations are nodes, cited only.
        let cited = graph.edges.filter { $0.from == notice.id }
        #expect(!cited.isEmpty)
        for edge in cited {
            let node = try #require(graph.nodes.first { $0.id == edge.to })
            #expect(!node.ingested && node.source == nil)
        }
        // The same edges through cites / cited-by, numbers typed loosely.
        let cites = try store.cites("294/ubnd")
        #expect(cites.contains { $0.relation == "implements" && $0.other.number == "89/TB-UBND" && $0.other.ingested })
        #expect(cites.allSatisfy { $0.evidence.allSatisfy { $0.source == Self.coverLetter } })
        let citedBy = try store.citedBy("89/TB-UBND")
        #expect(citedBy.contains { $0.relation == "implements" && $0.other.number == "294/UBND" && $0.other.source == Self.coverLetter })
        #expect(try store.cites("89/TB-UBND").count == cited.count)
    }

    @Test("identical documents stored under two paths are one node; the graph follows a changed file")
    func identicalDocumentsAndRecompute() throws {
        let path = try Self.temporaryFolder() + "/s.sqlite"
        let store = try Store(path: path, readOnly: false)
        let text = try Self.corpusText(Self.coverLetter)
        try store.write([.extracted(try Self.records(text, path: "a/one.txt")), .extracted(try Self.records(text, path: "b/two.txt"))])
        try store.rebuildGraph(link: DocumentLinker.link)
        let graph = try store.graph()
        #expect(graph.nodes.filter(\.ingested).count == 2)
        #expect(graph.nodes.filter { $0.number == "89/TB-UBND" && $0.ingested }.map(\.source) == ["a/one.txt"])
        // A changed file marks the graph dirty; recomputing drops what only it held.
        try store.write([.extracted(try Self.records(try Self.corpusText("Corpus/dev/docs/114.txt"), path: "b/two.txt"))])
        #expect(try store.graphIsDirty())
        try store.rebuildGraph(link: DocumentLinker.link)
        let after = try store.graph()
        #expect(after.nodes.contains { $0.number == "87/KH-UBND" && $0.ingested && $0.source == "b/two.txt" })
        #expect(after.nodes.filter { $0.number == "89/TB-UBND" && $0.ingested }.map(\.source) == ["a/one.txt"])
    }
}
