import VanBanText

/// The longest lexicon phrase starting at a position, found once per document and then looked up.
///
/// The directive rules ask "which phrase starts here?" at the same word starts many times: each
/// candidate head of a clause, each body reading ahead over its qualifiers, each cue pass. Walking
/// the trie again every time made the stage quadratic in clause length; with this memo each
/// position costs one walk per matcher, and every later question is an array read.
///
/// The answer equals `PhraseMatcher.longestMatch(in:at:limit:)` for every limit: the stored match
/// is the longest one with no limit; when it runs past `limit`, or `limit` cuts a word (where the
/// matcher accepts a phrase ending at the cut), the matcher is asked directly.
///
/// The memo covers one document's range of the text (a file may hold many documents, and a memo the
/// size of the whole file per document made extraction quadratic in the number of documents); a
/// position outside it is answered by the matcher directly, with the same answer.
final class PhraseMemo {
    let matcher: PhraseMatcher
    /// The packed trie (nil when the matcher is not frozen: every question goes to the matcher);
    /// it keeps `trie`'s tables alive, and the walks read them through that value, with no reference
    /// counting in the loop.
    private let tables: PhraseMatcher.Frozen?
    private let trie: PhraseMatcher.Trie?
    private let maxDepth: Int
    private let folded: [UInt8]
    private let n: Int
    /// The document's folded bytes (`FoldedWindow`), addressed by text position; valid for the positions the memo walks.
    private let window: FoldedWindow
    private let f: UnsafePointer<UInt8>
    /// The first position the memo covers: memo index `p - base` for `p` in `base..<base + slotCount`.
    private let base: Int
    /// Per position: 0 = not looked up yet, 1 = no phrase starts there; otherwise `offset + 2`, where
    /// `entries[offset]` is the number of phrase ends on the trie path from the position and the entries after it
    /// are those ends in order, each `node << 32 | length << 1 | boundary`. Every end is kept, not only the longest,
    /// so a lookup with any limit is answered from the memo. Owned by the memo (allocated in `init`, freed in
    /// `deinit`): plain buffers, so the hot lookups pay no copy-on-write or exclusivity checks.
    ///
    /// The slots come in blocks of `blockSize` positions, allocated (zeroed) when a position of the block is first looked
    /// up: most memos are asked about a small part of the document, and zeroing six slot arrays the size of the
    /// document cost more than their lookups.
    private let blocks: UnsafeMutablePointer<UnsafeMutablePointer<UInt32>?>
    private let blockCount: Int
    private let slotCount: Int
    private static let blockShift = 9
    private static let blockSize = 1 << blockShift
    private var entries: UnsafeMutablePointer<UInt64>
    private var entryCount = 0
    private var entryCapacity: Int

    init(_ matcher: PhraseMatcher, folded: [UInt8], window: FoldedWindow) {
        self.matcher = matcher
        let tables = matcher.tables
        self.tables = tables
        trie = tables?.trie
        maxDepth = tables?.maxDepth ?? 0
        self.folded = folded
        self.n = folded.count
        self.window = window
        self.f = window.text
        let r = window.range
        self.base = r.lowerBound
        self.slotCount = r.count
        self.blockCount = (r.count + Self.blockSize - 1) >> Self.blockShift
        self.blocks = .allocate(capacity: Swift.max(blockCount, 1))
        self.blocks.initialize(repeating: nil, count: Swift.max(blockCount, 1))
        self.entryCapacity = 64
        self.entries = .allocate(capacity: 64)
    }

    deinit {
        for b in 0..<blockCount { blocks[b]?.deallocate() }
        blocks.deallocate(); entries.deallocate()
    }

    /// The slot of memo index `i` (allocating its block on first use).
    @inline(__always)
    private func slot(_ i: Int) -> UnsafeMutablePointer<UInt32> {
        let b = i >> Self.blockShift
        if let block = blocks[b] { return block + (i & (Self.blockSize - 1)) }
        let block = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.blockSize)
        block.initialize(repeating: 0, count: Self.blockSize)
        blocks[b] = block
        return block + (i & (Self.blockSize - 1))
    }

    /// The trie node and end of the longest phrase at `p` within `limit` (as `longestMatch(in:at:limit:)`), or nil;
    /// node -1 when the matcher is not frozen.
    @inline(__always)
    func find(at p: Int, limit: Int) -> (node: Int, end: Int)? {
        let end = limit < n ? limit : n
        guard p < end, p >= 0 else { return nil }
        let i = p - base
        guard tables != nil, i >= 0 && i < slotCount else {
            return matcher.longestNode(in: folded, at: p, limit: limit)
        }
        let slot = slot(i)
        var s = slot.pointee
        if s == 0 {
            s = fill(slot, p)
            if s == 0 {
                return matcher.longestNode(in: folded, at: p, limit: limit)
            }
        }
        if s == 1 { return nil }
        let offset = Int(s) - 2
        var k = offset + Int(entries[offset])
        while k > offset {
            let e = entries[k]
            let stop = p + Int((e >> 1) & 0x7FFF_FFFF)
            if stop <= end && (e & 1 != 0 || stop == end) { return (Int(e >> 32), stop) }
            k -= 1
        }
        return nil
    }

    /// Walks the trie from `p` once and stores every phrase end on the path (see `blocks`).
    private func fill(_ slot: UnsafeMutablePointer<UInt32>, _ p: Int) -> UInt32 {
        let trie = trie.unsafelyUnwrapped
        let f = self.f, n = self.n
        var node = trie.start(f[p])
        if node == 0 { slot.pointee = 1; return 1 }
        let offset = entryCount
        guard offset < Int(UInt32.max) - 4 else { return 0 }
        // The path is at most `maxDepth` long: make room for all its ends at once.
        let need = offset + 1 + (maxDepth + 1)
        if need > entryCapacity {
            var capacity = entryCapacity * 2
            while capacity < need { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
            grown.moveInitialize(from: entries, count: entryCount)
            entries.deallocate()
            entries = grown
            entryCapacity = capacity
        }
        let out = entries
        var count = 0
        var i2 = p + 1
        while true {
            if trie.endsPhrase(node) {
                let boundary = i2 == n || !PhraseMatcher.isWordByte(f[i2]) || !PhraseMatcher.isWordByte(f[i2 - 1])
                count += 1
                out[offset + count] = UInt64(node) << 32 | UInt64(i2 - p) << 1 | (boundary ? 1 : 0)
            }
            guard i2 < n else { break }
            node = trie.child(node, f[i2])
            if node == 0 { break }
            i2 += 1
        }
        let s: UInt32
        if count == 0 { s = 1 } else { out[offset] = UInt64(count); entryCount = offset + 1 + count; s = UInt32(offset + 2) }
        slot.pointee = s
        return s
    }

    /// The end and first payload of the longest phrase at `p` within `limit` (`match`'s range end and
    /// `payloads[0]`), without building the payload array.
    @inline(__always)
    func first(at p: Int, limit: Int) -> (end: Int, payload: Int)? {
        guard let found = find(at: p, limit: limit) else { return nil }
        guard found.node >= 0, let tables else {
            return matcher.longestMatch(in: folded, at: p, limit: limit).map { ($0.range.upperBound, $0.payloads[0]) }
        }
        return (found.end, tables.payloads[found.node][0])
    }

    func match(at p: Int, limit: Int) -> PhraseMatcher.Match? {
        guard let found = find(at: p, limit: limit) else { return nil }
        guard found.node >= 0, let tables else { return matcher.longestMatch(in: folded, at: p, limit: limit) }
        return PhraseMatcher.Match(range: p..<found.end, payloads: tables.payloads[found.node])
    }
}

/// A copy of a document's folded bytes, shared by the memos of `DocumentPhrases`, so their walks read a plain
/// pointer: the covered range plus the longest phrase after it (a walk from inside the range reads no further).
final class FoldedWindow {
    let range: Range<Int>
    private let storage: UnsafeMutablePointer<UInt8>
    /// `text[p]` is folded byte `p` for `p` in `range.lowerBound ..< range.upperBound + depth + 1` (clamped to the text).
    let text: UnsafePointer<UInt8>

    init(folded: [UInt8], range: Range<Int>, depth: Int) {
        self.range = range
        let upper = Swift.min(folded.count, range.upperBound + depth + 2)
        let count = Swift.max(upper - range.lowerBound, 0)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(count, 1))
        folded.withUnsafeBufferPointer { b in
            if count > 0 { storage.initialize(from: b.baseAddress! + range.lowerBound, count: count) }
        }
        self.storage = storage
        text = UnsafePointer(storage) - range.lowerBound
    }

    deinit { storage.deallocate() }
}

/// A set of obligation roles as bits, so a phrase's roles are read without building an array.
struct RoleSet: Sendable, Equatable {
    var bits: UInt32 = 0
    init() {}
    init(_ roles: [DirectiveCues.Role]) { for r in roles { bits |= 1 << UInt32(r.rawValue) } }
    @inline(__always) func contains(_ r: DirectiveCues.Role) -> Bool { bits & (1 << UInt32(r.rawValue)) != 0 }
    @inline(__always) func intersects(_ other: RoleSet) -> Bool { bits & other.bits != 0 }
    @inline(__always) mutating func insert(_ r: DirectiveCues.Role) { bits |= 1 << UInt32(r.rawValue) }
    var isEmpty: Bool { bits == 0 }
    func subtracting(_ other: RoleSet) -> RoleSet { var s = RoleSet(); s.bits = bits & ~other.bits; return s }

    /// Names of bodies and their qualifiers, not predicates.
    static let bodyWords = RoleSet([.bodyHead, .bodyGroup, .privateHead, .privateGroup, .qualifier, .title, .member])
    static let nonPredicates = RoleSet([.bodyHead, .bodyGroup, .privateHead, .privateGroup, .qualifier, .title, .member, .other])
    /// Obligation words beyond a plain action (`chủ trì`, `có trách nhiệm`, `khẩn trương`, `báo cáo`).
    static let obligations = RoleSet([.lead, .coordinate, .advise, .responsible, .urge, .modal, .report])
    static let firstObligations = RoleSet([.lead, .coordinate, .advise, .responsible, .urge, .report])
    static let skippableFirst = RoleSet([.urge, .recurWeekly, .recurMonthly, .recurQuarterly, .recurHalfYearly, .recurYearly])
}

/// The memos of one document: obligation phrases, narrative cues, headings, agencies, titles, type names.
final class DocumentPhrases {
    let verbs: PhraseMemo
    let narrative: PhraseMemo
    let headings: PhraseMemo
    let agencies: PhraseMemo
    let positions: PhraseMemo
    let typeNames: PhraseMemo

    init(folded: [UInt8], cues: DirectiveCues, lexicon: Lexicon, covering range: Range<Int>? = nil) {
        let r = (range ?? 0..<folded.count).clamped(to: 0..<folded.count)
        let matchers = [cues.verbs, cues.narrative, cues.headings, lexicon.agencyMatcher, lexicon.positionMatcher, lexicon.typeNameMatcher]
        let depth = matchers.map { $0.tables?.maxDepth ?? 0 }.max() ?? 0
        let window = FoldedWindow(folded: folded, range: r, depth: depth)
        verbs = PhraseMemo(matchers[0], folded: folded, window: window)
        narrative = PhraseMemo(matchers[1], folded: folded, window: window)
        headings = PhraseMemo(matchers[2], folded: folded, window: window)
        agencies = PhraseMemo(matchers[3], folded: folded, window: window)
        positions = PhraseMemo(matchers[4], folded: folded, window: window)
        typeNames = PhraseMemo(matchers[5], folded: folded, window: window)
    }
}
