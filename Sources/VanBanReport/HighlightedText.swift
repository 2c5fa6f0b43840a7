/// The original text cut into segments at every record boundary, each segment knowing the
/// records that cover it, so overlapping and nested records become flat, well-formed markup.
public struct HighlightedText: Sendable {
    /// A run of text `[start, end)` (UTF-16 units of the original) covered by the same records.
    public struct Segment: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// Indices into the records, shortest record first (the innermost is the one a reader means).
        public var records: [Int]
    }

    public let segments: [Segment]

    /// Segments covering `[0, length)` for records given as UTF-16 ranges (clamped to the text).
    public init(length: Int, records: [Range<Int>]) {
        var boundaries = Set<Int>([0, length])
        var starting: [Int: [Int]] = [:]
        for (i, r) in records.enumerated() {
            let lo = min(max(r.lowerBound, 0), length), hi = min(max(r.upperBound, 0), length)
            guard lo < hi else { continue }
            boundaries.insert(lo); boundaries.insert(hi)
            starting[lo, default: []].append(i)
        }
        let cuts = boundaries.sorted()
        var active: [Int] = []
        var segments: [Segment] = []
        segments.reserveCapacity(cuts.count)
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            active.removeAll { min(records[$0].upperBound, length) <= a }
            if let new = starting[a] { active.append(contentsOf: new) }
            let covering = active.sorted { x, y in
                let lx = records[x].count, ly = records[y].count
                return lx != ly ? lx < ly : x < y
            }
            segments.append(Segment(start: a, end: b, records: covering))
        }
        self.segments = segments
    }
}
