import Testing
import VanBanExtract
import VanBanText

struct DocumentNumberTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        /// Expected normalized numbers, in order.
        let numbers: [String]
        let reason: String
        var testDescription: String { reason }
    }

    static func lex(_ text: String) -> [DocumentNumber] {
        let a = CiteFixture.analysis(text)
        return DocumentNumberLexer(lexicon: CiteFixture.pipeline.lexicon).numbers(in: a.text, range: 0..<a.text.count)
    }

    static let cases: [Case] = [
        Case(input: "Thông báo số 89/TB-UBND ngày", numbers: ["89/TB-UBND"], reason: "administrative"),
        Case(input: "Công văn số 7834/UBND-TH của", numbers: ["7834/UBND-TH"], reason: "công văn with issuer and unit"),
        Case(input: "Số: 294/UBND", numbers: ["294/UBND"], reason: "công văn with issuer only"),
        Case(input: "Báo cáo số 20/BC-SNV và Nghị quyết số 34/NQ-HĐND", numbers: ["20/BC-SNV", "34/NQ-HĐND"], reason: "two numbers"),
        Case(input: "Quyết định số 1557/QĐ-TTg ngày", numbers: ["1557/QĐ-TTg"], reason: "mixed-case issuer TTg"),
        Case(input: "Nghị quyết số 30c/NQ-CP", numbers: ["30c/NQ-CP"], reason: "letter in the running number"),
        Case(input: "Nghị định số 60/2021/NĐ-CP", numbers: ["60/2021/NĐ-CP"], reason: "legal"),
        Case(input: "Thông tư 02/2023/TT-BTC", numbers: ["02/2023/TT-BTC"], reason: "legal Thông tư"),
        Case(input: "Thông tư liên tịch số 135/2008/TTLT-BTC-BTNMT ngày", numbers: ["135/2008/TTLT-BTC-BTNMT"], reason: "joint issuers"),
        Case(input: "Bộ luật Lao động số 45/2019/QH14", numbers: ["45/2019/QH14"], reason: "law of the National Assembly"),
        Case(input: "Văn bản hợp nhất số 01/VBHN-BTC", numbers: ["01/VBHN-BTC"], reason: "consolidated text"),
        Case(input: "Nghị quyết số 05-NQ/TU ngày", numbers: ["05-NQ/TU"], reason: "Party"),
        Case(input: "Kết luận số 62-KL/TW", numbers: ["62-KL/TW"], reason: "Party central"),
        Case(input: "Quy định số 08-QĐi/TW", numbers: ["08-QĐi/TW"], reason: "Party mixed-case type QĐi"),
        Case(input: "Kết luận số 445-KL/TƯ", numbers: ["445-KL/TƯ"], reason: "OCR TƯ kept as written"),
        Case(input: "Số: 1961/QĐUBND", numbers: ["1961/QĐ-UBND"], reason: "lost hyphen split by lexicon codes"),
        Case(input: "Nghị định số 61/2018/NĐCP ngày", numbers: ["61/2018/NĐ-CP"], reason: "lost hyphen in a legal number"),
        Case(input: "Thông tư số 01/2018/TTVPCP ngày", numbers: ["01/2018/TT-VPCP"], reason: "lost hyphen, issuer VPCP"),
        Case(input: "Nghị quyết số 30c/NQCP ngày", numbers: ["30c/NQ-CP"], reason: "lost hyphen after a lettered running number"),
        Case(input: "Tờ trình số 152/TTrNV ngày", numbers: ["152/TTr-NV"], reason: "case change marks a glued boundary"),
        Case(input: "Quyết định số 09/2015/QĐTTg", numbers: ["09/2015/QĐ-TTg"], reason: "glued type and mixed-case issuer"),
        Case(input: "Số: 4218/QD-UBND", numbers: ["4218/QĐ-UBND"], reason: "OCR QD repaired to QĐ"),
        Case(input: "Nghị định số 37/2014/ND-CP", numbers: ["37/2014/NĐ-CP"], reason: "OCR ND repaired to NĐ"),
        Case(input: "Công văn số 5743/SKHDT-TH", numbers: ["5743/SKHĐT-TH"], reason: "D read for Đ inside a known issuer"),
        Case(input: "Quyết định số 20/QĐ–UBND", numbers: ["20/QĐ-UBND"], reason: "en dash becomes a hyphen"),
        Case(input: "Tờ trình số 1 034/TTr-STNMT ngày", numbers: ["1034/TTr-STNMT"], reason: "running number split at the thousands"),
        Case(input: "Nghị quyết số 112/2015/NQ-\nHĐND ngày", numbers: ["112/2015/NQ-HĐND"], reason: "hyphen at a line end"),
        Case(input: "ngày 16/3/2021 và 16-3-2021", numbers: [], reason: "dates are not numbers"),
        Case(input: "xếp 59/63, từ 30-35/63 tỉnh", numbers: [], reason: "ratios are not numbers"),
        Case(input: "giai đoạn 2016-2020", numbers: [], reason: "year ranges are not numbers"),
        Case(input: "chứng nhận TCVN ISO 9001:2008", numbers: [], reason: "standards are not numbers"),
        Case(input: "số 12/3 đường Thống Nhất, ĐT (0263) 3843 123", numbers: [], reason: "house and phone numbers"),
        Case(input: "mức 1.250.000 đồng/người", numbers: [], reason: "money"),
        Case(input: "khoản 2 Điều 5 và Điều 12", numbers: [], reason: "articles and clauses"),
        Case(input: "tỷ lệ 10/34 tỉnh, HIV/AIDS", numbers: [], reason: "a ratio and a slash between words"),
    ]

    @Test("grammars, OCR repairs and traps", arguments: cases)
    func numbers(_ c: Case) {
        #expect(Self.lex(c.input).map(\.number) == c.numbers)
    }

    @Test("parts of a legal number")
    func parts() throws {
        let n = try #require(Self.lex("Nghị định số 60/2021/NĐ-CP ngày").first)
        #expect(n.symbol == "NĐ-CP" && n.typeCode == "NĐ" && n.issuerCode == "CP" && n.year == 2021 && n.grammar == .legal)
        let p = try #require(Self.lex("Nghị quyết số 05-NQ/TU").first)
        #expect(p.symbol == "NQ/TU" && p.typeCode == "NQ" && p.issuerCode == "TU" && p.grammar == .party)
        let c = try #require(Self.lex("Công văn số 7834/UBND-TH").first)
        #expect(c.typeCode == nil && c.issuerCode == "UBND" && c.grammar == .administrative)
        let law = try #require(Self.lex("Luật số 45/2019/QH14").first)
        #expect(law.grammar == .law && law.issuerCode == "QH" && law.typeCode == nil)
    }

    @Test("drafts keep the symbol with a blank running number", arguments: ["Số: /TB-UBND", "Số:      /QĐ-UBND", "Số: ....../KH-UBND"])
    func drafts(_ input: String) throws {
        let n = try #require(Self.lex(input).first)
        #expect(n.isDraft && n.number.hasPrefix("/") && n.symbol != nil)
        let a = CiteFixture.analysis(input)
        let colon = a.text.string.utf16.firstIndex(of: 0x3A).map { a.text.string.utf16.distance(from: a.text.string.utf16.startIndex, to: $0) }!
        let at = DocumentNumberLexer(lexicon: CiteFixture.pipeline.lexicon).number(in: a.text, at: colon + 1)
        #expect(at?.isDraft == true && at?.number == n.number)
    }

    @Test("number(in:at:) reads the number after Số:")
    func numberAt() {
        let a = CiteFixture.analysis("Số: 89/TB-UBND")
        let n = DocumentNumberLexer(lexicon: CiteFixture.pipeline.lexicon).number(in: a.text, at: 4)
        #expect(n?.number == "89/TB-UBND" && n?.isDraft == false)
    }
}
