import Foundation
import Testing
import VanBanText

/// Legacy Vietnamese encodings: the tables in Lexicons/encodings, table-driven decoding, and detection.
///
/// Fixtures are made here: a real administrative sentence is encoded into each legacy encoding with
/// the inverse of its table, then decoded and detected again.
@Suite struct LegacyEncodingTests {
    static let paragraph = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; "
        + "Ủy ban nhân dân tỉnh Quảng Ngãi yêu cầu các sở, ban, ngành thực hiện nghiêm túc. "
        + "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai thực hiện trước ngày 31/3/2024; "
        + "báo cáo kết quả về Ủy ban nhân dân tỉnh để theo dõi, chỉ đạo."

    static let names = ["tcvn3", "vni", "windows-1258"]

    // MARK: - Loading

    /// The directory holding Package.swift, found by walking up from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func table(_ name: String) throws -> TSVTable {
        let url = packageRoot.appendingPathComponent("Lexicons/encodings/\(name).tsv")
        let contents = try String(contentsOf: url, encoding: .utf8)
        return try TSVTable(contents: contents, path: url.path)
    }

    static func encoding(_ name: String) throws -> LegacyEncoding {
        try LegacyEncoding(name: name, table: table(name))
    }

    static func all() throws -> [LegacyEncoding] { try names.map(encoding) }

    static func hex(_ field: String) -> [UInt8] {
        field.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// text → bytes from the table, the shortest sequence for each text.
    static func inverse(_ name: String) throws -> [String: [UInt8]] {
        let table = try table(name)
        var inverse: [String: [UInt8]] = [:]
        for row in table.rows {
            let bytes = hex(row[0])
            if let known = inverse[row[1]], known.count <= bytes.count { continue }
            inverse[row[1]] = bytes
        }
        return inverse
    }

    /// Encodes `text` with the inverse of a table. Returns the bytes and the text decoding should give back:
    /// a capital with no code of its own (TCVN3's toned capitals) is written with the lower-case code, as the
    /// capital fonts did, and so comes back lower-case.
    static func encode(_ text: String, _ name: String) throws -> (bytes: [UInt8], expected: String) {
        let inverse = try inverse(name)
        var bytes: [UInt8] = []
        var expected = ""
        for character in text.precomposedStringWithCanonicalMapping {
            let s = String(character)
            if let code = inverse[s] {
                bytes += code; expected += s
            } else if let code = inverse[s.lowercased()] {
                bytes += code; expected += s.lowercased()
            } else {
                let scalar = s.unicodeScalars.first!.value
                #expect(s.unicodeScalars.count == 1 && scalar < 0x80, "cannot encode \(s) in \(name)")
                bytes.append(UInt8(scalar)); expected += s
            }
        }
        return (bytes, expected)
    }

    static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    // MARK: - Tables

    @Test func tablesLoadAndAreStrict() throws {
        for name in Self.names {
            let table = try Self.table(name)
            #expect(table.columns == ["bytes", "text"])
            for row in table.rows {
                #expect(row[1] == Self.nfc(row[1]), "\(name):\(row.line) text is not NFC")
                #expect(row[0] == row[0].uppercased(), "\(name):\(row.line) hex is not upper case")
            }
        }
    }

    @Test func tcvn3HasTheSeventyFourVN3Letters() throws {
        let table = try Self.table("tcvn3")
        let letters = table.rows.filter { Self.hex($0[0])[0] >= 0xA0 }.map { $0[1] }
        #expect(letters.count == 74)
        let capitals = letters.filter { $0 != $0.lowercased() }
        #expect(Set(capitals) == ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"])
        #expect(Set(letters.filter { $0 == $0.lowercased() }).count == 67)
    }

    @Test func vniHasAllVietnameseLetters() throws {
        let texts = Set(try Self.table("vni").rows.map { $0[1] })
        // The 134 precomposed letters: 12 vowels × 6 tones × 2 cases minus the 6 plain ASCII vowels × 2, plus Đ đ.
        let rows = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"]
        var letters = Set<String>(["đ", "Đ"])
        for row in rows {
            for c in row where !c.isASCII { letters.insert(String(c)); letters.insert(String(c).uppercased()) }
        }
        #expect(letters.count == 134)
        #expect(letters.isSubset(of: texts), "missing: \(letters.subtracting(texts).sorted())")
    }

    @Test func windows1258CoversTheHighHalf() throws {
        let table = try Self.table("windows-1258")
        let singles = Set(table.rows.map { Self.hex($0[0]) }.filter { $0.count == 1 }.map { $0[0] })
        let undefined: Set<UInt8> = [0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E]
        #expect(singles == Set(0x80...0xFF).subtracting(undefined))
        let cp1258 = try Self.encoding("windows-1258")
        #expect(cp1258.decode([0xCC]) == "\u{300}")
        #expect(cp1258.decode([0xEC]) == "\u{301}")
        #expect(cp1258.decode([0xDE]) == "\u{303}")
        #expect(cp1258.decode([0xD2]) == "\u{309}")
        #expect(cp1258.decode([0xF2]) == "\u{323}")
        #expect(cp1258.decode([0x80, 0xC3, 0xD5, 0xDD, 0xE3, 0xF0, 0xF5, 0xFD, 0xFE]) == "€ĂƠƯăđơư₫")
    }

    // MARK: - Decoding

    @Test func knownByteSequences() throws {
        let tcvn3 = try Self.encoding("tcvn3")
        #expect(tcvn3.decode([0xB8]) == "á")
        #expect(tcvn3.decode(Array("c\u{F1}a".unicodeScalars.map { UInt8($0.value) })) == "của")
        #expect(tcvn3.decode([0xA7, 0xAE, 0xA1, 0xA8, 0xA2, 0xA9, 0xA6, 0xAD]) == "Đđ" + "Ăă" + "Ââ" + "Ưư")
        #expect(tcvn3.decode([0x74, 0xD8, 0x6E, 0x68]) == "tỉnh")
        #expect(tcvn3.decode([0x93, 0x96, 0x94]) == "“–”")  // Windows-1252 punctuation of the ABC fonts

        let vni = try Self.encoding("vni")
        #expect(vni.decode([0x61, 0xF9]) == "á")
        #expect(vni.decode([0x41, 0xD9]) == "Á")
        #expect(vni.decode([0x74, 0xE6, 0x6E, 0x68]) == "tỉnh")
        #expect(vni.decode([0xD1, 0xF1]) == "Đđ")
        #expect(vni.decode([0x74, 0x68, 0x75, 0xF9, 0x63]) == "thúc")
        #expect(vni.decode([0x6E, 0x67, 0xF6, 0xF4, 0xF8, 0x69]) == "người")
        #expect(vni.decode([0x61, 0xEA, 0x61, 0xE9]) == "ăắ")

        let cp1258 = try Self.encoding("windows-1258")
        #expect(cp1258.decode([0x61, 0xF2]) == "ạ")
        #expect(cp1258.decode([0xE2, 0xEC]) == "ấ")
        #expect(cp1258.decode([0x63, 0x75, 0xD2, 0x61]) == "của")
        #expect(cp1258.decode([0xF0, 0xFD, 0xF5, 0xF2, 0x63]) == "được")
    }

    @Test func longestMatchAndFallbacks() throws {
        let vni = try Self.encoding("vni")
        #expect(vni.maxSequenceLength == 2)
        // A base letter at the very end, and a mark byte with no base before it.
        #expect(vni.decode([0x61]) == "a")
        #expect(vni.decode([0xF9]) == "ù")
        // Ơ takes its tone as a second byte: F4 F9 is ớ, not ơù.
        #expect(vni.decode([0xF4, 0xF9]) == "ớ")
        #expect(vni.decode([0xF4]) == "ơ")
        for name in Self.names {
            let encoding = try Self.encoding(name)
            let ascii = Array(0x20..<0x7F).map(UInt8.init)
            #expect(encoding.decode(ascii) == String(decoding: ascii, as: UTF8.self), "\(name) must keep ASCII")
            // Never fails, whatever the bytes.
            let all = Array(0...255).map(UInt8.init)
            #expect(!encoding.decode(all + all.reversed()).isEmpty)
        }
        // A byte without a row is its Latin-1 character.
        let tcvn3 = try Self.encoding("tcvn3")
        #expect(tcvn3.decode([0xB0, 0xA0]) == "°\u{A0}")
        let cp1258 = try Self.encoding("windows-1258")
        #expect(cp1258.decode([0x81]) == "\u{81}")
    }

    @Test(arguments: ["tcvn3", "vni", "windows-1258"])
    func roundTrip(name: String) throws {
        let encoding = try Self.encoding(name)
        let (bytes, expected) = try Self.encode(Self.paragraph, name)
        #expect(!bytes.allSatisfy { $0 < 0x80 })
        #expect(Self.nfc(encoding.decode(bytes)) == Self.nfc(expected))
        #expect(encoding.decode(bytes).unicodeScalars.elementsEqual(Self.nfc(expected).unicodeScalars), "decoding should already be NFC")
        if name == "tcvn3" {
            // TCVN3 has no code for Ủ: the capital font used ủ's code, and that is what comes back.
            #expect(expected.contains("ủy ban") && !expected.contains("Ủy"))
        } else {
            #expect(expected == Self.nfc(Self.paragraph))
        }
    }

    // MARK: - Detection

    @Test(arguments: ["tcvn3", "vni", "windows-1258"])
    func detectsTheEncoding(name: String) throws {
        let (bytes, expected) = try Self.encode(Self.paragraph, name)
        let result = LegacyDetector.detect(bytes, among: try Self.all())
        #expect(result?.encoding.name == name)
        #expect(result.map { Self.nfc($0.text) } == Self.nfc(expected))
        // The candidates' order does not matter.
        let reversed = LegacyDetector.detect(bytes, among: Array(try Self.all().reversed()))
        #expect(reversed?.encoding.name == name)
    }

    @Test func detectsTCVN3HeadingsInTheCapitalFont() throws {
        // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" typed in .VnTimeH: lower-case codes throughout.
        let heading = "céng hßa x· héi chñ nghÜa viÖt nam\r\n§éc lËp - Tù do - H¹nh phóc\r\n"
        let bytes = heading.unicodeScalars.map { UInt8($0.value) }
        let result = LegacyDetector.detect(bytes, among: try Self.all())
        #expect(result?.encoding.name == "tcvn3")
        #expect(result?.text == "cộng hòa xã hội chủ nghĩa việt nam\r\nĐộc lập - Tự do - Hạnh phúc\r\n")
    }

    @Test func largeInputIsDetectedOnAPrefixAndDecodedWhole() throws {
        let (bytes, expected) = try Self.encode(Self.paragraph + "\n", "vni")
        var big: [UInt8] = []
        var want = ""
        while big.count <= 3 * LegacyDetector.prefixLimit { big += bytes; want += expected }
        let result = LegacyDetector.detect(big, among: try Self.all())
        #expect(result?.encoding.name == "vni")
        #expect(result?.text == want)
    }

    @Test func latin1FrenchIsNotVietnamese() throws {
        let french = "Le président de la République française a été élu à la majorité des voix ; "
            + "il a déclaré qu'il préférait ça à la mélancolie. Où est la bibliothèque ? À côté du théâtre, près de l'hôpital."
        let bytes = french.unicodeScalars.map { UInt8($0.value) }
        #expect(LegacyDetector.detect(bytes, among: try Self.all()) == nil)
    }

    @Test func randomBytesAreNotVietnamese() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64: reproducible
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let encodings = try Self.all()
        for length in [16, 100, 1000, 5000, 70_000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            #expect(LegacyDetector.detect(bytes, among: encodings) == nil, "random \(length) bytes")
        }
    }

    @Test func pngHeaderIsNotVietnamese() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                            0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8,
                            0x66, 0x00, 0x00, 0x00, 0x04, 0x67, 0x41, 0x4D, 0x41, 0x00, 0x00, 0xB1, 0x8F, 0x0B, 0xFC, 0x61]
        #expect(LegacyDetector.detect(png, among: try Self.all()) == nil)
    }

    @Test func tooLittleEvidenceIsNil() throws {
        // One Vietnamese word is not enough to call a file Vietnamese.
        #expect(LegacyDetector.detect([0x63, 0xF1, 0x61], among: try Self.all()) == nil)
        #expect(LegacyDetector.detect([], among: try Self.all()) == nil)
        #expect(LegacyDetector.detect([0x63, 0xF1, 0x61], among: []) == nil)
    }

    @Test func judgeCountsSyllables() {
        let good = LegacyDetector.judge("Ủy ban nhân dân tỉnh Quảng Ngãi")
        #expect(good.good == 6 && good.bad == 0 && good.stray == 0)  // "ban" is ASCII: not counted
        #expect(LegacyDetector.judge("QĐ-UBND HĐND").good == 0)       // abbreviations are neutral
        #expect(LegacyDetector.judge("cña Bé").bad == 1)            // TCVN3 read as Latin-1: ñ
        #expect(LegacyDetector.judge("caùc").bad == 1)              // VNI read as Latin-1: two vowels, tone in the wrong place
        #expect(LegacyDetector.judge("cát càt").bad == 1)           // a stop rhyme takes only the acute or dot tone
        #expect(LegacyDetector.judge("C¨n cø").stray == 1)
    }

    // MARK: - Table errors

    @Test func badTablesFailWithTheLine() throws {
        let cases: [(String, Int)] = [
            ("# t\nbytes\ttext\n61 F9\tá\n6G\tx\n", 4),   // not hex
            ("# t\nbytes\ttext\n61F9\tá\n", 3),           // no space between bytes
            ("# t\nbytes\ttext\n61  F9\tá\n", 3),         // two spaces
            ("# t\nbytes\ttext\n\tá\n", 3),               // empty
            ("# t\nbytes\ttext\n61 F9\tá\n61 F9\tá\n", 4), // twice
            ("# t\nbytes\ttext\nB8\t\n", 3),              // empty text
        ]
        for (contents, line) in cases {
            let table = try TSVTable(contents: contents, path: "x.tsv")
            do {
                _ = try LegacyEncoding(name: "x", table: table)
                Issue.record("accepted a bad table: \(contents.debugDescription)")
            } catch {
                #expect(error.line == line, "\(contents.debugDescription): \(error)")
                #expect(error.path == "x.tsv")
            }
        }
        let noColumn = try TSVTable(contents: "byte\ttext\n61\ta\n", path: "y.tsv")
        #expect(throws: LexiconError.self) { try LegacyEncoding(name: "y", table: noColumn) }
    }
}
