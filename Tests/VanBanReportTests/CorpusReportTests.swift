import Testing
import VanBanExport
import VanBanLink
import VanBanText
@testable import VanBanReport

/// The corpus report drawn from a graph and task rows.
struct CorpusReportTests {
    static func node(_ id: String, _ number: String?, ingested: Bool) -> DocumentGraph.Node {
        .init(id: id, number: number, type: ingested ? "Thông báo" : "Quyết định", issuer: "UBND tỉnh", date: "2021-03-16",
              ingested: ingested, source: ingested ? "Corpus/\(id).txt" : nil)
    }

    static func edge(_ from: String, _ to: String, _ relation: String) -> DocumentGraph.Edge {
        .init(from: from, to: to, relation: relation, evidence: [.init(source: "Corpus/\(from).txt", span: Span(0, 5))])
    }

    static func row(_ number: String, due: String?) -> TaskTable.Row {
        TaskTable.Row(source: "Corpus/a.txt", documentNumber: number, documentDate: "2021-03-16", item: "1", verb: "Giao",
                      assignees: ["Sở Nội vụ"], lead: [], coordinate: [], action: "Tham mưu <b>x</b> & y", deadline: due, due: due,
                      recurrence: nil, reportTo: nil, span: Span(0, 10))
    }

    static let graph = DocumentGraph(
        nodes: [node("a", "89/TB-UBND", ingested: true), node("b", "12/KH-UBND", ingested: true),
                node("c", "60/2021/NĐ-CP", ingested: false), node("d", "<script>alert(1)</script>", ingested: false),
                node("e", nil, ingested: false)],
        edges: [edge("a", "c", "basis"), edge("b", "c", "implements"), edge("a", "b", "cites"), edge("b", "a", "replies"),
                edge("a", "d", "amends"), edge("a", "zzz", "cites")])

    @Test("nodes, edges, legend and lists; hostile numbers escaped; tags balanced")
    func page() throws {
        let rows = [Self.row("89/TB-UBND", due: "2024-03-31"), Self.row("12/KH-UBND", due: "2024-07-01"), Self.row("x", due: nil),
                    Self.row("7/TB-UBND", due: "2023-12-31")]
        let report = CorpusReport(graph: Self.graph, tasks: rows, asOf: "2024-06-30")
        let html = report.html()
        let markup = try Markup(html)
        let groups = markup.startTags.filter { $0.name == "g" && Markup.attribute("data-i", in: $0.attributes) != nil }
        #expect(groups.count == 5)
        #expect(groups.filter { Markup.attribute("class", in: $0.attributes) == "n ing" }.count == 2)
        // The edge to an unknown node is dropped; the others are drawn with their relation's colour.
        let edges = markup.startTags.filter { $0.name == "path" && Markup.attribute("class", in: $0.attributes) == "e" }
        #expect(edges.count == 5)
        #expect(edges.contains { Markup.attribute("stroke", in: $0.attributes) == CorpusReport.colour("basis") })
        for relation in ["basis", "implements", "cites", "replies", "amends"] { #expect(html.contains(">\(relation) <span class=\"muted\">")) }
        #expect(!html.contains(">guides <span"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Most cited: 60/2021/NĐ-CP (by a and b) first.
        let mostCited = try #require(html.range(of: "id=\"most-cited\"")).upperBound
        let first = try #require(html[mostCited...].range(of: "<td class=\"num\">1</td>")).upperBound
        #expect(html[first...].hasPrefix("<td class=\"num\">○ 60/2021/NĐ-CP</td>"))
        // Overdue as of 2024-06-30: the two due before, earliest first, with days late; not the one due in July nor the undated.
        #expect(report.overdue.map(\.documentNumber) == ["7/TB-UBND", "89/TB-UBND"])
        #expect(html.contains("<td class=\"num\">2024-03-31</td><td class=\"num\">91</td>"))
        #expect(!html.contains("2024-07-01"))
        #expect(html.contains("Tham mưu &lt;b&gt;x&lt;/b&gt; &amp; y"))
        #expect(html.contains("5 citation links"))
        #expect(html == CorpusReport(graph: Self.graph, tasks: rows, asOf: "2024-06-30").html(), "the same input gives the same page")
    }

    @Test("a graph of several hundred nodes draws every node and stays modest in size")
    func large() throws {
        var nodes: [DocumentGraph.Node] = []
        var edges: [DocumentGraph.Edge] = []
        for i in 0..<150 { nodes.append(Self.node(String(format: "i%03d", i), "\(i)/TB-UBND", ingested: true)) }
        for i in 0..<150 { nodes.append(Self.node(String(format: "c%03d", i), "\(i)/2020/NĐ-CP", ingested: false)) }
        for i in 0..<150 {
            edges.append(Self.edge(String(format: "i%03d", i), String(format: "c%03d", (i * 7) % 150), "basis"))
            edges.append(Self.edge(String(format: "i%03d", i), String(format: "c%03d", (i * 3 + 1) % 150), "implements"))
        }
        let html = CorpusReport(graph: DocumentGraph(nodes: nodes, edges: edges), tasks: [], asOf: "2024-01-01").html()
        let markup = try Markup(html)
        #expect(markup.elements.filter { $0 == "circle" }.count == 300 + 2)
        #expect(html.utf8.count < 1_000_000)
        #expect(html.contains("No task is overdue."))
    }

    @Test("day numbers")
    func days() {
        #expect(CorpusReport.dayNumber("1970-01-01") == 0)
        #expect(CorpusReport.dayNumber("2024-03-01")! - CorpusReport.dayNumber("2024-02-28")! == 2)
        #expect(CorpusReport.dayNumber("2024-Q1") == nil)
    }
}
