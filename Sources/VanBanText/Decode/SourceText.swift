/// The decoded original text of one input, as every later stage sees it.
///
/// Offsets into the original are kept in UTF-16 units internally (`units`); the output
/// contract counts Unicode scalars, and `scalarOffset(ofUnit:)` converts. A leading BOM is
/// dropped before anything is counted; line ends are kept, a CRLF counting as one position
/// (the file as a text-mode reader sees it, so `open(path).read()[start:end]` in Python is the span).
public struct SourceText: Sendable {
    /// Where the text came from (a path, or `-` for standard input).
    public let path: String
    /// The name of the encoding it was decoded from: `utf-8`, `utf-16le`, `utf-16be`, `tcvn3`, `vni`, `windows-1258`.
    public let encoding: String
    /// Lower-case hex SHA-256 of the input bytes as read (BOM included).
    public let sha256: String
    /// The original text as UTF-16 code units.
    public let units: [UInt16]
    /// The number of Unicode scalars in the text (`source.characters`).
    public let scalarCount: Int
    /// For text with surrogate pairs or CRLF line ends: the span offset of each unit (count + 1 entries). Empty otherwise.
    private let scalarOffsets: [Int32]

    public init(path: String, encoding: String, sha256: String, text: String) {
        self.init(path: path, encoding: encoding, sha256: sha256, units: Array(text.utf16))
    }

    public init(path: String, encoding: String, sha256: String, units: [UInt16]) {
        self.path = path
        self.encoding = encoding
        self.sha256 = sha256
        self.units = units
        var irregular = false
        for (k, unit) in units.enumerated() where unit & 0xF800 == 0xD800 || (unit == 0x0D && k + 1 < units.count && units[k + 1] == 0x0A) {
            irregular = true; break
        }
        if irregular {
            var offsets = [Int32]()
            offsets.reserveCapacity(units.count + 1)
            var scalar: Int32 = 0
            for (k, unit) in units.enumerated() {
                offsets.append(scalar)
                // A low surrogate continues its pair; the CR of a CRLF is one line end with its LF, as a text-mode
                // reader (Python's `open(path).read()`, what the shared scorer does) sees the file.
                if unit & 0xFC00 == 0xDC00 { continue }
                if unit == 0x0D, k + 1 < units.count, units[k + 1] == 0x0A { continue }
                scalar += 1
            }
            offsets.append(scalar)
            self.scalarOffsets = offsets
            self.scalarCount = Int(scalar)
        } else {
            self.scalarOffsets = []
            self.scalarCount = units.count
        }
    }

    /// The scalar offset (the unit of `span` in `vanban/1`) of a UTF-16 offset.
    @inline(__always)
    public func scalarOffset(ofUnit unit: Int) -> Int {
        scalarOffsets.isEmpty ? unit : Int(scalarOffsets[unit])
    }

    /// The original text of a UTF-16 range.
    public func text(_ range: Range<Int>) -> String {
        UTF16String.make(units, range)
    }

    /// The whole original text.
    public var string: String { String(decoding: units, as: UTF16.self) }
}

/// A span in the `vanban/1` sense: `[start, end)` in Unicode scalars of the original text.
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}
