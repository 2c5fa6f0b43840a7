import VanBanText

/// Finds lexicon phrases in folded text (lower case, no diacritics, `đ` → `d`), whole words only.
///
/// A trie over folded bytes, walked from every word start; at each start the longest phrase
/// that ends on a word boundary wins (leftmost-longest, like spaCy's PhraseMatcher policy).
/// A single line break in the text matches a space in the phrase. Cost: O(words × phrase depth).
///
/// `freeze()` packs the trie for matching: a 256-entry table for the root's children (most
/// word starts fail on their first byte), each other node's children as a sorted run of
/// (byte, child) pairs, and a flag per node that ends a phrase; a walk reads only these
/// (no reference counting, no allocation) and fetches the payload list once, for its answer.
public struct PhraseMatcher: Sendable {
    /// A match: normalized range and the payloads of the phrase (several entries may share one folded phrase).
    public struct Match: Sendable {
        public let range: Range<Int>
        public let payloads: [Int]
    }

    private var edges: [Int: Int32] = [:]      // (node << 8 | byte) → child node, while building
    private var terminal: [Int32: [Int]] = [:] // node → payloads
    private var nodeCount: Int32 = 1
    /// The frozen trie, nil until `freeze()` and after a later `add`.
    private(set) var tables: Frozen? = nil

    public init() {}

    /// Adds a phrase (any surface form; it is folded here) with a payload, usually an index into a table.
    /// Phrases with a gap marker (`do … chủ trì`) are not contiguous and are skipped: see `gapParts`.
    public mutating func add(_ phrase: String, payload: Int) {
        if PhraseMatcher.gapParts(phrase) != nil { return }
        tables = nil
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
        // Most phrases hold neither mark: a byte test spares them Foundation's search (lexicon loading).
        guard phrase.utf8.contains(where: { $0 == 0xE2 || $0 == 0x2E }) else { return nil }
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

    /// True once `freeze()` has packed the trie (and no phrase was added since).
    public var isFrozen: Bool { tables != nil }

    /// Packs the trie into flat tables for matching; call after the last `add`.
    public mutating func freeze() {
        tables = Frozen(nodeCount: Int(nodeCount), edges: edges, terminal: terminal)
    }

    /// The longest phrase starting exactly at `start`, if any.
    public func longestMatch(in folded: [UInt8], at start: Int, limit: Int? = nil) -> Match? {
        let end = Swift.min(limit ?? folded.count, folded.count)
        guard start >= 0, start < end else { return nil }
        guard let tables else { return longestMatchUnfrozen(folded, start, end) }
        let found = folded.withUnsafeBufferPointer { tables.trie.walk($0.baseAddress!, start, end) }
        guard found.node > 0 else { return nil }
        return Match(range: start..<found.end, payloads: tables.payloads[found.node])
    }

    /// As `longestMatch`, but the trie node of the phrase (index of `tables.payloads`) and its end; node -1 when not frozen.
    func longestNode(in folded: [UInt8], at start: Int, limit: Int) -> (node: Int, end: Int)? {
        let end = Swift.min(limit, folded.count)
        guard start >= 0, start < end else { return nil }
        guard let tables else { return longestMatchUnfrozen(folded, start, end).map { (-1, $0.range.upperBound) } }
        let found = folded.withUnsafeBufferPointer { tables.trie.walk($0.baseAddress!, start, end) }
        return found.node > 0 ? (found.node, found.end) : nil
    }

    private func longestMatchUnfrozen(_ folded: [UInt8], _ start: Int, _ end: Int) -> Match? {
        var node: Int32 = 0
        var best: Match? = nil
        var i = start
        while i < end {
            var byte = folded[i]
            if byte == 0x0A { byte = 0x20 }
            guard let next = edges[Int(node) << 8 | Int(byte)] else { break }
            node = next
            i += 1
            if let payloads = terminal[node], !payloads.isEmpty,
               i == end || !PhraseMatcher.isWordByte(folded[i]) || !PhraseMatcher.isWordByte(folded[i - 1]) {
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

    /// The packed trie. Immutable once built, so copies of a matcher share it.
    final class Frozen: @unchecked Sendable {
        /// The packed tables, read by `walk` and by the memos' fills (a value of raw pointers, so a
        /// walk keeps them in registers).
        let trie: Trie
        /// Each node's payloads (empty for a node that ends no phrase).
        let payloads: [[Int]]
        /// The number of nodes and the longest phrase (bytes): a walk reads at most `maxDepth + 1` bytes from its start.
        let nodeCount: Int
        let maxDepth: Int

        init(nodeCount: Int, edges: [Int: Int32], terminal: [Int32: [Int]]) {
            var children = [[(UInt8, Int32)]](repeating: [], count: nodeCount)
            for (key, child) in edges { children[key >> 8].append((UInt8(key & 0xFF), child)) }
            let root = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
            root.initialize(repeating: 0, count: 256)
            for (byte, child) in children[0] { root[Int(byte)] = child }
            let packedNodes = UnsafeMutablePointer<UInt32>.allocate(capacity: nodeCount + 1)
            let packedEdges = UnsafeMutablePointer<UInt64>.allocate(capacity: max(edges.count, 1))
            var count = 0
            for (node, list) in children.enumerated() {
                packedNodes[node] = UInt32(count) << 1
                for (byte, child) in list.sorted(by: { $0.0 < $1.0 }) {
                    packedEdges[count] = UInt64(UInt32(bitPattern: child)) << 8 | UInt64(byte)
                    count += 1
                }
            }
            packedNodes[nodeCount] = UInt32(count) << 1
            var lists = [[Int]](repeating: [], count: nodeCount)
            for (node, list) in terminal where !list.isEmpty {
                lists[Int(node)] = list
                packedNodes[Int(node)] |= 1
            }
            trie = Trie(root: root, nodes: packedNodes, edges: packedEdges)
            payloads = lists
            self.nodeCount = nodeCount
            // A child is numbered after its parent, so depths fill in numbering order.
            var parent = [Int32](repeating: 0, count: nodeCount)
            for (key, child) in edges { parent[Int(child)] = Int32(key >> 8) }
            var depth = [Int](repeating: 0, count: nodeCount)
            var deepest = 0
            for node in 1..<max(nodeCount, 1) { depth[node] = depth[Int(parent[node])] + 1; deepest = max(deepest, depth[node]) }
            maxDepth = deepest
        }

        deinit {
            trie.root.deallocate(); trie.nodes.deallocate(); trie.edges.deallocate()
        }
    }

    /// A frozen trie's tables. `root`: the root's child for each byte (0: none; no edge leads back
    /// to the root). `nodes`, per node and one past the last: `firstEdge << 1 | endsPhrase`; node
    /// n's children are edges `nodes[n] >> 1 ..< nodes[n + 1] >> 1`, sorted by byte. `edges`, per
    /// edge: `target << 8 | byte`. A walk step reads one node word and the node's edges, two cache
    /// lines, where four arrays cost four.
    struct Trie {
        let root: UnsafeMutablePointer<Int32>
        let nodes: UnsafeMutablePointer<UInt32>
        let edges: UnsafeMutablePointer<UInt64>

        /// The root's child for the text byte `byte` (a line break reads as a space), or 0.
        @inline(__always)
        func start(_ byte: UInt8) -> Int { Int(root[Int(byte == 0x0A ? 0x20 : byte)]) }

        /// Whether `node` ends a phrase.
        @inline(__always)
        func endsPhrase(_ node: Int) -> Bool { nodes[node] & 1 != 0 }

        /// The child of `node` for the text byte `byte` (a line break reads as a space), or 0.
        @inline(__always)
        func child(_ node: Int, _ byte: UInt8) -> Int {
            let byte = byte == 0x0A ? 0x20 : byte
            var e = Int(nodes[node] >> 1)
            let last = Int(nodes[node + 1] >> 1)
            while e < last {
                let edge = edges[e]
                let b = UInt8(truncatingIfNeeded: edge)
                if b == byte { return Int(edge >> 8) }
                if b > byte { return 0 }
                e += 1
            }
            return 0
        }

        /// The deepest phrase end reachable from `start` that ends on a word boundary: (node, end), node 0 if none.
        @inline(__always)
        func walk(_ f: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> (node: Int, end: Int) {
            var node = self.start(f[start])
            if node == 0 { return (0, start) }
            var bestNode = 0, bestEnd = start
            var i = start + 1
            while true {
                if endsPhrase(node), i == end || !PhraseMatcher.isWordByte(f[i]) || !PhraseMatcher.isWordByte(f[i - 1]) {
                    bestNode = node; bestEnd = i
                }
                guard i < end else { break }
                node = child(node, f[i])
                if node == 0 { break }
                i += 1
            }
            return (bestNode, bestEnd)
        }
    }
}
