import VanBanExtract
import VanBanText

/// What the link stage reads from a normalized document number (`89/TB-UBND`, `60/2021/NĐ-CP`,
/// `05-NQ/TU`, `294/UBND`, `72/2025/QH15`): the key it is compared by, the year segment of the
/// QPPL grammar, and the issuer its ký hiệu names.
final class NumberParts: Sendable {
    /// The number folded for comparison: tone marks and `đ` folded, ASCII upper case, no spaces
    /// (`QĐ-UBND`, `QD-UBND` and `qđ-ubnd` are one key, `QD-UBND`).
    let key: String
    /// The year segment of `N/YYYY/…` (QPPL numbers), nil for the other grammars.
    let year: Int?
    /// The issuer named by the ký hiệu (`CP` of `NĐ-CP`, `UBND` of `TB-UBND`, `TU` of `NQ/TU`)
    /// when the lexicon knows the code.
    let issuer: Lexicon.Issuer?

    /// A number of a central body with a year segment (`60/2021/NĐ-CP`, `72/2025/QH15`,
    /// `18/2020/QĐ-TTg`): unique in the whole country, so the number alone is its identity.
    /// A year segment under a local issuer (`15/2024/QĐ-UBND`) is not: every province has one.
    let isNational: Bool
    /// The key's number among the keys of one link run: equal keys, equal ids.
    let id: Int

    init(_ number: String, codes: IssuerCodes, id: (String) -> Int) {
        key = Self.foldKey(number)
        self.id = id(key)
        let parts = number.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var symbolParts: [String] = []
        var year: Int? = nil
        if parts.count >= 3, let y = Self.yearSegment(parts[1]) {
            year = y
            symbolParts = Array(parts[2...])
        } else if let first = parts.first, let dash = first.firstIndex(of: "-") {
            // Party grammar: `05-NQ/TU` (type after the hyphen, issuer after the slash).
            symbolParts = [String(first[first.index(after: dash)...])] + parts.dropFirst()
        } else {
            symbolParts = Array(parts.dropFirst())
        }
        self.year = year
        let codesInOrder = symbolParts.flatMap { $0.split(separator: "-").map(String.init) }.filter { !$0.isEmpty }
        self.issuer = codes.issuer(in: codesInOrder)
        self.isNational = year != nil && issuer?.level == "central"
    }

    /// `2021` from a segment of four digits in a plausible range.
    static func yearSegment(_ segment: String) -> Int? {
        let utf8 = Array(segment.utf8)
        guard utf8.count == 4, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(segment), (1945...2100).contains(y) else { return nil }
        return y
    }

    /// Folded, upper-case, without spaces: the comparison key of a number or code.
    static func foldKey(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for unit in s.utf16 {
            var byte = VietnameseLetters.fold(unit)
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { continue }
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
            if byte >= 0x80 { byte = 0x7E }  // a letter or symbol with no ASCII base
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The issuer codes of the lexicon (`issuers.tsv`), looked up by their folded form.
struct IssuerCodes: Sendable {
    private let byKey: [String: Lexicon.Issuer]
    private let typeCodes: Set<String>

    init(lexicon: Lexicon) {
        var byKey: [String: Lexicon.Issuer] = [:]
        for issuer in lexicon.issuers {
            let key = NumberParts.foldKey(issuer.code)
            if byKey[key] == nil { byKey[key] = issuer }
        }
        self.byKey = byKey
        var types = Set<String>()
        for t in lexicon.documentTypes where !t.code.isEmpty {
            types.insert(NumberParts.foldKey(t.code))
            for alias in t.aliases { types.insert(NumberParts.foldKey(alias)) }
        }
        self.typeCodes = types
    }

    /// The first code of a ký hiệu that names an issuer, after the type code when there is one
    /// (`TB`,`UBND` → UBND; `UBND`,`TH` → UBND; `QH15` → QH: the term number is dropped).
    func issuer(in codes: [String]) -> Lexicon.Issuer? {
        for (index, code) in codes.enumerated() {
            var key = NumberParts.foldKey(code)
            if index == 0 && codes.count > 1 && typeCodes.contains(key) { continue }
            if let issuer = byKey[key] { return issuer }
            while let last = key.utf8.last, last >= 0x30 && last <= 0x39 { key.removeLast() }
            if !key.isEmpty, let issuer = byKey[key] { return issuer }
        }
        return nil
    }
}
