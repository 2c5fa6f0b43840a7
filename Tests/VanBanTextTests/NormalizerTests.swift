import Testing
@testable import VanBanText

/// The normalize stage: what it changes, and that every change maps back to the original.
struct NormalizerTests {
    @Test("NFD and NFC inputs normalize to the same text, and spans cut the NFD original at letter boundaries")
    func nfdEquivalence() throws {
        let nfc = "Quảng Ngãi, ngày 16 tháng 3 năm 2021"
        let nfd = "Qua\u{309}ng Nga\u{303}i, nga\u{300}y 16 tha\u{301}ng 3 na\u{306}m 2021"
        let a = Fixtures.normalize(nfc), b = Fixtures.normalize(nfd)
        #expect(a.string == b.string)
        let range = try #require(Fixtures.find("Ngãi", in: b))
        #expect(b.originalText(range) == "Nga\u{303}i")
        #expect(b.span(range) == Span(7, 12))
    }

    @Test("one canonical tone placement: on the first vowel of oa/oe/uy without a final consonant", arguments: [
        ("hoà", "hòa", "oa without a coda"), ("Thanh Hoá", "Thanh Hóa", "a province name"),
        ("thuỷ", "thủy", "uy without a coda"), ("khoẻ", "khỏe", "oe without a coda"),
        ("qúy", "quý", "qu is an onset"), ("gìa", "già", "gi is an onset"),
        ("hoàng", "hoàng", "with a coda the tone stays on the second vowel"), ("hòang", "hoàng", "moved to the second vowel before a coda"),
        ("thuở", "thuở", "ơ carries the tone"), ("người", "người", "ươ: on ơ"), ("ngừơi", "người", "ươ misplaced"),
        ("Khánh Hoà", "Khánh Hòa", "two syllables, only one to move"), ("HOÀ", "HÒA", "capitals too"),
    ])
    func tones(input: String, expected: String, reason: String) {
        #expect(Fixtures.normalize(input).string == expected, "\(reason)")
    }

    @Test("format residue, whitespace and document-number spacing", arguments: [
        ("Số: **294** /UBND", "Số: 294/UBND", "markdown bold and a space before the slash"),
        ("## THÔNG BÁO", "THÔNG BÁO", "a markdown heading"),
        ("Lưu: VT. *VT*", "Lưu: VT. VT", "italics"),
        ("ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ", "ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ", "a lone star is kept"),
        ("a  \t b\r\nC", "a b\nC", "runs of spaces, tabs and CRLF"),
        ("chủ tr&igrave;, ng&agrave;y&nbsp;30/6 &amp; C&#7843; &#x110;", "chủ trì, ngày 30/6 & Cả Đ", "HTML character references of a crawled page"),
        ("a&#768; &unknown; &amp &#0;", "à &unknown; &amp &#0;", "a decoded mark composes; unknown, unclosed and NUL references stay"),
        ("Số: 3210/QĐ - U B ND", "Số: 3210/QĐ-UBND", "spaced-out letters of a known code"),
        ("Số: 1234 /BYT - K CB\nV/v", "Số: 1234/BYT-KCB\nV/v", "spaced letters of an unknown unit code at the end of the line"),
        ("Số 12/QĐ-UBND V B", "Số 12/QĐ-UBND V B", "letters after a complete code are not merged into it"),
        ("Nghị định 30/2020/ND- CP", "Nghị định 30/2020/NĐ-CP", "a look-alike letter and a space after the hyphen"),
        ("Quyết định số 49/QD-UBND", "Quyết định số 49/QĐ-UBND", "QD is QĐ in a code"),
        ("họp BCD cải cách", "họp BCĐ cải cách", "a standalone code with a look-alike"),
        ("Nghị quyết số 05 - NQ/TU", "Nghị quyết số 05-NQ/TU", "a Party number with spaces"),
        ("xếp 59/63 tỉnh", "xếp 59/63 tỉnh", "a ratio is not a document number"),
        ("quy chế làm việc.\n4 CÔNG BÁO/Số 45 + 46/Ngày 15-01-2021\nĐiều 2. Giao", "quy chế làm việc.\nĐiều 2. Giao", "the running head of a gazette page"),
        ("Đăng trên CÔNG BÁO/Số 45 ngày 15-01-2021.", "Đăng trên CÔNG BÁO/Số 45 ngày 15-01-2021.", "the gazette named in a sentence stays"),
        ("<td><b>ỦY BAN NHÂN DÂN<br>TỈNH BÌNH ĐỊNH</b></td><td>CỘNG HÒA</td><h2>THÔNG BÁO</h2>Kết luận", "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nCỘNG HÒA\nTHÔNG BÁO\nKết luận", "table cells and headings of a crawled page end lines"),
        ("ngày 3O/6/2O23, Số: l23/STNMT, tháng O5, ngày l5/7", "ngày 30/6/2023, Số: 123/STNMT, tháng 05, ngày 15/7", "letters OCR read for digits in numbers"),
        ("lớp 10, CO2, H5N1, F0, Điều II, Ông lO, lo 2 việc", "lớp 10, CO2, H5N1, F0, Điều II, Ông lO, lo 2 việc", "words, codes and numerals with look-alike letters stay"),
        ("<jsontable name=\"bang_0\"> </jsontable>\nNGHỊ QUYẾT", "NGHỊ QUYẾT", "converter tags"),
        ("Căn cứ Luật Tổ chức chính\nquyền địa phương", "Căn cứ Luật Tổ chức chính quyền địa phương", "an OCR line break inside a sentence"),
        ("ngày 10 tháng\n7 năm 2017", "ngày 10 tháng 7 năm 2017", "a date broken over two lines"),
        ("như sau:\n1. Giao Sở Nội vụ\na) Chủ trì", "như sau:\n1. Giao Sở Nội vụ\na) Chủ trì", "items are not continuations"),
        ("cải cách hành chính của tỉnh trong những năm qua tồn tại nhiều hạn chế, yếu kém như cải-\ncách", "cải cách hành chính của tỉnh trong những năm qua tồn tại nhiều hạn chế, yếu kém như cảicách", "end-of-line hyphenation"),
        ("các sở,\n\n3\n\nngành, địa phương", "các sở,\n\nngành, địa phương", "a page number alone on a line"),
    ])
    func cleanup(input: String, expected: String, reason: String) {
        #expect(Fixtures.normalize(input).string == expected, "\(reason)")
    }

    @Test("spans of normalized ranges cut the original where the text is")
    func spanRoundTrip() throws {
        let original = "Số: **294** /UBND\nSơn Tây, ngày **31** tháng 3 năm 2021"
        let text = Fixtures.normalize(original)
        let number = try #require(Fixtures.find("294/UBND", in: text))
        #expect(text.originalText(number) == "294** /UBND")
        let day = try #require(Fixtures.find("31", in: text))
        #expect(text.originalText(day) == "31")
        let scalars = Array(original.unicodeScalars)
        let span = text.span(day)
        #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == "31")
    }

    @Test("every unit of a corpus document maps into the original, in order", arguments: [
        "seeds/docs/001_37b80a9612fe85b6.txt", "dev/docs/101.txt", "dev/docs/107.txt", "dev/docs/108.txt",
    ])
    func corpusMap(path: String) throws {
        let source = try Fixtures.corpus(path)
        let text = Normalizer().normalize(source)
        var previous = 0
        for i in 0..<text.count {
            let range = text.originalRange(i..<i + 1)
            #expect(range.lowerBound >= previous && range.upperBound <= source.units.count)
            previous = range.lowerBound
        }
        // Letters survive normalization: the folded letters of original and normalized agree in count roughly.
        #expect(text.count > source.units.count * 8 / 10)
    }

    @Test("the folded key is lower-case ASCII without diacritics, đ as d")
    func folding() {
        let text = Fixtures.normalize("Đề nghị SỞ NỘI VỤ – Ủy ban")
        #expect(String(decoding: text.folded, as: UTF8.self) == "de nghi so noi vu - uy ban")
    }
}

/// Look-alike repairs that come from the lexicon rather than the built-in rules.
struct LookAlikeTests {
    let normalizer = Normalizer(rules: NormalizationRules(
        knownCodes: ["UBND", "QĐ"], codeConfusions: ["Ð": "Đ", "ƯBND": "UBND", "／": "/", "QD": "QĐ"]))

    @Test("single characters are repaired everywhere, words only as whole capital tokens", arguments: [
        ("ÐẢNG CỘNG SẢN", "ĐẢNG CỘNG SẢN", "an Icelandic eth for Đ"),
        ("Số 12／QD-UBND", "Số 12/QĐ-UBND", "a fullwidth slash, then the code repair"),
        ("Ban cán sự đảng ƯBND tỉnh", "Ban cán sự đảng UBND tỉnh", "an OCR Ư for U in a code"),
        ("XƯBND", "XƯBND", "not inside a longer token"),
    ])
    func repairs(input: String, expected: String, reason: String) {
        let text = normalizer.normalize(SourceText(path: "t", encoding: "utf-8", sha256: "", text: input))
        #expect(text.string == expected, "\(reason)")
        #expect(text.count == input.utf16.count, "repairs keep the length, so spans stay one-to-one")
    }
}

/// HTML left by converters and crawlers.
struct HTMLResidueTests {
    @Test("tags are dropped; those that end a line in a browser become a line break", arguments: [
        ("KT. BỘ TRƯỞNG<br>THỨ TRƯỞNG", "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "a <br> between two lines of a signature"),
        ("Nơi nhận:<br/>- Như trên;", "Nơi nhận:\n- Như trên;", "a self-closing <br/>"),
        ("<p>Điều 1.</p><p>Điều 2.</p>", "Điều 1.\nĐiều 2.", "paragraphs"),
        ("Sở <b>Nội vụ</b> chủ trì", "Sở Nội vụ chủ trì", "inline tags vanish"),
        ("a < b và c > d", "a < b và c > d", "comparison signs are not tags"),
    ])
    func html(input: String, expected: String, reason: String) {
        #expect(Fixtures.normalize(input).string == expected, "\(reason)")
    }
}
