/// A lexicon file: `#` comment lines, one header row of column names, then tab-separated rows.
///
/// The format is shared by every file under `Lexicons/`. Parsing is strict so that a user's
/// own lexicon fails loudly with `path:line: message` instead of silently matching nothing.
public struct TSVTable: Sendable {
    /// One data row with the 1-based line it came from, for error messages.
    public struct Row: Sendable {
        public let line: Int
        public let fields: [String]
        public subscript(_ index: Int) -> String { fields[index] }
    }

    public let path: String
    public let columns: [String]
    public let rows: [Row]

    /// Parses `contents`; `path` only labels errors.
    public init(contents: String, path: String) throws(LexiconError) {
        self.path = path
        var columns: [String]? = nil
        var rows: [Row] = []
        var lineNumber = 0
        // Lines and fields are cut on bytes (`\n`, a final `\r`, `\t`): a lexicon has thousands
        // of rows, and splitting by Character cost most of the tool's start-up.
        let bytes = Array(contents.utf8)
        let count = bytes.count
        var lineStart = 0
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var a = lineStart, b = lineEnd
            if b > a && bytes[b - 1] == 0x0D { b -= 1 }
            if lineNumber == 1 && b - a >= 3 && bytes[a] == 0xEF && bytes[a + 1] == 0xBB && bytes[a + 2] == 0xBF { a += 3 }
            if a == b || bytes[a] == 0x23 { continue }
            var fields: [String] = []
            var fieldStart = a
            for k in a...b where k == b || bytes[k] == 0x09 {
                fields.append(String(decoding: bytes[fieldStart..<k], as: UTF8.self))
                fieldStart = k + 1
            }
            if let header = columns {
                guard fields.count == header.count else {
                    throw LexiconError(path: path, line: lineNumber,
                                       message: "expected \(header.count) tab-separated fields (\(header.joined(separator: ", "))), found \(fields.count)")
                }
                rows.append(Row(line: lineNumber, fields: fields))
            } else {
                columns = fields
            }
        }
        guard let header = columns else {
            throw LexiconError(path: path, line: lineNumber, message: "no header row")
        }
        self.columns = header
        self.rows = rows
    }

    /// The index of a column, or an error naming the file when the header lacks it.
    public func column(_ name: String) throws(LexiconError) -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw LexiconError(path: path, line: 1, message: "missing column '\(name)'")
        }
        return index
    }
}

/// A lexicon that cannot be used, located as `path:line`.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int
    public let message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path):\(line): \(message)" }
}
