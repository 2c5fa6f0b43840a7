import VanBanExtract
import VanBanText

/// An issuer as the linker compares it: the canonical name and its folded key.
///
/// One object per written form (so its display name never depends on which form came first);
/// forms with the same key share `id`, so comparing issuers is comparing integers.
final class IssuerName {
    /// The canonical name (`UBND tỉnh Quảng Ngãi`), for display.
    let name: String
    /// Folded words (`ubnd tinh quang ngai`): no tone marks, `đ` as `d`, lower case, single spaces,
    /// none around a hyphen.
    let key: [UInt8]
    /// The key's number among the keys of one link run: equal keys, equal ids.
    let id: Int
    /// Whether the name says which body it is (see `DocumentLinker.isSpecific`), computed once.
    let isSpecific: Bool

    init(name: String, key: [UInt8], id: Int, isSpecific: Bool) {
        self.name = name; self.key = key; self.id = id; self.isSpecific = isSpecific
    }

    /// How two issuers of one number relate.
    enum Agreement { case same, compatible, contradicts }

    /// `same` when the keys are equal; `compatible` when one is the other followed by more words
    /// (`UBND tỉnh` and `UBND tỉnh Quảng Ngãi`: the short form does not say which province, so it
    /// does not contradict, but it does not support either); else `contradicts`.
    func agreement(with other: IssuerName) -> Agreement {
        if id == other.id { return .same }
        let (short, long) = key.count < other.key.count ? (key, other.key) : (other.key, key)
        if long.count > short.count && long.starts(with: short) && long[short.count] == 0x20 { return .compatible }
        return .contradicts
    }

    /// The key as ASCII text for node ids (a letter with no ASCII base as `~`).
    var keyString: String { String(decoding: key.map { $0 >= 0x80 ? 0x7E : $0 }, as: UTF8.self) }
}

/// Canonical issuer names for linking, reusing the extractor's agency canonicalisation.
///
/// `AgencyExtractor.canonicalName` makes `Ủy ban nhân dân tỉnh Quảng Ngãi` and `UBND tỉnh Quảng Ngãi`
/// one name (lexicon `agencies.tsv`); a position written before the body (`Chủ tịch UBND tỉnh
/// Kiên Giang`, the signer of a Quyết định issued in the UBND's series) is dropped when it is a
/// position of `positions.tsv`, since the number series is the body's. A name the lexicon does not
/// know is compared as written, folded. Results are cached: a corpus names few distinct issuers.
final class IssuerNames {
    private let agencies: AgencyExtractor
    private let positionKeys: Set<[UInt8]>
    private let specific: (String, [UInt8]) -> Bool
    private var cache: [String: IssuerName?] = [:]
    private var ids: [[UInt8]: Int] = [:]

    /// `specific` tells whether a name (and its folded key) says which body it is.
    init(lexicon: Lexicon, specific: @escaping (String, [UInt8]) -> Bool) {
        self.specific = specific
        self.agencies = AgencyExtractor(lexicon: lexicon)
        var keys = Set<[UInt8]>()
        for p in lexicon.positions {
            for title in [p.title] + p.aliases { keys.insert(PhraseMatcher.foldKey(title)) }
        }
        self.positionKeys = keys
    }

    /// The canonical issuer of a written name; nil for nil or blank.
    func name(_ written: String?) -> IssuerName? {
        guard let written else { return nil }
        if let cached = cache[written] { return cached }
        let result = canonical(written)
        cache[written] = result
        return result
    }

    /// The folded key of a name: `PhraseMatcher.foldKey`, without spaces around a hyphen
    /// (`Bà Rịa - Vũng Tàu` and `Bà Rịa-Vũng Tàu` are one name).
    static func key(_ name: String) -> [UInt8] {
        var key: [UInt8] = []
        for byte in PhraseMatcher.foldKey(name) {
            if byte == 0x20 && key.last == 0x2D { continue }
            if byte == 0x2D && key.last == 0x20 { key.removeLast() }
            key.append(byte)
        }
        return key
    }

    /// An issuer named directly by a central code of the number (`TTg` → `Thủ tướng Chính phủ`).
    func name(of issuer: Lexicon.Issuer) -> IssuerName? { name(issuer.name) }

    private func canonical(_ written: String) -> IssuerName? {
        let words = written.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
        guard !words.isEmpty else { return nil }
        let collapsed = words.joined(separator: " ")
        var name = agencies.canonicalName(collapsed)
        if name == nil {
            // `Chủ tịch UBND tỉnh X`, `Bộ trưởng Bộ Y tế`: the longest leading position with a body after it.
            var k = min(words.count - 1, 5)
            while k >= 1 && name == nil {
                if positionKeys.contains(PhraseMatcher.foldKey(words[0..<k].joined(separator: " "))) {
                    name = agencies.canonicalName(words[k...].joined(separator: " "))
                }
                k -= 1
            }
        }
        let display = name ?? collapsed
        let key = Self.key(display)
        guard !key.isEmpty else { return nil }
        let id: Int
        if let known = ids[key] { id = known } else { id = ids.count; ids[key] = id }
        return IssuerName(name: display, key: key, id: id, isSpecific: specific(display, key))
    }
}
