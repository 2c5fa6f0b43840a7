import Foundation
import PropertyBased
import Testing
import VanBanExport
import VanBanExtract
import VanBanText

/// Properties of decode → normalize → tokenize → extract → export on generated input: random
/// Vietnamese-ish text built from corpus lines and awkward fragments, and corpus documents
/// mutated byte by byte. For every input: no crash; every record's span lies inside the text,
/// cuts it at scalar boundaries and `text[span] == record.text`; dates and deadlines are valid
/// calendar values at their precision; the vanban/1 JSON parses; CSV cells cannot start a
/// formula; extracting twice gives the same bytes.
///
/// The cases come from fixed seeds (repeatable, a few seconds in a debug build). To search
/// wider: `VANBAN_PROPERTY_CASES=2000 VANBAN_PROPERTY_SEED=7 swift test --filter PropertyTests`.
@Suite struct PipelinePropertyTests {
    /// Each value picks a fragment, a way to transform it and a separator.
    static let recipe = Gen.int(in: 0...Int.max).array(of: 1...48)

    static func text(from recipe: [Int]) -> String {
        var out = ""
        for r in recipe {
            let u = UInt64(bitPattern: Int64(r))
            let fromFragments = (u >> 20) % 5 < 2
            var piece = fromFragments ? Fixture.fragments[Int(u % UInt64(Fixture.fragments.count))]
                                      : Fixture.pool[Int(u % UInt64(Fixture.pool.count))]
            switch (u >> 32) % 12 {
            case 0: piece = piece.decomposedStringWithCanonicalMapping
            case 1: piece = piece.uppercased()
            case 2: piece = String(String.UnicodeScalarView(piece.unicodeScalars.prefix(Int((u >> 48) % 24))))
            case 3: piece = String(repeating: piece, count: 3)
            case 4: piece = piece.lowercased().decomposedStringWithCanonicalMapping
            default: break
            }
            out += piece
            out += ["", " ", "\n", "\r\n", "\n\n", "\t", " | ", ", ", ". ", "\n- ", ""][Int((u >> 40) % 11)]
        }
        return out
    }

    @Test("random Vietnamese-ish text satisfies every output property")
    func randomText() {
        for (k, recipe) in Fixture.cases(160, seed: 20_251_125, Self.recipe).enumerated() {
            let string = Self.text(from: recipe)
            let label = "random case \(k) \(string.debugDescription.prefix(120))"
            Fixture.check(Array(string.utf8), label)
            if k % 8 == 0 {  // the same text as UTF-16 with a BOM decodes to the same scalars
                var bytes: [UInt8] = [0xFF, 0xFE]
                for unit in string.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
                Fixture.check(bytes, label + " (UTF-16LE)")
            }
        }
    }

    /// The first value picks a document and a window of it; each further value is one mutation.
    static let mutation = Gen.int(in: 0...Int.max).array(of: 2...14)

    static func mutate(_ recipe: [Int]) -> [UInt8] {
        let first = UInt64(bitPattern: Int64(recipe[0]))
        let document = Fixture.corpus[Int(first % UInt64(Fixture.corpus.count))]
        let start = Int((first >> 16) % UInt64(max(1, document.count)))
        let length = 200 + Int((first >> 40) % 6000)
        var bytes = Array(document[start..<min(document.count, start + length)])
        for r in recipe.dropFirst() {
            let u = UInt64(bitPattern: Int64(r))
            let n = bytes.count
            let a = n == 0 ? 0 : Int((u >> 8) % UInt64(n + 1))
            let len = Int((u >> 24) % 160)
            let b = n == 0 ? 0 : Int((u >> 36) % UInt64(n + 1))
            switch u % 6 {
            case 0: bytes.removeSubrange(a..<min(n, a + len))
            case 1: bytes.insert(contentsOf: Array(bytes[a..<min(n, a + len)]), at: b)
            case 2:
                let (x, y) = (min(a, b), max(a, b))
                let l = min(len, y - x, n - y)
                if l > 0 {
                    let left = Array(bytes[x..<x + l]), right = Array(bytes[y..<y + l])
                    bytes.replaceSubrange(y..<y + l, with: left)
                    bytes.replaceSubrange(x..<x + l, with: right)
                }
            case 3:
                var random: [UInt8] = []
                var v = u >> 3
                for _ in 0..<(1 + Int((u >> 60) % 6)) { random.append(UInt8(truncatingIfNeeded: v)); v = v >> 7 | v << 57 }
                bytes.insert(contentsOf: random, at: a)
            case 4: bytes.insert(contentsOf: Array(Fixture.fragments[Int((u >> 40) % UInt64(Fixture.fragments.count))].utf8), at: a)
            default: bytes.removeSubrange(a..<n)
            }
        }
        return bytes
    }

    @Test("mutated corpus documents satisfy every output property, raw and repaired to valid UTF-8")
    func mutatedCorpus() {
        for (k, recipe) in Fixture.cases(70, seed: 42, Self.mutation).enumerated() {
            let bytes = Self.mutate(recipe)
            Fixture.check(bytes, "mutation case \(k) (raw bytes)")
            // Repaired: invalid sequences become U+FFFD and NUL a space, so extraction always runs.
            let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8).map { $0 == 0 ? 0x20 : $0 }
            Fixture.check(repaired, "mutation case \(k) (repaired) \(String(decoding: repaired.prefix(120), as: UTF8.self).debugDescription)")
        }
    }

    @Test("corpus documents keep their properties when decomposed (NFD) and with CRLF line ends")
    func corpusVariants() {
        for (k, bytes) in Fixture.corpus.enumerated() where k % 3 == 0 {
            let string = String(decoding: bytes, as: UTF8.self)
            let variant = k % 2 == 0 ? string.decomposedStringWithCanonicalMapping
                                     : string.replacingOccurrences(of: "\n", with: "\r\n")
            Fixture.check(Array(variant.utf8), "corpus document \(k) variant")
        }
    }

    @Test("the calendar checks themselves")
    func calendar() {
        #expect(Fixture.isDay("2024-02-29") && !Fixture.isDay("2023-02-29") && !Fixture.isDay("2024-13-01") && !Fixture.isDay("2024-04-31"))
        #expect(Fixture.validValue("2024-Q2", .quarter) && !Fixture.validValue("2024-Q5", .quarter))
        #expect(Fixture.validValue("2016/2020", .year) && !Fixture.validValue("2020/2016", .year) && Fixture.validValue("2024-03", .month))
    }
}
