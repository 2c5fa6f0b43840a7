import Foundation
import Testing
@testable import VanBanText

/// The tokenize stage: tokens, sentences and the section tree.
struct TokenizerTests {
    func tokens(_ text: String) -> [(String, Token.Kind)] {
        let normalized = Fixtures.normalize(text)
        return Tokenizer().tokens(normalized).map { (normalized.text($0.range), $0.kind) }
    }

    @Test("document numbers, dates and codes stay one token", arguments: [
        ("Số: 89/TB-UBND ngày", "89/TB-UBND", Token.Kind.code),
        ("theo 60/2021/NĐ-CP", "60/2021/NĐ-CP", .code),
        ("Nghị quyết 05-NQ/TU", "05-NQ/TU", .code),
        ("ngày 16/3/2021", "16/3/2021", .code),
        ("V/v thực hiện", "V/v", .word),
        ("Sở TT&TT tỉnh", "TT&TT", .word),
        ("TP. Hồ Chí Minh", "TP.", .word),
    ])
    func joined(text: String, token: String, kind: Token.Kind) {
        #expect(tokens(text).contains { $0.0 == token && $0.1 == kind })
    }

    @Test("syllables are words and carry their folded key")
    func syllables() {
        let normalized = Fixtures.normalize("Chủ tịch UBND tỉnh")
        let result = Tokenizer().tokens(normalized)
        #expect(result.map { normalized.text($0.range) } == ["Chủ", "tịch", "UBND", "tỉnh"])
        #expect(result.map { String(decoding: normalized.folded[$0.range], as: UTF8.self) } == ["chu", "tich", "ubnd", "tinh"])
    }

    func sentences(_ text: String) -> [String] {
        let normalized = Fixtures.normalize(text)
        return SentenceSplitter().sentences(normalized).map { normalized.text($0) }
    }

    @Test("sentences: abbreviations and heading markers do not end one", arguments: [
        ("Tại TP. Hồ Chí Minh. Sau đó về Hà Nội.", ["Tại TP. Hồ Chí Minh.", "Sau đó về Hà Nội."]),
        ("1. Giao Sở Nội vụ chủ trì. Báo cáo trước ngày 30/6.", ["1. Giao Sở Nội vụ chủ trì.", "Báo cáo trước ngày 30/6."]),
        ("II. Nhiệm vụ trọng tâm\n1. Mục tiêu", ["II. Nhiệm vụ trọng tâm", "1. Mục tiêu"]),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ])
    func sentenceRules(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test("sentence splitting of corpus documents", arguments: [
        "seeds/docs/001_37b80a9612fe85b6.txt", "seeds/docs/000_77bfcccac11defc6.txt", "dev/docs/102.txt", "dev/docs/104.txt",
    ])
    func corpusSentences(path: String) throws {
        let text = Normalizer().normalize(try Fixtures.corpus(path))
        let ranges = SentenceSplitter().sentences(text)
        #expect(ranges.count > 10)
        var previous = 0
        for range in ranges {
            #expect(range.lowerBound >= previous && !range.isEmpty)
            #expect(!text.folded[range].contains(0x0A), "a sentence never spans a line break")
            previous = range.upperBound
        }
    }

    @Test("a numbered item of the seed notice is one sentence, its next sentence another")
    func seedSentence() throws {
        let text = Normalizer().normalize(try Fixtures.corpus("seeds/docs/001_37b80a9612fe85b6.txt"))
        let all = SentenceSplitter().sentences(text).map { text.text($0) }
        #expect(all.contains("2. Giao Cơ quan Tổ chức – Nội vụ có trách nhiệm theo dõi, đôn đốc, tổng hợp, tham mưu UBND huyện báo cáo kết quả triển khai thực hiện."))
        #expect(all.contains("Hàng quý báo cáo kết quả thực hiện về UBND huyện (qua Cơ quan Tổ chức – Nội vụ) để theo dõi, chỉ đạo."))
    }

    func outline(_ path: String) throws -> (SectionTree, NormalizedText) {
        let text = Normalizer().normalize(try Fixtures.corpus(path))
        return (SectionTree(text), text)
    }

    @Test("section tree of the seed notice: I/II, numbered items, and dashes under 'Giao Giám đốc Sở Nội vụ'")
    func seedOutline() throws {
        let (tree, text) = try outline("seeds/docs/001_37b80a9612fe85b6.txt")
        let romans = tree.nodes.filter { $0.kind == .roman }.map(\.label)
        #expect(romans == ["I", "II"])
        let giao = try #require(tree.nodes.firstIndex { text.text($0.line).hasPrefix("2. Giao Giám đốc Sở Nội vụ") })
        #expect(tree.label(of: giao) == "II.2")
        let dashes = tree.nodes[giao].children.map { tree.nodes[$0] }
        #expect(dashes.count == 5)
        #expect(dashes.allSatisfy { $0.kind == .dash })
        #expect(text.text(dashes[2].line).hasPrefix("- Khẩn trương tham mưu"))
        // The dash item is found from a position inside its text.
        let inside = dashes[2].line.lowerBound + 10
        #expect(tree.innermost(containing: inside) == tree.nodes[giao].children[2])
    }

    @Test("section tree of an HĐND resolution: articles, numbered fields and dashes")
    func resolutionOutline() throws {
        let (tree, text) = try outline("dev/docs/102.txt")
        let articles = tree.nodes.enumerated().filter { $0.element.kind == .article }
        #expect(articles.map(\.element.label).prefix(2) == ["1", "2"])
        let article2 = articles[1].offset
        let fields = tree.nodes[article2].children.map { tree.nodes[$0] }
        #expect(fields.first.map { text.text($0.line).hasPrefix("1. Về lĩnh vực Tài nguyên Môi trường") } == true)
        let firstField = tree.nodes[article2].children[0]
        #expect(tree.nodes[firstField].children.contains { tree.nodes[$0].kind == .dash })
        #expect(tree.label(of: firstField) == "2.1")
    }

    static func sameTokens(_ a: [Token], _ b: [Token]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.range == $1.range && $0.kind == $1.kind }
    }

    @Test("the word segmenter gives ICU's tokens and kinds on every corpus document")
    func segmenterMatchesICUOnCorpus() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path)
            .flatMap { set in
                ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus/\(set)/docs").path)) ?? [])
                    .filter { $0.hasSuffix(".txt") }.map { "\(set)/docs/\($0)" }
            }
        #expect(docs.count >= 30)
        var fast = 0
        for path in docs {
            let text = Normalizer().normalize(try Fixtures.corpus(path))
            if WordSegments.segments(text.units) != nil { fast += 1 }
            #expect(Self.sameTokens(Tokenizer().tokens(text), Tokenizer().icuTokens(text)), "\(path)")
        }
        #expect(fast * 2 >= docs.count, "most documents stay within the segmenter's repertoire")
    }

    @Test("the word segmenter gives ICU's tokens and kinds on random strings of its repertoire, and defers outside it")
    func segmenterMatchesICUOnRandomText() {
        let alphabet: [String] = ["a", "b", "Q", "H", "ệ", "Đ", "ư", "ồ", "1", "0", "9", ".", ".", ",", ";", "'", "’", ":", "-", "/",
                                  " ", " ", " ", "\n", "(", ")", "“", "”", "–", "—", "…", "•", "&", "%", "$", "#", "*", "?", "!", "\"", "@",
                                  "x", "v", "2", "7", "Ý", "ÿ", "ƀ", "ǅ", "+", "=", "|", "~", "@", "[", "]", "{", "}", "<", ">", "^", "`", "\\",
                                  "§", "©", "«", "®", "°", "±", "»", "×", "÷", "‹", "›", "™", "€", "‰", "●", "▪", "\u{F0B7}", "_", "_"]
        var rng = SplitMix(seed: 0x5EED_7E57)
        var checked = 0
        for round in 0..<3000 {
            let length = 1 + round % 40
            let string = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let text = Fixtures.normalize(string)
            guard text.count > 0 else { continue }
            let ours = Tokenizer().tokens(text), icu = Tokenizer().icuTokens(text)
            #expect(Self.sameTokens(ours, icu), "\(string.debugDescription)")
            if WordSegments.segments(text.units) != nil { checked += 1 }
        }
        #expect(checked > 1000)
        // `_` joins letters, digits and itself; the status after a final `_` is its pair's.
        for string in ["_", "__", "a_", "1_", "_1", "_a", "a__", "1__", "__1", "a_1", "1_a", "_._", "1_,2", "a_.b", "a._b", "1._2",
                       "ten_file_2024.docx", "so_89/TB-UBND", "x _ y", "Đ_ệ", "___"] {
            let text = Fixtures.normalize(string)
            #expect(WordSegments.segments(text.units) != nil, "\(string)")
            #expect(Self.sameTokens(Tokenizer().tokens(text), Tokenizer().icuTokens(text)), "\(string.debugDescription)")
        }
        // Outside the repertoire the segmenter defers: `@`, other scripts, symbols.
        for string in ["x@y.vn", "日本語", "x ☺ y", "a\u{00B7}b", "½", "𝟙"] {
            #expect(WordSegments.segments(Fixtures.normalize(string).units) == nil, "\(string)")
        }
    }

    @Test("the sentence boundaries are ICU's on every corpus document")
    func sentenceBoundariesMatchICUOnCorpus() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path)
            .flatMap { set in
                ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus/\(set)/docs").path)) ?? [])
                    .filter { $0.hasSuffix(".txt") }.map { "\(set)/docs/\($0)" }
            }
        #expect(docs.count >= 30)
        var fast = 0
        for path in docs {
            let text = Normalizer().normalize(try Fixtures.corpus(path))
            guard let ours = SentenceBoundaries.boundaries(text.units) else { continue }
            fast += 1
            #expect(ours == SentenceBoundaries.icuBoundaries(text.units), "\(path)")
        }
        #expect(fast * 2 >= docs.count, "most documents have no unit the sentence rules leave to ICU")
    }

    @Test("the sentence boundaries are ICU's on random strings of terminators, closers, spaces and letters, and defer on Extend, Format, Sep, CR")
    func sentenceBoundariesMatchICUOnRandomText() {
        let alphabet: [String] = ["a", "b", "Q", "H", "ệ", "Đ", "ĸ", "ǅ", "ƻ", "ʰ", "ª", "1", "0", "²", ".", ".", ".", "!", "?", "‼", "。", "．", "﹒", "؟",
                                  ",", ";", ":", "-", "–", "、", " ", " ", " ", "\u{3000}", "\n", "\n", "(", ")", "“", "”", "\"", "'", "’", "«", "»",
                                  "【", "】", "…", "•", "&", "%", "/", "中", "ж", "Ω", "ω", "Ⅻ", "ⅻ", "$"]
        var rng = SplitMix(seed: 0x5E47_E1CE)
        var checked = 0
        for round in 0..<4000 {
            let length = 1 + round % 48
            let units = Array((0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined().utf16)
            guard let ours = SentenceBoundaries.boundaries(units) else { continue }
            checked += 1
            #expect(ours == SentenceBoundaries.icuBoundaries(units), "\(String(decoding: units, as: UTF16.self).debugDescription)")
        }
        #expect(checked > 3000)
        for string in ["a.\u{0301}b", "a.\u{00AD}B", "a.\u{2028}b", "a.\rb", "a \u{1F600}. b"] {
            #expect(SentenceBoundaries.boundaries(Array(string.utf16)) == nil, "\(string.debugDescription)")
        }
    }
}

/// A small seeded generator, so the random-text test is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
