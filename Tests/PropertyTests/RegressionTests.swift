import Foundation
import Testing
import VanBanExport
import VanBanExtract
import VanBanText

/// Inputs that the property tests and the fuzzer found, each kept so it stays fixed.
@Suite struct RegressionTests {
    /// Found by the property tests: a U+FEFF inside the text, right after a tab, vanished when
    /// Foundation parsed the JSON (its parser drops a raw BOM that follows an escape), so the
    /// record's text no longer matched its span. The writer now escapes U+FEFF (and U+2028/9).
    @Test("a byte-order mark inside the text survives the JSON round trip")
    func bomInsideText() throws {
        for input in ["ca\t\u{FEFF}, x", "\u{FEFF}\u{FEFF}", "a\u{2028}b\u{2029}c\n\u{FEFF}"] {
            var w = JSONWriter()
            w.string(input)
            #expect(!w.bytes.contains(0xEF) && !w.bytes.contains(0xE2), "escaped, not raw")
            let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
            #expect(parsed.map { Array($0.unicodeScalars) } == Array(input.unicodeScalars))
        }
        let bytes = Array("2.2 Sở Tư pháp nâng ca\t\u{FEFF}, &amp;\tBCD 3. Đề nghị Ủy ban \tCẤP TỈNH, UBND CÁC HUYỆN".utf8)
        Fixture.check(bytes, "the case the property test found")
    }

    /// Found by the property tests: CSV cells that start with a tab or carriage return can be read
    /// as formulas by some spreadsheets; they are neutralised like = + - @.
    @Test("CSV cells starting with a tab or a carriage return are neutralised")
    func csvLeadingControl() {
        #expect(TaskTable.csvField("\t=1+1") == "'\t=1+1")
        #expect(TaskTable.csvField("\r=1+1") == "\"'\r=1+1\"")
        #expect(TaskTable.csvField("Sở Nội vụ") == "Sở Nội vụ")
    }

    /// The committed fuzzer regression inputs (`Fuzz/regressions/*`) run through every check.
    @Test("every input the fuzzer once crashed on is handled")
    func fuzzRegressions() throws {
        let folder = Fixture.root.appendingPathComponent("Fuzz/regressions")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            Fixture.check(bytes, "Fuzz/regressions/\(name)")
        }
    }
}
