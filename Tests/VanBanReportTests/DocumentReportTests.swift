import Foundation
import Testing
import VanBanExtract
@testable import VanBanReport

/// The document report: well-formed markup whatever the records' overlaps, the text panel holding
/// exactly the original text, every record reachable, hostile text rendered as text.
struct DocumentReportTests {
    @Test("every corpus document: tags balanced, text panel == original text, every record highlighted, page under 1 MB")
    func corpus() throws {
        let files = Support.corpusFiles()
        #expect(files.count >= 40)
        for file in files {
            let extraction = try Support.extract(file: file)
            let report = DocumentReport(extraction: extraction)
            let html = report.html()
            let markup = try Markup(html)
            #expect(markup.text(ofId: "text") == extraction.source.string, "\(file)")
            #expect(html.utf8.count < 1_000_000, "\(file): \(html.utf8.count) bytes")
            // Each record is named by at least one segment, and a task row points at each directive.
            var named = Set<Int>()
            for tag in markup.startTags where tag.name == "span" {
                if let refs = Markup.attribute("data-r", in: tag.attributes) { refs.split(separator: " ").forEach { named.insert(Int($0)!) } }
            }
            #expect(named == Set(report.records.indices), "\(file)")
            let rows = markup.startTags.filter { $0.name == "tr" && Markup.attribute("data-r", in: $0.attributes) != nil }
            #expect(rows.count == report.tasks.rows.count, "\(file)")
            #expect(markup.elements.filter { $0 == "script" }.count == 2)
            #expect(extraction.documents.count == markup.startTags.filter { Markup.attribute("class", in: $0.attributes) == "card" }.count)
        }
    }

    @Test("kinds: a citation inside a directive, its date inside it, each with its own class")
    func kinds() throws {
        let text = """
            ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 89/TB-UBND\n\nQuảng Ngãi, ngày 16 tháng 3 năm 2021\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n\n\
            1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu triển khai Kế hoạch số 6769/KH-UBND ngày 14/8/2018 của UBND tỉnh, hoàn thành trước ngày 31/3/2021.\n
            """
        let extraction = Support.extract(text: text)
        let report = DocumentReport(extraction: extraction)
        let kinds = Set(report.records.map(\.kind))
        for k in [RecordKind.number, .citation, .date, .deadline, .agency, .directive] { #expect(kinds.contains(k), "\(k)") }
        let html = report.html()
        #expect(html.contains("class=\"r k-citation k-date k-directive\""))
        #expect(html.contains("<dt>Number</dt><dd>89/TB-UBND</dd>"))
        #expect(html.contains("<dt>Date</dt><dd>2021-03-16</dd>"))
        #expect(try Markup(html).text(ofId: "text") == text)
    }

    static let hostile = """
        ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/TB-UBND\n\nQuảng Ngãi, ngày 2 tháng 4 năm 2024\n\n\
        THÔNG BÁO\nV/v <script>alert(1)</script> & "quotes" 'single' </textarea><img src=x onerror=alert(2)>\n\n\
        1. Giao Sở Nội vụ <b>chủ trì</b> & báo cáo "kết quả" </script><script>alert(3)</script> trước ngày 30/4/2024.\n\
        A &amp; B &lt;not a tag&gt; --> <!-- ]]>\n
        """

    @Test("a hostile document renders as text: no tag, script or entity from it survives")
    func hostile() throws {
        let extraction = Support.extract(text: Self.hostile, path: "evil<script>\"x\".txt")
        let html = DocumentReport(extraction: extraction).html()
        for raw in ["<script>alert", "</textarea>", "<img", "<b>chủ trì", "onerror=alert(2)>", "evil<script>", "<!--"] {
            #expect(!html.contains(raw), "\(raw)")
        }
        // Our own two scripts and nothing else; the record data cannot end its script element early.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        let markup = try Markup(html)
        #expect(markup.text(ofId: "text") == Self.hostile)
        #expect(!markup.elements.contains("img") && !markup.elements.contains("textarea"))
        // The subject (with the script text) is in the header card, escaped.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;"))
    }

    @Test("an input with no words still gives a valid page")
    func empty() throws {
        let extraction = Support.extract(text: "\n\n   \n")
        let html = DocumentReport(extraction: extraction).html()
        #expect(try Markup(html).text(ofId: "text") == "\n\n   \n")
        #expect(html.contains("no-text"))
    }
}
