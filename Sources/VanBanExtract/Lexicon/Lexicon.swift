import VanBanText

/// Every lexicon the extractors use, loaded from `Lexicons/*.tsv` and indexed for matching.
///
/// Files and columns are described in `Lexicons/README.md`; each table may be extended by a
/// user folder (`--lexicons DIR`). Identifiers here stay ASCII; the data is Vietnamese.
public struct Lexicon: Sendable {
    /// A document type: `QĐ` Quyết định (admin), `NĐ` Nghị định (legal), `KL` Kết luận (party).
    public struct DocumentType: Sendable { public let code: String; public let name: String; public let system: String; public let aliases: [String] }
    /// An issuer code of a ký hiệu: `UBND`, `CP`, `TTg`, `BTC`, `TU`.
    public struct Issuer: Sendable { public let code: String; public let name: String; public let level: String; public let system: String }
    /// A body with its canonical name and other ways of writing it.
    public struct Agency: Sendable {
        public let name: String; public let aliases: [String]; public let kind: String; public let level: String
        /// An enterprise (`kind` enterprise) or a group of them (`Các doanh nghiệp …`): a private party.
        public let isPrivate: Bool
        /// `kind` enterprise.
        public let isEnterprise: Bool
        /// `kind` collective (`các sở, ban, ngành`): kept as written, never given a canonical name.
        public let isCollective: Bool

        public init(name: String, aliases: [String], kind: String, level: String) {
            self.name = name; self.aliases = aliases; self.kind = kind; self.level = level
            isEnterprise = kind == "enterprise"
            isPrivate = isEnterprise || name.hasPrefix("Các doanh nghiệp")
            isCollective = kind == "collective"
        }
    }
    /// A title of office: `Chủ tịch`, `Phó Giám đốc`.
    public struct Position: Sendable { public let title: String; public let kind: String; public let aliases: [String] }
    /// A province or centrally-run city, before or after the 2025 merger.
    public struct Province: Sendable { public let name: String; public let kind: String; public let gso: String; public let era: String; public let mergedInto: String; public let aliases: [String] }
    /// A phrase that sets the relation of the citations after it (`căn cứ` → basis).
    public struct RelationTrigger: Sendable { public let phrase: String; public let relation: Relation; public let priority: Int; public let scope: String }
    /// An obligation verb or phrase with its role (`assign`, `lead`, `coordinate`, …).
    public struct ObligationVerb: Sendable { public let phrase: String; public let role: String }
    /// A cue that a sentence narrates instead of ordering, or a heading that opens a part.
    public struct NarrativeCue: Sendable { public let phrase: String; public let kind: String }
    /// A signature authority mark: `TM.` Thay mặt, `KT.` Ký thay.
    public struct AuthorityMark: Sendable { public let mark: String; public let meaning: String; public let aliases: [String] }

    public var documentTypes: [DocumentType] = []
    public var issuers: [Issuer] = []
    public var agencies: [Agency] = []
    public var positions: [Position] = []
    public var provinces: [Province] = []
    public var relationTriggers: [RelationTrigger] = []
    public var obligationVerbs: [ObligationVerb] = []
    public var narrativeCues: [NarrativeCue] = []
    public var authorityMarks: [AuthorityMark] = []
    /// OCR look-alikes in codes: wrong → right.
    public var codeConfusions: [String: String] = [:]
    /// Letters OCR reads for digits inside numbers (`ocr-confusions.tsv`, context `digits`).
    public var digitLookalikes: [UInt16: UInt16] = [:]
    /// Abbreviations with a final period (folded, without the period) for the sentence splitter.
    public var abbreviations: Set<String> = []
    /// Vietnamese family names as folded keys (`nguyen`, `tran`, `dang`).
    public var familyNames: Set<[UInt8]> = []
    /// Heads of open-class bodies with their kind (`Sở` department, `Trung tâm` center), from `agency-heads.tsv`.
    public var agencyHeads: [(head: String, kind: String)] = []
    /// Words that end an open-class body's name (`của`, `chủ trì` is a verb), from `name-stops.tsv`.
    public var nameStops: [String] = []
    /// Compound nouns that keep an open-class name going over a stop word (`giao thông`, `công trình`), from `name-compounds.tsv`.
    public var nameCompounds: [String] = []
    /// Honorifics before a person's name (`đồng chí`, `ông`), from `honorifics.tsv`.
    public var honorifics: [String] = []

    /// Document types by code or alias, exact case (`QĐ`, `QyĐ`, `QYĐ`), first row wins per code.
    public var typesByCode: [String: [DocumentType]] = [:]
    /// Issuers by code, exact case.
    public var issuersByCode: [String: Issuer] = [:]
    /// Matchers over folded text; payloads index the arrays above.
    public var typeNameMatcher = PhraseMatcher()
    public var agencyMatcher = PhraseMatcher()
    public var positionMatcher = PhraseMatcher()
    public var provinceMatcher = PhraseMatcher()
    public var relationMatcher = PhraseMatcher()
    public var verbMatcher = PhraseMatcher()
    public var narrativeMatcher = PhraseMatcher()
    /// Compound nouns inside names (`name-compounds.tsv`).
    public var compoundMatcher = PhraseMatcher()

    public init() {}

    /// The rules the normalizer needs (known codes and look-alikes).
    public var normalizationRules: NormalizationRules {
        var codes = Set<String>()
        for t in documentTypes where !t.code.isEmpty { codes.insert(t.code); codes.formUnion(t.aliases) }
        for i in issuers { codes.insert(i.code) }
        return NormalizationRules(knownCodes: codes, codeConfusions: codeConfusions, digitLookalikes: digitLookalikes)
    }

    /// Loads every lexicon from `directory`; errors name `file:line`.
    public static func load(_ directory: LexiconDirectory) throws(LexiconError) -> Lexicon {
        var lexicon = Lexicon()
        for table in try directory.tables("document-types.tsv") {
            let (c, n, s, a) = (try table.column("code"), try table.column("name"), try table.column("system"), try table.column("aliases"))
            for row in table.rows {
                lexicon.documentTypes.append(DocumentType(code: row[c], name: row[n], system: row[s], aliases: split(row[a])))
            }
        }
        for table in try directory.tables("issuers.tsv") {
            let (c, n, l, s) = (try table.column("code"), try table.column("name"), try table.column("level"), try table.column("system"))
            for row in table.rows { lexicon.issuers.append(Issuer(code: row[c], name: row[n], level: row[l], system: row[s])) }
        }
        for table in try directory.tables("agencies.tsv") {
            let (n, a, k, l) = (try table.column("name"), try table.column("aliases"), try table.column("kind"), try table.column("level"))
            for row in table.rows { lexicon.agencies.append(Agency(name: row[n], aliases: split(row[a]), kind: row[k], level: row[l])) }
        }
        for table in try directory.tables("positions.tsv") {
            let (t, k, a) = (try table.column("title"), try table.column("kind"), try table.column("aliases"))
            for row in table.rows { lexicon.positions.append(Position(title: row[t], kind: row[k], aliases: split(row[a]))) }
        }
        for table in try directory.tables("provinces.tsv") {
            let cols = try ["name", "kind", "gso", "era", "merged_into", "aliases"].map { name throws(LexiconError) in try table.column(name) }
            for row in table.rows {
                lexicon.provinces.append(Province(name: row[cols[0]], kind: row[cols[1]], gso: row[cols[2]], era: row[cols[3]],
                                                  mergedInto: row[cols[4]], aliases: split(row[cols[5]])))
            }
        }
        for table in try directory.tables("relation-triggers.tsv") {
            let (p, r, pr, w) = (try table.column("phrase"), try table.column("relation"), try table.column("priority"), try table.column("where"))
            for row in table.rows {
                guard let relation = Relation(rawValue: row[r]) else {
                    throw LexiconError(path: table.path, line: row.line, message: "unknown relation '\(row[r])'")
                }
                guard let priority = Int(row[pr]) else {
                    throw LexiconError(path: table.path, line: row.line, message: "priority '\(row[pr])' is not an integer")
                }
                lexicon.relationTriggers.append(RelationTrigger(phrase: row[p], relation: relation, priority: priority, scope: row[w]))
            }
        }
        for table in try directory.tables("obligation-verbs.tsv") {
            let (p, r) = (try table.column("phrase"), try table.column("role"))
            for row in table.rows { lexicon.obligationVerbs.append(ObligationVerb(phrase: row[p], role: row[r])) }
        }
        for table in try directory.tables("narrative-cues.tsv") {
            let (p, k) = (try table.column("phrase"), try table.column("kind"))
            for row in table.rows { lexicon.narrativeCues.append(NarrativeCue(phrase: row[p], kind: row[k])) }
        }
        for table in try directory.tables("signature-authority.tsv") {
            let (m, mn, a) = (try table.column("mark"), try table.column("meaning"), try table.column("aliases"))
            for row in table.rows { lexicon.authorityMarks.append(AuthorityMark(mark: row[m], meaning: row[mn], aliases: split(row[a]))) }
        }
        for table in try directory.tables("ocr-confusions.tsv") {
            let (w, r, c) = (try table.column("wrong"), try table.column("right"), try table.column("context"))
            for row in table.rows where row[c] == "code" || row[c] == "any" { lexicon.codeConfusions[row[w]] = row[r] }
            for row in table.rows where row[c] == "digits" && row[w].utf16.count == 1 && row[r].utf16.count == 1 {
                lexicon.digitLookalikes[row[w].utf16.first!] = row[r].utf16.first!
            }
        }
        for table in try directory.tables("abbreviations.tsv") {
            let a = try table.column("abbreviation")
            for row in table.rows where row[a].hasSuffix(".") {
                lexicon.abbreviations.insert(String(decoding: PhraseMatcher.foldKey(String(row[a].dropLast())), as: UTF8.self))
            }
        }
        for table in try directory.tables("family-names.tsv") {
            let n = try table.column("name")
            for row in table.rows { lexicon.familyNames.insert(PhraseMatcher.foldKey(row[n])) }
        }
        for table in try directory.tables("agency-heads.tsv") {
            let (h, k) = (try table.column("head"), try table.column("kind"))
            for row in table.rows { lexicon.agencyHeads.append((head: row[h], kind: row[k])) }
        }
        for table in try directory.tables("name-stops.tsv") {
            let w = try table.column("word")
            for row in table.rows { lexicon.nameStops.append(row[w]) }
        }
        for table in try directory.tables("name-compounds.tsv") {
            let c = try table.column("compound")
            for row in table.rows { lexicon.nameCompounds.append(row[c]) }
        }
        for table in try directory.tables("honorifics.tsv") {
            let h = try table.column("honorific")
            for row in table.rows { lexicon.honorifics.append(row[h]) }
        }
        lexicon.index()
        return lexicon
    }

    /// Builds the lookup tables and matchers from the arrays.
    public mutating func index() {
        typesByCode = [:]
        for t in documentTypes where !t.code.isEmpty {
            for code in [t.code] + t.aliases { typesByCode[code, default: []].append(t) }
        }
        issuersByCode = [:]
        for i in issuers where issuersByCode[i.code] == nil { issuersByCode[i.code] = i }
        typeNameMatcher = PhraseMatcher()
        for (k, t) in documentTypes.enumerated() { typeNameMatcher.add(t.name, payload: k) }
        agencyMatcher = PhraseMatcher()
        for (k, a) in agencies.enumerated() { for name in [a.name] + a.aliases { agencyMatcher.add(name, payload: k) } }
        positionMatcher = PhraseMatcher()
        for (k, p) in positions.enumerated() { for name in [p.title] + p.aliases { positionMatcher.add(name, payload: k) } }
        provinceMatcher = PhraseMatcher()
        for (k, p) in provinces.enumerated() { for name in [p.name] + p.aliases { provinceMatcher.add(name, payload: k) } }
        relationMatcher = PhraseMatcher()
        for (k, r) in relationTriggers.enumerated() { relationMatcher.add(r.phrase, payload: k) }
        verbMatcher = PhraseMatcher()
        for (k, v) in obligationVerbs.enumerated() { verbMatcher.add(v.phrase, payload: k) }
        narrativeMatcher = PhraseMatcher()
        for (k, c) in narrativeCues.enumerated() { narrativeMatcher.add(c.phrase, payload: k) }
        compoundMatcher = PhraseMatcher()
        for (k, c) in nameCompounds.enumerated() { compoundMatcher.add(c, payload: k) }
        for matcher in [\Lexicon.typeNameMatcher, \.agencyMatcher, \.positionMatcher, \.provinceMatcher, \.relationMatcher,
                        \.verbMatcher, \.narrativeMatcher, \.compoundMatcher] as [WritableKeyPath<Lexicon, PhraseMatcher>] {
            self[keyPath: matcher].freeze()
        }
    }

    private static func split(_ field: String) -> [String] {
        field.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Lexicon {
    /// Whether a province name, starting at a capitalised word of `[start, end)`, ends exactly at `end`
    /// (`Viễn thông Gia Lai`): a body's name that ends on its province takes no lower-case word after it.
    func endsOnProvince(_ folded: [UInt8], _ units: [UInt16], from start: Int, to end: Int) -> Bool {
        var k = start
        while k < end {
            if PhraseMatcher.isWordByte(folded[k]), k == 0 || !PhraseMatcher.isWordByte(folded[k - 1]), VietnameseLetters.isUpper(units[k]),
               let m = provinceMatcher.longestMatch(in: folded, at: k, limit: end), m.range.upperBound == end { return true }
            k += 1
        }
        return false
    }
}
