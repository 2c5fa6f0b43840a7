import VanBanText

/// Text folded for the full-text index and for queries: lower-case ASCII, tone marks and other
/// marks dropped, `đ`/`Đ` → `d`, any other character a space; each folded byte remembers the
/// UTF-16 unit of the original it came from, so a match in folded text maps back to the
/// original (accented) text for snippets.
///
/// SQLite's `unicode61 remove_diacritics 2` alone does not fold `đ`, so the index holds this
/// text and queries are folded the same way.
public struct FoldedText: Sendable {
    /// Folded bytes, all ASCII.
    public let bytes: [UInt8]
    /// For each folded byte, the UTF-16 offset of its unit in the original.
    public let origin: [Int32]

    public init(_ text: String) {
        var bytes: [UInt8] = []
        var origin: [Int32] = []
        bytes.reserveCapacity(text.utf16.count)
        origin.reserveCapacity(text.utf16.count)
        var offset: Int32 = 0
        for unit in text.utf16 {
            defer { offset += 1 }
            // Combining marks (NFD input) vanish so that a word stays one token.
            if unit >= 0x0300 && unit <= 0x036F { continue }
            let folded = VietnameseLetters.fold(unit)
            bytes.append(folded < 0x80 ? folded : 0x20)
            origin.append(offset)
        }
        self.bytes = bytes
        self.origin = origin
    }

    /// The folded text as a string (what the index holds).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The words (maximal runs of ASCII letters and digits).
    public var words: [String] {
        var result: [String] = []
        var start: Int? = nil
        for i in 0...bytes.count {
            let isWord = i < bytes.count && Self.isWordByte(bytes[i])
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                result.append(String(decoding: bytes[s..<i], as: UTF8.self))
                start = nil
            }
        }
        return result
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
    }

    /// A key for comparing document numbers as users type them: folded, without spaces.
    public static func numberKey(_ number: String) -> String {
        String(decoding: FoldedText(number).bytes.filter { $0 != 0x20 }, as: UTF8.self)
    }
}
