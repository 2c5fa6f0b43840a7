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
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" {
                line = Substring(line.unicodeScalars.dropFirst())
            }
            if line.isEmpty || line.first == "#" { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
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
