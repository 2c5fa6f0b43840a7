import Testing
import VanBanExtract
import VanBanText

/// The folded phrase matcher every extractor uses for lexicon phrases.
struct PhraseMatcherTests {
    static func matcher(frozen: Bool) -> PhraseMatcher {
        var m = PhraseMatcher()
        for (k, phrase) in ["Sở Nội vụ", "Sở", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân", "UBND", "chủ trì", "do … chủ trì"].enumerated() {
            m.add(phrase, payload: k)
        }
        if frozen { m.freeze() }
        return m
    }

    static func found(_ text: String, frozen: Bool) -> [String] {
        let normalized = Normalizer().normalize(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        return matcher(frozen: frozen).matches(in: normalized.folded, range: 0..<normalized.count).map { normalized.text($0.range) }
    }

    @Test("leftmost-longest whole-word matches, accent- and case-insensitive, across a line break", arguments: [
        ("Giao Sở Nội vụ chủ trì", ["Sở Nội vụ", "chủ trì"], "the longest phrase at a start wins"),
        ("SỞ NỘI VỤ", ["SỞ NỘI VỤ"], "capitals"),
        ("Sở Nội vụ tỉnh", ["Sở Nội vụ"], "no partial word"),
        ("Sởx Nội", [], "a phrase must end on a word boundary"),
        ("Giao Sở Nội\nVụ", ["Sở Nội\nVụ"], "a single line break left by the normalizer matches a space"),
        ("Uỷ ban nhân dân huyện", ["Ủy ban nhân dân"], "either tone placement (the normalized text has the canonical one)"),
        ("XUBND", [], "inside a longer word"),
        ("Hội nghị do Sở chủ trì", ["Sở", "chủ trì"], "gap phrases are not literal phrases"),
    ] as [(String, [String], String)])
    func matches(text: String, expected: [String], reason: String) {
        #expect(Self.found(text, frozen: true) == expected, "\(reason)")
        #expect(Self.found(text, frozen: false) == expected, "\(reason) (before freezing)")
    }

    @Test("gap phrases split into their two sides")
    func gaps() {
        #expect(PhraseMatcher.gapParts("do … chủ trì")?.head == "do ")
        #expect(PhraseMatcher.gapParts("do … chủ trì")?.tail == " chủ trì")
        #expect(PhraseMatcher.gapParts("chủ trì") == nil)
    }

    @Test("payloads: every entry of a folded phrase, in insertion order, once each; frozen or not")
    func payloads() {
        for frozen in [true, false] {
            var m = PhraseMatcher()
            m.add("Sở Nội vụ", payload: 7)
            m.add("SỞ NỘI VỤ", payload: 3)      // the same folded phrase: a second payload
            m.add("SỞ NỘI VỤ", payload: 7)      // a repeated payload is kept once
            m.add("Sở", payload: 1)
            if frozen { m.freeze() }
            #expect(m.isFrozen == frozen)
            let folded = Array("giao so noi vu chu tri".utf8)
            let match = m.longestMatch(in: folded, at: 5)
            #expect(match?.range == 5..<14)
            #expect(match?.payloads == [7, 3])
            #expect(m.longestMatch(in: folded, at: 5, limit: 13)?.payloads == [1], "a limit cuts the phrase")
            #expect(m.longestMatch(in: folded, at: 0) == nil)
            #expect(m.longestMatch(in: folded, at: 5, limit: 200)?.range == 5..<14, "a limit past the end is the end")
            #expect(m.longestMatch(in: folded, at: 22) == nil && m.longestMatch(in: [], at: 0) == nil)
        }
    }

    @Test("adding after freezing thaws the matcher; freezing again sees the new phrase")
    func refreeze() {
        var m = PhraseMatcher()
        m.add("chủ trì", payload: 0)
        m.freeze()
        m.add("phối hợp", payload: 1)
        #expect(!m.isFrozen)
        let folded = Array("phoi hop".utf8)
        #expect(m.longestMatch(in: folded, at: 0)?.payloads.first == 1)
        m.freeze()
        #expect(m.longestMatch(in: folded, at: 0)?.payloads.first == 1)
    }
}
