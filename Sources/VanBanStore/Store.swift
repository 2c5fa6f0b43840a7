import Foundation
import GRDB
import VanBanExport
import VanBanLink
import VanBanText

/// The embedded SQLite store (GRDB): ingested files and their records, the full-text index and
/// the cross-reference graph.
///
/// The database is in WAL mode with a busy timeout, so readers never block the writer and
/// concurrent writers (two `vanban ingest` runs) wait for each other instead of failing. Every
/// batch of files is written in one transaction, so a process killed at any point leaves the
/// store as it was after the last committed batch.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the connection. Switching a file to WAL needs it alone for a moment, and SQLite
    /// answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at once, without the busy handler,
    /// while another process has it open (two `vanban ingest` runs starting together): a busy
    /// open is retried for up to a minute.
    private static func openQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        let deadline = Date().addingTimeInterval(60)
        while true {
            do {
                return try DatabaseQueue(path: path, configuration: configuration)
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Opens the store at `path`. Read-write creates it (and migrates it to the current schema);
    /// read-only requires an existing store.
    public init(path: String, readOnly: Bool) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(120)
        config.label = "vanban-store"
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError("\(path): is a directory, not a database") }
        if readOnly {
            guard exists else { throw StoreError("\(path): no store here (run vanban ingest first, or give --db FILE)") }
            config.readonly = true
        } else {
            config.journalMode = .wal
            // A page cache of 32 MB for the writer: index pages of a large store stay in memory
            // instead of being read again for every batch (a fixed amount: memory stays flat).
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -32768") }
            if exists, !fm.isWritableFile(atPath: path) {
                throw StoreError("\(path): the database is read-only (check the permissions of the file)")
            }
            let folder = (path as NSString).deletingLastPathComponent
            let dir = folder.isEmpty ? "." : folder
            if !fm.isWritableFile(atPath: dir) {
                throw StoreError("\(path): the folder \(dir) is not writable (SQLite needs it for its journal)")
            }
        }
        do {
            queue = try Self.openQueue(path: path, configuration: config)
            if readOnly {
                try queue.read { db in
                    guard try db.tableExists("meta"),
                          try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == StoreSchema.name
                    else { throw StoreError("\(path): not a vanban store") }
                    if try !StoreSchema.migrator.hasCompletedMigrations(db) {
                        throw StoreError("\(path): the store has an older schema; open it once with vanban ingest to migrate it")
                    }
                }
            } else {
                try queue.read { db in
                    if try db.tableExists("files") && !db.tableExists("meta") { throw StoreError("\(path): not a vanban store") }
                    if try !db.tableExists("meta") && (Int.fetchOne(db, sql: """
                        SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                        """) ?? 0) > 0 {
                        throw StoreError("\(path): not a vanban store (a database with other tables)")
                    }
                }
                // Another process creating or migrating the same store at the same moment may win
                // the race (SQLite refuses the loser's write at once): wait for its migration.
                var attempts = 0
                while true {
                    do {
                        try StoreSchema.migrator.migrate(queue)
                        break
                    } catch {
                        if (try? queue.read({ db in try StoreSchema.migrator.hasCompletedMigrations(db) })) == true { break }
                        attempts += 1
                        if attempts >= 100 { throw error }
                        usleep(100_000)
                    }
                }
            }
        } catch {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Runs a database operation, turning SQLite errors into one-line store errors.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StoreError.wrap(error, path: path) }
    }

    // MARK: Files

    /// Path → sha256 of every file stored with a known content (ok, or failed after reading).
    public func knownFiles() throws -> [String: String] {
        try guarded {
            try queue.read { db in
                var known: [String: String] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT path, sha256 FROM files WHERE sha256 IS NOT NULL")
                while let row = try rows.next() { known[row[0]] = row[1] }
                return known
            }
        }
    }

    /// What `write` did with a batch.
    public struct WriteCounts: Sendable, Equatable {
        public var written = 0
        public var failed = 0
        public var unchanged = 0
        public var documents = 0
        public var citations = 0
        public var directives = 0
        public init() {}
    }

    /// Writes a batch of outcomes in one transaction: each extracted or failed file replaces
    /// whatever its path held; a file found unchanged (here or by a concurrent run) is left as
    /// it is. Marks the graph dirty in the same transaction.
    @discardableResult
    public func write(_ batch: [IngestOutcome]) throws -> WriteCounts {
        try guarded {
            var counts = WriteCounts()
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let writer = try StoreWriter(db)
                    let now = ISO8601DateFormatter().string(from: Date())
                    var changed = false
                    for outcome in batch {
                        switch outcome {
                        case .unchanged:
                            counts.unchanged += 1
                        case .failed(let path, let sha, let reason):
                            try writer.remove(path: path)
                            try writer.insertFailed(path: path, sha256: sha, reason: reason, at: now)
                            counts.failed += 1
                            changed = true
                        case .extracted(let records):
                            if try writer.isStored(path: records.path, sha256: records.sha256) {
                                counts.unchanged += 1
                                continue
                            }
                            try writer.remove(path: records.path)
                            try writer.insert(records, at: now)
                            counts.written += 1
                            counts.documents += records.documents.count
                            for d in records.documents {
                                counts.citations += d.citations.count
                                counts.directives += d.directives.count
                            }
                            changed = true
                        }
                    }
                    if changed { try writer.markGraphDirty() }
                    return .commit
                }
            }
            return counts
        }
    }

    /// Per-file status: ok, or failed with its reason.
    public struct FileStatus: Sendable, Equatable {
        public var path: String
        public var sha256: String?
        public var ok: Bool
        public var reason: String?
        public var documents: Int
    }

    /// Every stored file, sorted by path.
    public func files() throws -> [FileStatus] {
        try guarded {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT f.path, f.sha256, f.status, f.reason, (SELECT count(*) FROM documents d WHERE d.file_id = f.id)
                    FROM files f ORDER BY f.path
                    """).map { FileStatus(path: $0[0], sha256: $0[1], ok: ($0[2] as String) == "ok", reason: $0[3], documents: $0[4]) }
            }
        }
    }

    // MARK: Graph

    /// True when files changed since the graph tables were last computed.
    public func graphIsDirty() throws -> Bool {
        try guarded { try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'graph_dirty'") == "1" } }
    }

    /// The documents of every stored file as the link stage sees them, files in path order.
    public func linkDocuments() throws -> [LinkDocument] {
        try guarded { try queue.read { db in try Self.linkDocuments(db) } }
    }

    static func linkDocuments(_ db: Database) throws -> [LinkDocument] {
        // Types, issuers, dates and relations repeat across thousands of rows: one copy of each.
        var pool: [String: String] = [:]
        func interned(_ value: String?) -> String? {
            guard let value else { return nil }
            if let existing = pool[value] { return existing }
            pool[value] = value
            return value
        }
        var citations: [Int64: [LinkCitation]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT document_id, span_start, span_end, number, type, type_code, issuer_code, year, date, issuer, relation
            FROM citations ORDER BY document_id, seq
            """)
        while let r = try rows.next() {
            citations[r[0], default: []].append(LinkCitation(span: Span(r[1], r[2]), number: r[3], type: interned(r[4]),
                                                             typeCode: interned(r[5]), issuerCode: interned(r[6]), year: r[7],
                                                             date: interned(r[8]), issuer: interned(r[9]), relation: interned(r[10])!))
        }
        var documents: [LinkDocument] = []
        let docs = try Row.fetchCursor(db, sql: """
            SELECT d.id, f.path, f.sha256, d.idx, d.span_start, d.span_end, d.text_sha256, d.number, d.type, d.type_code, d.issuer, d.date
            FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.idx
            """)
        while let r = try docs.next() {
            documents.append(LinkDocument(source: r[1], fileSHA256: r[2], index: r[3], span: Span(r[4], r[5]), textSHA256: r[6],
                                          number: r[7], type: interned(r[8]), typeCode: interned(r[9]), issuer: interned(r[10]),
                                          date: interned(r[11]), citations: citations.removeValue(forKey: r[0]) ?? []))
        }
        return documents
    }

    /// Recomputes the graph tables with `link` from the stored documents, in one transaction
    /// that also clears the dirty flag (a run killed before it leaves the flag set, and the next
    /// run recomputes).
    public func rebuildGraph(link: ([LinkDocument]) throws -> DocumentGraph) throws {
        try guarded {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let graph = try link(try Self.linkDocuments(db))
                    try db.execute(sql: "DELETE FROM evidence; DELETE FROM edges; DELETE FROM nodes;")
                    let node = try db.cachedStatement(sql: """
                        INSERT INTO nodes (id, number, number_key, type, issuer, date, ingested, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    for n in graph.nodes {
                        try node.execute(arguments: [n.id, n.number, n.number.map(FoldedText.numberKey), n.type, n.issuer, n.date,
                                                     n.ingested, n.source])
                    }
                    let edge = try db.cachedStatement(sql: "INSERT INTO edges (from_id, to_id, relation) VALUES (?, ?, ?)")
                    let evidence = try db.cachedStatement(sql: "INSERT INTO evidence (edge_id, source, span_start, span_end) VALUES (?, ?, ?, ?)")
                    for e in graph.edges {
                        try edge.execute(arguments: [e.from, e.to, e.relation])
                        let id = db.lastInsertedRowID
                        for x in e.evidence { try evidence.execute(arguments: [id, x.source, x.span.start, x.span.end]) }
                    }
                    try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'graph_dirty'")
                    return .commit
                }
            }
        }
    }

    /// The cross-reference graph as last computed (nodes and edges sorted by id).
    public func graph() throws -> DocumentGraph {
        try guarded {
            try queue.read { db in
                let nodes = try Row.fetchAll(db, sql: "SELECT id, number, type, issuer, date, ingested, source FROM nodes ORDER BY id").map {
                    DocumentGraph.Node(id: $0[0], number: $0[1], type: $0[2], issuer: $0[3], date: $0[4], ingested: $0[5], source: $0[6])
                }
                var evidence: [Int64: [DocumentGraph.Evidence]] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT edge_id, source, span_start, span_end FROM evidence") {
                    evidence[r[0], default: []].append(DocumentGraph.Evidence(source: r[1], span: Span(r[2], r[3])))
                }
                let edges = try Row.fetchAll(db, sql: "SELECT id, from_id, to_id, relation FROM edges ORDER BY from_id, to_id, relation").map {
                    DocumentGraph.Edge(from: $0[1], to: $0[2], relation: $0[3], evidence: (evidence[$0[0]] ?? []).sorted())
                }
                return DocumentGraph(nodes: nodes, edges: edges)
            }
        }
    }

    // MARK: Tasks

    /// Every directive in the store as task-table rows, files in path order, documents and
    /// directives in text order.
    public func tasks() throws -> [TaskTable.Row] {
        try guarded {
            try queue.read { db in
                var result: [TaskTable.Row] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT f.path, d.number, d.date, x.item, x.verb, x.assignees, x.lead, x.coordinate, x.action, x.deadline, x.due,
                           x.recurrence, x.report_to, x.span_start, x.span_end
                    FROM directives x JOIN documents d ON d.id = x.document_id JOIN files f ON f.id = d.file_id
                    ORDER BY f.path, d.idx, x.seq
                    """)
                while let r = try rows.next() {
                    result.append(TaskTable.Row(source: r[0], documentNumber: r[1], documentDate: r[2], item: r[3], verb: r[4],
                                                assignees: StoreWriter.list(r[5]), lead: StoreWriter.list(r[6]),
                                                coordinate: StoreWriter.list(r[7]), action: r[8], deadline: r[9], due: r[10],
                                                recurrence: r[11], reportTo: r[12], span: Span(r[13], r[14])))
                }
                return result
            }
        }
    }
}
