import VanBanLink
import VanBanText

/// The cross-reference graph as `vanban-graph/1` JSON, Graphviz DOT or GraphML.
///
/// All three carry the same nodes and edges in the graph's order (sorted by id). JSON is the
/// contract of DESIGN.md; DOT renders with `dot -Tsvg` (ingested documents filled, documents only
/// cited dashed, edges labelled and coloured by relation); GraphML opens in Gephi and yEd with
/// every node field and each edge's relation and evidence as attributes.
public enum GraphExport {
    /// The output formats of `vanban graph --format`.
    public enum Format: String, CaseIterable, Sendable {
        case json, dot, graphml
    }

    /// The graph in `format`, ending with a newline.
    public static func encode(_ graph: DocumentGraph, as format: Format) -> [UInt8] {
        switch format {
        case .json: var bytes = json(graph); bytes.append(0x0A); return bytes
        case .dot: return Array(dot(graph).utf8)
        case .graphml: return Array(graphML(graph).utf8)
        }
    }

    /// A colour per relation, in the legend's order; DOT and the HTML corpus report both draw with it.
    public static let relationColours: [(relation: String, colour: String)] = [
        ("basis", "#2563eb"), ("implements", "#16a34a"), ("amends", "#d97706"), ("replaces", "#dc2626"),
        ("repeals", "#7f1d1d"), ("annuls", "#be185d"), ("corrects", "#a16207"), ("guides", "#7c3aed"),
        ("details", "#4f46e5"), ("consolidates", "#0d9488"), ("suspends", "#ea580c"), ("replies", "#0891b2"),
        ("attached", "#a3a3a3"), ("cites", "#64748b"),
    ]

    /// The colour of a relation (slate for one not in the table).
    public static func colour(_ relation: String) -> String {
        relationColours.first { $0.relation == relation }?.colour ?? "#334155"
    }

    // MARK: JSON

    /// `{"schema": "vanban-graph/1", "nodes": [{"id", "number", "type", "issuer", "date", "ingested",
    /// "source"}], "edges": [{"from", "to", "relation", "evidence": [{"source", "span": [s, e]}]}]}`,
    /// one line, no trailing newline.
    public static func json(_ graph: DocumentGraph) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("schema"); w.string(DocumentGraph.schema)
        w.key("nodes"); w.beginArrayValue()
        for n in graph.nodes {
            w.beginObject()
            w.key("id"); w.string(n.id)
            w.key("number"); w.optionalString(n.number)
            w.key("type"); w.optionalString(n.type)
            w.key("issuer"); w.optionalString(n.issuer)
            w.key("date"); w.optionalString(n.date)
            w.key("ingested"); w.bool(n.ingested)
            w.key("source"); w.optionalString(n.source)
            w.endObject()
        }
        w.endArray()
        w.key("edges"); w.beginArrayValue()
        for e in graph.edges {
            w.beginObject()
            w.key("from"); w.string(e.from)
            w.key("to"); w.string(e.to)
            w.key("relation"); w.string(e.relation)
            w.key("evidence"); w.beginArrayValue()
            for x in e.evidence {
                w.beginObject()
                w.key("source"); w.string(x.source)
                w.key("span"); w.span(x.span.start, x.span.end)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    // MARK: DOT

    /// A Graphviz digraph. Ids and labels are quoted strings with `"` and `\` escaped and line
    /// breaks written as `\n`, so any text is safe (a `<` never starts an HTML label).
    public static func dot(_ graph: DocumentGraph) -> String {
        var out = "digraph \"vanban-graph\" {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
        out += "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=8];\n"
        for n in graph.nodes {
            var lines = [n.number ?? n.type ?? n.source ?? n.id]
            if n.number != nil, let type = n.type { lines.append(type) }
            if let issuer = n.issuer { lines.append(issuer) }
            if let date = n.date { lines.append(date) }
            let label = lines.map(dotEscape).joined(separator: "\\n")
            var attributes = "label=\"\(label)\", tooltip=\"\(dotEscape(n.id))\""
            if n.ingested {
                attributes += ", style=\"rounded,filled\", fillcolor=\"#dbeafe\", color=\"#1d4ed8\""
                if let source = n.source { attributes += ", URL=\"\(dotEscape(source))\"" }
            } else {
                attributes += ", style=\"rounded,dashed\", color=\"#64748b\", fontcolor=\"#334155\""
            }
            out += "  \"\(dotEscape(n.id))\" [\(attributes)];\n"
        }
        for e in graph.edges {
            let colour = colour(e.relation)
            out += "  \"\(dotEscape(e.from))\" -> \"\(dotEscape(e.to))\" [label=\"\(dotEscape(e.relation))\", "
            out += "color=\"\(colour)\", fontcolor=\"\(colour)\", penwidth=\(min(1 + e.evidence.count / 2, 4))];\n"
        }
        out += "}\n"
        return out
    }

    /// The inside of a DOT quoted string: `\` and `"` escaped, CR and LF as `\r`/`\n`.
    public static func dotEscape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: GraphML

    /// GraphML 1.0 with a `<key>` per field. Node ids are `n0`, `n1`, … (GraphML ids are XML name
    /// tokens, which `89/TB-UBND|2021|…` is not); the graph's id is the `vid` attribute and `label`
    /// is what Gephi and yEd show. Edge `evidence` is the evidence array as JSON text
    /// (`[{"source":…,"span":[s,e]}]`), `evidenceCount` its length.
    public static func graphML(_ graph: DocumentGraph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        let nodeKeys: [(String, String)] = [("vid", "string"), ("label", "string"), ("number", "string"), ("type", "string"),
                                            ("issuer", "string"), ("date", "string"), ("ingested", "boolean"), ("source", "string")]
        for (name, type) in nodeKeys {
            out += "  <key id=\"\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (name, type) in [("relation", "string"), ("evidence", "string"), ("evidenceCount", "int")] {
            out += "  <key id=\"\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <graph id=\"vanban-graph\" edgedefault=\"directed\">\n"
        var index: [String: Int] = [:]
        for (k, n) in graph.nodes.enumerated() {
            index[n.id] = k
            out += "    <node id=\"n\(k)\">"
            func data(_ key: String, _ value: String?) {
                if let value { out += "<data key=\"\(key)\">\(xmlEscape(value))</data>" }
            }
            data("vid", n.id)
            data("label", n.number ?? n.type ?? n.source ?? n.id)
            data("number", n.number)
            data("type", n.type)
            data("issuer", n.issuer)
            data("date", n.date)
            data("ingested", n.ingested ? "true" : "false")
            data("source", n.source)
            out += "</node>\n"
        }
        for (k, e) in graph.edges.enumerated() {
            // An edge whose end is not a node of the graph cannot be written in GraphML.
            guard let from = index[e.from], let to = index[e.to] else { continue }
            var w = JSONWriter()
            w.beginArray()
            for x in e.evidence {
                w.beginObject()
                w.key("source"); w.string(x.source)
                w.key("span"); w.span(x.span.start, x.span.end)
                w.endObject()
            }
            w.endArray()
            out += "    <edge id=\"e\(k)\" source=\"n\(from)\" target=\"n\(to)\">"
            out += "<data key=\"relation\">\(xmlEscape(e.relation))</data>"
            out += "<data key=\"evidence\">\(xmlEscape(String(decoding: w.bytes, as: UTF8.self)))</data>"
            out += "<data key=\"evidenceCount\">\(e.evidence.count)</data>"
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Text safe in XML 1.0 content and attributes: `& < > " '` as entities, tab, CR and LF as
    /// character references (kept through attribute normalisation), and characters XML 1.0 does
    /// not allow (other C0 controls, U+FFFE, U+FFFF) as U+FFFD.
    public static func xmlEscape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&apos;"
            case 0x09: out += "&#9;"
            case 0x0A: out += "&#10;"
            case 0x0D: out += "&#13;"
            case 0x00..<0x20, 0xFFFE, 0xFFFF: out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
