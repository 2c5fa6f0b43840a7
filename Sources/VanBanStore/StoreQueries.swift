import GRDB
import VanBanText

/// One full-text hit: the document, its file and a snippet of its original text.
public struct SearchHit: Sendable, Equatable {
    public var path: String
    public var documentIndex: Int
    public var number: String?
    public var type: String?
    public var date: String?
    /// The original (accented) text around the best match, matches between `«` and `»`.
    public var snippet: String
    /// bm25 score (lower is better; phrase hits come before the others whatever their score).
    public var rank: Double
}

/// One edge seen from a document: the relation and the document at the other end.
public struct DocumentLink: Sendable, Equatable {
    public var relation: String
    /// The document this one was asked about (`from` for cites, `to` for cited-by).
    public var subject: DocumentGraphNodeSummary
    /// The document at the other end.
    public var other: DocumentGraphNodeSummary
    /// The citing files and spans the edge was read from.
    public var evidence: [(source: String, span: Span)]

    public static func == (a: DocumentLink, b: DocumentLink) -> Bool {
        a.relation == b.relation && a.subject == b.subject && a.other == b.other
            && a.evidence.map { "\($0.source)\t\($0.span.start)\t\($0.span.end)" } == b.evidence.map { "\($0.source)\t\($0.span.start)\t\($0.span.end)" }
    }
}

/// The fields of a graph node that `cites` and `cited-by` print.
public struct DocumentGraphNodeSummary: Sendable, Equatable {
    public var id: String
    public var number: String?
    public var type: String?
    public var issuer: String?
    public var date: String?
    public var ingested: Bool
    public var source: String?
}

/// Totals of the store (for summaries and tests).
public struct StoreCounts: Sendable, Equatable {
    public var files = 0
    public var failedFiles = 0
    public var documents = 0
    public var citations = 0
    public var directives = 0
    public var nodes = 0
    public var edges = 0
}

extension Store {
    /// Documents matching `query`, accents, case and đ ignored: first those holding its words as a
    /// phrase, then those holding all its words anywhere, each group best first (bm25).
    public func search(_ query: String, limit: Int) throws -> [SearchHit] {
        let words = FoldedText(query).words
        guard !words.isEmpty else { throw StoreError("nothing to search for in '\(query)' (give words of letters or digits)") }
        let phrase = "\"" + words.joined(separator: " ") + "\""
        let all = words.map { "\"\($0)\"" }.joined(separator: " ")
        return try guarded {
            try queue.read { db in
                var hits: [SearchHit] = []
                var seen = Set<Int64>()
                for match in words.count > 1 ? [phrase, all] : [all] where hits.count < limit {
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT d.id, f.path, d.idx, d.number, d.type, d.date, d.text, bm25(documents_fts) AS rank
                        FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid JOIN files f ON f.id = d.file_id
                        WHERE documents_fts MATCH ? ORDER BY rank, f.path, d.idx LIMIT ?
                        """, arguments: [match, limit])
                    for r in rows where hits.count < limit && seen.insert(r[0]).inserted {
                        hits.append(SearchHit(path: r[1], documentIndex: r[2], number: r[3], type: r[4], date: r[5],
                                              snippet: Snippet.make(text: r[6], words: words), rank: r[7]))
                    }
                }
                return hits
            }
        }
    }

    /// The edges from documents numbered `number` (what they cite).
    public func cites(_ number: String) throws -> [DocumentLink] { try links(number, outgoing: true) }

    /// The edges to documents numbered `number` (who cites them).
    public func citedBy(_ number: String) throws -> [DocumentLink] { try links(number, outgoing: false) }

    func links(_ number: String, outgoing: Bool) throws -> [DocumentLink] {
        let key = FoldedText.numberKey(number)
        let (mine, theirs) = outgoing ? ("from_id", "to_id") : ("to_id", "from_id")
        return try guarded {
            try queue.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT e.id, e.relation,
                           s.id, s.number, s.type, s.issuer, s.date, s.ingested, s.source,
                           o.id, o.number, o.type, o.issuer, o.date, o.ingested, o.source
                    FROM nodes s JOIN edges e ON e.\(mine) = s.id JOIN nodes o ON o.id = e.\(theirs)
                    WHERE s.number_key = ?
                    ORDER BY s.id, o.date, o.number, o.id, e.relation
                    """, arguments: [key])
                return try rows.map { r in
                    let evidence = try Row.fetchAll(db, sql: "SELECT source, span_start, span_end FROM evidence WHERE edge_id = ? ORDER BY source, span_start",
                                                    arguments: [r[0] as Int64]).map { (source: $0[0] as String, span: Span($0[1], $0[2])) }
                    return DocumentLink(relation: r[1], subject: Self.node(r, at: 2), other: Self.node(r, at: 9), evidence: evidence)
                }
            }
        }
    }

    static func node(_ r: Row, at i: Int) -> DocumentGraphNodeSummary {
        DocumentGraphNodeSummary(id: r[i], number: r[i + 1], type: r[i + 2], issuer: r[i + 3], date: r[i + 4], ingested: r[i + 5], source: r[i + 6])
    }

    /// Totals of files, documents, records and the graph.
    public func counts() throws -> StoreCounts {
        try guarded {
            try queue.read { db in
                func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
                return StoreCounts(files: try count("SELECT count(*) FROM files WHERE status = 'ok'"),
                                   failedFiles: try count("SELECT count(*) FROM files WHERE status = 'failed'"),
                                   documents: try count("SELECT count(*) FROM documents"),
                                   citations: try count("SELECT count(*) FROM citations"),
                                   directives: try count("SELECT count(*) FROM directives"),
                                   nodes: try count("SELECT count(*) FROM nodes"),
                                   edges: try count("SELECT count(*) FROM edges"))
            }
        }
    }

    /// The whole content of the store as text, keyed by paths and positions rather than row ids
    /// or times, so two stores holding the same records give the same dump. The full-text index
    /// is checked against the documents (one row each, same folded text).
    public func canonicalDump() throws -> String {
        try guarded {
            try queue.read { db in
                var out = ""
                func dump(_ title: String, _ sql: String) throws {
                    out += "# \(title)\n"
                    let rows = try Row.fetchCursor(db, sql: sql)
                    while let row = try rows.next() {
                        out += row.databaseValues.map { $0.isNull ? "∅" : "\($0.storage)" }.joined(separator: "\t") + "\n"
                    }
                }
                try dump("files", "SELECT path, sha256, size, encoding, status, reason FROM files ORDER BY path")
                try dump("documents", """
                    SELECT f.path, d.idx, d.span_start, d.span_end, d.text_sha256, d.number, d.symbol, d.type, d.type_code, d.issuer,
                           d.place, d.date, d.subject, d.signer, d.signer_position, d.draft, length(d.text),
                           (SELECT count(*) FROM documents_fts x WHERE x.rowid = d.id AND x.folded IS NOT NULL)
                    FROM documents d JOIN files f ON f.id = d.file_id ORDER BY f.path, d.idx
                    """)
                for (table, columns) in [("citations", "number, symbol, type, type_code, issuer_code, year, date, issuer, relation, text"),
                                         ("dates", "value, precision, role, text"), ("agencies", "name, kind, level, text"),
                                         ("people", "name, position, text"),
                                         ("directives", "item, verb, assignees, lead, coordinate, action, deadline, due, recurrence, report_to")] {
                    try dump(table, """
                        SELECT (SELECT f.path FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = t.document_id) AS path,
                               (SELECT d.idx FROM documents d WHERE d.id = t.document_id) AS idx, t.seq, t.span_start, t.span_end, \(columns)
                        FROM \(table) t ORDER BY path, idx, t.seq
                        """)
                }
                try dump("fts", "SELECT count(*) FROM documents_fts")
                try dump("nodes", "SELECT id, number, type, issuer, date, ingested, source FROM nodes ORDER BY id")
                try dump("edges", """
                    SELECT e.from_id, e.to_id, e.relation, x.source, x.span_start, x.span_end
                    FROM edges e JOIN evidence x ON x.edge_id = e.id ORDER BY 1, 2, 3, 4, 5, 6
                    """)
                try dump("meta", "SELECT key, value FROM meta ORDER BY key")
                return out
            }
        }
    }
}
