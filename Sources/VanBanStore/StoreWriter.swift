import GRDB
import VanBanText

/// Writes files' records with prepared (cached) statements inside the caller's transaction.
struct StoreWriter {
    let db: Database
    let insertFile: Statement
    let insertDocument: Statement
    let insertText: Statement
    let insertCitation: Statement
    let insertDate: Statement
    let insertAgency: Statement
    let insertPerson: Statement
    let insertDirective: Statement

    init(_ db: Database) throws {
        self.db = db
        insertFile = try db.cachedStatement(sql: """
            INSERT INTO files (path, sha256, size, encoding, status, reason, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertDocument = try db.cachedStatement(sql: """
            INSERT INTO documents (file_id, idx, span_start, span_end, text_sha256, number, number_key, symbol, type, type_code,
                                   issuer, place, date, subject, signer, signer_position, draft, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertText = try db.cachedStatement(sql: "INSERT INTO documents_fts (rowid, folded) VALUES (?, ?)")
        insertCitation = try db.cachedStatement(sql: """
            INSERT INTO citations (document_id, seq, span_start, span_end, number, number_key, symbol, type, type_code, issuer_code,
                                   year, date, issuer, relation, text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertDate = try db.cachedStatement(sql: """
            INSERT INTO dates (document_id, seq, span_start, span_end, value, precision, role, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertAgency = try db.cachedStatement(sql: """
            INSERT INTO agencies (document_id, seq, span_start, span_end, name, kind, level, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPerson = try db.cachedStatement(sql: """
            INSERT INTO people (document_id, seq, span_start, span_end, name, position, text) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertDirective = try db.cachedStatement(sql: """
            INSERT INTO directives (document_id, seq, span_start, span_end, item, verb, assignees, lead, coordinate, action,
                                    deadline, due, recurrence, report_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Lists of names are stored joined by U+001F (a unit separator no name contains).
    static let separator = "\u{1F}"
    static func joined(_ list: [String]) -> String { list.joined(separator: separator) }
    static func list(_ stored: String) -> [String] {
        stored.isEmpty ? [] : stored.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
    }

    /// True when the path is stored, ok, with this content.
    func isStored(path: String, sha256: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM files WHERE path = ? AND sha256 = ? AND status = 'ok'", arguments: [path, sha256]) ?? false
    }

    /// Removes a path's file row and everything read from it (documents cascade; the FTS rows by hand).
    func remove(path: String) throws {
        guard let fileID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM files WHERE path = ?"), arguments: [path]) else { return }
        try db.execute(sql: "DELETE FROM documents_fts WHERE rowid IN (SELECT id FROM documents WHERE file_id = ?)", arguments: [fileID])
        try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [fileID])
    }

    func insertFailed(path: String, sha256: String?, reason: String, at time: String) throws {
        try insertFile.execute(arguments: [path, sha256, nil, nil, "failed", reason, time])
    }

    func insert(_ r: FileRecords, at time: String) throws {
        try insertFile.execute(arguments: [r.path, r.sha256, r.size, r.encoding, "ok", nil, time])
        let fileID = db.lastInsertedRowID
        for d in r.documents {
            try insertDocument.execute(arguments: [
                fileID, d.index, d.span.start, d.span.end, d.textSHA256, d.number, d.number.map(FoldedText.numberKey), d.symbol,
                d.type, d.typeCode, d.issuer, d.place, d.date, d.subject, d.signer, d.signerPosition, d.draft, d.text,
            ])
            let id = db.lastInsertedRowID
            try insertText.execute(arguments: [id, d.folded])
            for (seq, c) in d.citations.enumerated() {
                try insertCitation.execute(arguments: [
                    id, seq, c.span.start, c.span.end, c.number, FoldedText.numberKey(c.number), c.symbol, c.type, c.typeCode,
                    c.issuerCode, c.year, c.date, c.issuer, c.relation, c.text,
                ])
            }
            for (seq, m) in d.dates.enumerated() {
                try insertDate.execute(arguments: [id, seq, m.span.start, m.span.end, m.fields[0], m.fields[1], m.fields[2], m.text])
            }
            for (seq, m) in d.agencies.enumerated() {
                try insertAgency.execute(arguments: [id, seq, m.span.start, m.span.end, m.fields[0], m.fields[1], m.fields[2], m.text])
            }
            for (seq, m) in d.people.enumerated() {
                try insertPerson.execute(arguments: [id, seq, m.span.start, m.span.end, m.fields[0], m.fields[1], m.text])
            }
            for (seq, x) in d.directives.enumerated() {
                try insertDirective.execute(arguments: [
                    id, seq, x.span.start, x.span.end, x.item, x.verb, Self.joined(x.assignees), Self.joined(x.lead),
                    Self.joined(x.coordinate), x.action, x.deadline, x.due, x.recurrence, x.reportTo,
                ])
            }
        }
    }

    func markGraphDirty() throws {
        try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'graph_dirty'")
    }
}
