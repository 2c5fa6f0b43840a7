import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import VanBanExport
import VanBanLink
import VanBanText

/// The graph exporters: the vanban-graph/1 JSON shape, and DOT and GraphML that stay well formed
/// whatever the text of a field holds.
struct GraphExportTests {
    /// Text with every character the formats must escape.
    static let nasty = "Q\"uote <tag> & amp;\nline 2\r\\back 'apos' \u{1}ctl"

    static let graph = DocumentGraph(
        nodes: [
            .init(id: "60/2021/ND-CP", number: "60/2021/NĐ-CP", type: "Nghị định", issuer: "Chính phủ", date: "2021-06-21",
                  ingested: false, source: nil),
            .init(id: "89/TB-UBND|2021|ubnd tinh quang ngai", number: "89/TB-UBND", type: "Thông báo", issuer: "UBND tỉnh Quảng Ngãi",
                  date: "2021-03-16", ingested: true, source: "docs/001.txt"),
            .init(id: "x\"<&\n", number: nasty, type: nasty, issuer: nasty, date: nil, ingested: true, source: "dir/\(nasty).txt"),
        ],
        edges: [
            .init(from: "89/TB-UBND|2021|ubnd tinh quang ngai", to: "60/2021/ND-CP", relation: "basis",
                  evidence: [.init(source: "docs/001.txt", span: Span(10, 24)), .init(source: "docs/001.txt", span: Span(300, 314))]),
            .init(from: "x\"<&\n", to: "89/TB-UBND|2021|ubnd tinh quang ngai", relation: "implements",
                  evidence: [.init(source: "dir/\(nasty).txt", span: Span(5, 15))]),
        ])

    @Test("JSON: the vanban-graph/1 shape, every field round-trips")
    func json() throws {
        let bytes = GraphExport.encode(Self.graph, as: .json)
        #expect(bytes.last == 0x0A)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "nodes", "edges"])
        #expect(object["schema"] as? String == "vanban-graph/1")
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 3)
        for (node, expected) in zip(nodes, Self.graph.nodes) {
            #expect(Set(node.keys) == ["id", "number", "type", "issuer", "date", "ingested", "source"])
            #expect(node["id"] as? String == expected.id)
            #expect(node["number"] as? String == expected.number)
            #expect(node["issuer"] as? String == expected.issuer)
            #expect(node["ingested"] as? Bool == expected.ingested)
            #expect((node["source"] as? String) == expected.source)
            if expected.source == nil { #expect(node["source"] is NSNull) }
            if expected.date == nil { #expect(node["date"] is NSNull) }
        }
        let edges = try #require(object["edges"] as? [[String: Any]])
        #expect(edges.count == 2)
        let first = edges[0]
        #expect(Set(first.keys) == ["from", "to", "relation", "evidence"])
        #expect(first["from"] as? String == "89/TB-UBND|2021|ubnd tinh quang ngai")
        #expect(first["relation"] as? String == "basis")
        let evidence = try #require(first["evidence"] as? [[String: Any]])
        #expect(evidence.count == 2)
        #expect(evidence[1]["source"] as? String == "docs/001.txt")
        #expect(evidence[1]["span"] as? [Int] == [300, 314])
        #expect(edges[1]["from"] as? String == "x\"<&\n")
    }

    @Test("DOT: quoted ids and labels with quotes, backslashes and line breaks escaped; one statement per line")
    func dot() throws {
        let dot = GraphExport.dot(Self.graph)
        #expect(dot.hasPrefix("digraph \"vanban-graph\" {\n"))
        #expect(dot.hasSuffix("}\n"))
        // No raw line break inside a statement: every line is a whole statement.
        let lines = dot.split(separator: "\n").dropFirst().dropLast()
        #expect(lines.allSatisfy { $0.hasSuffix(";") })
        #expect(lines.count == 3 + 3 + 2)
        // Every quoted string closes: unescaped quotes come in pairs on each line.
        for line in lines {
            var quotes = 0, escaped = false
            for c in line.unicodeScalars {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "\"" { quotes += 1 }
            }
            #expect(quotes % 2 == 0, "\(line)")
        }
        #expect(dot.contains("\"x\\\"<&\\n\" -> \"89/TB-UBND|2021|ubnd tinh quang ngai\" [label=\"implements\""))
        #expect(dot.contains("Q\\\"uote <tag> & amp;\\nline 2\\r\\\\back"))
        // Ingested documents and cited ones look different; edges carry their relation's colour.
        let ingested = try #require(lines.first { $0.contains("\"89/TB-UBND|2021|ubnd tinh quang ngai\" [") })
        let cited = try #require(lines.first { $0.contains("\"60/2021/ND-CP\" [") })
        #expect(ingested.contains("filled") && !cited.contains("filled"))
        #expect(cited.contains("dashed"))
        #expect(dot.contains("[label=\"basis\", color=\"\(GraphExport.colour("basis"))\""))
    }

    @Test("DOT escaping", arguments: [
        ("plain", "plain"), ("a\"b", "a\\\"b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("<b>&", "<b>&"), ("Quảng Ngãi", "Quảng Ngãi"),
    ])
    func dotEscape(_ c: (String, String)) {
        #expect(GraphExport.dotEscape(c.0) == c.1)
    }

    @Test("GraphML: parses as XML, declares its keys, and gives back every field as written")
    func graphML() throws {
        let text = GraphExport.graphML(Self.graph)
        let parsed = try GraphMLReader.read(text)
        #expect(parsed.keys.contains { $0.id == "number" && $0.for == "node" })
        for name in ["vid", "label", "number", "type", "issuer", "date", "ingested", "source"] {
            #expect(parsed.keys.contains { $0.id == name && $0.for == "node" }, "node key \(name)")
        }
        for name in ["relation", "evidence", "evidenceCount"] {
            #expect(parsed.keys.contains { $0.id == name && $0.for == "edge" }, "edge key \(name)")
        }
        #expect(parsed.keys.first { $0.id == "ingested" }?.type == "boolean")
        #expect(parsed.directed)
        #expect(parsed.nodes.count == 3)
        // Every field comes back exactly, but for the control character XML 1.0 cannot carry (U+FFFD instead).
        func safe(_ s: String?) -> String? { s?.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}") }
        for (node, expected) in zip(parsed.nodes, Self.graph.nodes) {
            #expect(node.data["vid"] == expected.id)
            #expect(node.data["number"] == safe(expected.number))
            #expect(node.data["type"] == safe(expected.type))
            #expect(node.data["issuer"] == safe(expected.issuer))
            #expect(node.data["date"] == expected.date)
            #expect(node.data["ingested"] == (expected.ingested ? "true" : "false"))
            #expect(node.data["source"] == safe(expected.source))
        }
        #expect(parsed.nodes[2].data["number"]?.contains("\r\\back") == true)
        #expect(parsed.edges.count == 2)
        let ids = parsed.nodes.map(\.id)
        let edge = parsed.edges[1]
        #expect(edge.source == ids[2] && edge.target == ids[1])
        #expect(edge.data["relation"] == "implements")
        #expect(edge.data["evidenceCount"] == "1")
        let evidence = try #require(try JSONSerialization.jsonObject(with: Data((edge.data["evidence"] ?? "").utf8)) as? [[String: Any]])
        // JSON text escapes the control character itself, so the evidence keeps it.
        #expect(evidence.first?["source"] as? String == "dir/\(Self.nasty).txt")
        #expect(evidence.first?["span"] as? [Int] == [5, 15])
    }

    @Test("an empty graph is still a whole document in every format")
    func empty() throws {
        let graph = DocumentGraph(nodes: [], edges: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(GraphExport.encode(graph, as: .json))) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.isEmpty == true)
        #expect(GraphExport.dot(graph) == "digraph \"vanban-graph\" {\n  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
                + "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=10];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=8];\n}\n")
        let parsed = try GraphMLReader.read(GraphExport.graphML(graph))
        #expect(parsed.nodes.isEmpty && parsed.edges.isEmpty)
    }
}

/// A minimal GraphML reader over Foundation's XMLParser (a strict, non-validating XML 1.0 parser).
final class GraphMLReader: NSObject, XMLParserDelegate {
    struct Key { let id: String; let `for`: String; let type: String }
    struct Element { var id: String; var source = ""; var target = ""; var data: [String: String] = [:] }
    struct Graph { var keys: [Key] = []; var nodes: [Element] = []; var edges: [Element] = []; var directed = false }
    struct Failure: Error { let message: String }

    private var graph = Graph()
    private var current: Element?
    private var isEdge = false
    private var dataKey: String?
    private var text = ""

    static func read(_ xml: String) throws -> Graph {
        let reader = GraphMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw Failure(message: parser.parserError.map { "\($0)" } ?? "parse error") }
        return reader.graph
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "key": graph.keys.append(Key(id: attributes["id"] ?? "", for: attributes["for"] ?? "", type: attributes["attr.type"] ?? ""))
        case "graph": graph.directed = attributes["edgedefault"] == "directed"
        case "node": current = Element(id: attributes["id"] ?? ""); isEdge = false
        case "edge":
            current = Element(id: attributes["id"] ?? "", source: attributes["source"] ?? "", target: attributes["target"] ?? "")
            isEdge = true
        case "data": dataKey = attributes["key"]; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if dataKey != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "data": if let key = dataKey { current?.data[key] = text }; dataKey = nil
        case "node", "edge":
            if let element = current { if isEdge { graph.edges.append(element) } else { graph.nodes.append(element) } }
            current = nil
        default: break
        }
    }
}
