import GRDB

/// The embedded SQLite store (work in progress: schema, ingest and queries land with issue 5).
public enum StoreSchema {
    /// The store's schema name, written into every database.
    public static let name = "vanban-store/1"
}
