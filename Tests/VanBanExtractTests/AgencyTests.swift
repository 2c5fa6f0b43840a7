import Testing
import VanBanText
@testable import VanBanExtract

/// Agencies: lexicon bodies, open classes and canonical names.
@Suite struct AgencyTests {
    static let pipeline = try! Pipeline.load()
    static let extractor = AgencyExtractor(lexicon: pipeline.lexicon)

    static func names(_ text: String) -> [String] {
        let analysis = pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        return extractor.agencies(analysis, in: 0..<analysis.text.count).map(\.name)
    }

    @Test(arguments: [
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),  // abbreviation expanded
        ("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),  // already canonical
        ("Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi"),  // UBND stays abbreviated, place kept
        ("Uỷ ban nhân dân huyện Sơn Tây", "UBND huyện Sơn Tây"),  // old tone placement, district
        ("Hội đồng nhân dân tỉnh Hà Giang", "HĐND tỉnh Hà Giang"),  // council
        ("TỈNH ỦY THỪA THIÊN HUẾ", "Tỉnh ủy Thừa Thiên Huế"),  // capitals title-cased
        ("Sở Nội vụ tỉnh Quảng Ngãi", "Sở Nội vụ tỉnh Quảng Ngãi"),  // a level word then the province
        ("VPUB", "Văn phòng UBND tỉnh"),  // office abbreviation
        ("Sở Du lịch", "Sở Du lịch"),  // lexicon entry
        ("Sở Ngoại vụ và Hợp tác quốc tế", nil),  // not a single known body: more text after it
    ] as [(String, String?)])
    func canonical(_ surface: String, _ expected: String?) {
        #expect(Self.extractor.canonicalName(surface) == expected)
    }

    @Test(arguments: [
        ("Giao Sở Nội vụ chủ trì, phối hợp với Công an tỉnh thực hiện.", ["Sở Nội vụ", "Công an tỉnh"]),  // verbs end names
        ("Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Hải Giang chủ trì Hội nghị.", ["UBND tỉnh"]),  // a person is not a province
        ("Tham dự có Trường Đại học Quy Nhơn và Báo Bình Định.", ["Trường Đại học Quy Nhơn", "Báo Bình Định"]),  // open classes
        ("Đài Phát thanh – Truyền hình Quảng Ngãi; UBND các huyện, thị xã, thành phố;", ["Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi", "UBND các huyện, thị xã, thành phố"]),  // media with its place, a collective
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNHIỆM VỤ TRỌNG TÂM", []),  // the motto and a heading are no bodies
        ("Trưởng Ban Chỉ đạo kết luận.", ["Ban Chỉ đạo"]),  // "Trưởng" is a title, not "Trường"
        ("Phối hợp với Cục Cảnh sát giao thông và Tổng cục Đường bộ Việt Nam.", ["Cục Cảnh sát giao thông", "Tổng cục Đường bộ Việt Nam"]),  // compound nouns (name-compounds.tsv) keep a name going over "giao", "đường"
        ("Giao Ban Tổ chức Huyện ủy và Ủy ban Kiểm tra Huyện ủy theo dõi.", ["Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"]),  // units of a Party committee are one body with it
        ("Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện lãnh đạo thực hiện.", ["Đảng đoàn HĐND huyện", "Ban cán sự đảng UBND huyện"]),  // a Party group of a lexicon body
        ("QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN", []),  // "BAN" of "BAN HÀNH" in capitals is no body
        ("Phối hợp với Công ty TNHH MTV Khai thác công trình thủy lợi Ninh Bình và Công ty Điện lực Ninh Bình.", ["Công ty TNHH MTV Khai thác công trình thủy lợi Ninh Bình", "Công ty Điện lực Ninh Bình"]),  // abbreviations after abbreviations; a provincial body with its province
        ("Phối hợp với Viễn thông Gia Lai nâng cấp hạ tầng mạng.", ["Viễn thông Gia Lai"]),  // a name ending on its province takes no lower-case words after it
        ("Chủ tịch UBND xã Nguyễn Văn Bình chủ trì.", ["UBND xã"]),  // a person's name after the level word is no commune
        ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),  // two header columns on one line: no committee named "Nhân dân …"
    ] as [(String, [String])])
    func mentions(_ text: String, _ expected: [String]) {
        #expect(Self.names(text) == expected)
    }

    /// Open-class heads and name stops are lexicon data (`agency-heads.tsv`, `name-stops.tsv`), not code.
    @Test(arguments: [
        // (text, head removed from the lexicon, expected with the full lexicon, expected without that head) — reason
        ("Bệnh viện Đa khoa Năm Căn đã tiếp nhận bệnh nhân.", "Bệnh viện", ["Bệnh viện Đa khoa Năm Căn"], []),  // a head from agency-heads.tsv
        ("Giao Viện Kinh tế Xanh của tỉnh nghiên cứu.", "Viện", ["Viện Kinh tế Xanh"], []),  // "của" from name-stops.tsv ends the name
    ] as [(String, String, [String], [String])])
    func headsFromLexicon(_ text: String, _ removed: String, _ with: [String], _ without: [String]) {
        #expect(Self.names(text) == with)
        var lexicon = Self.pipeline.lexicon
        lexicon.agencyHeads.removeAll { $0.head == removed }
        let analysis = Self.pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let names = AgencyExtractor(lexicon: lexicon).agencies(analysis, in: 0..<analysis.text.count).map(\.name)
        #expect(names == without)
    }
}

/// Titles that begin like an agency head are positions.
struct TitleIsNotAgencyTests {
    @Test("a position starting with a head word is not an agency; the body after it still is", arguments: [
        ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTạ Minh Đức", nil as String?, "a signature block"),
        ("ông Nguyễn Văn A, Cục trưởng Cục Thuế tỉnh Cà Mau", "Cục Thuế", "a title before its body"),
        ("Vụ trưởng Vụ Pháp chế, Bộ Tư pháp", "Vụ Pháp chế", "a central department head"),
    ])
    func titles(text: String, body: String?, reason: String) throws {
        let pipeline = try Pipeline.load()
        let extraction = pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let names = extraction.documents.flatMap(\.agencies).map { String(decoding: PhraseMatcher.foldKey($0.name), as: UTF8.self) }
        #expect(!names.contains { $0.hasPrefix("bo truong") || $0.hasPrefix("cuc truong") || $0.hasPrefix("vu truong") }, "\(reason): \(names)")
        if let body {
            let key = String(decoding: PhraseMatcher.foldKey(body), as: UTF8.self)
            #expect(names.contains { $0.hasPrefix(key) }, "\(reason): \(names)")
        }
    }
}
