import Foundation
import Testing
import VanBanText
@testable import VanBanExtract

/// Layout: letterheads, signature blocks, splitting a file into documents.
@Suite struct LayoutTests {
    static let pipeline = try! Pipeline.load()

    static func documents(_ text: String) -> [DocumentRecord] {
        let analysis = pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        return LayoutExtractor(lexicon: pipeline.lexicon).documents(analysis)
    }

    static let notice = """
        ỦY BAN NHÂN DÂN
        TỈNH QUẢNG NGÃI

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Số: 89/TB-UBND

        Quảng Ngãi, ngày 16 tháng 3 năm 2021

        THÔNG BÁO

        Kết luận của đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh tại buổi họp Ban Chỉ đạo

        Ngày 09/3/2021, đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh chủ trì buổi họp. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện./.

        Nơi nhận:
        - Thường trực Tỉnh ủy;
        - Sở Nội vụ;
        - Lưu: VT, NC.

        TL. CHỦ TỊCH
        CHÁNH VĂN PHÒNG

        Phạm Xuân Duệ
        """

    static let letter = """
        ỦY BAN NHÂN DÂN
        HUYỆN SƠN TÂY

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Số: 294 /UBND

        Sơn Tây, ngày **31** tháng 3 năm 2021

        V/v thực hiện Thông báo kết luận của đồng chí Đặng Văn Minh

        Kính gửi:

        - Thủ trưởng các cơ quan, đơn vị thuộc huyện;
        - Chủ tịch UBND các xã.

        Thực hiện Thông báo số 89/TB-UBND ngày 16/3/2021 của UBND tỉnh Quảng Ngãi, Chủ tịch UBND huyện có ý kiến chỉ đạo như sau: giao Cơ quan Tổ chức – Nội vụ theo dõi, đôn đốc và tổng hợp kết quả thực hiện./.

        Nơi nhận:
        - Như trên;
        - Lưu: VT.

        CHỦ TỊCH

        Nguyễn Ngọc Trân

        Quảng Ngãi
        Số: 89/TB-UBND
        17/03/2021

        """

    @Test func fullLetterhead() {
        let docs = Self.documents(Self.notice)
        #expect(docs.count == 1)
        let d = docs[0]
        #expect(d.issuer == "UBND tỉnh Quảng Ngãi")
        #expect(d.place == "Quảng Ngãi")
        #expect(d.date == "2021-03-16")
        #expect(d.type == "Thông báo")
        #expect(d.typeCode == "TB")
        #expect(d.subject?.hasPrefix("Kết luận của đồng chí Đặng Văn Minh") == true)
        #expect(d.signer?.name == "Phạm Xuân Duệ")
        #expect(d.signer?.position == "Chánh Văn phòng")
        #expect(d.signer?.authority == "TL. Chủ tịch")
        #expect(d.recipients == ["Thường trực Tỉnh ủy", "Sở Nội vụ"])
        #expect(d.number == "89/TB-UBND")
    }

    @Test("a header exported as a pipe table: the V/v subject after the number in one cell, the date in the next")
    func subjectInTheNumberCell() throws {
        let text = """
            | BỘ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
            | Số: 4567/BGDĐT-GDTrH V/v triển khai nhiệm vụ năm học 2024-2025 | Hà Nội, ngày 22 tháng 8 năm 2024 |

            Kính gửi: Các Sở Giáo dục và Đào tạo
            """
        let d = try #require(Self.documents(text).first)
        #expect(d.number == "4567/BGDĐT-GDTrH")
        #expect(d.subject == "triển khai nhiệm vụ năm học 2024-2025")
        #expect(d.date == "2024-08-22")
        #expect(d.type == "Công văn")
    }

    @Test("an office's letterhead in capitals keeps its abbreviations: Văn phòng HĐND và UBND huyện")
    func capitalLetterheadKeepsAbbreviations() throws {
        let text = "UBND HUYỆN TƯ NGHĨA\nVĂN PHÒNG HĐND VÀ UBND\nSố: 25/GM-VP\nTư Nghĩa, ngày 12 tháng 3 năm 2024\n\nGIẤY MỜI\nHọp giao ban\n"
        let d = try #require(Self.documents(text).first)
        #expect(d.issuer == "Văn phòng HĐND và UBND huyện Tư Nghĩa")
        #expect(LayoutScan.isAbbreviation("TNHH") && LayoutScan.isAbbreviation("UBND") && !LayoutScan.isAbbreviation("NGHỆ") && !LayoutScan.isAbbreviation("TRƯỜNG"))
    }

    @Test("two header columns joined line by line with single spaces: the issuer before the motto")
    func columnsJoinedWithSingleSpaces() throws {
        let text = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND An Giang, ngày 05 tháng 01 năm 2022\n\nKẾ HOẠCH\nPhòng, chống thiên tai năm 2022\n"
        let d = try #require(Self.documents(text).first)
        #expect(d.issuer == "UBND tỉnh An Giang")
        #expect(d.date == "2022-01-05")
        #expect(d.type == "Kế hoạch")
    }

    @Test("a running number split anywhere by OCR after Số: is joined")
    func splitRunningNumber() throws {
        let text = "ỦY BAN NHÂN DÂN\nXÃ TÂN HƯNG\nSố: 2 15/TB - U B ND\nTân Hưng, ngày 1 8 tháng 9 năm 2025\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND xã\n"
        let d = try #require(Self.documents(text).first)
        #expect(d.number == "215/TB-UBND")
        #expect(d.date == "2025-09-18")
        #expect(d.issuer == "UBND xã Tân Hưng")
    }

    /// seeds 001: a cover letter, a signature stamp, then the notice with its own letterhead.
    @Test func twoDocumentsInOneFile() {
        let text = Self.letter + Self.notice
        let docs = Self.documents(text)
        #expect(docs.count == 2)
        guard docs.count == 2 else { return }
        #expect(docs[0].issuer == "UBND huyện Sơn Tây")
        #expect(docs[0].type == "Công văn")
        #expect(docs[0].date == "2021-03-31")
        #expect(docs[0].signer?.name == "Nguyễn Ngọc Trân")
        #expect(docs[0].recipients.first == "Thủ trưởng các cơ quan, đơn vị thuộc huyện")
        #expect(docs[0].subject?.hasPrefix("thực hiện Thông báo kết luận") == true)
        #expect(docs[1].issuer == "UBND tỉnh Quảng Ngãi")
        #expect(docs[1].date == "2021-03-16")
        #expect(docs[0].range.upperBound == docs[1].range.lowerBound)
        // The stamp stays in the first document's range, so its date remains a date of the file.
        let analysis = Self.pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let stamp = analysis.text.string.range(of: "17/03/2021")!
        let offset = analysis.text.string.utf16.distance(from: analysis.text.string.startIndex, to: stamp.lowerBound)
        #expect(docs[0].range.contains(offset))
        #expect(docs[0].number == "294/UBND")
        #expect(docs[1].number == "89/TB-UBND")
    }

    @Test func partyLetterhead() {
        let docs = Self.documents("""
            TỈNH ỦY THỪA THIÊN HUẾ
            ĐẢNG CỘNG SẢN VIỆT NAM
            *
            Số 445-KL/TU
            Thừa Thiên Huế, ngày 13 tháng 5 năm 2022
            K ÉT LUẬN
            HỘI NGHỊ LẦN THỨ BẢY
            BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)
            Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh (khóa XVI) họp ngày 26/4/2022 đã thảo luận Tờ trình của Ban Thường vụ Tỉnh ủy và kết luận:
            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            Phan Ngọc Thọ
            """)
        #expect(docs.count == 1)
        #expect(docs.first?.issuer == "Tỉnh ủy Thừa Thiên Huế")
        #expect(docs.first?.type == "Kết luận")
        #expect(docs.first?.date == "2022-05-13")
        #expect(docs.first?.place == "Thừa Thiên Huế")
        #expect(docs.first?.subject == "HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)")
        #expect(docs.first?.signer?.authority == "T/M Ban thường vụ")
        #expect(docs.first?.signer?.position == "Phó Bí thư")
        #expect(docs.first?.signer?.name == "Phan Ngọc Thọ")
    }

    /// A draft leaves number and date blank: nothing is invented.
    @Test func draft() {
        let docs = Self.documents("""
            Số:     /TB-UBND

            Bình Định, ngày    tháng    năm 2024

            THÔNG BÁO

            Ý kiến kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh

            Ngày 29 tháng 02 năm 2024, tại Trung tâm Hội nghị tỉnh, Ủy ban nhân dân tỉnh đã tổ chức Hội nghị công bố các chỉ số cải cách hành chính.
            """)
        #expect(docs.count == 1)
        #expect(docs.first?.draft == true)
        #expect(docs.first?.date == nil)
        #expect(docs.first?.number == nil)
        #expect(docs.first?.place == "Bình Định")
        #expect(docs.first?.type == "Thông báo")
    }

    @Test(arguments: [
        // (text, type, issuer) — reason
        ("Ngày 15 tháng 8 năm 2013, tại Ủy ban nhân dân tỉnh, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Nguyễn Ngọc Quang chủ trì Hội nghị trực tuyến đẩy mạnh cải cách hành chính.",
         nil, nil),  // a headerless excerpt: no type, no issuer, no date
        ("Căn cứ Quyết định số 1110/QĐ-BTTTT ngày 02/7/2024 của Bộ Thông tin và Truyền thông; để nâng cao chất lượng mạng di động của tỉnh Đắk Nông; Sở Thông tin và Truyền thông ban hành Kế hoạch nâng cao chất lượng mạng viễn thông di động, với những nội dung sau",
         "Kế hoạch", "Sở Thông tin và Truyền thông tỉnh Đắk Nông"),  // the issuing sentence of a PDF extract
        ("1. Giao Công an tỉnh chủ trì, tham mưu UBND tỉnh ban hành Chỉ thị về việc tăng cường công tác phòng cháy, chữa cháy tại khu dân cư trên địa bàn tỉnh.",
         nil, nil),  // "tham mưu UBND tỉnh ban hành Chỉ thị" is a task, not the issuing sentence
    ] as [(String, String?, String?)])
    func headerless(_ text: String, _ type: String?, _ issuer: String?) {
        let docs = Self.documents(text)
        #expect(docs.count == 1)
        #expect(docs.first?.type == type)
        #expect(docs.first?.issuer == issuer)
        #expect(docs.first?.date == nil)
        #expect(docs.first?.number == nil)
    }

    @Test(arguments: [
        // (letterhead, issuer) — reason
        ("ỦY BAN NHÂN DÂN\nTỈNH THANH HOÁ\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 15/CT-UBND\n|\nThanh Hoá, ngày\n10 tháng 10 năm 2019\n|\nCHỈ THỊ\nVỀ LẬP KẾ HOẠCH ĐẦU TƯ CÔNG\nThực hiện Luật Đầu tư công, Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở triển khai việc lập kế hoạch đầu tư công.",
         "UBND tỉnh Thanh Hóa"),  // a table flattened with pipes and rules
        ("ỦY BAN NHÂN DÂN \nTỈNH KIÊN GIANG\n\nSố: 1961/QĐUBND\n\nCỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập  Tự do  Hạnh phúc \n\nKiên Giang, ngày 28 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
         "Chủ tịch UBND tỉnh Kiên Giang"),  // a Quyết định of the chairman, OCR-damaged quốc hiệu
        ("UBND TỈNH ĐẮK NÔNG\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 120/KH-STTTT\nĐắk Nông, ngày 9 tháng 7 năm 2024\nKẾ HOẠCH\nNâng cao chất lượng mạng viễn thông",
         "Sở Thông tin và Truyền thông tỉnh Đắk Nông"),  // a department under its province
        ("ỦY\nBAN NHÂN DÂN\nTỈNH SƠN LA\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2862/QĐ-UBND\nSơn\nLa, ngày 16 tháng 11 năm 2018\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015;",
         "Chủ tịch UBND tỉnh Sơn La"),  // lines cut inside words; the province from the letterhead
    ])
    func issuer(_ text: String, _ issuer: String) {
        let docs = Self.documents(text)
        #expect(docs.count == 1)
        #expect(docs.first?.issuer == issuer)
        #expect(docs.first?.date != nil)
    }

    // MARK: - Numbers, columns, adoption dates, site furniture

    @Test(arguments: [
        // (letterhead, number, date, issuer) — reason
        ("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\n\nSố: 1961/QĐUBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập  Tự do  Hạnh phúc\n\nKiên Giang, ngày 28 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\n",
         "1961/QĐ-UBND", "2019-08-28", "UBND tỉnh Kiên Giang"),  // Số line between the body and the quốc hiệu; glued code repaired by the lexer
        ("ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC TRỌNG\nSố: 4218/QD-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập  Tự do  Hạnh phúc\nĐức Trọng, ngày 15 tháng 11 năm 2017\n\nQUYẾT ĐỊNH\nBan hành Quy chế tổ chức\n",
         "4218/QĐ-UBND", "2017-11-15", "UBND huyện Đức Trọng"),  // look-alike D for Đ in the type code
        ("T Ỉ N H   Ủ Y   L Â M   Đ Ồ N G\n*\nSố 45-KL/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nLâm Đồng, ngày 22 tháng 9 năm 2025\n\nK Ế T   L U Ậ N\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n",
         "45-KL/TU", "2025-09-22", "Tỉnh ủy Lâm Đồng"),  // Party letterhead: spaced-out letters, Số without colon above the heading
        ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 89/TB-UBND\n\nQuảng Ngãi, ngày 16 tháng 3 năm 2021\n\nTHÔNG BÁO\n",
         "89/TB-UBND", "2021-03-16", "UBND tỉnh Quảng Ngãi"),  // the usual order still reads
    ] as [(String, String?, String?, String?)])
    func letterheadNumber(_ text: String, _ number: String?, _ date: String?, _ issuer: String?) {
        let docs = Self.documents(text)
        #expect(docs.count == 1)
        #expect(docs.first?.number == number)
        #expect(docs.first?.date == date)
        #expect(docs.first?.issuer == issuer)
    }

    @Test(arguments: [
        // (text, number, issuer, type, signer, authority) — reason
        ("     ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n         XÃ ĐẤT MŨI                              Độc lập - Tự do - Hạnh phúc\n\n     Số: 57/KH-UBND                        Đất Mũi, ngày 18 tháng 8 năm 2025\n\n                                   KẾ HOẠCH\n           Cao điểm phòng, chống khai thác hải sản\n\nThực hiện Kế hoạch số 86/KH-UBND ngày 22/7/2025 của Ủy ban nhân dân tỉnh Cà Mau, Ủy ban nhân dân xã ban hành Kế hoạch như sau:\n\nNơi nhận:                                          TM. ỦY BAN NHÂN DÂN\n- UBND tỉnh Cà Mau (b/c);                               CHỦ TỊCH\n- Sở Nông nghiệp và Môi trường;\n- Đồn Biên phòng Đất Mũi;                            Quách Thị Ngọc Hân\n- Lưu: VT.\n",
         "57/KH-UBND", "UBND xã Đất Mũi", "Kế hoạch", "Quách Thị Ngọc Hân", "TM. Ủy ban nhân dân"),  // pdftotext -layout: two columns in header and footer
        ("UBND TỈNH HẢI DƯƠNG                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ TÀI CHÍNH - SỞ TÀI NGUYÊN                  Độc lập - Tự do - Hạnh phúc\nVÀ MÔI TRƯỜNG\nSố: 1256/HDLN-STC-STNMT                  Hải Dương, ngày 14 tháng 8 năm 2009\n\nHƯỚNG DẪN LIÊN NGÀNH\nThực hiện Thông tư liên tịch số 135/2008/TTLT-BTC-BTNMT về quản lý kinh phí\n\nKT. GIÁM ĐỐC                                 KT. GIÁM ĐỐC\nSỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG                  SỞ TÀI CHÍNH\nPHÓ GIÁM ĐỐC                                 PHÓ GIÁM ĐỐC\n\n\nBùi Thị Kim Oanh                              Châu Văn Lợi\n",
         "1256/HDLN-STC-STNMT", "Sở Tài chính - Sở Tài nguyên và Môi trường tỉnh Hải Dương", "Hướng dẫn", "Bùi Thị Kim Oanh", "KT. Giám đốc"),  // joint guidance: two bodies, two signers (the left one is kept)
        ("BỘ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 64/2023/TT-BTC\n\nHà Nội, ngày 14 tháng 8 năm 2023\n\nTHÔNG TƯ\nSửa đổi, bổ sung\n\nĐiều 1. Thông tư này có hiệu lực./.\n\n| ***Nơi nhận:***<br>- Văn phòng Quốc hội;<br>- Lưu: VT, HCSN (250b). | **KT. BỘ TRƯỞNG**<br>**THỨ TRƯỞNG**<br><br><br><br>**Tạ Minh Đức** |\n|---|---|\n",
         "64/2023/TT-BTC", "Bộ Tài chính", "Thông tư", "Tạ Minh Đức", "KT. Bộ trưởng"),  // a Markdown table cell with <br> line breaks
        ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố:      /TB-UBND\n\nHà Tĩnh, ngày     tháng     năm 2024\n\nTHÔNG BÁO\nKết luận của Chủ tịch\n",
         nil, "UBND tỉnh Hà Tĩnh", "Thông báo", nil, nil),  // the blanks of a draft are no column gap
    ] as [(String, String?, String?, String?, String?, String?)])
    func columns(_ text: String, _ number: String?, _ issuer: String?, _ type: String?, _ signer: String?, _ authority: String?) {
        let docs = Self.documents(text)
        #expect(docs.count == 1)
        #expect(docs.first?.number == number)
        #expect(docs.first?.issuer == issuer)
        #expect(docs.first?.type == type)
        #expect(docs.first?.signer?.name == signer)
        #expect(docs.first?.signer?.authority == authority)
        if number == nil { #expect(docs.first?.place == "Hà Tĩnh") }
    }

    @Test(arguments: [
        // (text, date) — reason
        ("NGHỊ QUYẾT\nVỀ CHẤT VẤN\nHỘI ĐỒNG NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nĐiều 1. Hội đồng nhân dân tỉnh thống nhất với nội dung chất vấn.\nNghị quyết này đã được Hội đồng nhân dân tỉnh Bà\nRịa-Vũng Tàu khóa VI, kỳ họp thứ năm thông qua ngày 13 tháng 7 năm 2017 và có hiệu lực kể từ ngày 13 tháng 7 năm 2017./.\n",
         "2017-07-13"),  // a council resolution without letterhead date: the adoption date
        ("Căn cứ Nghị quyết số 12/2016/NQ-HĐND được Hội đồng nhân dân tỉnh thông qua ngày 10 tháng 7 năm 2016;\nSở Nội vụ triển khai thực hiện.\n",
         nil),  // a cited resolution's adoption is not this document's date
    ] as [(String, String?)])
    func adoptionDate(_ text: String, _ date: String?) {
        let docs = Self.documents(text)
        #expect(docs.first?.date == date)
    }

    /// A headerless excerpt names its own type with `này`.
    @Test(arguments: [
        ("Thủ trưởng các sở quán triệt nội dung Chỉ thị này.\n\nGiao Sở Nội vụ theo dõi việc thực hiện Chỉ thị này.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Hòa\n", "Chỉ thị"),  // twice "Chỉ thị này"
        ("Đề nghị các đơn vị thực hiện theo Quyết định này.\n", nil),  // once is not enough
    ] as [(String, String?)])
    func selfReference(_ text: String, _ type: String?) {
        #expect(Self.documents(text).first?.type == type)
    }

    /// OCR damage in the header: split digits in the number and date; two header columns on one line.
    @Test func splitDigitsAndMergedColumns() {
        let text = "UỶ BAN NHÂN DÂN          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NINH BÌNH                Độc lập - Tự do - Hạnh phúc\nSô: 2 305/UBND - K T\nV/v triển khai các giải pháp           Ninh Bình, ngày 0 9 tháng 8 năm 20 21\nphòng, chống hạn hán vụ Mùa\n\nKính gửi: Sở Nông nghiệp và Phát triển nông thôn.\n\nGiao Sở Nông nghiệp và Phát triển nông thôn rà soát diện tích lúa.\n"
        let doc = Self.documents(text).first
        #expect(doc?.number == "2305/UBND-KT")
        #expect(doc?.date == "2021-08-09")
        #expect(doc?.place == "Ninh Bình")
        #expect(doc?.subject == "triển khai các giải pháp phòng, chống hạn hán vụ Mùa")
        #expect(doc?.issuer == "UBND tỉnh Ninh Bình")
    }

    /// A signature block in a table cell, on one line.
    @Test func signatureInATableCell() {
        let text = "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\nSố: 63/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số\n\nGiao Văn phòng HĐND và UBND xã theo dõi việc thực hiện Kế hoạch.\n\n| Nơi nhận: - UBND tỉnh (b/c); - Lưu: VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Bình |\n"
        let signer = Self.documents(text).first?.signer
        #expect(signer?.name == "Trần Văn Bình")
        #expect(signer?.position == "Chủ tịch")
        #expect(signer?.authority == "TM. Ủy ban nhân dân")
    }

    /// A headerless excerpt that opens with a cited document's date has no date of its own.
    @Test func citedDateIsNoHeaderDate() {
        let text = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\nGiao Sở Nội vụ chủ trì thực hiện.\n"
        #expect(Self.documents(text).first?.date == nil)
    }

    /// A bare `VĂN PHÒNG` under its parent body is that body's office.
    @Test func officeUnderItsParent() {
        let text = "UBND TỈNH KON TUM\nVĂN PHÒNG\nSố: 215/TB-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKon Tum, ngày 23 tháng 11 năm 2017\n\nTHÔNG BÁO\nKết luận tại buổi làm việc\n\nGiao Sở Xây dựng rà soát.\n"
        #expect(Self.documents(text).first?.issuer == "Văn phòng UBND tỉnh Kon Tum")
    }

    /// A crawled page that flattened the letterhead onto one line and the footer onto the last line.
    @Test func flattenedLetterheadAndFooter() {
        let text = "ỦY BAN NHÂN DÂN TỈNH AN GIANG ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- Số: 12/CT-UBND An Giang, ngày 05 tháng 6 năm 2020 CHỈ THỊ VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC PHÒNG CHÁY\n1. Công an tỉnh chủ trì kiểm tra an toàn phòng cháy tại các chợ.\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở nghiêm túc thực hiện Chỉ thị này./. Nơi nhận: - Bộ Công an; - Lưu: VT. CHỦ TỊCH Nguyễn Thanh Bình\n"
        let extraction = Self.pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let doc = extraction.documents.first
        #expect(doc?.number == "12/CT-UBND")
        #expect(doc?.type == "Chỉ thị")
        #expect(doc?.date == "2020-06-05")
        #expect(doc?.place == "An Giang")
        #expect(doc?.issuer == "UBND tỉnh An Giang")
        #expect(doc?.signer?.name == "Nguyễn Thanh Bình")
        #expect(doc?.signer.map { extraction.normalized.text($0.range) } == "CHỦ TỊCH Nguyễn Thanh Bình")
        #expect(doc?.citations.isEmpty == true, "the own number is no citation")
        // The last task ends with the text's `./.`, not in the footer after it.
        #expect(doc?.directives.last.map { extraction.normalized.text($0.range).hasSuffix("Chỉ thị này.") } == true)
    }

    /// A web page repeats the document's own number (title, `Số hiệu:`): that is no citation.
    @Test func ownNumberIsNoCitation() {
        let text = "Trang chủ | Văn bản pháp luật | Quyết định 418/QĐ-BGTVT năm 2022\nSố hiệu: 418/QĐ-BGTVT    Loại văn bản: Quyết định\n\nBỘ GIAO THÔNG VẬN TẢI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 418/QĐ-BGTVT\nHà Nội, ngày 14 tháng 4 năm 2022\n\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\n\nCăn cứ Nghị định số 12/2017/NĐ-CP ngày 10 tháng 02 năm 2017 của Chính phủ;\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
        let doc = Self.pipeline.extract(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text)).documents.first
        #expect(doc?.number == "418/QĐ-BGTVT")
        #expect(doc?.citations.map(\.number) == ["12/2017/NĐ-CP"])
    }

    /// Every line of a crawled page belongs to a document; only site furniture before the first one may not.
    @Test func siteFurnitureKeepsEveryLine() throws {
        let text = "Trang chủ | Văn bản mới | Tra cứu văn bản\nSố hiệu: 1312/QĐ-TTg | Loại văn bản: Quyết định\nTình trạng: Đã biết | Cập nhật: 27.8.2020\nTHỦ TƯỚNG CHÍNH PHỦ\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 1312/QĐ-TTg\n|\nHà Nội, ngày 26 tháng 8 năm 2020\n|\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nLâm Quang Vinh\nBản quyền 2008-2020 | Liên hệ\n"
        let docs = Self.documents(text)
        #expect(docs.count == 1)
        let analysis = Self.pipeline.analyse(SourceText(path: "t", encoding: "utf-8", sha256: "", text: text))
        let updated = analysis.text.string.utf16.count - 1
        #expect(docs.first?.range.contains(0) == true)
        #expect(docs.first?.range.upperBound ?? 0 >= updated)
        #expect(docs.first?.number == "1312/QĐ-TTg")
        #expect(docs.first?.signer?.name == "Lâm Quang Vinh")
    }
}
