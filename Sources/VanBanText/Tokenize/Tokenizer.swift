import CICU

/// A token of the normalized text: a syllable, a number, a document code, or a mark.
public struct Token: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A syllable or letter word (`Quyết`, `UBND`, `v/v`, `TT&TT`).
        case word
        /// Digits, possibly with inner separators (`2021`, `1.250.000`).
        case number
        /// A joined code holding digits and separators: a document number or a date (`89/TB-UBND`, `16/3/2021`).
        case code
        /// Punctuation and other symbols.
        case punctuation
    }
    /// Range in normalized UTF-16 units.
    public let range: Range<Int>
    public let kind: Kind
}

/// The tokenize stage: ICU word break iterator (locale `vi`) over the normalized text, with
/// Vietnamese-aware repairs: document numbers, dates and codes joined by `/`, `-`, `&` stay one
/// token (`89/TB-UBND`, `05-NQ/TU`, `v/v`, `TT&TT`), and listed abbreviations keep their period
/// (`TP.`, `TL.`, `KT.`).
public struct Tokenizer: Sendable {
    /// Abbreviations written with a final period, compared on the folded key (`tp`, `tl`, `kt`).
    public let abbreviations: Set<String>

    public init(abbreviations: Set<String> = Tokenizer.defaultAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// Abbreviations that end with a period but not a sentence (folded, without the period).
    public static let defaultAbbreviations: Set<String> = [
        "tp", "tl", "kt", "tm", "tuq", "q", "tx", "tt", "p", "ts", "ths", "pgs", "gs", "bs", "ks", "cn", "st", "v.v", "vv", "d/c", "ubnd", "hdnd",
    ]

    public func tokens(_ text: NormalizedText) -> [Token] {
        let n = text.count
        guard n > 0 else { return [] }
        var boundaries = [Int32](repeating: 0, count: n + 1)
        var statuses = [Int32](repeating: 0, count: n + 1)
        let count = text.units.withUnsafeBufferPointer { src in
            boundaries.withUnsafeMutableBufferPointer { b in
                statuses.withUnsafeMutableBufferPointer { s in
                    Int(cicu_boundaries(Int32(CICU_BREAK_WORD), src.baseAddress, Int32(n), b.baseAddress, s.baseAddress, Int32(n + 1)))
                }
            }
        }
        var raw: [Token] = []
        raw.reserveCapacity(max(count, 0))
        var start = 0
        let folded = text.folded
        for k in 0..<max(count, 0) {
            let end = Int(boundaries[k])
            defer { start = end }
            let first = folded[start]
            if first == 0x20 || first == 0x0A { continue }
            let status = statuses[k]
            let kind: Token.Kind
            if status >= CICU_WORD_NONE_LIMIT && status < CICU_WORD_NUMBER_LIMIT { kind = .number }
            else if status >= CICU_WORD_NUMBER_LIMIT { kind = .word }
            else { kind = .punctuation }
            raw.append(Token(range: start..<end, kind: kind))
        }
        return join(raw, folded)
    }

    /// Joins adjacent tokens into codes and abbreviations.
    private func join(_ raw: [Token], _ folded: [UInt8]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let t = raw[i]
            guard t.kind != .punctuation else { out.append(t); i += 1; continue }
            // Extend over "<sep><alnum>" pairs with no space between.
            var j = i
            var sawSlashOrAmp = false, sawDash = false, sawDigit = t.kind == .number
            while j + 2 < raw.count {
                let sep = raw[j + 1], next = raw[j + 2]
                guard sep.range.lowerBound == raw[j].range.upperBound, sep.range.count == 1,
                      next.range.lowerBound == sep.range.upperBound, next.kind != .punctuation else { break }
                let c = folded[sep.range.lowerBound]
                guard c == 0x2F || c == 0x2D || c == 0x26 || c == 0x2E else { break }
                if c == 0x2E && next.kind != .number { break }
                if c == 0x2F || c == 0x26 { sawSlashOrAmp = true }
                if c == 0x2D { sawDash = true }
                if next.kind == .number { sawDigit = true }
                j += 2
            }
            if j > i && (sawSlashOrAmp || (sawDash && sawDigit && t.kind == .number)) {
                let range = t.range.lowerBound..<raw[j].range.upperBound
                out.append(Token(range: range, kind: sawDigit ? .code : .word))
                i = j + 1
                continue
            }
            // An abbreviation keeps its period.
            if t.kind == .word, i + 1 < raw.count, raw[i + 1].range.lowerBound == t.range.upperBound,
               folded[raw[i + 1].range.lowerBound] == 0x2E, raw[i + 1].range.count == 1,
               abbreviations.contains(String(decoding: folded[t.range], as: UTF8.self)) {
                out.append(Token(range: t.range.lowerBound..<t.range.upperBound + 1, kind: .word))
                i += 2
                continue
            }
            out.append(t)
            i += 1
        }
        return out
    }
}
