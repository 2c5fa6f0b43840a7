import Testing
import VanBanText
@testable import VanBanExtract

/// People: names with positions, and the signer.
@Suite struct PersonTests {
    static let pipeline = try! Pipeline.load()

    static func people(_ text: String) -> [PersonMention] {
        let analysis = pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let range = 0..<analysis.text.count
        let agencies = AgencyExtractor(lexicon: pipeline.lexicon).agencies(analysis, in: range)
        return PersonExtractor(lexicon: pipeline.lexicon).people(analysis, in: range, agencies: agencies)
    }

    @Test(arguments: [
        ("Ngày 09/3/2021, đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh chủ trì buổi họp.", "Đặng Văn Minh", "Chủ tịch UBND tỉnh"),  // honorific, dash, position with body
        ("Tham dự có ông Nguyễn Văn An, Giám đốc Sở Nội vụ.", "Nguyễn Văn An", "Giám đốc Sở Nội vụ"),  // ông + comma
        ("Hội nghị do Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Hải Giang chủ trì.", "Lâm Hải Giang", "Phó Chủ tịch UBND tỉnh"),  // position before the name
        ("Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Nguyễn Ngọc Quang kết luận:", "Nguyễn Ngọc Quang", "Phó Chủ tịch Thường trực UBND tỉnh"),  // longest position
        ("Đề nghị đ/c Trần Thị Hoa theo dõi.", "Trần Thị Hoa", nil),  // đ/c without position
        ("Ngày 16/9/2025, Chủ tịch UBND xã Nguyễn Văn Bình chủ trì cuộc họp.", "Nguyễn Văn Bình", "Chủ tịch UBND xã"),  // a commune's name is no person's
    ] as [(String, String, String?)])
    func withPosition(_ text: String, _ name: String, _ position: String?) {
        let found = Self.people(text)
        #expect(found.count == 1)
        #expect(found.first?.name == name)
        #expect(found.first?.position == position)
    }

    @Test(arguments: [
        "Kết luận của Chủ tịch UBND tỉnh Quảng Ngãi tại hội nghị.",  // a province after a title is no person
        "Chủ tịch UBND tỉnh Hà Giang chủ trì.",  // Hà is a family name, Hà Giang a province
        "Các thành viên Ban Chỉ đạo cải cách hành chính tham dự.",  // a body
        "Sơn Tây, ngày 31 tháng 3 năm 2021",  // a place
    ])
    func noPerson(_ text: String) {
        #expect(Self.people(text).isEmpty)
    }

    @Test func signer() {
        let found = Self.people("Nay thông báo để các cơ quan biết, thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Bình\n")
        #expect(found.map(\.name) == ["Lê Văn Bình"])
        #expect(found.first?.position == "Phó Chủ tịch")
    }

    /// Honorifics are lexicon data (`honorifics.tsv`): without `ông` a name without a family name is not a person.
    @Test func honorificsFromLexicon() {
        let text = "Tham dự có ông Khổng Minh An, Giám đốc Sở Nội vụ."
        #expect(Self.people(text).map(\.name) == ["Khổng Minh An"])
        var lexicon = Self.pipeline.lexicon
        lexicon.honorifics.removeAll { $0 == "ông" }
        let analysis = Self.pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let range = 0..<analysis.text.count
        let agencies = AgencyExtractor(lexicon: lexicon).agencies(analysis, in: range)
        #expect(PersonExtractor(lexicon: lexicon).people(analysis, in: range, agencies: agencies).isEmpty)
    }

    /// The signer the layout read gives the same mention as reading the signature block again,
    /// also in a two-column footer where the name follows a Nơi nhận item on its line.
    @Test(arguments: [
        ("Giao Sở Nội vụ thực hiện./.\n\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhạm Xuân Duệ\n", "Phạm Xuân Duệ", "Phạm Xuân Duệ"),  // one column
        ("Giao Sở Nội vụ thực hiện./.\n\nNơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n- Sở Nội vụ;                                    CHỦ TỊCH\n- Đồn Biên phòng Đất Mũi;                     Quách Thị Ngọc Hân\n- Lưu: VT.\n", "Quách Thị Ngọc Hân", "Quách Thị Ngọc Hân"),  // two columns: the mention is the name alone
    ] as [(String, String, String)])
    func signerFromLayout(_ text: String, _ name: String, _ surface: String) {
        let analysis = Self.pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let range = 0..<analysis.text.count
        let lexicon = Self.pipeline.lexicon
        let record = LayoutExtractor(lexicon: lexicon).documents(analysis).first
        #expect(record?.signer?.name == name)
        let agencies = AgencyExtractor(lexicon: lexicon).agencies(analysis, in: range)
        let extractor = PersonExtractor(lexicon: lexicon)
        let given = extractor.people(analysis, in: range, agencies: agencies, signer: record?.signer)
        let read = extractor.people(analysis, in: range, agencies: agencies)
        #expect(given.map(\.name) == read.map(\.name))
        let mention = given.first { $0.name == name }
        #expect(mention.map { analysis.text.text($0.range) } == surface)
    }
}
