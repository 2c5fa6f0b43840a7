import VanBanExport
import VanBanLink

/// The HTML report of a corpus: the cross-reference graph drawn as inline SVG (documents as
/// nodes, ingested ones marked, edges coloured by relation, numbers as labels), the most-cited
/// documents, and the tasks overdue as of a date.
public struct CorpusReport: Sendable {
    public let graph: DocumentGraph
    public let tasks: [TaskTable.Row]
    /// The day overdue tasks are counted against, `YYYY-MM-DD`.
    public let asOf: String
    public let title: String

    /// How many documents the most-cited list shows, and how many overdue tasks at most.
    public static let mostCitedCount = 25
    public static let overdueLimit = 300

    public init(graph: DocumentGraph, tasks: [TaskTable.Row], asOf: String, title: String = "VanBan corpus") {
        self.graph = graph; self.tasks = tasks; self.asOf = asOf; self.title = title
    }

    /// A node with what the drawing and the lists need.
    struct NodeInfo {
        var node: DocumentGraph.Node
        var citedBy: Set<Int> = []
        var cites: Set<Int> = []
        var relationsIn: [String: Int] = [:]
        /// The number; else the type; else the file name of an ingested document; else the id.
        var label: String { node.number ?? node.type ?? node.source.map(CorpusReport.fileName) ?? node.id }
    }

    /// Nodes with their citing and cited neighbours, and edges as node index pairs.
    func indexed() -> (nodes: [NodeInfo], edges: [(from: Int, to: Int, edge: DocumentGraph.Edge)]) {
        var nodes = graph.nodes.map { NodeInfo(node: $0) }
        var index = [String: Int]()
        for (i, n) in graph.nodes.enumerated() where index[n.id] == nil { index[n.id] = i }
        var edges: [(Int, Int, DocumentGraph.Edge)] = []
        for e in graph.edges {
            guard let a = index[e.from], let b = index[e.to] else { continue }
            edges.append((a, b, e))
            if a != b { nodes[b].citedBy.insert(a); nodes[a].cites.insert(b) }
            nodes[b].relationsIn[e.relation, default: 0] += 1
        }
        return (nodes, edges)
    }

    /// Tasks due strictly before `asOf`, earliest first.
    public var overdue: [TaskTable.Row] {
        tasks.filter { ($0.due.map { $0 < asOf }) ?? false }
            .sorted { ($0.due!, $0.documentNumber ?? "", $0.source, $0.span) < ($1.due!, $1.documentNumber ?? "", $1.source, $1.span) }
    }

    /// The page.
    public func html() -> String {
        let (nodes, edges) = indexed()
        let ingested = nodes.filter(\.node.ingested).count
        let overdue = self.overdue
        var out = Page.open(title: "VanBan — " + title, style: Self.style)
        out += "<body class=\"corpus\">\n<header class=\"top\"><h1>\(HTML.escape(title))</h1><div class=\"sub\">"
        out += "\(ingested) ingested documents · \(nodes.count - ingested) cited only · \(edges.count) citation links · "
        out += "\(tasks.count) tasks, \(overdue.count) overdue as of \(HTML.escape(asOf))</div></header>\n"
        out += "<section class=\"graph\"><div class=\"graphbar\"><h2>Cross-reference graph</h2>"
        out += legend(edges.map(\.edge.relation))
        out += "<span class=\"muted hint\">Wheel to zoom, drag to pan, click a document to show its links; hover for details.</span>"
        out += "<span class=\"zoom\"><button type=\"button\" id=\"zoom-in\" title=\"Zoom in\">+</button>"
        out += "<button type=\"button\" id=\"zoom-out\" title=\"Zoom out\">−</button>"
        out += "<button type=\"button\" id=\"reset\">Reset view</button></span></div>\n"
        out += svg(nodes, edges)
        out += "</section>\n<div class=\"lists\">\n"
        out += mostCited(nodes)
        out += overdueList(overdue)
        out += "</div>\n"
        out += Page.close(script: Self.script)
        return out
    }

    // MARK: Graph

    static func colour(_ relation: String) -> String { GraphExport.colour(relation) }

    /// The relations present, in the legend's order (known ones first, then others by name).
    static func relations(_ present: [String]) -> [String] {
        let set = Set(present)
        let known = GraphExport.relationColours.map(\.relation)
        return known.filter(set.contains) + set.subtracting(known).sorted()
    }

    func legend(_ relations: [String]) -> String {
        var counts = [String: Int]()
        for r in relations { counts[r, default: 0] += 1 }
        var out = "<div class=\"legend\" id=\"legend\">"
        out += "<span class=\"item\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" class=\"ing\"/></svg>ingested</span>"
        out += "<span class=\"item\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" class=\"cit\"/></svg>cited only</span>"
        for r in Self.relations(relations) {
            out += "<span class=\"item rel\"><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><line x1=\"1\" y1=\"5\" x2=\"21\" y2=\"5\" "
            out += "stroke=\"\(Self.colour(r))\" stroke-width=\"2.5\"/></svg>\(HTML.escape(r)) <span class=\"muted\">\(counts[r] ?? 0)</span></span>"
        }
        return out + "</div>"
    }

    static func radius(_ info: NodeInfo) -> Double {
        let r = 4 + 2 * Double(info.citedBy.count).squareRoot()
        return min(12, info.node.ingested ? max(r, 6.5) : r)
    }

    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    func svg(_ nodes: [NodeInfo], _ edges: [(from: Int, to: Int, edge: DocumentGraph.Edge)]) -> String {
        let layout = GraphLayout(nodeCount: nodes.count, edges: edges.map { ($0.from, $0.to) }, edgeLength: 55, separation: 30, margin: 30, gap: 45)
        let radii = nodes.map(Self.radius)
        // Labels for ingested documents first, then the most cited, then by number.
        let priority = nodes.indices.sorted { a, b in
            let x = nodes[a], y = nodes[b]
            if x.node.ingested != y.node.ingested { return x.node.ingested }
            if x.citedBy.count != y.citedBy.count { return x.citedBy.count > y.citedBy.count }
            return (x.label, a) < (y.label, b)
        }
        let fontSize = 12.0
        let labels = LabelPlacement(positions: layout.positions, radii: radii, texts: nodes.map(\.label), priority: priority, fontSize: fontSize)
        var minX = 0.0, minY = 0.0, maxX = layout.width, maxY = layout.height
        for l in labels.labels.compactMap({ $0 }) {
            minX = min(minX, l.box.minX - 4); minY = min(minY, l.box.minY - 4)
            maxX = max(maxX, l.box.maxX + 4); maxY = max(maxY, l.box.maxY + 4)
        }
        let relations = Self.relations(edges.map(\.edge.relation))
        var out = "<div class=\"svgwrap\"><svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Cross-reference graph\" "
        out += "viewBox=\"\(Self.f(minX)) \(Self.f(minY)) \(Self.f(maxX - minX)) \(Self.f(maxY - minY))\" preserveAspectRatio=\"xMidYMid meet\">\n<defs>"
        for (i, r) in relations.enumerated() {
            out += "<marker id=\"a\(i)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
            out += "<path d=\"M0,1L10,5L0,9z\" fill=\"\(Self.colour(r))\"/></marker>"
        }
        out += "</defs>\n<g id=\"edges\">\n"
        // Parallel edges (both directions, several relations) bend apart.
        var groups = [Int: [Int]]()
        let n = max(nodes.count, 1)
        for (i, e) in edges.enumerated() { groups[min(e.from, e.to) * n + max(e.from, e.to), default: []].append(i) }
        var bend = [Double](repeating: 0, count: edges.count)
        for (_, members) in groups where members.count > 1 {
            for (k, i) in members.enumerated() {
                var b = (Double(k) - Double(members.count - 1) / 2) * 14
                if edges[i].from > edges[i].to { b = -b }
                bend[i] = b
            }
        }
        for (i, e) in edges.enumerated() where e.from != e.to {
            let a = layout.positions[e.from], b = layout.positions[e.to]
            let dx = b.x - a.x, dy = b.y - a.y
            let d = max((dx * dx + dy * dy).squareRoot(), 0.001)
            let ux = dx / d, uy = dy / d
            let x1 = a.x + ux * radii[e.from], y1 = a.y + uy * radii[e.from]
            let x2 = b.x - ux * (radii[e.to] + 1), y2 = b.y - uy * (radii[e.to] + 1)
            let rel = relations.firstIndex(of: e.edge.relation) ?? 0
            var path = "M\(Self.f(x1)),\(Self.f(y1))"
            if bend[i] != 0 {
                let cx = (x1 + x2) / 2 - uy * bend[i] * 2, cy = (y1 + y2) / 2 + ux * bend[i] * 2
                path += "Q\(Self.f(cx)),\(Self.f(cy)) \(Self.f(x2)),\(Self.f(y2))"
            } else {
                path += "L\(Self.f(x2)),\(Self.f(y2))"
            }
            out += "<path class=\"e\" data-f=\"\(e.from)\" data-t=\"\(e.to)\" d=\"\(path)\" stroke=\"\(Self.colour(e.edge.relation))\" marker-end=\"url(#a\(rel))\">"
            out += "<title>\(HTML.escape("\(nodes[e.from].label) → \(nodes[e.to].label): \(e.edge.relation)"))</title></path>\n"
        }
        out += "</g>\n<g id=\"nodes\">\n"
        for (i, info) in nodes.enumerated() {
            let p = layout.positions[i]
            var tip = [info.label, info.node.type, info.node.issuer, info.node.date].compactMap { $0 }.joined(separator: " · ")
            tip += "\n" + (info.node.ingested ? "ingested" + (info.node.source.map { " from " + $0 } ?? "") : "cited only")
            tip += "\ncited by \(info.citedBy.count), cites \(info.cites.count)"
            out += "<g class=\"n \(info.node.ingested ? "ing" : "cit")\" data-i=\"\(i)\"><circle cx=\"\(Self.f(p.x))\" cy=\"\(Self.f(p.y))\" r=\"\(Self.f(radii[i]))\"/>"
            if let l = labels.labels[i] {
                out += "<text x=\"\(Self.f(l.x))\" y=\"\(Self.f(l.y))\" text-anchor=\"\(l.anchor)\">\(HTML.escape(info.label))</text>"
            }
            out += "<title>\(HTML.escape(tip))</title></g>\n"
        }
        out += "</g>\n</svg></div>\n"
        let shown = labels.labels.compactMap { $0 }.count
        out += "<p class=\"muted note\">\(nodes.count) documents drawn, \(shown) labelled"
        out += shown < nodes.count ? " (the others have no room for a label: hover them, or zoom in).</p>\n" : ".</p>\n"
        return out
    }

    // MARK: Lists

    func mostCited(_ nodes: [NodeInfo]) -> String {
        let ranked = nodes.indices.filter { !nodes[$0].citedBy.isEmpty }.sorted { a, b in
            let x = nodes[a], y = nodes[b]
            return x.citedBy.count != y.citedBy.count ? x.citedBy.count > y.citedBy.count : (x.label, a) < (y.label, b)
        }.prefix(Self.mostCitedCount)
        var out = "<section class=\"list\" id=\"most-cited\"><h2>Most-cited documents</h2>"
        guard !ranked.isEmpty else { return out + "<p class=\"muted\">No document is cited by another.</p></section>\n" }
        out += "<table><thead><tr><th>#</th><th>Document</th><th>Type</th><th>Issuer</th><th>Date</th><th>Cited by</th><th>Relations</th></tr></thead><tbody>\n"
        for (rank, i) in ranked.enumerated() {
            let info = nodes[i]
            let rels = info.relationsIn.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "<tr data-i=\"\(i)\"><td class=\"num\">\(rank + 1)</td><td class=\"num\">\(info.node.ingested ? "● " : "○ ")\(HTML.escape(info.label))</td>"
            out += "<td>\(HTML.escape(info.node.type ?? ""))</td><td>\(HTML.escape(info.node.issuer ?? ""))</td>"
            out += "<td class=\"num\">\(HTML.escape(info.node.date ?? ""))</td><td class=\"num\">\(info.citedBy.count)</td><td>\(HTML.escape(rels))</td></tr>\n"
        }
        return out + "</tbody></table><p class=\"muted note\">● ingested, ○ only cited. Cited by counts distinct citing documents.</p></section>\n"
    }

    func overdueList(_ rows: [TaskTable.Row]) -> String {
        var out = "<section class=\"list\" id=\"overdue\"><h2>Overdue tasks as of \(HTML.escape(asOf)) <span class=\"muted\">\(rows.count)</span></h2>"
        guard !rows.isEmpty else { return out + "<p class=\"muted\">No task is overdue.</p></section>\n" }
        out += "<table><thead><tr><th>Due</th><th>Days late</th><th>Document</th><th>Item</th><th>Assignees</th><th>Task</th></tr></thead><tbody>\n"
        let today = Self.dayNumber(asOf)
        for r in rows.prefix(Self.overdueLimit) {
            var late = ""
            if let today, let due = Self.dayNumber(r.due!) { late = String(today - due) }
            let who = r.lead.isEmpty ? r.assignees : r.lead + r.assignees.filter { !r.lead.contains($0) }
            out += "<tr><td class=\"num\">\(HTML.escape(r.due!))</td><td class=\"num\">\(late)</td>"
            out += "<td class=\"num\" title=\"\(HTML.escape(r.source))\">\(HTML.escape(r.documentNumber ?? Self.fileName(r.source)))</td>"
            out += "<td class=\"num\">\(HTML.escape(r.item ?? ""))</td><td>\(HTML.escape(who.joined(separator: "; ")))</td>"
            out += "<td>\(HTML.escape(DocumentReport.cut(r.action, 180)))</td></tr>\n"
        }
        out += "</tbody></table>"
        if rows.count > Self.overdueLimit { out += "<p class=\"muted note\">and \(rows.count - Self.overdueLimit) more (vanban tasks --overdue lists them all).</p>" }
        return out + "</section>\n"
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Days since 1970-01-01 of an ISO day (`YYYY-MM-DD`), nil for anything else.
    static func dayNumber(_ iso: String) -> Int? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y0 = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    // MARK: Style and script

    static let style = """
        .graph{padding:0 18px}
        .graphbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 16px}
        .legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12.5px}
        .legend .item{display:inline-flex;align-items:center;gap:4px;white-space:nowrap}
        .hint{font-size:12px}
        .zoom button{font:inherit;font-size:12px;padding:1px 8px;margin-right:4px;min-width:26px}
        .svgwrap{border:1px solid var(--line);border-radius:6px;background:#fcfcfd;height:72vh;min-height:420px;margin-top:6px}
        #graph{width:100%;height:100%;display:block;cursor:grab;user-select:none}
        #graph .e{fill:none;stroke-width:1.4;opacity:.75}
        #graph .n circle{stroke-width:1.5}
        .ing{fill:#1e3a8a;stroke:#f59e0b;stroke-width:2}
        .cit{fill:#fff;stroke:#64748b;stroke-width:1.5}
        #graph text{font-size:12px;fill:#111827;paint-order:stroke;stroke:#fcfcfd;stroke-width:3px;stroke-linejoin:round;pointer-events:none}
        #graph .n{cursor:pointer}
        #graph.focus .e:not(.hl){opacity:.08}
        #graph.focus .n:not(.hl){opacity:.25}
        #graph .n.sel circle{stroke:#dc2626;stroke-width:3}
        .note{font-size:12px;margin:4px 0}
        .lists{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px;padding:0 18px 18px}
        .list tbody tr[data-i]{cursor:pointer}
        .list tbody tr:hover{background:#f3f4f6}
        @media (max-width:1000px){.lists{grid-template-columns:1fr}}
        """

    static let script = """
        (function () {
          "use strict";
          var svg = document.getElementById("graph");
          if (!svg) { document.body.dataset.ready = "1"; return; }
          var home = svg.getAttribute("viewBox").split(" ").map(Number);
          var box = home.slice();
          function apply() { svg.setAttribute("viewBox", box.join(" ")); }
          function point(e) {
            var r = svg.getBoundingClientRect();
            var s = Math.max(box[2] / r.width, box[3] / r.height);
            var ox = box[0] + (box[2] - r.width * s) / 2, oy = box[1] + (box[3] - r.height * s) / 2;
            return {x: ox + (e.clientX - r.left) * s, y: oy + (e.clientY - r.top) * s, s: s};
          }
          svg.addEventListener("wheel", function (e) {
            e.preventDefault();
            var p = point(e), k = e.deltaY > 0 ? 1.2 : 1 / 1.2;
            box = [p.x - (p.x - box[0]) * k, p.y - (p.y - box[1]) * k, box[2] * k, box[3] * k];
            apply();
          }, {passive: false});
          var drag = null, moved = false;
          svg.addEventListener("mousedown", function (e) { drag = {x: e.clientX, y: e.clientY, b: box.slice(), s: point(e).s}; moved = false; });
          window.addEventListener("mousemove", function (e) {
            if (!drag) { return; }
            var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; }
            box = [drag.b[0] - dx * drag.s, drag.b[1] - dy * drag.s, drag.b[2], drag.b[3]];
            apply();
          });
          window.addEventListener("mouseup", function () { drag = null; });
          document.getElementById("reset").addEventListener("click", function () { box = home.slice(); apply(); select(null); });
          function zoom(k) {
            var cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
            box = [cx - box[2] * k / 2, cy - box[3] * k / 2, box[2] * k, box[3] * k];
            apply();
          }
          document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.5); });
          document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.5); });
          var nodes = Array.prototype.slice.call(svg.querySelectorAll(".n"));
          var edges = Array.prototype.slice.call(svg.querySelectorAll(".e"));
          function select(i) {
            svg.classList.toggle("focus", i !== null);
            nodes.forEach(function (n) { n.classList.remove("hl", "sel"); });
            edges.forEach(function (e) { e.classList.remove("hl"); });
            if (i === null) { return; }
            nodes[i].classList.add("hl", "sel");
            edges.forEach(function (e) {
              var f = Number(e.dataset.f), t = Number(e.dataset.t);
              if (f === i || t === i) { e.classList.add("hl"); nodes[f].classList.add("hl"); nodes[t].classList.add("hl"); }
            });
          }
          var current = null;
          svg.addEventListener("click", function (e) {
            if (moved) { return; }
            var g = e.target.closest(".n");
            current = g && Number(g.dataset.i) !== current ? Number(g.dataset.i) : null;
            select(current);
          });
          document.querySelectorAll(".list tr[data-i]").forEach(function (row) {
            row.addEventListener("click", function () {
              current = Number(row.dataset.i);
              select(current);
              svg.scrollIntoView({block: "center", behavior: "smooth"});
            });
          });
          document.body.dataset.ready = "1";
        })();
        """
}
