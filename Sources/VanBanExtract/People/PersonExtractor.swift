import Foundation
import VanBanText

/// Finds people named with their positions, and the signer.
///
/// Three frames: an honorific before the name (`đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh`,
/// `ông Nguyễn Văn A, Giám đốc Sở Nội vụ`, `đ/c …`); a position, maybe with its body, before the
/// name (`Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Nguyễn Ngọc Quang`); and the signature
/// block. A name is two to five capitalized syllables; without an honorific its first syllable must
/// be a family name (`Lexicons/family-names.tsv`), so `Chủ tịch UBND tỉnh Quảng Ngãi` names no
/// one, and a name that is a province (`Hà Giang`) or starts a body (`Ban Chỉ đạo`) is never a person.
public struct PersonExtractor: Sendable {
    public let lexicon: Lexicon
    let layout: LayoutExtractor
    /// Honorifics before a name (`honorifics.tsv`).
    let honorifics: PhraseMatcher

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.layout = LayoutExtractor(lexicon: lexicon)
        var m = PhraseMatcher()
        for (k, h) in lexicon.honorifics.enumerated() { m.add(h, payload: k) }
        m.freeze()
        self.honorifics = m
    }



    /// People in `range`; the signature block is read again from the last lines of the range.
    public func people(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention]) -> [PersonMention] {
        let text = analysis.text
        let tail = Self.tailLines(text, range, count: 40)
        return people(analysis, in: range, agencies: agencies, signer: layout.signer(text, tail))
    }

    /// People in `range`, with the signer the layout already read for this document (`DocumentRecord.signer`),
    /// so the signature block is not read twice.
    public func people(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention], signer: Signer?) -> [PersonMention] {
        let text = analysis.text
        let units = text.units, folded = text.folded
        var result: [PersonMention] = []
        var agencyAt: [Int: AgencyMention] = [:]
        for a in agencies { agencyAt[a.range.lowerBound] = a }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let wordStart = PhraseMatcher.isWordByte(folded[i]) && (i == 0 || !PhraseMatcher.isWordByte(folded[i - 1]))
            guard wordStart else { i += 1; continue }
            // Honorific + name.
            if let h = honorifics.longestMatch(in: folded, at: i, limit: end) {
                let s = LayoutScan.skipSpaces(folded, h.range.upperBound, end)
                if let n = name(units, folded, s, end, needFamily: false, agencyAt: agencyAt) {
                    let position = positionAfter(units, folded, n.upperBound, end, agencyAt: agencyAt)
                    result.append(PersonMention(range: i..<(position?.end ?? n.upperBound), name: Self.oneLine(text.text(n)), position: position?.text))
                    i = position?.end ?? n.upperBound
                    continue
                }
            }
            // Position (+ body) + name.
            if VietnameseLetters.isUpper(units[i]), let p = lexicon.positionMatcher.longestMatch(in: folded, at: i, limit: end),
               p.range.count > 3, let pi = p.payloads.first {
                var k = LayoutScan.skipSpaces(folded, p.range.upperBound, end)
                var title = lexicon.positions[pi].title
                if let a = agencyAt[k] {
                    title += " " + a.name
                    k = LayoutScan.skipSpaces(folded, a.range.upperBound, end)
                }
                if let n = name(units, folded, k, end, needFamily: true, agencyAt: agencyAt) {
                    result.append(PersonMention(range: i..<n.upperBound, name: Self.oneLine(text.text(n)), position: title))
                    i = n.upperBound
                    continue
                }
                i = p.range.upperBound
                continue
            }
            while i < end && PhraseMatcher.isWordByte(folded[i]) { i += 1 }
        }
        // The signer: the mention is the name's line, the last line of the block.
        if let s = signer, let name = s.name, range.contains(s.range.lowerBound) {
            var a = s.range.upperBound
            while a > s.range.lowerBound && folded[a - 1] != 0x0A && !LayoutScan.isGapBefore(text, a, floor: s.range.lowerBound) { a -= 1 }
            while a < s.range.upperBound && LayoutScan.isTrim(folded[a]) { a += 1 }
            let nameRange = a < s.range.upperBound ? a..<s.range.upperBound : s.range
            if !result.contains(where: { $0.name == name && $0.range.overlaps(s.range) }) {
                result.append(PersonMention(range: nameRange, name: name, position: s.position))
            }
        }
        return result
    }

    /// The last `count` layout lines of `range`, found from its end (not by splitting the whole range).
    static func tailLines(_ text: NormalizedText, _ range: Range<Int>, count: Int) -> [LayoutLine] {
        let f = text.folded
        var start = range.upperBound
        var breaks = 0
        // Three times as many line breaks as lines: blank and decoration lines are no lines.
        while start > range.lowerBound && breaks < count * 3 {
            start -= 1
            if f[start] == 0x0A { breaks += 1 }
        }
        if start > range.lowerBound { start += 1 }
        let lines = LayoutScan.lines(text, start..<range.upperBound)
        return Array(lines.suffix(count))
    }

    static func oneLine(_ s: String) -> String { s.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ") }

    /// A name at `k`: 2–5 capitalized syllables; with `needFamily` the first must be a family name.
    func name(_ units: [UInt16], _ folded: [UInt8], _ k: Int, _ end: Int, needFamily: Bool, agencyAt: [Int: AgencyMention]) -> Range<Int>? {
        guard k < end, VietnameseLetters.isUpper(units[k]) else { return nil }
        if agencyAt[k] != nil || lexicon.agencyMatcher.longestMatch(in: folded, at: k, limit: end) != nil { return nil }
        if lexicon.positionMatcher.longestMatch(in: folded, at: k, limit: end) != nil { return nil }
        var e = k
        var last = k
        var count = 0
        while e < end && count < 5 {
            var w = e
            while w < end && LayoutScan.isLetterByte(folded[w]) { w += 1 }
            guard w > e, LayoutScan.isNameSyllable(units, e..<w) else { break }
            if count == 0 && needFamily && !lexicon.familyNames.contains(Array(folded[e..<w])) { return nil }
            // A position or body after the name ends it ("Đặng Văn Minh Chủ tịch").
            if count >= 2 && (lexicon.positionMatcher.longestMatch(in: folded, at: e, limit: end) != nil
                              || lexicon.agencyMatcher.longestMatch(in: folded, at: e, limit: end) != nil) { break }
            last = w
            count += 1
            guard w < end, folded[w] == 0x20 || folded[w] == 0x0A else { break }
            e = w + 1
        }
        guard count >= 2 else { return nil }
        // A place is not a person.
        if let m = lexicon.provinceMatcher.longestMatch(in: folded, at: k, limit: last), m.range.upperBound == last { return nil }
        return k..<last
    }

    /// `- Chủ tịch UBND tỉnh` or `, Giám đốc Sở Nội vụ` right after a name.
    func positionAfter(_ units: [UInt16], _ folded: [UInt8], _ k: Int, _ end: Int, agencyAt: [Int: AgencyMention]) -> (text: String, end: Int)? {
        var s = LayoutScan.skipSpaces(folded, k, end)
        guard s < end, folded[s] == 0x2D || folded[s] == 0x2C || folded[s] == 0x28 else { return nil }
        s = LayoutScan.skipSpaces(folded, s + 1, end)
        guard let p = lexicon.positionMatcher.longestMatch(in: folded, at: s, limit: end), let pi = p.payloads.first,
              VietnameseLetters.isUpper(units[s]) else { return nil }
        var title = lexicon.positions[pi].title
        var e = p.range.upperBound
        let a0 = LayoutScan.skipSpaces(folded, e, end)
        if let a = agencyAt[a0] {
            title += " " + a.name
            e = a.range.upperBound
        }
        return (title, e)
    }
}
