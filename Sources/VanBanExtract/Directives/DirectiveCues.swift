import VanBanText

/// The phrase tables the directive rules read, built once from `obligation-verbs.tsv` and
/// `narrative-cues.tsv`.
///
/// Roles of obligation phrases (`assign`, `lead`, `coordinate`, `report`, …) and kinds of
/// narrative cues (`aspect`, `meeting`, `assessment-heading`, …) become small integer codes so
/// that matching stays on folded bytes. Phrases with a gap (`do … chủ trì`, `đề nghị … chỉ đạo`)
/// are kept as head/tail pairs and checked within one clause.
struct DirectiveCues: Sendable {
    enum Role: Int, Sendable {
        case assign, lead, coordinate, advise, responsible, urge, act, report, modal, execution
        case recurWeekly, recurMonthly, recurQuarterly, recurHalfYearly, recurYearly
        case bodyHead, bodyGroup, privateHead, privateGroup, qualifier, title, member, other
    }
    enum Kind: Int, Sendable {
        case aspect, agentive, meeting, evaluation, agreement, issuance, retrospective, effect, closing
        case assessmentHeading, goalHeading, directiveHeading, other
    }

    var verbs = PhraseMatcher()
    var narrative = PhraseMatcher()
    var headings = PhraseMatcher()
    /// Gap phrases of narrative-cues.tsv: folded head and tail with the kind, and the lower-case
    /// written head and tail, so that `do … đề xuất` is not read in `đơn vị … đề xuất` (folded
    /// `do` also starts `don`, and is `đó`, `độ`): both parts must be whole words with their diacritics.
    var gapCues: [(head: [UInt8], tail: [UInt8], kind: Kind, headText: [UInt16], tailText: [UInt16])] = []
    /// The first bytes of the gap cues' heads: a word starting otherwise opens none (checked before the cues are read).
    var gapHeadFirst = ByteSet()
    var roles: [Role] = []
    /// The lower-case phrase of each obligation payload, to compare titles with their diacritics.
    var verbPhrases: [[UInt16]] = []
    var kinds: [Kind] = []
    /// The lower-case phrase of each narrative payload, to compare aspect cues with their diacritics.
    var phrases: [[UInt16]] = []
    /// The roles of each node of the frozen `verbs` trie (empty for a node that ends no phrase), computed once.
    var verbNodeRoles: [RoleSet] = []
    /// Per node of the frozen `narrative` trie: the kinds of its payloads that are not aspect cues, and its aspect
    /// payloads (checked against the written text), computed once.
    var narrativeNodeKinds: [KindSet] = []
    var narrativeNodeAspects: [[Int]] = []

    /// A set of narrative kinds as bits.
    struct KindSet: Sendable, Sequence {
        var bits: UInt32 = 0
        @inline(__always) mutating func insert(_ k: Kind) { bits |= 1 << UInt32(k.rawValue) }
        var isEmpty: Bool { bits == 0 }
        func makeIterator() -> Iterator { Iterator(rest: bits) }
        struct Iterator: IteratorProtocol {
            var rest: UInt32
            mutating func next() -> Kind? {
                guard rest != 0 else { return nil }
                let b = rest.trailingZeroBitCount
                rest &= rest - 1
                return Kind(rawValue: b)
            }
        }
    }

    init(lexicon: Lexicon) {
        for verb in lexicon.obligationVerbs {
            let role = Self.role(verb.role)
            roles.append(role)
            verbPhrases.append(Self.lowerUnits(verb.phrase))
            verbs.add(verb.phrase, payload: roles.count - 1)
        }
        for cue in lexicon.narrativeCues {
            let kind = Self.kind(cue.kind)
            if let parts = PhraseMatcher.gapParts(cue.phrase) {
                gapCues.append((PhraseMatcher.foldKey(parts.head), PhraseMatcher.foldKey(parts.tail), kind,
                                Self.lowerUnits(parts.head), Self.lowerUnits(parts.tail)))
                continue
            }
            kinds.append(kind)
            phrases.append(Array(Normalizer.normalizeString(cue.phrase).lowercased().utf16))
            if kind == .assessmentHeading || kind == .goalHeading || kind == .directiveHeading {
                headings.add(cue.phrase, payload: kinds.count - 1)
            } else {
                narrative.add(cue.phrase, payload: kinds.count - 1)
            }
        }
        for gap in gapCues { if let b = gap.head.first { gapHeadFirst.insert(b) } else { gapHeadFirst = ByteSet.all } }
        verbs.freeze()
        narrative.freeze()
        headings.freeze()
        if let t = narrative.tables {
            narrativeNodeKinds = t.payloads.map { list in
                var set = KindSet()
                for p in list where kinds[p] != .aspect { set.insert(kinds[p]) }
                return set
            }
            narrativeNodeAspects = t.payloads.map { list in list.filter { kinds[$0] == .aspect } }
        }
        if let t = verbs.tables {
            verbNodeRoles = t.payloads.map { list in var set = RoleSet(); for p in list { set.insert(roles[p]) }; return set }
        }
    }

    /// The phrase in lower case, tones canonical, without surrounding spaces.
    static func lowerUnits(_ phrase: String) -> [UInt16] {
        Array(Normalizer.normalizeString(phrase.split(separator: " ").joined(separator: " ")).lowercased().utf16)
    }

    /// Whether `range` of the text is written as `expected` (lower case), diacritics included.
    static func written(_ units: [UInt16], _ range: Range<Int>, equals expected: [UInt16]) -> Bool {
        guard range.count == expected.count else { return false }
        return Array(UTF16String.make(units[range]).lowercased().utf16) == expected
    }

    static func role(_ name: String) -> Role {
        switch name {
        case "assign": return .assign
        case "lead": return .lead
        case "coordinate": return .coordinate
        case "advise": return .advise
        case "responsible": return .responsible
        case "urge": return .urge
        case "act": return .act
        case "report": return .report
        case "modal": return .modal
        case "execution": return .execution
        case "recurrence-weekly": return .recurWeekly
        case "recurrence-monthly": return .recurMonthly
        case "recurrence-quarterly": return .recurQuarterly
        case "recurrence-half-yearly": return .recurHalfYearly
        case "recurrence-yearly": return .recurYearly
        case "assignee-head": return .bodyHead
        case "assignee-group": return .bodyGroup
        case "private-head": return .privateHead
        case "private-group": return .privateGroup
        case "assignee-qualifier": return .qualifier
        case "assignee-title": return .title
        case "group-member": return .member
        default: return .other
        }
    }

    static func kind(_ name: String) -> Kind {
        switch name {
        case "aspect": return .aspect
        case "agentive": return .agentive
        case "meeting": return .meeting
        case "evaluation": return .evaluation
        case "agreement": return .agreement
        case "issuance": return .issuance
        case "retrospective": return .retrospective
        case "effect": return .effect
        case "closing": return .closing
        case "assessment-heading": return .assessmentHeading
        case "goal-heading": return .goalHeading
        case "directive-heading": return .directiveHeading
        default: return .other
        }
    }

    /// The roles of the longest obligation phrase at `i`, with its end.
    func verb(at i: Int, in scan: TextScan, limit: Int) -> (roles: RoleSet, end: Int)? {
        guard let m = scan.phrases.verbs.find(at: i, limit: limit) else { return nil }
        if m.node >= 0 { return (verbNodeRoles[m.node], m.end) }
        guard let full = scan.phrases.verbs.match(at: i, limit: limit) else { return nil }
        var set = RoleSet()
        for p in full.payloads { set.insert(roles[p]) }
        return (set, full.range.upperBound)
    }

    /// The end of a head-of title at `i` (`assignee-title`: `Trưởng`, `Người đứng đầu`), matched with its
    /// diacritics: `Trường` folds like `Trưởng` and opens a school's name instead.
    func title(at i: Int, in scan: TextScan, limit: Int) -> Int? {
        guard let m = scan.phrases.verbs.match(at: i, limit: limit), m.payloads.contains(where: { roles[$0] == .title }) else { return nil }
        let written = Array(UTF16String.make(scan.units[m.range]).lowercased().utf16)
        return m.payloads.contains(where: { roles[$0] == .title && verbPhrases[$0] == written }) ? m.range.upperBound : nil
    }

    /// The kinds of the longest narrative phrase at `i`, with its end. Aspect cues count only when
    /// the text has the cue's diacritics (`đã`, not `đa` of `tối đa`).
    func narrativeCue(at i: Int, in text: TextScan, limit: Int) -> (kinds: KindSet, end: Int)? {
        guard let m = text.phrases.narrative.find(at: i, limit: limit) else { return nil }
        guard m.node >= 0 else {
            guard let full = text.phrases.narrative.match(at: i, limit: limit) else { return nil }
            return kindsOf(full.payloads, full.range, text)
        }
        var found = narrativeNodeKinds[m.node]
        let aspects = narrativeNodeAspects[m.node]
        if !aspects.isEmpty {
            let written = Array(UTF16String.make(text.units[i..<m.end]).lowercased().utf16)
            for p in aspects where written == phrases[p] { found.insert(.aspect) }
        }
        return found.isEmpty ? nil : (found, m.end)
    }

    private func kindsOf(_ payloads: [Int], _ range: Range<Int>, _ text: TextScan) -> (kinds: KindSet, end: Int)? {
        var found = KindSet()
        for p in payloads {
            if kinds[p] == .aspect {
                let written = Array(UTF16String.make(text.units[range]).lowercased().utf16)
                if written != phrases[p] { continue }
            }
            found.insert(kinds[p])
        }
        return found.isEmpty ? nil : (found, range.upperBound)
    }
}
