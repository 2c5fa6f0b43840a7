import Testing
@testable import VanBanReport

/// The layout: deterministic, nodes kept apart, edges shorter than unrelated pairs; labels never overlap.
struct GraphLayoutTests {
    /// A corpus-like graph: `hubs` cited documents, each cited by a few of the `documents`, which
    /// also cite each other along a chain, plus isolated documents.
    static func graph(documents: Int, hubs: Int) -> (count: Int, edges: [(Int, Int)]) {
        var edges: [(Int, Int)] = []
        for d in 0..<documents {
            edges.append((d, documents + d % hubs))
            edges.append((d, documents + (d * 7 + 3) % hubs))
            if d % 3 == 1 { edges.append((d, d - 1)) }
        }
        return (documents + hubs + 15, edges)
    }

    @Test("the same graph gives the same positions")
    func deterministic() {
        let g = Self.graph(documents: 60, hubs: 25)
        let a = GraphLayout(nodeCount: g.count, edges: g.edges)
        let b = GraphLayout(nodeCount: g.count, edges: g.edges)
        #expect(a.positions == b.positions)
        #expect(a.width == b.width && a.height == b.height)
    }

    @Test("a few hundred nodes: no two closer than the separation, all inside the margin, edges short")
    func separated() {
        let g = Self.graph(documents: 220, hubs: 90)
        let layout = GraphLayout(nodeCount: g.count, edges: g.edges, separation: 28, margin: 30)
        #expect(layout.positions.count == g.count)
        #expect(layout.closestPair >= 28 - 1e-9)
        for p in layout.positions {
            #expect(p.x >= 30 - 1e-9 && p.y >= 30 - 1e-9 && p.x <= layout.width - 30 + 1e-9 && p.y <= layout.height - 30 + 1e-9)
        }
        func distance(_ a: Int, _ b: Int) -> Double {
            let p = layout.positions[a], q = layout.positions[b]
            return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        }
        let edgeMean = g.edges.map { distance($0.0, $0.1) }.reduce(0, +) / Double(g.edges.count)
        var all = 0.0, pairs = 0
        for a in 0..<g.count { for b in (a + 1)..<g.count { all += distance(a, b); pairs += 1 } }
        #expect(edgeMean < all / Double(pairs) / 4, "linked documents are drawn near each other")
        // Compact: a few edge lengths squared per node, so the whole fits a screen at a legible scale.
        let areaPerNode = layout.width * layout.height / Double(g.count)
        #expect(areaPerNode < 6 * 60 * 60, "\(areaPerNode) units² per node")
        // Not a line or a blob: the drawing uses both dimensions.
        #expect(min(layout.width, layout.height) > max(layout.width, layout.height) / 3)
    }

    @Test("coincident and trivial inputs")
    func small() {
        #expect(GraphLayout(nodeCount: 0, edges: []).positions.isEmpty)
        #expect(GraphLayout(nodeCount: 1, edges: [(0, 0)]).positions.count == 1)
        let two = GraphLayout(nodeCount: 2, edges: [(0, 1), (1, 0), (0, 1)], separation: 30)
        #expect(two.closestPair >= 30 - 1e-9)
    }

    @Test("labels never overlap each other or another node; most nodes of a corpus-sized graph get one")
    func labels() {
        let g = Self.graph(documents: 220, hubs: 90)
        let layout = GraphLayout(nodeCount: g.count, edges: g.edges, separation: 28)
        let radii = (0..<g.count).map { $0 % 5 == 0 ? 10.0 : 5.0 }
        let texts = (0..<g.count).map { "\($0 * 37)/QĐ-UBND" }
        let placement = LabelPlacement(positions: layout.positions, radii: radii, texts: texts, priority: Array(0..<g.count), fontSize: 10.5)
        let placed = placement.labels.enumerated().compactMap { i, l in l.map { (i, $0.box) } }
        for (x, (i, a)) in placed.enumerated() {
            for (j, b) in placed[(x + 1)...] { #expect(!a.overlaps(b), "labels \(i) and \(j)") }
            for (k, p) in layout.positions.enumerated() where k != i {
                let node = LabelPlacement.Box(minX: p.x - radii[k], minY: p.y - radii[k], maxX: p.x + radii[k], maxY: p.y + radii[k])
                #expect(!a.overlaps(node), "label \(i) over node \(k)")
            }
        }
        #expect(placed.count * 2 > g.count, "\(placed.count) of \(g.count) labelled")
    }
}
