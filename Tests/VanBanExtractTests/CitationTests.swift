import Testing
import VanBanExtract
import VanBanText

struct CitationTests {
    /// Citations of a text through the whole pipeline (all documents).
    static func cite(_ text: String) -> [Citation] {
        CiteFixture.pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text)).documents.flatMap(\.citations)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let number: String
        let type: String?
        let date: String?
        let issuer: String?
        let relation: Relation
        let reason: String
        var testDescription: String { reason }
    }

    static let cases: [Case] = [
        Case(input: "Thực hiện Thông báo số 89/TB-UBND ngày 16/3/2021 của UBND tỉnh Quảng Ngãi Kết luận của đồng chí Chủ tịch; Chủ tịch UBND huyện có ý kiến như sau:",
             number: "89/TB-UBND", type: "Thông báo", date: "2021-03-16", issuer: "UBND tỉnh Quảng Ngãi", relation: .implements,
             reason: "opening Thực hiện, issuer cut at a type word"),
        Case(input: "Thực hiện Chỉ thị số 12/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ và Quyết định số 2045/QĐ-BGDĐT ngày 10/8/2024 của Bộ trưởng,",
             number: "12/CT-TTg", type: "Chỉ thị", date: "2024-07-15", issuer: "Thủ tướng Chính phủ", relation: .implements,
             reason: "the issuer ends before và and the next cited document"),
        Case(input: "Căn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa;",
             number: "61/2018/NĐ-CP", type: "Nghị định", date: "2018-04-23", issuer: "Chính phủ", relation: .basis,
             reason: "căn cứ line, verbal date, issuer cut at về"),
        Case(input: "theo hướng dẫn tại Công văn số 7834/UBND-TH ngày 14/9/2018 của UBND tỉnh về việc chấn chỉnh",
             number: "7834/UBND-TH", type: "Công văn", date: "2018-09-14", issuer: "UBND tỉnh", relation: .cites,
             reason: "công văn in the body cites"),
        Case(input: "Phúc đáp Công văn số 4215/UBND-KT ngày 05-9-2023 của UBND tỉnh Cà Mau, Bộ Tài chính có ý kiến như sau:",
             number: "4215/UBND-KT", type: "Công văn", date: "2023-09-05", issuer: "UBND tỉnh Cà Mau", relation: .replies,
             reason: "phúc đáp replies"),
        Case(input: "thực hiện theo Văn bản số 107/UBND-NC ngày 09/01/2021.",
             number: "107/UBND-NC", type: "Công văn", date: "2021-01-09", issuer: nil, relation: .cites,
             reason: "Văn bản số with a code-less number is a Công văn"),
        Case(input: "đã ban hành Kế hoạch 6769/KH-UBND ngày 14/8/2018 để thực hiện.",
             number: "6769/KH-UBND", type: "Kế hoạch", date: "2018-08-14", issuer: nil, relation: .cites,
             reason: "type word without số"),
        Case(input: "như Thông báo kết luận số 12/TB-UBND ngày 02/3/2021 đã nêu",
             number: "12/TB-UBND", type: "Thông báo", date: "2021-03-02", issuer: nil, relation: .cites,
             reason: "qualifier kết luận between type and số; the code decides"),
        Case(input: "thanh tra theo Kết luận thanh tra số 27/KL-TTr ngày 21/9/2018 của Thanh tra tỉnh",
             number: "27/KL-TTr", type: "Kết luận", date: "2018-09-21", issuer: "Thanh tra tỉnh", relation: .cites,
             reason: "qualifier thanh tra"),
        Case(input: "các nội dung của số 20/2013/QĐ-UBND đã lạc hậu",
             number: "20/2013/QĐ-UBND", type: "Quyết định", date: nil, issuer: nil, relation: .cites,
             reason: "type from the code when no type word"),
        Case(input: "Quyết định này thay thế Quyết định số 1874/QĐ-UBND ngày 12/8/2013 của UBND huyện.",
             number: "1874/QĐ-UBND", type: "Quyết định", date: "2013-08-12", issuer: "UBND huyện", relation: .replaces,
             reason: "thay thế replaces"),
        Case(input: "Thu hồi và hủy bỏ Quyết định số 1187/QĐ-UBND ngày 14/8/2018 của Chủ tịch UBND tỉnh.",
             number: "1187/QĐ-UBND", type: "Quyết định", date: "2018-08-14", issuer: "Chủ tịch UBND tỉnh", relation: .annuls,
             reason: "thu hồi và hủy bỏ annuls"),
        Case(input: "Thông tư này hướng dẫn thi hành Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ.",
             number: "163/2016/NĐ-CP", type: "Nghị định", date: "2016-12-21", issuer: "Chính phủ", relation: .guides,
             reason: "hướng dẫn thi hành guides"),
        Case(input: "Sửa đổi, bổ sung một số điều của Thông tư số 40/2017/TT-BTC ngày 28 tháng 4 năm 2017 của Bộ trưởng Bộ Tài chính.",
             number: "40/2017/TT-BTC", type: "Thông tư", date: "2017-04-28", issuer: "Bộ trưởng Bộ Tài chính", relation: .amends,
             reason: "sửa đổi, bổ sung amends"),
        Case(input: "Bãi bỏ Thông tư số 57/2019/TT-BTC ngày 23 tháng 8 năm 2019 của Bộ Tài chính.",
             number: "57/2019/TT-BTC", type: "Thông tư", date: "2019-08-23", issuer: "Bộ Tài chính", relation: .repeals,
             reason: "bãi bỏ repeals"),
        Case(input: "sao gửi kèm theo Công văn này Thông báo số 96/TB-UBND ngày 16/7/2021 của UBND tỉnh.",
             number: "96/TB-UBND", type: "Thông báo", date: "2021-07-16", issuer: "UBND tỉnh", relation: .attached,
             reason: "kèm theo attaches"),
        Case(input: "các mức chi (đã được sửa đổi, bổ sung theo Thông tư số 02/2023/TT-BTC ngày 10/01/2023) được giữ nguyên.",
             number: "02/2023/TT-BTC", type: "Thông tư", date: "2023-01-10", issuer: nil, relation: .cites,
             reason: "a parenthetical history is no relation"),
        Case(input: "Ngày 21/04/2015, Thủ tướng Chính phủ đã ban hành Chỉ thị số 06/CT-TTg về việc tăng cường chỉ đạo.",
             number: "06/CT-TTg", type: "Chỉ thị", date: "2015-04-21", issuer: "Thủ tướng Chính phủ", relation: .cites,
             reason: "a sentence opening with a date and ban hành dates the citation"),
        Case(input: "Công văn số 356/UBND-KGVX ngày 31/02/2021 của UBND tỉnh về việc",
             number: "356/UBND-KGVX", type: "Công văn", date: nil, issuer: "UBND tỉnh", relation: .cites,
             reason: "an impossible date is no date"),
        Case(input: "Thực hiện Công điện số 1 069/CĐ-TTg ngày 0 5/8/2021 của Thủ tướng Chính phủ về việc ứng phó với hạn hán.",
             number: "1069/CĐ-TTg", type: "Công điện", date: "2021-08-05", issuer: "Thủ tướng Chính phủ", relation: .implements,
             reason: "OCR split digits in the number and the date"),
        Case(input: "Căn cứ Quyết định số 1 9 7/QĐ-TTg ngày 1 1/2/2 0 2 1 của Thủ tướng Chính phủ;",
             number: "197/QĐ-TTg", type: "Quyết định", date: "2021-02-11", issuer: "Thủ tướng Chính phủ", relation: .basis,
             reason: "every digit spaced out"),
        Case(input: "Giấy phép số 27/GP-TTĐT ngày 09/5/2019 của Cục Phát thanh",
             number: "27/GP-TTĐT", type: "Giấy phép", date: "2019-05-09", issuer: "Cục Phát thanh", relation: .cites,
             reason: "GP is a licence, not a công văn"),
    ]

    @Test("type, date, issuer and relation", arguments: cases)
    func fields(_ c: Case) throws {
        let all = Self.cite(c.input)
        let citation = try #require(all.first(where: { $0.number == c.number }), "\(all.map(\.number))")
        #expect(citation.type == c.type)
        #expect(citation.date == c.date)
        #expect(citation.issuer == c.issuer)
        #expect(citation.relation == c.relation)
    }

    @Test("Căn cứ governs every number of its preamble line")
    func basisLine() {
        let text = "QUYẾT ĐỊNH\nCăn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành."
        let all = Self.cite(text)
        #expect(all.count == 2 && all.allSatisfy { $0.relation == .basis }, "\(all.map { ($0.number, $0.relation) })")
    }

    @Test("a law's title may hold a lower-case type word: the citation starts at the capitalised Luật")
    func lawTitleWithTypeWord() throws {
        let text = "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\n"
        let extraction = CiteFixture.pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let c = try #require(extraction.documents.flatMap(\.citations).first)
        #expect(c.type == "Luật")
        #expect(extraction.normalized.text(c.range) == "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15")
    }

    @Test("forms attached to a cited text are a plain reference")
    func attachedForms() {
        let text = "I. NHIỆM VỤ\nb) Tổng hợp theo các biểu mẫu ban hành kèm theo Thông tư số 342/2016/TT-BTC ngày 30/12/2016 của Bộ Tài chính."
        #expect(Self.cite(text).map(\.relation) == [.cites])
    }

    @Test("an opening Thực hiện governs an enumeration broken over lines")
    func enumerationOverLines() {
        let text = "Thực hiện Kế hoạch số 86/KH-UBND ngày 22/7/2025 của UBND tỉnh;\nThông báo kết luận số 21-TB/ĐU ngày 11/8/2025 của Ban Thường vụ Đảng ủy xã;\nCông văn số 35/UBND ngày 12/8/2025 của UBND xã, UBND xã ban hành Kế hoạch.\nI. MỤC ĐÍCH"
        let all = Self.cite(text)
        #expect(all.count == 3 && all.allSatisfy { $0.relation == .implements }, "\(all.map { ($0.number, $0.relation) })")
    }

    @Test("Căn cứ in the body only cites")
    func basisInBody() {
        let text = "I. NHIỆM VỤ\n1. Các sở căn cứ Kế hoạch số 34/KH-STTTT ngày 09/5/2024 để thực hiện."
        #expect(Self.cite(text).map(\.relation) == [.cites])
    }

    @Test("a later short mention resolves to the full citation")
    func shortMention() throws {
        let text = "Thực hiện Quyết định số 49/QĐ-UBND ngày 09/01/2021 của UBND tỉnh về thành lập Ban Chỉ đạo. Theo Quyết định 49, Ban Chỉ đạo có 15 thành viên; Kế hoạch số 6769 chưa ban hành."
        let all = Self.cite(text)
        #expect(all.map(\.number) == ["49/QĐ-UBND", "49/QĐ-UBND"])
        let short = try #require(all.last)
        #expect(short.date == "2021-01-09" && short.numberRange.count == 2)
    }

    @Test("the letterhead number and drafts are not citations")
    func ownNumber() {
        let text = "ỦY BAN NHÂN DÂN\nSố: 12/KH-UBND\nSố: /TB-UBND\nnội dung theo Kế hoạch số 3858/KH-UBND ngày 14/10/2022."
        #expect(Self.cite(text).map(\.number) == ["3858/KH-UBND"])
    }

    @Test("the citation range covers type word to issuer, the number range only the number")
    func ranges() throws {
        let a = CiteFixture.analysis("Căn cứ Quyết định số 49/QĐ-UBND ngày 09/01/2021 của UBND tỉnh về việc thành lập;")
        let c = try #require(CitationExtractor(lexicon: CiteFixture.pipeline.lexicon).citations(a, in: 0..<a.text.count, dates: []).first)
        #expect(a.text.text(c.range) == "Quyết định số 49/QĐ-UBND ngày 09/01/2021 của UBND tỉnh")
        #expect(a.text.text(c.numberRange) == "49/QĐ-UBND")
        #expect(c.year == 2021 && c.typeCode == "QĐ" && c.issuerCode == "UBND")
    }
}
