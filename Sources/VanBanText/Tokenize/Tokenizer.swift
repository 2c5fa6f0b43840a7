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
        guard text.count > 0 else { return [] }
        if let raw = WordSegments.segments(text.units) { return join(raw, text.folded) }
        return join(icuSegments(text), text.folded)
    }

    /// The tokens through ICU's word break iterator for the whole text (what `tokens` gives
    /// when the text has a character outside `WordSegments`' repertoire).
    func icuTokens(_ text: NormalizedText) -> [Token] {
        guard text.count > 0 else { return [] }
        return join(icuSegments(text), text.folded)
    }

    /// Word segments from ICU (locale `vi`), spaces and line breaks dropped.
    private func icuSegments(_ text: NormalizedText) -> [Token] {
        let n = text.count
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
        return raw
    }

    /// Joins adjacent tokens into codes and abbreviations.
    private func join(_ raw: [Token], _ folded: [UInt8]) -> [Token] {
        raw.withUnsafeBufferPointer { raw in folded.withUnsafeBufferPointer { folded in join(raw, folded) } }
    }

    private func join(_ raw: UnsafeBufferPointer<Token>, _ folded: UnsafeBufferPointer<UInt8>) -> [Token] {
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
               abbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: folded[t.range]), as: UTF8.self)) {
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

/// ICU's word segmentation (UAX #29 as ICU 72 implements it for `vi`) for text made only of
/// Latin letters (ASCII, U+00C0–U+024F, U+1E00–U+1EFF), ASCII digits, `_`, spaces, line feeds, the
/// mid-word marks `.` `'` `’` and mid-number marks `,` `;`, and ASCII (but `@`) or
/// common typographic punctuation and symbols (`–` `“` `•` `©` `°` `›` `€`…); nil for any
/// other character, and the caller asks ICU.
///
/// Within that repertoire the rules reduce to: a line feed and each punctuation mark are
/// segments of their own, a run of spaces is one segment, and a word runs over letters, digits
/// and `_`, over `.` `'` `’` between two letters, and over `.` `'` `’` `,` `;` between two digits
/// (WB5–WB13b). ICU's rule status is that of the word's last letter or digit: a number (100) if
/// it is a digit (`QH14`, `a1.5`), a letter (200) otherwise (`30c`, `1.5a`); punctuation 0.
/// `TokenizerTests` checks this against ICU on the corpus and on random strings.
enum WordSegments {
    /// Character classes.
    static let other: UInt8 = 0, letter: UInt8 = 1, digit: UInt8 = 2, midLetterOrNumber: UInt8 = 3
    static let midNumber: UInt8 = 4, space: UInt8 = 5, lineFeed: UInt8 = 6, punctuation: UInt8 = 7
    /// `_` (ExtendNumLet): joins letters, digits and itself (WB13a, WB13b).
    static let connector: UInt8 = 8

    /// The class of every UTF-16 unit; `other` (0) means "outside the repertoire".
    static let classes: [UInt8] = {
        var t = [UInt8](repeating: other, count: 0x10000)
        for c in 0x21...0x7E { t[c] = punctuation }
        for c in 0x41...0x5A { t[c] = letter }
        for c in 0x61...0x7A { t[c] = letter }
        for c in 0x30...0x39 { t[c] = digit }
        for c in 0xC0...0x24F where c != 0xD7 && c != 0xF7 { t[c] = letter }
        for c in 0x1E00...0x1EFF { t[c] = letter }
        t[0x2E] = midLetterOrNumber; t[0x27] = midLetterOrNumber; t[0x2019] = midLetterOrNumber
        t[0x2C] = midNumber; t[0x3B] = midNumber
        t[0x5F] = connector
        t[0x40] = other  // `@` is a letter to ICU's rules (addresses): left to ICU
        t[0x20] = space
        t[0x0A] = lineFeed
        for c in [0x2013, 0x2014, 0x201C, 0x201D, 0x2022, 0x2026] { t[c] = punctuation }
        // Symbols of Word_Break Other that crawled pages and Word files leave: each is a
        // segment of its own (WB999) with rule status 0 (© ® ™ are Extended_Pictographic,
        // which only joins after a ZWJ, itself outside the repertoire).
        for c in [0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xBB, 0xD7, 0xF7, 0x2039, 0x203A, 0x2122, 0x20AC, 0x2030, 0x25CF, 0x25AA, 0xF0B7] {
            t[c] = punctuation
        }
        return t
    }()

    /// The word segments of `units` that are not spaces or line feeds, with ICU's kinds, or nil.
    static func segments(_ units: [UInt16]) -> [Token]? {
        classes.withUnsafeBufferPointer { table in
            units.withUnsafeBufferPointer { u -> [Token]? in
                let n = u.count
                var out: [Token] = []
                out.reserveCapacity(n / 4)
                var i = 0
                while i < n {
                    let c = table[Int(u[i])]
                    switch c {
                    case letter, digit, connector:
                        var last = c       // class of the last letter, digit or connector
                        var beforeLast = other
                        var j = i + 1
                        while j < n {
                            let d = table[Int(u[j])]
                            if d == letter || d == digit || d == connector { beforeLast = last; last = d; j += 1; continue }
                            // A mid mark joins when the same kind follows: letters for `.` `'` `’`
                            // (WB6/7), digits for those and `,` `;` (WB11/12); never `_` (`_._`).
                            if (d == midLetterOrNumber || d == midNumber) && j + 1 < n {
                                let e = table[Int(u[j + 1])]
                                if e == last && (last == digit || last == letter && d == midLetterOrNumber) { j += 2; continue }
                            }
                            break
                        }
                        // ICU's status is that of the last rule applied: the last letter's or digit's,
                        // and after a final `_` that of the pair it closes (`1_` a number, `a_`, `__`
                        // words); a lone `_` is punctuation.
                        let kind: Token.Kind
                        if last == connector {
                            kind = j - i == 1 ? .punctuation : beforeLast == digit ? .number : .word
                        } else {
                            kind = last == digit ? .number : .word
                        }
                        out.append(Token(range: i..<j, kind: kind))
                        i = j
                    case space:
                        i += 1
                    case lineFeed:
                        i += 1
                    case punctuation, midLetterOrNumber, midNumber:
                        out.append(Token(range: i..<i + 1, kind: .punctuation))
                        i += 1
                    default:
                        return nil
                    }
                }
                return out
            }
        }
    }
}
