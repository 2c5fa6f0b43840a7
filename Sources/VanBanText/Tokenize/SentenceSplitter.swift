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
        var boundaries = [Int32](repeating: 0, count: n + 1)
        let count = text.units.withUnsafeBufferPointer { src in
            boundaries.withUnsafeMutableBufferPointer { b in
                Int(cicu_boundaries(Int32(CICU_BREAK_SENTENCE), src.baseAddress, Int32(n), b.baseAddress, nil, Int32(n + 1)))
            }
        }
        let folded = text.folded
        var result: [Range<Int>] = []
        var start = 0
        // ICU's boundaries merged with the position after every line break (which always ends a sentence).
        var all: [Int] = []
        all.reserveCapacity(max(count, 0) + 64)
        var k = 0
        for i in 0..<n where folded[i] == 0x0A {
            while k < count && Int(boundaries[k]) <= i + 1 { if Int(boundaries[k]) != i + 1 { all.append(Int(boundaries[k])) }; k += 1 }
            all.append(i + 1)
        }
        while k < count { all.append(Int(boundaries[k])); k += 1 }
        if all.last != n { all.append(n) }
        for end in all {
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
