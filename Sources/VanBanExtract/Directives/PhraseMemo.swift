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
    private let matcher: PhraseMatcher
    private let folded: [UInt8]
    /// The first position the memo covers; `slots[p - base]` for `p` in `base..<base + slots.count`.
    private let base: Int
    /// Per position: 0 = not looked up yet; otherwise `list << 8 | (length + 1)`, length 0 = no phrase.
    /// Owned by the memo (allocated in `init`, freed in `deinit`): a plain buffer, so the hot lookups pay no
    /// copy-on-write or exclusivity checks.
    private let slots: UnsafeMutableBufferPointer<UInt32>
    private var lists: [[Int]] = []

    init(_ matcher: PhraseMatcher, folded: [UInt8], covering range: Range<Int>? = nil) {
        self.matcher = matcher
        self.folded = folded
        let r = (range ?? 0..<folded.count).clamped(to: 0..<folded.count)
        self.base = r.lowerBound
        self.slots = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: r.count)
        self.slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    func match(at p: Int, limit: Int) -> PhraseMatcher.Match? {
        let n = folded.count
        guard p < limit, p < n, p >= 0 else { return nil }
        if limit < n, limit > 0, PhraseMatcher.isWordByte(folded[limit]), PhraseMatcher.isWordByte(folded[limit - 1]) {
            return matcher.longestMatch(in: folded, at: p, limit: limit)
        }
        let i = p - base
        guard i >= 0 && i < slots.count else { return matcher.longestMatch(in: folded, at: p, limit: limit) }
        var s = slots[i]
        if s == 0 {
            guard let m = matcher.longestMatch(in: folded, at: p, limit: n) else { slots[i] = 1; return nil }
            guard m.range.count < 254, lists.count < 1 << 23 else { return m.range.upperBound <= limit ? m : matcher.longestMatch(in: folded, at: p, limit: limit) }
            lists.append(m.payloads)
            s = UInt32(lists.count - 1) << 8 | UInt32(m.range.count + 1)
            slots[i] = s
        }
        let length = Int(s & 0xFF) - 1
        if length <= 0 { return nil }
        if p + length > limit { return matcher.longestMatch(in: folded, at: p, limit: limit) }
        return PhraseMatcher.Match(range: p..<(p + length), payloads: lists[Int(s >> 8)])
    }
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
        verbs = PhraseMemo(cues.verbs, folded: folded, covering: range)
        narrative = PhraseMemo(cues.narrative, folded: folded, covering: range)
        headings = PhraseMemo(cues.headings, folded: folded, covering: range)
        agencies = PhraseMemo(lexicon.agencyMatcher, folded: folded, covering: range)
        positions = PhraseMemo(lexicon.positionMatcher, folded: folded, covering: range)
        typeNames = PhraseMemo(lexicon.typeNameMatcher, folded: folded, covering: range)
    }
}
