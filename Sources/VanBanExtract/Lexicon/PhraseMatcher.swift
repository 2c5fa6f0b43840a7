import VanBanText

/// Finds lexicon phrases in folded text (lower case, no diacritics, `đ` → `d`), whole words only.
///
/// A trie over folded bytes, walked from every word start; at each start the longest phrase
/// that ends on a word boundary wins (leftmost-longest, like spaCy's PhraseMatcher policy).
/// A single line break in the text matches a space in the phrase. Cost: O(words × phrase depth).
public struct PhraseMatcher: Sendable {
    /// A match: normalized range and the payloads of the phrase (several entries may share one folded phrase).
    public struct Match: Sendable {
        public let range: Range<Int>
        public let payloads: [Int]
    }

    private var edges: [Int: Int32] = [:]      // (node << 8 | byte) → child node, while building
    private var terminal: [Int32: [Int]] = [:] // node → payloads
    private var nodeCount: Int32 = 1
    /// The frozen trie: each node's children as a run of (byte, child) pairs, sorted by byte.
    private var edgeStart: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var payloadsByNode: [[Int]] = []
    private var frozen = false

    public init() {}

    /// Adds a phrase (any surface form; it is folded here) with a payload, usually an index into a table.
    /// Phrases with a gap marker (`do … chủ trì`) are not contiguous and are skipped: see `gapParts`.
    public mutating func add(_ phrase: String, payload: Int) {
        if PhraseMatcher.gapParts(phrase) != nil { return }
        frozen = false
        let key = PhraseMatcher.foldKey(phrase)
        guard !key.isEmpty else { return }
        var node: Int32 = 0
        for byte in key {
            let edge = Int(node) << 8 | Int(byte)
            if let next = edges[edge] { node = next } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        if terminal[node]?.contains(payload) != true { terminal[node, default: []].append(payload) }
    }

    /// The two sides of a lexicon phrase with a gap marker `…` (`đề nghị … chỉ đạo`), or nil.
    public static func gapParts(_ phrase: String) -> (head: String, tail: String)? {
        guard let gap = phrase.range(of: "…") ?? phrase.range(of: "...") else { return nil }
        return (String(phrase[..<gap.lowerBound]), String(phrase[gap.upperBound...]))
    }

    /// The folded key of a phrase: folded bytes with runs of spaces collapsed and ends trimmed.
    public static func foldKey(_ phrase: String) -> [UInt8] {
        var out: [UInt8] = []
        for unit in Normalizer.normalizeString(phrase).utf16 {
            var byte = VietnameseLetters.fold(unit)
            if byte == 0x0A || byte == 0x09 { byte = 0x20 }
            if byte == 0x20 && (out.isEmpty || out.last == 0x20) { continue }
            out.append(byte)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == FoldedByte.other
    }

    /// Packs the trie into flat arrays for matching; call after the last `add`.
    public mutating func freeze() {
        var children = [[(UInt8, Int32)]](repeating: [], count: Int(nodeCount))
        for (key, child) in edges { children[key >> 8].append((UInt8(key & 0xFF), child)) }
        edgeStart = [0]
        edgeBytes = []
        edgeTargets = []
        for list in children {
            for (byte, child) in list.sorted(by: { $0.0 < $1.0 }) { edgeBytes.append(byte); edgeTargets.append(child) }
            edgeStart.append(Int32(edgeBytes.count))
        }
        payloadsByNode = [[Int]](repeating: [], count: Int(nodeCount))
        for (node, payloads) in terminal { payloadsByNode[Int(node)] = payloads }
        frozen = true
    }

    @inline(__always)
    private func child(_ node: Int32, _ byte: UInt8) -> Int32? {
        guard frozen else { return edges[Int(node) << 8 | Int(byte)] }
        var i = Int(edgeStart[Int(node)])
        let end = Int(edgeStart[Int(node) + 1])
        while i < end {
            let b = edgeBytes[i]
            if b == byte { return edgeTargets[i] }
            if b > byte { return nil }
            i += 1
        }
        return nil
    }

    /// The longest phrase starting exactly at `start`, if any.
    public func longestMatch(in folded: [UInt8], at start: Int, limit: Int? = nil) -> Match? {
        let end = limit ?? folded.count
        var node: Int32 = 0
        var best: Match? = nil
        var i = start
        while i < end {
            var byte = folded[i]
            if byte == 0x0A { byte = 0x20 }
            guard let next = child(node, byte) else { break }
            node = next
            i += 1
            let payloads = frozen ? payloadsByNode[Int(node)] : terminal[node] ?? []
            if !payloads.isEmpty, i == end || !PhraseMatcher.isWordByte(folded[i]) || !PhraseMatcher.isWordByte(folded[i - 1]) {
                best = Match(range: start..<i, payloads: payloads)
            }
        }
        return best
    }

    /// All leftmost-longest, non-overlapping matches in `range`.
    public func matches(in folded: [UInt8], range: Range<Int>) -> [Match] {
        var result: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let atWordStart = i == 0 || !PhraseMatcher.isWordByte(folded[i - 1]) || !PhraseMatcher.isWordByte(folded[i])
            if atWordStart, folded[i] != 0x20, let m = longestMatch(in: folded, at: i, limit: range.upperBound) {
                result.append(m)
                i = m.range.upperBound
                continue
            }
            i += 1
        }
        return result
    }
}
