import VanBanText

/// A document number (số và ký hiệu) lexed from normalized text.
///
/// Three grammars (DOMAIN.md §6): administrative `N/TYPE-ISSUER[-UNIT]` or công văn
/// `N/ISSUER[-UNIT]`; legal (QPPL) `N/YYYY/TYPE-ISSUER` and laws `N/YYYY/QHk`; Party `N-TYPE/ISSUER`.
public struct DocumentNumber: Sendable, Hashable {
    public enum Grammar: String, Sendable { case administrative, legal, law, party }
    /// The number as written, in normalized units.
    public var range: Range<Int>
    /// Normalized: no inner spaces, ASCII hyphen, Đ restored in known codes (`89/TB-UBND`, `60/2021/NĐ-CP`, `05-NQ/TU`).
    /// For a draft with a blank running number (`Số: /TB-UBND`) it is the bare symbol with its slash (`/TB-UBND`).
    public var number: String
    /// The ký hiệu: `TB-UBND`, `NĐ-CP`, `NQ/TU`, `UBND-TH`.
    public var symbol: String?
    public var typeCode: String?
    public var issuerCode: String?
    public var year: Int?
    public var grammar: Grammar
    /// True when the running number is blank (a draft).
    public var isDraft: Bool
    public init(range: Range<Int>, number: String, symbol: String?, typeCode: String?, issuerCode: String?, year: Int?,
                grammar: Grammar, isDraft: Bool) {
        self.range = range; self.number = number; self.symbol = symbol; self.typeCode = typeCode
        self.issuerCode = issuerCode; self.year = year; self.grammar = grammar; self.isDraft = isDraft
    }

    /// The running number before the first separator (`89`, `30c`, `05`), empty for a draft.
    public var runningNumber: Substring {
        let cut = number.firstIndex(where: { $0 == "/" || $0 == "-" }) ?? number.endIndex
        return number[..<cut]
    }
}

/// Finds document numbers in normalized text by scanning bytes; no regular expressions.
///
/// Candidates are the `/` and `-` bytes that follow a running number (`89`, `30c`); only there is
/// the grammar parsed. Rejected by construction: dates (`16/3/2021`: a digit after the slash that
/// is not a year followed by another slash), ratios (`59/63`, `30-35/63`), year ranges
/// (`2016-2020`), house numbers (`12/3 đường …`), money and phone numbers (no upper-case code).
/// A ký hiệu needs a segment that is a known type or issuer code or looks like one (two upper-case
/// letters). OCR damage repaired here: look-alike letters (`QD` → `QĐ`), glued codes
/// (`QĐUBND` → `QĐ-UBND`, `NĐCP` → `NĐ-CP`), a hyphen broken over a line (`NQ-⏎HĐND`), and a
/// running number split at the thousands (`1 034/TTr-STNMT`).
public struct DocumentNumberLexer: Sendable {
    public let lexicon: Lexicon
    let codes: CodeRepair

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.codes = CodeRepair(lexicon: lexicon)
    }

    /// Every document number in `range`, left to right.
    public func numbers(in text: NormalizedText, range: Range<Int>) -> [DocumentNumber] {
        let f = text.folded
        let limit = min(range.upperBound, f.count)
        var result: [DocumentNumber] = []
        var i = max(range.lowerBound, 0)
        while i < limit {
            let b = f[i]
            guard b == 0x2F || b == 0x2D else { i += 1; continue }
            // A running number ends right before the separator.
            if i > range.lowerBound, FoldedScan.isAlnum(f[i - 1]) {
                var start = i - 1
                while start > range.lowerBound && FoldedScan.isAlnum(f[start - 1]) && i - start < 8 { start -= 1 }
                if FoldedScan.isDigit(f[start]), let number = parse(text, at: start, limit: limit, floor: range.lowerBound) {
                    result.append(number)
                    i = number.range.upperBound
                    continue
                }
            } else if b == 0x2F, let draft = parseDraft(text, slash: i, limit: limit, floor: range.lowerBound) {
                result.append(draft)
                i = draft.range.upperBound
                continue
            }
            i += 1
        }
        return result
    }

    /// The number that starts at `position` (spaces skipped), e.g. right after `Số:`; drafts included.
    public func number(in text: NormalizedText, at position: Int) -> DocumentNumber? {
        let f = text.folded
        var k = position
        while k < f.count && f[k] == 0x20 { k += 1 }
        guard k < f.count else { return nil }
        if FoldedScan.isDigit(f[k]) {
            if let n = parse(text, at: k, limit: f.count, floor: 0) { return n }
            // Digits split by OCR (`Số: 2 305/UBND-KT`, `Số: 1 9 7/QĐ-UBND`): the parse at the last group joins them.
            var last = k, end = FoldedScan.digits(f, k, limit: f.count).end
            while end + 1 < f.count, f[end] == 0x20, FoldedScan.isDigit(f[end + 1]), end - k < 12 {
                last = end + 1
                end = FoldedScan.digits(f, last, limit: f.count).end
            }
            return last > k ? parse(text, at: last, limit: f.count, floor: 0) : nil
        }
        // A blank running number: spaces, dots or underscores, then the slash.
        var s = k
        while s < f.count && (f[s] == 0x2E || f[s] == 0x5F || f[s] == 0x20) { s += 1 }
        guard s < f.count, f[s] == 0x2F else { return nil }
        return symbolAfterSlash(text, slash: s, limit: f.count)
    }

    // MARK: - Parsing

    /// Parses a number whose running number starts at `start`; nil when the grammar does not match.
    func parse(_ text: NormalizedText, at start0: Int, limit: Int, floor: Int) -> DocumentNumber? {
        let f = text.folded, u = text.units
        var start = start0
        // The byte before the running number must not continue another token (`1/16/3`, `2.250/`).
        if start > floor {
            let p = f[start - 1]
            if FoldedScan.isAlnum(p) || p == 0x2F || p == 0x2D || (p == 0x2E && start - 1 > floor && FoldedScan.isDigit(f[start - 2])) {
                return nil
            }
        }
        var k = start
        let run = FoldedScan.digits(f, k, limit: limit)
        k = run.end
        let digitCount = k - start
        guard digitCount >= 1 && digitCount <= 6 else { return nil }
        // One letter may follow the digits (`30c/NQ-CP`).
        if k < limit && FoldedScan.isLetter(f[k]) && u[k] < 0x80 && k + 1 < limit && (f[k + 1] == 0x2F || f[k + 1] == 0x2D) { k += 1 }
        guard k < limit else { return nil }
        var running = UTF16String.make(u[start..<k])
        // Digits split by single spaces after `số` or `Số:`: thousands (`số 1 034/TTr-STNMT`) or every digit
        // (`số 1 9 7/QĐ-TTg`); at most six digits in all.
        if start - 2 >= floor, f[start - 1] == 0x20, FoldedScan.isDigit(f[start - 2]) {
            var a = start, total = digitCount
            while a - 2 >= floor, f[a - 1] == 0x20, FoldedScan.isDigit(f[a - 2]) {
                var g = a - 2
                while g > floor && FoldedScan.isDigit(f[g - 1]) { g -= 1 }
                guard total + (a - 1 - g) <= 6 else { break }
                total += a - 1 - g
                a = g
            }
            let before = FoldedScan.skipGapBack(f, a, floor: floor)
            // Anchored by `số` or `Số:`, a running number of at most six digits may be split anywhere
            // (`1 034`, `1 9 7`, `2 15`); the last group has at most three digits.
            if a < start, digitCount <= 3, before > floor,
               f[before - 1] == 0x3A || FoldedScan.wordEndingAt(f, before, "so", floor: floor) {
                var joined: [UInt16] = []
                for k in a..<start where f[k] != 0x20 { joined.append(u[k]) }
                running = UTF16String.make(joined) + running
                start = a
            }
        }
        let sep = f[k]
        if sep == 0x2F {
            // Legal: N/YYYY/SYMBOL.
            var year: Int? = nil
            var symbolStart = k + 1
            if symbolStart + 5 <= limit {
                let y = FoldedScan.digits(f, symbolStart, limit: limit)
                if y.end - symbolStart == 4, y.end < limit, f[y.end] == 0x2F, y.value >= 1945, y.value <= 2100 {
                    year = y.value
                    symbolStart = y.end + 1
                }
            }
            guard let symbol = parseSymbol(text, from: symbolStart, limit: limit, glued: true) else { return nil }
            return build(range: start..<symbol.end, running: running, year: year, segments: symbol.segments, party: nil)
        }
        if sep == 0x2D {
            // Party: N-TYPE/ISSUER.
            let typeStart = k + 1
            guard typeStart < limit, VietnameseLetters.isUpper(u[typeStart]) else { return nil }
            var e = typeStart
            while e < limit && (VietnameseLetters.isLetter(u[e])) { e += 1 }
            guard e < limit, f[e] == 0x2F, e - typeStart <= 5 else { return nil }
            let rawType = UTF16String.make(u[typeStart..<e])
            let type = codes.repaired(rawType)
            guard codes.isType(type) || codes.looksLikeCode(type) else { return nil }
            guard let issuer = parseSymbol(text, from: e + 1, limit: limit, glued: false) else { return nil }
            return build(range: start..<issuer.end, running: running, year: nil, segments: issuer.segments, party: type)
        }
        return nil
    }

    /// A draft number: a slash after `Số:` and a blank (`Số: /TB-UBND`, `Số:      /QĐ-UBND`, `Số: ...../KH-UBND`).
    func parseDraft(_ text: NormalizedText, slash: Int, limit: Int, floor: Int) -> DocumentNumber? {
        let f = text.folded
        var k = slash
        while k > floor && (f[k - 1] == 0x20 || f[k - 1] == 0x2E || f[k - 1] == 0x5F) { k -= 1 }
        if k > floor && f[k - 1] == 0x3A { k -= 1 }
        while k > floor && f[k - 1] == 0x20 { k -= 1 }
        guard FoldedScan.wordEndingAt(f, k, "so", floor: floor) else { return nil }
        return symbolAfterSlash(text, slash: slash, limit: limit)
    }

    private func symbolAfterSlash(_ text: NormalizedText, slash: Int, limit: Int) -> DocumentNumber? {
        guard let symbol = parseSymbol(text, from: slash + 1, limit: limit, glued: true) else { return nil }
        return build(range: slash..<symbol.end, running: "", year: nil, segments: symbol.segments, party: nil)
    }

    /// Code segments joined by hyphens from `from`: each starts with an upper-case letter and runs
    /// over letters and digits. A hyphen at a line end continues the symbol when the next line
    /// starts with a known code (`NQ-⏎HĐND`). With `glued`, a single unknown first segment is
    /// split into type + issuer (`QĐUBND`).
    func parseSymbol(_ text: NormalizedText, from: Int, limit: Int, glued: Bool) -> (segments: [String], end: Int)? {
        let f = text.folded, u = text.units
        var segments: [String] = []
        var k = from
        var end = from
        while k < limit, VietnameseLetters.isUpper(u[k]) {
            let s = k
            while k < limit && (VietnameseLetters.isLetter(u[k]) || FoldedScan.isDigit(f[k])) { k += 1 }
            if k - s > 24 { return nil }
            segments.append(UTF16String.make(u[s..<k]))
            end = k
            guard k < limit, f[k] == 0x2D else { break }
            var next = k + 1
            if next < limit && (f[next] == 0x0A || f[next] == 0x20) {
                // Only a broken line (or a stray space) before a known code continues the symbol.
                let n2 = next + 1
                var e = n2
                while e < limit && VietnameseLetters.isLetter(u[e]) { e += 1 }
                guard e > n2, codes.isKnown(codes.repaired(UTF16String.make(u[n2..<e]))) else { break }
                next = n2
            }
            guard next < limit, VietnameseLetters.isUpper(u[next]) else { break }
            k = next
            if segments.count >= 6 { break }
        }
        guard !segments.isEmpty else { return nil }
        // The symbol must end at a word boundary (`UBND,` or `UBND.` but not `UBNDabc`).
        if end < limit && FoldedScan.isAlnum(f[end]) { return nil }
        var repaired: [String] = []
        for (index, raw) in segments.enumerated() {
            let r = codes.repaired(raw)
            if glued, index == 0, !codes.isKnown(r), let parts = codes.split(raw) {
                repaired.append(parts.type); repaired.append(parts.issuer)
            } else {
                repaired.append(r)
            }
        }
        guard repaired.contains(where: { codes.isKnown($0) || codes.looksLikeCode($0) }) else { return nil }
        return (repaired, end)
    }

    /// Assembles the normalized number and its parts.
    private func build(range: Range<Int>, running: String, year: Int?, segments: [String], party: String?) -> DocumentNumber {
        if let partyType = party {
            let issuer = segments.joined(separator: "-")
            let symbol = partyType + "/" + issuer
            return DocumentNumber(range: range, number: running + "-" + symbol, symbol: symbol, typeCode: partyType,
                                  issuerCode: segments.first, year: nil, grammar: .party, isDraft: false)
        }
        let symbol = segments.joined(separator: "-")
        var typeCode: String? = nil
        var issuerCode: String? = nil
        var grammar: DocumentNumber.Grammar = year == nil ? .administrative : .legal
        if codes.isType(segments[0]) {
            typeCode = segments[0]
            issuerCode = segments.count > 1 ? segments[1] : nil
            if year == nil && codes.hasSystem(segments[0], "legal") && !codes.hasSystem(segments[0], "admin") { grammar = .legal }
        } else {
            // Laws and National Assembly resolutions: N/YYYY/QH14, UBTVQH15.
            let letters = String(segments[0].unicodeScalars.prefix(while: { !("0"..."9").contains($0) }))
            if year != nil, letters != segments[0], codes.isIssuer(letters) {
                grammar = .law
                issuerCode = letters
            } else {
                issuerCode = segments[0]
            }
        }
        let number = running + "/" + (year.map { String($0) + "/" } ?? "") + symbol
        return DocumentNumber(range: range, number: number, symbol: symbol, typeCode: typeCode, issuerCode: issuerCode,
                              year: year, grammar: grammar, isDraft: running.isEmpty)
    }
}
