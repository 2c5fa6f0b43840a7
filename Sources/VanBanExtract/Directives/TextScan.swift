import VanBanText

/// Word-level helpers over a normalized text's folded bytes and units, for the directive rules.
///
/// Everything works on `folded` (one byte per unit: lower-case ASCII, no diacritics, `đ` → `d`)
/// and looks at `units` only to tell capitals (`Sở Nội vụ` vs `sở`), so no `Character` iteration
/// and no regular expressions run in the hot path.
struct TextScan {
    let folded: [UInt8]
    let units: [UInt16]
    /// The lexicon phrases at each position, looked up once.
    let phrases: DocumentPhrases

    /// `range`: the document the rules read; phrase lookups are memoised there (elsewhere they are computed).
    init(_ text: NormalizedText, cues: DirectiveCues, lexicon: Lexicon, covering range: Range<Int>? = nil) {
        self.init(text, phrases: DocumentPhrases(folded: text.folded, cues: cues, lexicon: lexicon, covering: range))
    }

    /// Over memos built already (shared with another extractor of the same document).
    init(_ text: NormalizedText, phrases: DocumentPhrases) {
        folded = text.folded
        units = text.units
        self.phrases = phrases
    }

    @inline(__always) func isWord(_ i: Int) -> Bool {
        let b = folded[i]
        return (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == FoldedByte.other
    }

    @inline(__always) func isSpace(_ i: Int) -> Bool { folded[i] == 0x20 || folded[i] == 0x0A || folded[i] == 0x09 || folded[i] == 0x0D }

    /// The first non-space position at or after `i` (spaces only, line breaks kept when `lines` is false).
    func skipSpaces(_ i: Int, _ limit: Int, lines: Bool = true) -> Int {
        var k = i
        while k < limit {
            let b = folded[k]
            if b == 0x20 || b == 0x09 || b == 0x0D || (lines && b == 0x0A) { k += 1 } else { break }
        }
        return k
    }

    /// The word starting at `i` (after spaces), or nil when punctuation or the limit comes first.
    func word(at i: Int, _ limit: Int, lines: Bool = true) -> Range<Int>? {
        let s = skipSpaces(i, limit, lines: lines)
        guard s < limit, isWord(s) else { return nil }
        var e = s
        while e < limit && isWord(e) { e += 1 }
        return s..<e
    }

    /// Whether the word at `range` starts with a capital letter.
    @inline(__always) func isCapitalized(_ range: Range<Int>) -> Bool {
        VietnameseLetters.isUpper(units[range.lowerBound])
    }

    /// Whether a word of `range` equals `literal`.
    func hasWord(_ literal: StaticString, in range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            if isWord(k) && (k == 0 || !isWord(k - 1)) {
                var e = k
                while e < range.upperBound && isWord(e) { e += 1 }
                if equals(k..<e, literal) { return true }
                k = e
                continue
            }
            k += 1
        }
        return false
    }

    /// Whether the folded bytes of `range` equal `literal` (ASCII).
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { buffer in
            var k = 0
            for i in range { if folded[i] != buffer[k] { return false }; k += 1 }
            return true
        }
    }

    func key(_ range: Range<Int>) -> String { String(decoding: folded[range], as: UTF8.self) }

    /// The folded words of `range` joined by single spaces (line breaks and runs of spaces collapsed).
    func collapsedKey(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        var k = range.lowerBound
        while let w = word(at: k, range.upperBound) {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: folded[w])
            k = w.upperBound
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The normalized text of `range` with runs of whitespace (line breaks included) collapsed.
    func collapsed(_ range: Range<Int>) -> String { Body.collapse(units, range) }

    /// `range` without surrounding spaces and the given trailing punctuation bytes.
    func trimmed(_ range: Range<Int>, trailing: ByteSet = [0x20, 0x0A, 0x09, 0x0D]) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b && isSpace(a) { a += 1 }
        while b > a && (isSpace(b - 1) || trailing.contains(folded[b - 1])) { b -= 1 }
        return a..<b
    }

    /// The last word ending at or before `end` (skipping spaces and the punctuation in `skip`).
    func lastWord(before end: Int, from start: Int) -> Range<Int>? {
        var e = end
        while e > start && !isWord(e - 1) { e -= 1 }
        guard e > start else { return nil }
        var s = e
        while s > start && isWord(s - 1) { s -= 1 }
        return s..<e
    }
}

/// A set of bytes as a 256-bit mask: written as an array literal at a call site, built without allocating or hashing
/// (a `Set<UInt8>` literal was built on every call of `trimmed`).
struct ByteSet: ExpressibleByArrayLiteral, Sendable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    /// Every byte.
    static let all: ByteSet = { var s = ByteSet(); for b in 0...255 { s.insert(UInt8(b)) }; return s }()

    init() {}

    init(arrayLiteral elements: UInt8...) {
        for b in elements { insert(b) }
    }

    mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return w0 & bit != 0
        case 1: return w1 & bit != 0
        case 2: return w2 & bit != 0
        default: return w3 & bit != 0
        }
    }
}
