import VanBanExtract
import VanBanText

/// Builds the cross-reference graph (`vanban-graph/1`) from the documents of many files.
///
/// **Identity of an ingested document.** Documents with the same `textSHA256` are one node
/// (the same notice ingested twice, or read from two files). Documents with the same identity are
/// one node too:
/// - a *national* number — a year segment under a central issuer code of `issuers.tsv`
///   (`60/2021/NĐ-CP`, `72/2025/QH15`, `18/2020/QĐ-TTg`) — is unique, so the number is the identity;
/// - any other number (`89/TB-UBND`, `05-NQ/TU`, `294/UBND`, and `15/2024/QĐ-UBND`, whose year
///   segment every province shares) restarts every year at every body, so its identity is the
///   number with the year (of the date, or the number's year segment) and a *specific* issuer:
///   one that names a central body (`Bộ Tài chính`) or its place (`UBND tỉnh Quảng Ngãi`, `Tỉnh ủy
///   Lâm Đồng`), never a body without its place (`UBND tỉnh`, `Sở Nội vụ`, `Hội nghị Tỉnh ủy lần
///   thứ 6`; see `isSpecific`). A document lacking one of them is identified by its text alone.
///
/// Numbers are compared folded (`QD-UBND` = `QĐ-UBND`). Issuers are compared by canonical name
/// (`Ủy ban nhân dân tỉnh X` = `UBND tỉnh X`, see `IssuerNames`), folded; a central code of the
/// number names its issuer itself (`TTg` → Thủ tướng Chính phủ).
///
/// **Resolution of a citation.** An issuer written without its place (`của UBND tỉnh`) takes the
/// citing document's place at the same level (`UBND tỉnh` in a notice of `UBND tỉnh Quảng Ngãi` or
/// of `Sở Nội vụ tỉnh Quảng Ngãi`; not in one of `UBND huyện Sơn Tây`). Inside one citing document
/// the mentions of a number (of one year) are one document: a short later mention (`Quyết định
/// 49/QĐ-UBND`, Nghị định 30/2020 Phụ lục I §II.6b) takes the year and date it lacks and the issuer
/// of the fullest mention (the first with a specific issuer, else the first with any). Then:
/// - a national number resolves to the ingested document with that number, else to a cited-only
///   node of that number;
/// - another number resolves to an ingested document with the same number whose year and issuer do
///   not contradict the citation's (equal when both are known; a bare issuer is compatible with its
///   placed form): first to the only such document in the citing file (the cover letter and the
///   notice it forwards), else to the only one the citation *supports* — by an equal specific
///   issuer, or an equal year that the number itself does not carry —, else, among several, the
///   only one agreeing on both. A number alone never resolves across files.
/// - An unresolved citation with a year and a specific issuer becomes a cited-only node (`ingested:
///   false`) shared by every citation of that identity; one without stays a node of its own, shared
///   only by the mentions in the same citing document.
///
/// **Edges.** One edge per (citing node, cited node, relation), with the evidence of every citation
/// (citing file and span) sorted and without duplicates. A document citing itself makes no edge.
///
/// **Determinism.** Node ids come from identity (`60/2021/ND-CP`, `89/TB-UBND|2021|ubnd tinh quang
/// ngai`, `sha:…` for a document without one); a node's fields come from its first document in
/// (path, position) order; nodes and edges are sorted by id. The same documents in any order give
/// the same graph. Lookups are dictionaries keyed by the folded number, so linking is linear in the
/// number of documents and citations.
public struct DocumentLinker: Sendable {
    public let lexicon: Lexicon
    let codes: IssuerCodes
    /// Folded names of the central bodies of the lexicon (`agencies.tsv`, `issuers.tsv`): unique in the country.
    let centralBodies: Set<[UInt8]>

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.codes = IssuerCodes(lexicon: lexicon)
        var central = Set<[UInt8]>()
        for agency in lexicon.agencies where agency.level == "central" { central.insert(IssuerNames.key(agency.name)) }
        for issuer in lexicon.issuers where issuer.level == "central" { central.insert(IssuerNames.key(issuer.name)) }
        self.centralBodies = central
    }

    /// The built-in lexicons (empty when they cannot be found: then no number counts as national).
    public static let builtInLexicon: Lexicon = {
        guard let directory = try? LexiconDirectory.locate(), let lexicon = try? Lexicon.load(directory) else { return Lexicon() }
        return lexicon
    }()

    /// Links with the built-in lexicons.
    public static func link(_ documents: [LinkDocument]) -> DocumentGraph {
        DocumentLinker(lexicon: builtInLexicon).link(documents)
    }

    /// The graph of `documents` (see the type's documentation for the rules).
    public func link(_ documents: [LinkDocument]) -> DocumentGraph {
        LinkRun(linker: self, documents: documents).graph()
    }

    /// Whether an issuer says which body it is: a central body of the lexicon (`Bộ Tài chính`,
    /// `Thủ tướng Chính phủ`, or a name opening with one), or a body with its place — a level word
    /// followed by a capitalised word or a number (`UBND tỉnh Quảng Ngãi`, `Tỉnh ủy Lâm Đồng`,
    /// `UBND Quận 1`). Not a body without its place (`UBND tỉnh`, `Sở Nội vụ`, `Văn phòng UBND
    /// thành phố`), nor one whose level word is followed by other words (`Hội nghị Tỉnh ủy lần thứ 6`):
    /// such a name is the same in every province.
    func isSpecific(name: String, key: [UInt8]) -> Bool {
        for body in centralBodies where key.count >= body.count && key.starts(with: body) {
            if key.count == body.count || key[body.count] == 0x20 { return true }
        }
        let words = name.split(separator: " ")
        let folded = words.map { PhraseMatcher.foldKey(String($0)) }
        var i = 0
        while i < folded.count {
            // The longest level phrase at word i (`thị xã` before `xã`, `tỉnh ủy` before `tỉnh`).
            var length = 0
            for phrase in Self.levelPhrases where phrase.count > length && i + phrase.count <= folded.count
                && Array(folded[i..<(i + phrase.count)]) == phrase {
                length = phrase.count
            }
            if length > 0, i + length < words.count, let first = words[i + length].first, first.isUppercase || first.isNumber {
                return true
            }
            i += max(length, 1)
        }
        return false
    }

    /// Level words as folded word lists (`thi xa` → [`thi`, `xa`]).
    static let levelPhrases: [[[UInt8]]] = levelEnds.map { $0.split(separator: 0x20).map(Array.init) }

    /// Words that end a body's name when its place is left out (folded).
    static let levelEnds: [[UInt8]] = ["tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "dac khu",
                                       "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo"].map { Array($0.utf8) }
}

/// Values a `link` call computes once per distinct input, and the numbering of keys.
final class LinkMemo {
    struct Pair: Hashable { let bare: ObjectIdentifier; let own: ObjectIdentifier }
    var parts: [String: NumberParts] = [:]
    var numberIds: [String: Int] = [:]
    var completions: [Pair: IssuerName?] = [:]
    var relations: [String: Int] = [:]
}

/// The state of one `link` call. Keys are numbered (numbers, issuers, relations) so the work per
/// citation is a few dictionary lookups of integers; strings are built once per node at the end.
struct LinkRun {
    let linker: DocumentLinker
    let documents: [LinkDocument]
    let names: IssuerNames
    let memo = LinkMemo()

    /// The identity of a node: a national number alone, or number, year and issuer, and for a
    /// cited-only document without a full identity the node of the citing document (`scope`).
    struct Identity: Hashable {
        static let national = Int.min
        static let none = -1
        let number: Int
        let year: Int
        let issuer: Int
        let scope: Int
    }

    /// What the linker reads from one ingested document.
    struct DocumentFacts {
        var parts: NumberParts?
        var year: Int?
        var issuer: IssuerName?
        /// Nil without a full identity (then the text is the identity).
        var identity: Identity?
    }

    /// An ingested node as a citation of its number may find it.
    struct Candidate {
        let node: Int
        let year: Int?
        let issuer: IssuerName?
        /// SHA-256 of every file that holds one of the node's documents.
        let files: Set<String>
    }

    /// A citation after completion and inheritance.
    struct Reading {
        let citation: Int
        let parts: NumberParts
        var year: Int?
        var date: String?
        var issuer: IssuerName?
        /// The issuer as written, canonical (`135/2008/TTLT-BTC-BTNMT` is compared under `Bộ Tài
        /// chính` but shown as written).
        var displayIssuer: String?
    }

    /// The first value of each field of a cited-only node, in evidence order.
    struct CitedFields {
        var identity: Identity
        var number: (DocumentGraph.Evidence, String)
        var type: (DocumentGraph.Evidence, String)?
        var issuer: (DocumentGraph.Evidence, String)?
        var date: (DocumentGraph.Evidence, String)?

        mutating func add(_ evidence: DocumentGraph.Evidence, number: String, type: String?, issuer: String?, date: String?) {
            if evidence < self.number.0 { self.number = (evidence, number) }
            if let type, self.type.map({ evidence < $0.0 }) ?? true { self.type = (evidence, type) }
            if let issuer, self.issuer.map({ evidence < $0.0 }) ?? true { self.issuer = (evidence, issuer) }
            if let date, self.date.map({ evidence < $0.0 }) ?? true { self.date = (evidence, date) }
        }
    }

    init(linker: DocumentLinker, documents: [LinkDocument]) {
        self.linker = linker
        self.documents = documents
        self.names = IssuerNames(lexicon: linker.lexicon, specific: linker.isSpecific(name:key:))
    }

    /// The parts of a number (memoised: a corpus cites the same numbers many times).
    func parts(_ number: String) -> NumberParts {
        if let cached = memo.parts[number] { return cached }
        let memo = self.memo
        let parts = NumberParts(number, codes: linker.codes) { key in
            if let id = memo.numberIds[key] { return id }
            let id = memo.numberIds.count
            memo.numberIds[key] = id
            return id
        }
        memo.parts[number] = parts
        return parts
    }

    func relation(_ name: String) -> Int {
        if let id = memo.relations[name] { return id }
        let id = memo.relations.count
        memo.relations[name] = id
        return id
    }

    static func year(ofDate date: String?) -> Int? {
        guard let date else { return nil }
        let utf8 = Array(date.utf8.prefix(4))
        guard utf8.count == 4, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: utf8, as: UTF8.self))
    }

    /// The issuer of a number: named by a central code, else the written one.
    func issuer(_ parts: NumberParts?, written: String?) -> IssuerName? {
        if let code = parts?.issuer, code.level == "central", let name = names.name(of: code) { return name }
        return names.name(written)
    }

    func facts(_ d: LinkDocument) -> DocumentFacts {
        var f = DocumentFacts()
        guard let number = d.number, !number.isEmpty else { return f }
        let parts = self.parts(number)
        f.parts = parts
        f.year = parts.year ?? Self.year(ofDate: d.date)
        f.issuer = issuer(parts, written: d.issuer)
        if parts.isNational {
            f.identity = Identity(number: parts.id, year: Identity.national, issuer: Identity.none, scope: Identity.none)
        } else if let year = f.year, let issuer = f.issuer, issuer.isSpecific {
            f.identity = Identity(number: parts.id, year: year, issuer: issuer.id, scope: Identity.none)
        }
        return f
    }

    /// The node id of an identity: `60/2021/ND-CP`, `89/TB-UBND|2021|ubnd tinh quang ngai`,
    /// `49/QD-UBND|2021|?|in:<id of the citing node>`.
    static func id(_ key: String, year: Int?, issuer: IssuerName?, national: Bool, scope: String?) -> String {
        if national { return key }
        var id = key + "|" + (year.map(String.init) ?? "?") + "|" + (issuer?.keyString ?? "?")
        if let scope { id += "|in:" + scope }
        return id
    }

    func graph() -> DocumentGraph {
        let count = documents.count
        let facts = documents.map(facts)

        // 1. Ingested documents: one node per group of equal text or equal identity (union-find).
        var parent = Array(0..<count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var firstByText: [String: Int] = [:]
        var firstByIdentity: [Identity: Int] = [:]
        for i in 0..<count {
            if let j = firstByText[documents[i].textSHA256] { union(i, j) } else { firstByText[documents[i].textSHA256] = i }
            if let identity = facts[i].identity {
                if let j = firstByIdentity[identity] { union(i, j) } else { firstByIdentity[identity] = i }
            }
        }
        var membersByRoot: [Int: [Int]] = [:]
        for i in 0..<count { membersByRoot[find(i), default: []].append(i) }
        func documentOrder(_ a: Int, _ b: Int) -> Bool {
            let x = documents[a], y = documents[b]
            if x.source != y.source { return x.source < y.source }
            if x.index != y.index { return x.index < y.index }
            return x.textSHA256 < y.textSHA256
        }

        var nodes: [DocumentGraph.Node] = []
        var members: [[Int]] = []
        var nodeOfDocument = Array(repeating: 0, count: count)
        var ingestedByIdentity: [Identity: Int] = [:]
        for (_, group) in membersByRoot {
            let sorted = group.sorted(by: documentOrder)
            var ids: [String] = []
            for i in sorted {
                guard let identity = facts[i].identity, let parts = facts[i].parts else { continue }
                ids.append(Self.id(parts.key, year: facts[i].year, issuer: facts[i].issuer, national: identity.year == Identity.national, scope: nil))
                ingestedByIdentity[identity] = nodes.count
            }
            let id: String
            if let identity = ids.min() {
                id = identity
            } else {
                let sha = String(sorted.map { documents[$0].textSHA256 }.min()!.prefix(16))
                if let key = sorted.compactMap({ facts[$0].parts?.key }).first { id = "\(key)|sha:\(sha)" } else { id = "sha:\(sha)" }
            }
            func first<T>(_ field: (LinkDocument) -> T?) -> T? {
                for i in sorted { if let value = field(documents[i]) { return value } }
                return nil
            }
            let node = DocumentGraph.Node(id: id, number: first { $0.number }, type: first { $0.type }, issuer: first { $0.issuer },
                                          date: first { $0.date }, ingested: true, source: documents[sorted[0]].source)
            for i in sorted { nodeOfDocument[i] = nodes.count }
            nodes.append(node)
            members.append(sorted)
        }

        // 2. Ingested nodes by number, for the citations of a local number.
        var byNumber: [Int: [Candidate]] = [:]
        for (n, group) in members.enumerated() {
            var seen = Set<Int>()
            let files = Set(group.map { documents[$0].fileSHA256 })
            for i in group {
                guard let parts = facts[i].parts, seen.insert(parts.id).inserted else { continue }
                byNumber[parts.id, default: []].append(Candidate(node: n, year: facts[i].year, issuer: facts[i].issuer, files: files))
            }
        }

        // 3. Citations: resolve each to an ingested node or a cited-only node.
        struct EdgeKey: Hashable { let from: Int; let to: Int; let relation: Int }
        var evidence: [EdgeKey: [DocumentGraph.Evidence]] = [:]
        var citedNode: [Identity: Int] = [:]
        var cited: [Int: CitedFields] = [:]

        for i in 0..<count {
            let citing = documents[i]
            let from = nodeOfDocument[i]
            for reading in readings(of: citing, facts: facts[i]) {
                let parts = reading.parts
                let identity: Identity
                var target: Int? = nil
                if parts.isNational {
                    identity = Identity(number: parts.id, year: Identity.national, issuer: Identity.none, scope: Identity.none)
                } else {
                    target = resolveLocal(reading, byNumber[parts.id] ?? [], citingFile: citing.fileSHA256)
                    if let year = reading.year, let issuer = reading.issuer, issuer.isSpecific {
                        identity = Identity(number: parts.id, year: year, issuer: issuer.id, scope: Identity.none)
                    } else {
                        identity = Identity(number: parts.id, year: reading.year ?? Identity.none, issuer: reading.issuer?.id ?? Identity.none,
                                            scope: from)
                    }
                }
                if target == nil { target = ingestedByIdentity[identity] }
                let c = citing.citations[reading.citation]
                let where_ = DocumentGraph.Evidence(source: citing.source, span: c.span)
                if target == nil {
                    if let n = citedNode[identity] {
                        target = n
                        cited[n]!.add(where_, number: c.number, type: c.type, issuer: reading.displayIssuer, date: reading.date)
                    } else {
                        let n = nodes.count
                        let scope = identity.scope == Identity.none ? nil : nodes[from].id
                        let id = Self.id(parts.key, year: reading.year, issuer: reading.issuer, national: parts.isNational, scope: scope)
                        nodes.append(DocumentGraph.Node(id: id, number: c.number, type: nil, issuer: nil, date: nil, ingested: false, source: nil))
                        var fields = CitedFields(identity: identity, number: (where_, c.number))
                        fields.add(where_, number: c.number, type: c.type, issuer: reading.displayIssuer, date: reading.date)
                        cited[n] = fields
                        citedNode[identity] = n
                        target = n
                    }
                }
                guard let to = target, to != from else { continue }
                evidence[EdgeKey(from: from, to: to, relation: relation(c.relation)), default: []].append(where_)
            }
        }

        // 4. Fields of cited-only nodes from their first mention in evidence order.
        for (n, fields) in cited {
            nodes[n].number = fields.number.1
            nodes[n].type = fields.type?.1
            nodes[n].issuer = fields.issuer?.1
            nodes[n].date = fields.date?.1
        }

        // 5. Nodes and edges sorted by id: ranks computed once, then edges sorted by integers.
        let ids = nodes.map(\.id)
        let nodeOrder = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = Array(repeating: 0, count: ids.count)
        for (r, n) in nodeOrder.enumerated() { rank[n] = r }
        var relationNames = Array(repeating: "", count: memo.relations.count)
        for (name, id) in memo.relations { relationNames[id] = name }
        var relationRank = Array(repeating: 0, count: relationNames.count)
        for (r, id) in relationNames.indices.sorted(by: { relationNames[$0] < relationNames[$1] }).enumerated() { relationRank[id] = r }
        let keys = evidence.keys.sorted { a, b in
            if a.from != b.from { return rank[a.from] < rank[b.from] }
            if a.to != b.to { return rank[a.to] < rank[b.to] }
            return relationRank[a.relation] < relationRank[b.relation]
        }
        var edges: [DocumentGraph.Edge] = []
        edges.reserveCapacity(keys.count)
        for key in keys {
            var list = evidence[key]!
            if list.count > 1 {
                list.sort()
                var unique: [DocumentGraph.Evidence] = [list[0]]
                for e in list.dropFirst() where e != unique[unique.count - 1] { unique.append(e) }
                list = unique
            }
            edges.append(DocumentGraph.Edge(from: ids[key.from], to: ids[key.to], relation: relationNames[key.relation], evidence: list))
        }
        return DocumentGraph(nodes: nodeOrder.map { nodes[$0] }, edges: edges)
    }

    /// The ingested node a local citation resolves to, if exactly one fits (see `DocumentLinker`).
    private func resolveLocal(_ reading: Reading, _ candidates: [Candidate], citingFile: String) -> Int? {
        guard !candidates.isEmpty else { return nil }
        var compatible: [(Candidate, yearSupports: Bool, issuerSupports: Bool)] = []
        for c in candidates {
            if let a = reading.year, let b = c.year, a != b { continue }
            var issuerSupports = false
            if let a = reading.issuer, let b = c.issuer {
                switch a.agreement(with: b) {
                case .contradicts: continue
                case .same: issuerSupports = a.isSpecific
                case .compatible: break
                }
            }
            let yearSupports = reading.parts.year == nil && reading.year != nil && reading.year == c.year
            compatible.append((c, yearSupports, issuerSupports))
        }
        let sameFile = compatible.filter { $0.0.files.contains(citingFile) }
        if sameFile.count == 1 { return sameFile[0].0.node }
        let supported = (sameFile.isEmpty ? compatible : sameFile).filter { $0.yearSupports || $0.issuerSupports }
        if supported.count == 1 { return supported[0].0.node }
        let strong = supported.filter { $0.yearSupports && $0.issuerSupports }
        if strong.count == 1 { return strong[0].0.node }
        return nil
    }
}

extension LinkRun {
    /// The citations of one document read for linking: numbers parsed, years from the date or the
    /// number, issuers canonical; a bare issuer completed from the citing document's; short
    /// mentions given what the full mentions of the same number agree on.
    func readings(of document: LinkDocument, facts: DocumentFacts) -> [Reading] {
        var list: [Reading] = []
        list.reserveCapacity(document.citations.count)
        for (k, c) in document.citations.enumerated() where !c.number.isEmpty {
            let parts = self.parts(c.number)
            let written = names.name(c.issuer)
            var issuer = parts.issuer?.level == "central" ? self.issuer(parts, written: c.issuer) : written
            if let bare = issuer, let own = facts.issuer, !bare.isSpecific, let completed = completed(bare, placeOf: own) {
                issuer = completed
            }
            let year = parts.year ?? c.year ?? Self.year(ofDate: c.date)
            var display = written?.name ?? issuer?.name
            if let issuer, !(written ?? issuer).isSpecific { display = issuer.name }
            list.append(Reading(citation: k, parts: parts, year: year, date: c.date, issuer: issuer, displayIssuer: display))
        }
        // One document per number (and year) inside the citing document: the fullest mention — the
        // first with a specific issuer, else the first with any — lends its issuer, year and date
        // to the others (a later short mention, or one whose issuer is cut short).
        var byNumber: [Int: [Int]] = [:]
        for (k, r) in list.enumerated() { byNumber[r.parts.id, default: []].append(k) }
        for (_, indexes) in byNumber where indexes.count > 1 {
            let years = Set(indexes.compactMap { list[$0].year })
            var clusters: [[Int]] = []
            if years.count <= 1 {
                clusters = [indexes]
            } else {
                // Two years: two documents; a mention without a year cannot say which.
                for year in years.sorted() { clusters.append(indexes.filter { list[$0].year == year }) }
            }
            for cluster in clusters where cluster.count > 1 {
                let withIssuer = cluster.filter { list[$0].issuer != nil }
                let best = withIssuer.first { list[$0].issuer!.isSpecific } ?? withIssuer.first
                let year = cluster.lazy.compactMap { list[$0].year }.first
                let date = cluster.lazy.compactMap { list[$0].date }.first
                for k in cluster {
                    if let best { list[k].issuer = list[best].issuer; list[k].displayIssuer = list[best].displayIssuer }
                    if list[k].year == nil { list[k].year = year }
                    if list[k].date == nil { list[k].date = date }
                }
            }
        }
        return list
    }

    /// A body named without its place, given the citing document's place at the same level:
    /// `UBND tỉnh` in a notice of `UBND tỉnh Quảng Ngãi` or of `Sở Nội vụ tỉnh Quảng Ngãi` is
    /// `UBND tỉnh Quảng Ngãi`; `Tỉnh ủy` in a document of `Tỉnh ủy Lâm Đồng` is `Tỉnh ủy Lâm Đồng`.
    /// Nil when the citing issuer has no place at that level (`UBND tỉnh` cited by `UBND huyện Sơn Tây`).
    func completed(_ bare: IssuerName, placeOf own: IssuerName) -> IssuerName? {
        let key = LinkMemo.Pair(bare: ObjectIdentifier(bare), own: ObjectIdentifier(own))
        if let cached = memo.completions[key] { return cached }
        let result = completing(bare, placeOf: own)
        memo.completions[key] = result
        return result
    }

    private func completing(_ bare: IssuerName, placeOf own: IssuerName) -> IssuerName? {
        guard let level = DocumentLinker.levelEnds.first(where: { bare.key.count >= $0.count && bare.key.suffix($0.count).elementsEqual($0) }) else {
            return nil
        }
        let levelWords = level.split(separator: 0x20).map(Array.init)
        let ownWords = own.name.split(separator: " ").map(String.init)
        let folded = ownWords.map { PhraseMatcher.foldKey($0) }
        let levels = Set(DocumentLinker.levelEnds)
        let m = levelWords.count
        var j = folded.count - m - 1
        while j >= 0 {
            if Array(folded[j..<(j + m)]) == levelWords {
                // Not part of a longer level name (`thị xã` is not `xã`, `tỉnh ủy` is not `tỉnh`).
                let longerBefore = j > 0 && levels.contains(folded[j - 1] + [0x20] + level)
                let longerAfter = levels.contains(level + [0x20] + folded[j + m])
                if !longerBefore && !longerAfter {
                    return names.name(bare.name + " " + ownWords[(j + m)...].joined(separator: " "))
                }
            }
            j -= 1
        }
        return nil
    }
}
