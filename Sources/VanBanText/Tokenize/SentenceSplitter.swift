import CICU

/// Splits normalized text into sentences: ICU's sentence break iterator (locale `vi`), then
/// Vietnamese-aware repairs. A break is undone after an abbreviation (`TP.`, `TL.`, `KT.`,
/// `Tp.`, `ThS.`) and after a numbered heading's marker at the start of a line (`1.`, `II.`,
/// `2.1.`), so `1. Giao Sở Nội vụ …` is one sentence. Every line break ends a sentence (the
/// normalizer has already joined lines broken inside a sentence). Ranges exclude the
/// surrounding whitespace.
public struct SentenceSplitter: Sendable {
    public let abbreviations: Set<String>

    public init(abbreviations: Set<String> = Tokenizer.defaultAbbreviations) {
        self.abbreviations = abbreviations
    }

    public func sentences(_ text: NormalizedText) -> [Range<Int>] {
        let n = text.count
        guard n > 0 else { return [] }
        let boundaries = SentenceBoundaries.boundaries(text.units) ?? SentenceBoundaries.icuBoundaries(text.units)
        let folded = text.folded
        var result: [Range<Int>] = []
        var start = 0
        // Every line break is already a boundary: UAX #29 breaks after every LF (SB4), and so
        // do both `SentenceBoundaries.boundaries` and ICU.
        var all = boundaries
        if all.last.map(Int.init) != n { all.append(Int32(n)) }
        for boundary in all {
            let end = Int(boundary)
            if end < n && !endsSentence(folded, start, end) { continue }
            var a = start, b = end
            while a < b && (folded[a] == 0x20 || folded[a] == 0x0A) { a += 1 }
            while b > a && (folded[b - 1] == 0x20 || folded[b - 1] == 0x0A) { b -= 1 }
            if a < b { result.append(a..<b) }
            start = end
        }
        return result
    }

    /// Whether ICU's break at `end` should stand.
    private func endsSentence(_ folded: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var b = end
        if folded[b - 1] == 0x0A { return true }
        while b > start && folded[b - 1] == 0x20 { b -= 1 }
        guard b > start, folded[b - 1] == 0x2E else { return true }
        // The word before the period.
        var a = b - 1
        while a > start && folded[a - 1] != 0x20 && folded[a - 1] != 0x0A { a -= 1 }
        let word = String(decoding: folded[a..<(b - 1)], as: UTF8.self)
        if abbreviations.contains(word) { return false }
        // A heading marker at the start of a line: "1.", "2.1.", "II.", "a.".
        let lineStart = a == 0 || folded[a - 1] == 0x0A || a == start
        if lineStart && isMarker(word) { return false }
        return true
    }

    private func isMarker(_ word: String) -> Bool {
        if word.isEmpty || word.count > 8 { return false }
        if word.allSatisfy({ $0.isNumber || $0 == "." }) { return word.first!.isNumber }
        return word.allSatisfy({ "ivxlc".contains($0) }) || (word.count == 1 && word.first!.isLetter)
    }
}

/// ICU's sentence boundaries (UAX #29 as ICU 72 implements it for `vi`), computed from the
/// Sentence_Break classes ICU itself reports, for text without Extend, Format, Sep or CR units or
/// surrogates (nil then, and the caller asks ICU).
///
/// With those classes absent, a break falls only after a line feed (SB4) or after a terminator
/// run `SATerm Close* Sp*` (SB11), unless SB6 (`.` before a digit), SB7 (`U.S`), SB8 (a lower-case
/// letter follows before any other letter or terminator), SB8a (SContinue or a terminator
/// follows) or SB9/SB10 (a line feed follows) keep the run in its sentence.
/// `TokenizerTests` checks this against ICU on the corpus and on random strings.
enum SentenceBoundaries {
    /// Classes, from ICU's Sentence_Break values; `unsupported` sends the text to ICU.
    static let other: UInt8 = 0, lower: UInt8 = 1, upper: UInt8 = 2, oLetter: UInt8 = 3, numeric: UInt8 = 4
    static let aTerm: UInt8 = 5, sTerm: UInt8 = 6, close: UInt8 = 7, space: UInt8 = 8, sContinue: UInt8 = 9
    static let lineFeed: UInt8 = 10, unsupported: UInt8 = 11

    /// The class of every UTF-16 unit, read once from ICU.
    static let classes: [UInt8] = {
        var property = [UInt8](repeating: 0, count: 0x10000)
        property.withUnsafeMutableBufferPointer { cicu_sentence_break_classes($0.baseAddress) }
        // U_SB_* values → classes: OTHER, ATERM, CLOSE, FORMAT, LOWER, NUMERIC, OLETTER, SEP, SP, STERM, UPPER, CR, EXTEND, LF, SCONTINUE.
        let map: [UInt8] = [other, aTerm, close, unsupported, lower, numeric, oLetter, unsupported, space, sTerm, upper,
                            unsupported, unsupported, lineFeed, sContinue]
        return property.map { Int($0) < map.count ? map[Int($0)] : unsupported }
    }()

    /// Every boundary after 0 (the end of the text included), as ICU's iterator gives them, or nil.
    static func boundaries(_ units: [UInt16]) -> [Int32]? {
        classes.withUnsafeBufferPointer { table in
            units.withUnsafeBufferPointer { u -> [Int32]? in
                let n = u.count
                @inline(__always) func cls(_ k: Int) -> UInt8 { table[Int(u[k])] }
                var out: [Int32] = []
                out.reserveCapacity(n / 64 + 16)
                var i = 0
                while i < n {
                    let c = cls(i)
                    if c < aTerm || c == close || c == space || c == sContinue { i += 1; continue }
                    if c == lineFeed { out.append(Int32(i + 1)); i += 1; continue }
                    if c == unsupported { return nil }
                    // A terminator run: SATerm Close* Sp*, no break inside (SB9, SB10).
                    var j = i + 1
                    while j < n && cls(j) == close { j += 1 }
                    while j < n && cls(j) == space { j += 1 }
                    guard j < n else { break }
                    let next = cls(j)
                    if next == lineFeed || next == unsupported { i = j; continue }  // SB9/SB10; the loop handles it
                    var joins = next == sContinue || next == aTerm || next == sTerm          // SB8a
                    if !joins && c == aTerm {
                        if j == i + 1 && next == numeric {
                            joins = true                                                  // SB6
                        } else if j == i + 1 && next == upper && i > 0 && (cls(i - 1) == upper || cls(i - 1) == lower) {
                            joins = true                                                  // SB7
                        } else {
                            // SB8: the first letter, terminator or line feed ahead is a lower-case letter.
                            var k = j
                            while k < n {
                                let d = cls(k)
                                if d == oLetter || d == upper || d == lower || d == lineFeed || d == aTerm || d == sTerm || d == unsupported { break }
                                k += 1
                            }
                            joins = k < n && cls(k) == lower
                        }
                    }
                    if !joins { out.append(Int32(j)) }
                    i = j
                }
                if out.last != Int32(n) { out.append(Int32(n)) }
                return out
            }
        }
    }

    /// The boundaries from ICU's sentence break iterator (locale `vi`).
    static func icuBoundaries(_ units: [UInt16]) -> [Int32] {
        let n = units.count
        var boundaries = [Int32](repeating: 0, count: n + 1)
        let count = units.withUnsafeBufferPointer { src in
            boundaries.withUnsafeMutableBufferPointer { b in
                Int(cicu_boundaries(Int32(CICU_BREAK_SENTENCE), src.baseAddress, Int32(n), b.baseAddress, nil, Int32(n + 1)))
            }
        }
        boundaries.removeLast(boundaries.count - max(count, 0))
        return boundaries
    }
}
