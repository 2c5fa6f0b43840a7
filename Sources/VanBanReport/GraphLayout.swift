/// A deterministic force-directed layout (Fruchterman–Reingold) of a graph: each connected
/// component is laid out on its own, pushed apart so that no two nodes are closer than
/// `separation`, and the components are then packed in rows, largest first, so that a corpus of
/// many small clusters fills a screen-shaped area instead of drifting apart.
///
/// The same nodes and edges always give the same positions: each component starts from a spiral
/// in a fixed order (breadth-first from its best-connected node), and no randomness is used.
public struct GraphLayout: Sendable {
    /// A position in drawing units (SVG user units).
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// One position per node, in node order; all coordinates are at least `margin`.
    public let positions: [Point]
    /// The smallest distance between two node centres the layout guarantees.
    public let separation: Double
    /// The extent of the positions plus the margin on each side.
    public let width: Double
    public let height: Double

    /// Lays out `nodeCount` nodes joined by `edges` (pairs of node indices; direction, repeats and
    /// self-loops do not matter). `edgeLength` is the preferred length of an edge; `gap` is the
    /// room left between packed components (labels go there).
    public init(nodeCount n: Int, edges: [(Int, Int)], edgeLength k: Double = 60, separation: Double = 24, margin: Double = 20,
                gap: Double = 60) {
        self.separation = separation
        guard n > 0 else { positions = []; width = 2 * margin; height = 2 * margin; return }
        var neighbours = [[Int]](repeating: [], count: n)
        var pairs = Set<Int>()
        var links: [(Int, Int)] = []
        for (a, b) in edges where a != b && a >= 0 && b >= 0 && a < n && b < n {
            let lo = min(a, b), hi = max(a, b)
            if pairs.insert(lo * n + hi).inserted { links.append((lo, hi)); neighbours[lo].append(hi); neighbours[hi].append(lo) }
        }
        for i in 0..<n { neighbours[i].sort() }

        // Each component on its own, in local coordinates.
        var x = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
        var boxes: [(members: [Int], width: Double, height: Double)] = []
        var local = [Int](repeating: -1, count: n)
        for members in Self.components(neighbours) {
            for (i, m) in members.enumerated() { local[m] = i }
            var componentLinks: [(Int, Int)] = []
            for m in members { for o in neighbours[m] where o > m { componentLinks.append((local[m], local[o])) } }
            var cx = [Double](), cy = [Double]()
            Self.force(count: members.count, links: componentLinks, edgeLength: k, x: &cx, y: &cy)
            Self.separate(&cx, &cy, by: separation)
            let minX = cx.min()!, minY = cy.min()!
            for (i, m) in members.enumerated() { x[m] = cx[i] - minX; y[m] = cy[i] - minY }
            boxes.append((members, cx.max()! - minX, cy.max()! - minY))
        }

        // Pack the components in rows (shelves) about twice as wide as the whole is tall.
        let area = boxes.reduce(0.0) { $0 + ($1.width + gap) * ($1.height + gap) }
        let rowWidth = max(boxes.map { $0.width + gap }.max()!, (area * 2.0).squareRoot())
        var cursorX = 0.0, cursorY = 0.0, rowHeight = 0.0
        var totalWidth = 0.0
        for box in boxes {
            if cursorX > 0 && cursorX + box.width > rowWidth { cursorX = 0; cursorY += rowHeight + gap; rowHeight = 0 }
            for m in box.members { x[m] += cursorX; y[m] += cursorY }
            totalWidth = max(totalWidth, cursorX + box.width)
            cursorX += box.width + gap
            rowHeight = max(rowHeight, box.height)
        }
        positions = (0..<n).map { Point(x: x[$0] + margin, y: y[$0] + margin) }
        width = totalWidth + 2 * margin
        height = cursorY + rowHeight + 2 * margin
    }

    /// Fruchterman–Reingold on one component: starts from a sunflower spiral in index order
    /// (the caller's breadth-first order), so the same input always gives the same result.
    static func force(count n: Int, links: [(Int, Int)], edgeLength k: Double, x: inout [Double], y: inout [Double]) {
        x = [Double](repeating: 0, count: n); y = [Double](repeating: 0, count: n)
        for rank in 0..<n {
            let radius = k * 0.7 * (Double(rank) + 0.5).squareRoot()
            let angle = Double(rank) * 2.399963229728653
            x[rank] = radius * cos(angle); y[rank] = radius * sin(angle)
        }
        guard n > 1 else { return }
        let iterations = n <= 150 ? 300 : max(120, 45000 / n)
        let gravity = 1.5  // strong enough to hold a component of hundreds of nodes at about one edge length apart
        var dx = [Double](repeating: 0, count: n), dy = [Double](repeating: 0, count: n)
        let startTemperature = k * 2
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                dx.withUnsafeMutableBufferPointer { dx in
                    dy.withUnsafeMutableBufferPointer { dy in
                        for step in 0..<iterations {
                            let t = startTemperature * (1 - Double(step) / Double(iterations)) + 0.5
                            for i in 0..<n { dx[i] = -gravity * x[i]; dy[i] = -gravity * y[i] }
                            for i in 0..<n {
                                let xi = x[i], yi = y[i]
                                var fx = 0.0, fy = 0.0
                                for j in (i + 1)..<n {
                                    var ex = xi - x[j], ey = yi - y[j]
                                    var d2 = ex * ex + ey * ey
                                    if d2 < 0.01 { ex = 0.1 * Double((i + j) % 7 + 1); ey = 0.1 * Double((i * 3 + j) % 5 + 1); d2 = ex * ex + ey * ey }
                                    let f = k * k / d2  // (k²/d) along the unit vector (e/d)
                                    fx += ex * f; fy += ey * f
                                    dx[j] -= ex * f; dy[j] -= ey * f
                                }
                                dx[i] += fx; dy[i] += fy
                            }
                            for (a, b) in links {
                                let ex = x[a] - x[b], ey = y[a] - y[b]
                                let d = (ex * ex + ey * ey).squareRoot()
                                let f = d / k  // (d²/k) along the unit vector
                                dx[a] -= ex * f; dy[a] -= ey * f
                                dx[b] += ex * f; dy[b] += ey * f
                            }
                            for i in 0..<n {
                                let d = (dx[i] * dx[i] + dy[i] * dy[i]).squareRoot()
                                if d > 0 { let s = min(d, t) / d; x[i] += dx[i] * s; y[i] += dy[i] * s }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Connected components, largest first (ties by smallest node), each in breadth-first order
    /// from its node of highest degree.
    static func components(_ neighbours: [[Int]]) -> [[Int]] {
        let n = neighbours.count
        var component = [Int](repeating: -1, count: n)
        var components: [[Int]] = []
        for s in 0..<n where component[s] < 0 {
            var members = [s]
            component[s] = components.count
            var head = 0
            while head < members.count {
                for m in neighbours[members[head]] where component[m] < 0 { component[m] = components.count; members.append(m) }
                head += 1
            }
            components.append(members)
        }
        components.sort { $0.count != $1.count ? $0.count > $1.count : $0.min()! < $1.min()! }
        var seen = [Bool](repeating: false, count: n)
        return components.map { members in
            let root = members.max { a, b in neighbours[a].count != neighbours[b].count ? neighbours[a].count < neighbours[b].count : a > b }!
            var queue = [root]
            seen[root] = true
            var head = 0
            while head < queue.count {
                for m in neighbours[queue[head]] where !seen[m] { seen[m] = true; queue.append(m) }
                head += 1
            }
            return queue
        }
    }

    /// Pushes apart pairs closer than `separation` until none is left; if that does not settle,
    /// scales the whole layout up, which always does.
    static func separate(_ x: inout [Double], _ y: inout [Double], by separation: Double) {
        let n = x.count
        guard n > 1 else { return }
        for _ in 0..<200 {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var ex = x[j] - x[i], ey = y[j] - y[i]
                    var d = (ex * ex + ey * ey).squareRoot()
                    if d >= separation { continue }
                    if d < 1e-6 {
                        let angle = Double((i * 31 + j * 17) % 360) * Double.pi / 180
                        ex = cos(angle); ey = sin(angle); d = 1
                    } else { ex /= d; ey /= d }
                    let push = (separation - d) / 2 + 0.01
                    x[i] -= ex * push; y[i] -= ey * push
                    x[j] += ex * push; y[j] += ey * push
                    moved = true
                }
            }
            if !moved { return }
        }
        var closest = Double.infinity
        for i in 0..<n { for j in (i + 1)..<n { closest = min(closest, ((x[j] - x[i]) * (x[j] - x[i]) + (y[j] - y[i]) * (y[j] - y[i])).squareRoot()) } }
        if closest < separation {
            let scale = separation / max(closest, 1e-6) * 1.0001
            for i in 0..<n { x[i] *= scale; y[i] *= scale }
        }
    }

    /// The smallest distance between two positions (infinity for fewer than two).
    public var closestPair: Double {
        var closest = Double.infinity
        for i in positions.indices {
            for j in positions.indices where j > i {
                let ex = positions[j].x - positions[i].x, ey = positions[j].y - positions[i].y
                closest = min(closest, (ex * ex + ey * ey).squareRoot())
            }
        }
        return closest
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
