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

    /// The bad-input matrix: UTF-16 without a byte-order mark was called a binary file.
    @Test("UTF-16 without a BOM is decoded; NUL-laden binary is still binary")
    func bomlessUTF16() throws {
        let text = "Giao Sở Nội vụ chủ trì trước ngày 31/3/2024 😀"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try Fixture.pipeline.decoder.decode(le, path: "x").encoding == "utf-16le")
        #expect(try Fixture.pipeline.decoder.decode(be, path: "x").string == text)
        let ints: [UInt8] = (0..<64).flatMap { [UInt8($0), 0, 0, 0] }
        #expect(throws: DecodeError.self) { try Fixture.pipeline.decoder.decode(ints, path: "x") }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(throws: DecodeError.self) { try Fixture.pipeline.decoder.decode(png, path: "x") }
    }

    /// The bad-input matrix: a 1 MB line of `Giao … Kế hoạch số … trước ngày …,` took minutes. Each
    /// citation weighed every relation trigger of its (endless) sentence, and each date was checked
    /// against every citation. Now triggers count within a window and dates find their citation by
    /// binary search. (BadInputTests.linearTime checks the time end to end.)
    @Test("a sentence of thousands of citations keeps its relations and citation dates")
    func longSentence() {
        let unit = "Thực hiện Kế hoạch số 12/KH-UBND ngày 14/8/2018 của UBND tỉnh, "
        let bytes = Array(String(repeating: unit, count: 300).utf8)
        let source = try! Fixture.pipeline.decoder.decode(bytes, path: "x")
        let document = Fixture.pipeline.extract(source).documents[0]
        #expect(document.citations.count == 300)
        #expect(document.citations.allSatisfy { $0.relation == .implements })
        #expect(document.dates.filter { $0.role == .citation }.count == 300)
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
