import Foundation
import Testing
import VanBanExport
import VanBanExtract
import VanBanText

/// The JSON writer and the vanban/1 envelope.
struct ExtractionJSONTests {
    @Test("strings are escaped so that JSON parsers and HTML pages both read them safely", arguments: [
        ("a\"b", #""a\"b""#), ("back\\slash", #""back\\slash""#), ("line\nbreak\ttab", #""line\nbreak\ttab""#),
        ("<script>&", #""\u003cscript\u003e\u0026""#), ("\u{01}", #""\u0001""#), ("Sở Nội vụ", "\"Sở Nội vụ\""),
    ])
    func escaping(input: String, expected: String) throws {
        var w = JSONWriter()
        w.string(input)
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
        #expect(parsed == input)
    }

    @Test("objects keep the order their keys were written in, with commas only between members")
    func order() {
        var w = JSONWriter()
        w.beginObject()
        w.key("z"); w.int(1)
        w.key("a"); w.beginArrayValue(); w.int(2); w.null(); w.bool(true); w.endArray()
        w.key("m"); w.beginObjectValue(); w.key("k"); w.optionalString(nil); w.endObject()
        w.endObject()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"z":1,"a":[2,null,true],"m":{"k":null}}"#)
    }

    @Test("the envelope names the schema and the source, and spans count Unicode scalars of the original")
    func envelope() throws {
        let original = "Số: **294** /UBND\nThực hiện Kế hoạch 𝔘 số 6769/KH-UBND"
        let source = SourceText(path: "x.txt", encoding: "utf-8", sha256: SHA256.hex(Array(original.utf8)), text: original)
        let text = Normalizer().normalize(source)
        var document = DocumentRecord(range: 0..<text.count)
        let needle = Array("6769/KH-UBND".utf16)
        let start = try #require((0...(text.units.count - needle.count)).first { Array(text.units[$0..<$0 + needle.count]) == needle })
        document.citations = [Citation(range: start..<start + needle.count, numberRange: start..<start + needle.count, number: "6769/KH-UBND",
                                       symbol: "KH-UBND", type: "Kế hoạch", typeCode: "KH", issuerCode: "UBND", year: nil, date: nil,
                                       issuer: nil, relation: .implements)]
        let extraction = Extraction(normalized: text, documents: [document], warnings: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ExtractionJSON.encode(extraction))) as? [String: Any])
        #expect(object["schema"] as? String == "vanban/1")
        let sourceObject = try #require(object["source"] as? [String: Any])
        let characters = sourceObject["characters"] as? Int
        #expect(characters == original.unicodeScalars.count)
        let documents = try #require(object["documents"] as? [[String: Any]])
        let citation = try #require((documents.first?["citations"] as? [[String: Any]])?.first)
        let span = try #require(citation["span"] as? [Int])
        let scalars = Array(original.unicodeScalars)
        let cut = String(String.UnicodeScalarView(scalars[span[0]..<span[1]]))
        #expect(cut == "6769/KH-UBND")
        #expect(citation["text"] as? String == "6769/KH-UBND")
        #expect(citation["relation"] as? String == "implements")
    }

    @Test("record texts written straight from UTF-16 are the bytes the String path writes: escapes, marks, emoji, lone surrogates")
    func utf16Strings() {
        let cases: [[UInt16]] = [
            Array("Sở Nội vụ \"trích\" <b>&\\\n\t\r\u{01}\u{7F}".utf16),
            Array("\u{FEFF}BOM \u{2028} \u{2029} 😀 \u{0301}".utf16),
            [0x41, 0xD800, 0x42],          // a lone high surrogate
            [0xDC00, 0x41, 0xD83D],        // a lone low one, and a high one at the end
            [0xD83D, 0xDE00, 0xD83D, 0xD83D, 0xDE00],
            [],
        ]
        for units in cases {
            for range in [0..<units.count, min(1, units.count)..<units.count] {
                var direct = JSONWriter(), viaString = JSONWriter()
                direct.beginArray(); direct.utf16String(units, range); direct.string("x"); direct.endArray()
                viaString.beginArray(); viaString.string(String(decoding: units[range], as: UTF16.self)); viaString.string("x"); viaString.endArray()
                #expect(direct.bytes == viaString.bytes, "\(units) \(range)")
            }
        }
    }
}
