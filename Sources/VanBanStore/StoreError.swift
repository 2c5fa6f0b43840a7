import GRDB

/// A store that cannot be opened, read or written, with a one-line reason naming the database.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// A one-line reason for a failure of SQLite on the database at `path`.
    static func wrap(_ error: Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return StoreError("\(path): \(error)") }
        switch error.resultCode {
        case .SQLITE_READONLY:
            return StoreError("\(path): the database is read-only (check the permissions of the file and its folder)")
        case .SQLITE_FULL:
            return StoreError("\(path): the disk is full; the store keeps every batch written before this one")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError("\(path): the database stayed locked by another process (another vanban ingest?); try again when it is done")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError("\(path): not a vanban store (not an SQLite database, or damaged)")
        case .SQLITE_CANTOPEN:
            return StoreError("\(path): cannot open the database (missing folder or no permission)")
        case .SQLITE_IOERR:
            return StoreError("\(path): input/output error while writing the database (disk full or removed?)")
        case .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError("\(path): permission denied")
        default:
            return StoreError("\(path): \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        }
    }
}
