/// Greedy placement of node labels: in priority order, each label takes the first of eight
/// positions around its node that overlaps no label placed before and no other node; a label
/// with no free position is left out (its node keeps a tooltip), so labels never pile up.
public struct LabelPlacement: Sendable {
    /// A placed label: the text's anchor point and its box.
    public struct Label: Sendable, Equatable {
        public var x: Double
        public var y: Double
        /// `start`, `middle` or `end` (SVG `text-anchor`).
        public var anchor: String
        public var box: Box
    }

    /// An axis-aligned rectangle.
    public struct Box: Sendable, Equatable {
        public var minX, minY, maxX, maxY: Double
        func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    }

    /// One entry per node: its label, or nil when it had no room.
    public let labels: [Label?]

    /// Width of a label in drawing units, estimated from its length (the reports use system fonts).
    public static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.unicodeScalars.count) * fontSize * 0.6 + 2
    }

    public init(positions: [GraphLayout.Point], radii: [Double], texts: [String], priority: [Int], fontSize: Double) {
        let n = positions.count
        var placed: [Box] = []
        var labels = [Label?](repeating: nil, count: n)
        let nodeBoxes = (0..<n).map { i in
            Box(minX: positions[i].x - radii[i], minY: positions[i].y - radii[i], maxX: positions[i].x + radii[i], maxY: positions[i].y + radii[i])
        }
        let h = fontSize
        for i in priority where i >= 0 && i < n && !texts[i].isEmpty {
            let p = positions[i], r = radii[i], w = Self.width(texts[i], fontSize: fontSize)
            let gap = 2.0
            // (left x of the box, top y of the box, anchor)
            let candidates: [(Double, Double, String)] = [
                (p.x + r + gap, p.y - h / 2, "start"),
                (p.x - r - gap - w, p.y - h / 2, "end"),
                (p.x - w / 2, p.y - r - gap - h, "middle"),
                (p.x - w / 2, p.y + r + gap, "middle"),
                (p.x + r * 0.7 + gap, p.y - r * 0.7 - h, "start"),
                (p.x + r * 0.7 + gap, p.y + r * 0.7, "start"),
                (p.x - r * 0.7 - gap - w, p.y - r * 0.7 - h, "end"),
                (p.x - r * 0.7 - gap - w, p.y + r * 0.7, "end"),
            ]
            for (left, top, anchor) in candidates {
                let box = Box(minX: left, minY: top, maxX: left + w, maxY: top + h)
                if placed.contains(where: { $0.overlaps(box) }) { continue }
                if nodeBoxes.indices.contains(where: { $0 != i && nodeBoxes[$0].overlaps(box) }) { continue }
                placed.append(box)
                let ax = anchor == "start" ? left : anchor == "end" ? left + w : left + w / 2
                labels[i] = Label(x: ax, y: top + h * 0.8, anchor: anchor, box: box)
                break
            }
        }
        self.labels = labels
    }
}
