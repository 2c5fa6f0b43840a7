import VanBanText

/// Finds the directives of a document: who must do what, with whom, by when, reporting to whom.
///
/// The document is read as paragraphs in outline order (`SectionTree` items and the headings and
/// lead-ins of running text). A clause is a task when it binds someone: an assigning verb with its
/// bodies (`Giao Sở Nội vụ chủ trì …`), a subject in a list of tasks or with an obligation word
/// (`Sở Nội vụ có trách nhiệm …`), or a list item under a heading or lead-in that names the
/// assignee (`2.3 Sở Nội vụ` then `- Tham mưu … trước 30/9/2015`; `… yêu cầu các sở, ban, ngành
/// … thực hiện các nhiệm vụ sau:` then `1. …`). Narrative is not a task: `Chủ tịch UBND tỉnh đã
/// chủ trì Hội nghị`, `Hội nghị do … chủ trì`, `Sau khi nghe Sở Nội vụ báo cáo`, and anything in an
/// assessment part (`Hạn chế, tồn tại`) that no assigning verb opens.
public struct DirectiveExtractor: Sendable {
    public let lexicon: Lexicon
    let cues: DirectiveCues
    /// The abbreviations a clause may end on, merged once (a union per document cost a set rebuild each time).
    let abbreviations: Set<String>

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.cues = DirectiveCues(lexicon: lexicon)
        self.abbreviations = Tokenizer.defaultAbbreviations.union(lexicon.abbreviations)
    }

    /// What governs the paragraphs of one outline item (or of the running text).
    struct State {
        enum Mode { case neutral, directive, narrative }
        var context: AssigneeContext?
        var mode: Mode = .neutral
    }

    /// A task being assembled from one or more clauses of a paragraph.
    struct Unit {
        var range: Range<Int>
        var assignees: [Body]
        var verb: String?
        var hasDeadline: Bool
        var execution: Bool
        var node: Int?
        /// A task written as a record (table row, field lines): its lead and coordinating bodies, no verb.
        var lead: [Body]? = nil
        var coordinate: [Body]? = nil
    }

    public func directives(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention], dates: [DateMention]) -> [Directive] {
        directives(analysis, in: range, agencies: agencies, dates: dates, phrases: phrases(analysis, in: range))
    }

    /// The phrase memos the directive rules read for the document at `range` (the pipeline shares
    /// them with the agency extractor).
    func phrases(_ analysis: Analysis, in range: Range<Int>) -> DocumentPhrases {
        DocumentPhrases(folded: analysis.text.folded, cues: cues, lexicon: lexicon, covering: range)
    }

    func directives(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention], dates: [DateMention],
                    phrases: DocumentPhrases) -> [Directive] {
        let scan = TextScan(analysis.text, phrases: phrases)
        let parser = BodyParser(lexicon: lexicon, cues: cues)
        let reader = ClauseReader(scan: scan, cues: cues, parser: parser,
                                  abbreviations: abbreviations,
                                  learned: ClauseReader.learnedNames(in: range, scan: scan, cues: cues))
        let deadlines = DateExtractor(lexicon: lexicon).deadlines(analysis, in: range)
        let paragraphs = ParagraphBuilder(scan: scan, cues: cues, sections: analysis.sections).paragraphs(in: range)
        let sections = analysis.sections
        var top = State()
        var states: [Int: State] = [:]
        var units: [Unit] = []

        func state(for node: Int?) -> State {
            guard let node else { return top }
            if let s = states[node] { return s }
            let s = sections.nodes[node].parent.map { state(for: $0) } ?? top
            states[node] = s
            return s
        }

        // Task tables and items with field lines (`Cơ quan chủ trì: …`).
        let fields = TaskFields(scan: scan, parser: parser)
        let rows = fields.tableRows(in: range)
        for r in rows {
            units.append(Unit(range: r.row, assignees: r.lead, verb: nil, hasDeadline: false, execution: false,
                              node: sections.innermost(containing: r.row.lowerBound), lead: r.lead, coordinate: r.coordinate))
        }
        var consumed = -1
        // A dash lead-in (`- Chỉ đạo Sở Nông nghiệp và PTNT:`) whose `+` items the outline placed
        // beside it instead of under it (an OCR line break lost the nesting): those items inherit it.
        var dashLeadIn: (node: Int, context: AssigneeContext)? = nil
        // An account whose enumeration ended a line with `;` (`Tham dự cuộc họp có …; các Sở: …;⏎Bưu điện tỉnh; đại
        // diện UBND các huyện.`): the next line, if it is no list item, still enumerates the account.
        var accountOpen = false
        func isDescendant(_ n: Int, of a: Int) -> Bool {
            var p = sections.nodes[n].parent
            for _ in 0..<16 { guard let q = p else { return false }; if q == a { return true }; p = sections.nodes[q].parent }
            return false
        }
        for (index, para) in paragraphs.enumerated() {
            if index <= consumed { continue }
            if !rows.isEmpty, scan.folded[para.range.lowerBound] == 0x7C, rows.contains(where: { para.range.contains($0.row.lowerBound) }) { continue }
            if fields.fieldLine(para.range) == nil {
                var lead: [Body] = [], coordinate: [Body] = []
                var j = index + 1
                while j < paragraphs.count, let (kind, value) = fields.fieldLine(paragraphs[j].range) {
                    if kind == .lead && lead.isEmpty { lead = fields.bodies(in: value..<paragraphs[j].range.upperBound) }
                    if kind == .coordinate && coordinate.isEmpty { coordinate = fields.bodies(in: value..<paragraphs[j].range.upperBound) }
                    j += 1
                }
                if !lead.isEmpty {
                    units.append(Unit(range: para.range.lowerBound..<paragraphs[j - 1].range.upperBound, assignees: lead, verb: nil,
                                      hasDeadline: false, execution: false, node: para.node, lead: lead, coordinate: coordinate))
                    consumed = j - 1
                    continue
                }
            }
            if para.isNodeLine, let n = para.node {
                let node = sections.nodes[n]
                if node.kind == .plus, let d = dashLeadIn, node.parent == sections.nodes[d.node].parent, states[n] == nil {
                    var seeded = state(for: n)
                    seeded.context = d.context
                    states[n] = seeded
                } else if node.kind != .plus {
                    dashLeadIn = nil
                }
            }
            var st = state(for: para.node)
            defer { if let n = para.node { states[n] = st } else { top = st } }
            if para.isCapitals {
                st.context = nil
                st.mode = headingMode(para.range, scan: scan, short: true) ?? .neutral
                continue
            }
            if let mode = headingMode(para.range, scan: scan, short: false) { st.mode = mode }
            let clauses = reader.clauses(in: para.range)
            var carry: [Body]? = nil
            var verbOfCarry: String? = nil
            // The bodies in `carry` were named by a clause of this paragraph that made a task.
            var carryMadeTask = false
            let first = units.count
            // The clause before was an account (`HĐND đánh giá cao … của các Sở …; Ban Dân tộc tỉnh; … trong việc …`):
            // what follows its `;` without a verb of its own enumerates its object.
            let accountCarriedIn = accountOpen && !para.isNodeLine
            accountOpen = false
            var narrativeBefore = accountCarriedIn
            // A sentence that restates a rule (`Theo quy định tại khoản 2 Điều 9 Luật …, ngân sách địa phương chủ động …;
            // trường hợp vượt quá …, địa phương báo cáo Bộ Tài chính …`) says what the law binds, not what this document asks.
            var ruleSentence = false
            // The relayer of the task made last in this paragraph (`UBND huyện chỉ đạo UBND xã …`): a report
            // asked for after its `;` (`…; báo cáo kết quả về Sở X trong tháng 11`) is the relayer's own task.
            var relayerOfLast: (bodies: [Body], verb: String?)? = nil
            for (ci, c) in clauses.enumerated() {
                let joined = c.after == .semicolon || c.after == .colon || (ci == 0 && accountCarriedIn)
                let continuesAccount = narrativeBefore && joined && !c.assigned && !c.obligation
                narrativeBefore = (c.narrative && !c.assigned) || continuesAccount
                if ci == clauses.count - 1, narrativeBefore, scan.folded[scan.trimmed(para.range).upperBound - 1] == 0x3B { accountOpen = true }
                if c.after == .sentence || c.after == .start { ruleSentence = false }
                if c.rule { ruleSentence = true }
                if ruleSentence && !c.assigned { continue }
                if continuesAccount || c.topic || c.speaker { continue }
                var assignees = c.assignees
                var verb: String? = c.verb.map { analysis.text.text($0) }
                var relayer: (bodies: [Body], verb: String?)? = c.relayer.map { ($0, nil) }
                if relayer == nil, c.opensWithDirect, let carry, carryMadeTask { relayer = (carry, verbOfCarry) }
                let inherited = carry ?? st.context?.bodies
                if c.assigned, !assignees.isEmpty, assignees.allSatisfy({ $0.isPrivate }), let inherited, !inherited.isEmpty {
                    assignees = inherited
                }
                if c.opensWithDirect, carry == nil, let ctx = st.context, !ctx.relays, !ctx.bodies.isEmpty {
                    assignees = ctx.bodies
                }
                // A body labelling its item directs the bodies after `Chỉ đạo` (`b) UBND thành phố: Chỉ đạo các phòng chuyên môn …`).
                if c.opensWithDirect, c.after == .colon, let carry, !carry.isEmpty, !carryMadeTask {
                    assignees = carry
                }
                let explicit = !assignees.isEmpty
                if !explicit {
                    assignees = inherited ?? []
                    verb = carry != nil ? verbOfCarry : st.context?.verb
                }
                // Praise asked for after `;` in a task's own item (`… mở chuyên mục …; biểu dương tập thể, cá nhân
                // làm tốt`) is part of that task, not an account; an aspect word (`đã`) still makes it one.
                if c.narrative && !c.assigned {
                    if !explicit, !c.aspect, c.after == .semicolon, carryMadeTask, units.count > first, var last = units.last {
                        last.range = last.range.lowerBound..<c.range.upperBound
                        units[units.count - 1] = last
                    }
                    continue
                }
                if c.endsWithColon || c.umbrella {
                    if explicit {
                        st.context = AssigneeContext(bodies: assignees, verb: verb, relays: c.relays)
                        carry = assignees
                        verbOfCarry = verb
                        carryMadeTask = false
                        if c.endsWithColon, para.isNodeLine, let n = para.node, sections.nodes[n].kind == .dash, let ctx = st.context {
                            dashLeadIn = (n, ctx)
                        }
                    }
                    if c.umbrella { continue }
                    // A lead-in whose items follow under it (`3. Để có cơ sở tổng hợp, đề nghị UBND tỉnh chỉ đạo Sở Tài chính
                    // phối hợp với Sở NN&PTNT:` then `a) Rà soát …`; `… đối với một số dự án, công trình cụ thể sau:` then
                    // `- …`) hands its assignees to the items; the items are the tasks.
                    if explicit, c.endsWithColon, ci == clauses.count - 1, index + 1 < paragraphs.count, paragraphs[index + 1].isNodeLine,
                       !paragraphs[index + 1].isCapitals, let n = paragraphs[index + 1].node, para.node.map({ isDescendant(n, of: $0) }) ?? true {
                        continue
                    }
                }
                if explicit && c.assigned {
                    carry = assignees
                    verbOfCarry = verb
                    carryMadeTask = false
                } else if explicit {
                    carry = assignees
                    verbOfCarry = nil
                    carryMadeTask = false
                }
                guard !assignees.isEmpty, !c.goal else { continue }
                // Under an assessment heading a body that directs another reports what was done
                // (`Chủ tịch UBND huyện chỉ đạo các cơ quan …`); only an order opening the clause is a task there.
                if st.mode == .narrative && (!c.assigned || c.relayer != nil) { continue }
                let listed = para.node != nil || st.context != nil
                if explicit && !c.assigned && !(listed || st.mode == .directive || c.obligation) { continue }
                // Outside a list, a clause without a subject belongs to the task its paragraph
                // has just set (`Giao Công an tỉnh chủ trì, …; báo cáo UBND tỉnh trước ngày …`).
                if !explicit && !listed && !(carry != nil && carryMadeTask) { continue }
                let hasDeadline = deadlines.contains { c.range.contains($0.range.lowerBound) && $0.value != nil }
                if !explicit, c.reportLed, c.after == .semicolon, let r = relayerOfLast, units.count > first {
                    units.append(Unit(range: c.range, assignees: r.bodies, verb: r.verb, hasDeadline: hasDeadline, execution: false, node: para.node))
                    relayerOfLast = nil
                    continue
                }
                // A clause without a subject after `;` or a sentence end in the same paragraph goes on with
                // the task before it (`- Chủ trì … nâng cấp Hệ thống …; hoàn thành chậm nhất ngày 20/6/2019.`):
                // one item, one task, one deadline. Two clauses that each carry a deadline are two tasks, and so is
                // an urgent order after `;` (`…; khẩn trương, đôn đốc đơn vị thi công … trong Quý IV năm 2018`).
                if !explicit, units.count > first, var last = units.last,
                   c.reportLed || ((c.after == .sentence || (c.after == .semicolon && !c.urgent)) && !(last.hasDeadline && hasDeadline)) {
                    last.range = last.range.lowerBound..<c.range.upperBound
                    last.hasDeadline = last.hasDeadline || hasDeadline
                    units[units.count - 1] = last
                    continue
                }
                units.append(Unit(range: c.range, assignees: assignees, verb: c.execution ? nil : verb, hasDeadline: hasDeadline,
                                  execution: c.execution, node: para.node))
                relayerOfLast = relayer
                if explicit { carryMadeTask = true }
            }
        }
        if !rows.isEmpty { units.sort { $0.range.lowerBound < $1.range.lowerBound } }
        return units.map { finish($0, analysis: analysis, scan: scan, parser: parser, deadlines: deadlines) }
    }

    /// Heading cues at the start of a short paragraph: `Hạn chế, tồn tại` → narrative, `Nhiệm vụ trọng tâm` → directive.
    private func headingMode(_ range: Range<Int>, scan: TextScan, short: Bool) -> State.Mode? {
        guard let w = scan.word(at: range.lowerBound, range.upperBound) else { return nil }
        var start = w.lowerBound
        if scan.equals(w, "ve"), let next = scan.word(at: w.upperBound, range.upperBound) { start = next.lowerBound }
        guard let m = scan.phrases.headings.match(at: start, limit: range.upperBound) else { return nil }
        let rest = scan.skipSpaces(m.range.upperBound, range.upperBound)
        var words = 0
        var k = range.lowerBound
        while k < range.upperBound { if scan.isWord(k) && (k == 0 || !scan.isWord(k - 1)) { words += 1 }; k += 1 }
        guard short || words <= 10 || (rest < range.upperBound && scan.folded[rest] == 0x3A) else { return nil }
        let kinds = m.payloads.map { cues.kinds[$0] }
        if kinds.contains(.assessmentHeading) || kinds.contains(.goalHeading) { return .narrative }
        if kinds.contains(.directiveHeading) { return .directive }
        return nil
    }

    /// Builds the record: lead, coordinating bodies, deadline, recurrence, report-to, item label.
    private func finish(_ u0: Unit, analysis: Analysis, scan: TextScan, parser: BodyParser, deadlines: [Deadline]) -> Directive {
        let f = scan.folded
        var u = u0
        // The task's sentence ends with its full stop: the span keeps it (`… có trách nhiệm thực hiện Nghị quyết.`).
        if u.range.upperBound < f.count, f[u.range.upperBound] == 0x2E { u.range = u.range.lowerBound..<(u.range.upperBound + 1) }
        // `./.` closes the text of a document: a footer run on after it (a crawled page's `Nơi nhận: …`) is not the task.
        if u.range.count > 3, let end = (u.range.lowerBound..<(u.range.upperBound - 2)).first(where: { f[$0] == 0x2E && f[$0 + 1] == 0x2F && f[$0 + 2] == 0x2E }) {
            u.range = u.range.lowerBound..<(end + 1)
        }
        var lead: [String] = [], coordinate: [String] = []
        var reportTo: String? = nil
        var recurrence: Recurrence? = nil
        var firstObligation: String? = nil
        var k = u.range.lowerBound
        while k < u.range.upperBound {
            guard scan.isWord(k), k == 0 || !scan.isWord(k - 1), let v = cues.verb(at: k, in: scan, limit: u.range.upperBound) else { k += 1; continue }
            let roles = v.roles
            if firstObligation == nil, roles.intersects(.firstObligations) {
                firstObligation = analysis.text.text(k..<v.end)
            }
            if roles.contains(.lead) && lead.isEmpty { lead = u.assignees.map(\.name) }
            let coordinates = roles.contains(.coordinate) || scan.key(k..<v.end).hasSuffix("phoi hop")
            var after = v.end
            if coordinates, let w = scan.word(at: after, u.range.upperBound), scan.equals(w, "voi") || scan.equals(w, "cung") { after = w.upperBound }
            if coordinates, coordinate.isEmpty, let w = scan.word(at: after, u.range.upperBound),
               let list = parser.bodyList(at: w.lowerBound, limit: u.range.upperBound, scan: scan) {
                coordinate = list.bodies.map(\.name)
                k = list.end
                continue
            }
            if roles.contains(.report), reportTo == nil { reportTo = reportTarget(after: v.end, in: u.range, scan: scan, parser: parser) }
            if recurrence == nil {
                if roles.contains(.recurWeekly) { recurrence = .weekly }
                else if roles.contains(.recurMonthly) { recurrence = .monthly }
                else if roles.contains(.recurQuarterly) { recurrence = .quarterly }
                else if roles.contains(.recurHalfYearly) { recurrence = .halfYearly }
                else if roles.contains(.recurYearly) { recurrence = .yearly }
            }
            k = v.end
        }
        let inside = deadlines.filter { u.range.contains($0.range.lowerBound) }
        let deadline = inside.first { $0.value != nil }
        if let r = inside.first(where: { $0.recurrence != nil })?.recurrence { recurrence = r }
        var names: [String] = []
        for b in u.assignees where !names.contains(b.name) { names.append(b.name) }
        var label: String? = nil
        if let n = u.node { let l = analysis.sections.label(of: n); label = l.isEmpty ? nil : l }
        if let l = u.lead { lead = l.map(\.name) }
        if let c = u.coordinate { coordinate = c.map(\.name) }
        let verb = u.execution || u.lead != nil ? nil : (u.verb ?? firstObligation)
        return Directive(range: u.range, verb: verb, assignees: names, lead: lead, coordinate: coordinate, deadline: deadline,
                         recurrence: recurrence, reportTo: reportTo, item: label)
    }

    /// The body a report goes to: `báo cáo UBND tỉnh`, `báo cáo kết quả thực hiện về UBND huyện (qua Cơ quan Tổ chức – Nội vụ)`.
    private func reportTarget(after p: Int, in range: Range<Int>, scan: TextScan, parser: BodyParser) -> String? {
        var k = p
        for _ in 0..<10 {
            guard let w = scan.word(at: k, range.upperBound, lines: true) else { return nil }
            if let list = parser.bodyList(at: w.lowerBound, limit: range.upperBound, scan: scan), let first = list.bodies.first {
                var name = first.name
                // "(qua Sở Tài chính)" right after the body.
                let text = scan.key(first.range)
                if let open = text.range(of: "(qua ") {
                    let offset = text.distance(from: text.startIndex, to: open.upperBound)
                    if let inner = parser.body(at: first.range.lowerBound + offset, limit: range.upperBound, scan: scan) {
                        name += " (qua " + inner.name + ")"
                    }
                }
                return name
            }
            let key = scan.key(w)
            if key == "va" || key == "de" || key == "trinh" { return nil }
            k = w.upperBound
        }
        return nil
    }
}
