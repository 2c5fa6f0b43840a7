import Foundation
import Testing
@testable import VanBanText

/// The decode stage: every encoding it accepts and every input it must refuse with a reason.
struct DecoderTests {
    let sample = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện nghiêm túc."

    static func legacyEncodings() throws -> [LegacyEncoding] {
        try LexiconDirectory(folders: [Fixtures.root.appendingPathComponent("Lexicons").path]).legacyEncodings()
    }

    @Test("UTF-8 without a BOM decodes as is")
    func utf8() throws {
        let text = try Decoder().decode(Array(sample.utf8), path: "a.txt")
        #expect(text.encoding == "utf-8")
        #expect(text.string == sample)
        #expect(text.scalarCount == sample.unicodeScalars.count)
    }

    @Test("a UTF-8 BOM is dropped before offsets are counted")
    func utf8BOM() throws {
        let text = try Decoder().decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), path: "a.txt")
        #expect(text.encoding == "utf-8")
        #expect(text.string == sample)
        #expect(text.sha256 == SHA256.hex([0xEF, 0xBB, 0xBF] + Array(sample.utf8)))
    }

    @Test("UTF-16 with a BOM, both byte orders", arguments: [true, false])
    func utf16(littleEndian: Bool) throws {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in (sample + " 𝔘").utf16 {
            bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let text = try Decoder().decode(bytes, path: "a.txt")
        #expect(text.encoding == (littleEndian ? "utf-16le" : "utf-16be"))
        #expect(text.string == sample + " 𝔘")
        // A supplementary-plane scalar is one scalar, two UTF-16 units.
        #expect(text.scalarCount == (sample + " 𝔘").unicodeScalars.count)
        #expect(text.scalarOffset(ofUnit: text.units.count) == text.scalarCount)
    }

    /// Encodes `text` with the inverse of a legacy table (longest sequences are the table's own rows).
    static func encode(_ text: String, with encoding: String) throws -> [UInt8] {
        let path = Fixtures.root.appendingPathComponent("Lexicons/encodings/\(encoding).tsv").path
        let table = try TSVTable(contents: String(contentsOfFile: path, encoding: .utf8), path: path)
        var inverse: [String: [UInt8]] = [:]
        for row in table.rows where inverse[row[1]] == nil {
            inverse[row[1]] = row[0].split(separator: " ").map { UInt8($0, radix: 16)! }
        }
        var out: [UInt8] = []
        for ch in text {
            if let bytes = inverse[String(ch)] { out += bytes } else { out += Array(String(ch).utf8) }
        }
        return out
    }

    @Test("legacy encodings are detected and converted", arguments: ["tcvn3", "vni", "windows-1258"])
    func legacy(encoding: String) throws {
        // TCVN3 has no toned capitals: the sample's "Ủy" is written in lower case there.
        let original = encoding == "tcvn3" ? sample.replacingOccurrences(of: "Ủy", with: "ủy") : sample
        let bytes = try Self.encode(original, with: encoding)
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture must not be valid UTF-8")
        let text = try Decoder(legacyEncodings: Self.legacyEncodings()).decode(bytes, path: "old.txt")
        #expect(text.encoding == encoding)
        #expect(Normalizer.normalizeString(text.string) == Normalizer.normalizeString(original))
    }

    @Test("refused inputs name the file and, where it applies, the byte offset", arguments: [
        ([UInt8](), "old.txt: empty file: nothing to read", "nothing at all"),
        ([0xEF, 0xBB, 0xBF], "old.txt: empty file: nothing to read", "a BOM and nothing else"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "old.txt: binary file (NUL byte at byte 8), not text", "a PNG header"),
        (Array("Số: 89/TB".utf8) + [0xC3], "old.txt: invalid UTF-8 at byte 11, and not a known legacy Vietnamese encoding (TCVN3, VNI, Windows-1258)", "truncated UTF-8"),
        ([0xFF, 0xFE, 0x41], "old.txt: truncated UTF-16 (odd number of bytes; last byte at byte 2)", "odd-length UTF-16"),
        ([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "old.txt: invalid UTF-16 (unpaired surrogate at byte 2)", "a lone high surrogate"),
    ] as [([UInt8], String, String)])
    func refused(bytes: [UInt8], message: String, reason: String) throws {
        let decoder = Decoder(legacyEncodings: try Self.legacyEncodings())
        do {
            _ = try decoder.decode(bytes, path: "old.txt")
            Issue.record("\(reason): accepted")
        } catch {
            #expect(error.description == message, "\(reason)")
        }
    }

    @Test("overlong forms and surrogates encoded in UTF-8 are invalid", arguments: [
        [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func strictUTF8(bytes: [UInt8]) {
        #expect(UTF8Validation.firstInvalidOffset(ArraySlice(Array("abc".utf8) + bytes)) == 3)
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("SHA-256 with the CPU's SHA extensions equals the portable code at every length around a block edge",
          .enabled(if: SHA256.accelerated, "this CPU has no SHA extensions: only the portable code runs"))
    func sha256Paths() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [1_000, 4_095, 65_536 + 7] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(bytes, accelerated: true) == SHA256.digest(bytes, accelerated: false), "length \(length)")
        }
    }
}
