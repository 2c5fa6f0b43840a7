import GRDB

/// The store's schema and its migrations.
///
/// Tables: `files` (one row per path: sha256, status ok/failed with its reason), `documents` (one
/// row per document of a file, with its original text), `documents_fts` (FTS5 over folded text:
/// lower case, no tone marks, đ → d), `citations`, `dates`, `agencies`, `people`, `directives`
/// (each row with its span in the original file), `nodes`, `edges` and `evidence` (the
/// cross-reference graph the linker computes from documents and citations), `meta` (schema name,
/// the graph's dirty flag).
public enum StoreSchema {
    /// The store's schema name, written into every database.
    public static let name = "vanban-store/1"

    // Only the indexes the queries use: every other index is one more B-tree with random keys to
    // update per row, which slows ingest down as the store grows.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT INTO meta (key, value) VALUES ('schema', '\(name)'), ('graph_dirty', '0');
                CREATE TABLE files (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    sha256 TEXT,
                    size INTEGER,
                    encoding TEXT,
                    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
                    reason TEXT,
                    ingested_at TEXT NOT NULL
                );
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    text_sha256 TEXT NOT NULL,
                    number TEXT,
                    number_key TEXT,
                    symbol TEXT,
                    type TEXT,
                    type_code TEXT,
                    issuer TEXT,
                    place TEXT,
                    date TEXT,
                    subject TEXT,
                    signer TEXT,
                    signer_position TEXT,
                    draft INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    UNIQUE (file_id, idx)
                );
                CREATE VIRTUAL TABLE documents_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2');
                CREATE TABLE citations (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    number TEXT NOT NULL,
                    number_key TEXT NOT NULL,
                    symbol TEXT,
                    type TEXT,
                    type_code TEXT,
                    issuer_code TEXT,
                    year INTEGER,
                    date TEXT,
                    issuer TEXT,
                    relation TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE dates (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    precision TEXT NOT NULL,
                    role TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE agencies (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT,
                    level TEXT,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE people (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    position TEXT,
                    text TEXT NOT NULL,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE directives (
                    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL,
                    item TEXT,
                    verb TEXT,
                    assignees TEXT NOT NULL,
                    lead TEXT NOT NULL,
                    coordinate TEXT NOT NULL,
                    action TEXT NOT NULL,
                    deadline TEXT,
                    due TEXT,
                    recurrence TEXT,
                    report_to TEXT,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE nodes (
                    id TEXT PRIMARY KEY NOT NULL,
                    number TEXT,
                    number_key TEXT,
                    type TEXT,
                    issuer TEXT,
                    date TEXT,
                    ingested INTEGER NOT NULL,
                    source TEXT
                );
                CREATE INDEX nodes_number ON nodes(number_key);
                CREATE TABLE edges (
                    id INTEGER PRIMARY KEY,
                    from_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                    to_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                    relation TEXT NOT NULL,
                    UNIQUE (from_id, to_id, relation)
                );
                CREATE INDEX edges_to ON edges(to_id);
                CREATE TABLE evidence (
                    edge_id INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    span_start INTEGER NOT NULL,
                    span_end INTEGER NOT NULL
                );
                CREATE INDEX evidence_edge ON evidence(edge_id);
                """)
        }
        return migrator
    }
}
