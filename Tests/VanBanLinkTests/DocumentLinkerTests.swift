import Testing
import VanBanExtract
import VanBanLink
import VanBanText

/// The identity and resolution rules of `DocumentLinker`, case by case.
struct DocumentLinkerTests {
    typealias F = LinkFixture

    // MARK: identity of ingested documents

    struct IdentityCase: Sendable, CustomTestStringConvertible {
        let reason: String
        let documents: [LinkDocument]
        /// How many nodes the documents must make.
        let nodes: Int
        var testDescription: String { reason }
    }

    static let identityCases: [IdentityCase] = [
        IdentityCase(reason: "same local number, different year: two documents",
                     documents: [F.doc("a.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16"),
                                 F.doc("b.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2020-03-16")],
                     nodes: 2),
        IdentityCase(reason: "same local number and year, different province: two documents",
                     documents: [F.doc("a.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16"),
                                 F.doc("b.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Nam", date: "2021-03-16")],
                     nodes: 2),
        IdentityCase(reason: "same local number, year and issuer written two ways: one document",
                     documents: [F.doc("a.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16"),
                                 F.doc("b.txt", number: "89/TB-UBND", issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi", date: "2021-03-17")],
                     nodes: 1),
        IdentityCase(reason: "a Quyết định signed by the Chủ tịch is in the UBND's series",
                     documents: [F.doc("a.txt", number: "1961/QĐ-UBND", issuer: "Chủ tịch UBND tỉnh Kiên Giang", date: "2019-08-28"),
                                 F.doc("b.txt", number: "1961/QD-UBND", issuer: "UBND tỉnh Kiên Giang", date: "2019-08-28")],
                     nodes: 1),
        IdentityCase(reason: "a local number without its issuer's place is not an identity",
                     documents: [F.doc("a.txt", number: "9783/UBND-NC", issuer: "UBND tỉnh", date: "2018-12-19"),
                                 F.doc("b.txt", number: "9783/UBND-NC", issuer: "UBND tỉnh", date: "2018-12-19")],
                     nodes: 2),
        IdentityCase(reason: "a local number without a date is not an identity",
                     documents: [F.doc("a.txt", number: "294/UBND", issuer: "UBND huyện Sơn Tây", date: nil),
                                 F.doc("b.txt", number: "294/UBND", issuer: "UBND huyện Sơn Tây", date: nil)],
                     nodes: 2),
        IdentityCase(reason: "a national number is unique: one document whatever the other fields say",
                     documents: [F.doc("a.txt", number: "60/2021/NĐ-CP", issuer: "Chính phủ", date: "2021-06-21"),
                                 F.doc("b.txt", number: "60/2021/ND-CP", issuer: nil, date: nil)],
                     nodes: 1),
        IdentityCase(reason: "a provincial QPPL number carries a year but every province has one",
                     documents: [F.doc("a.txt", number: "15/2024/QĐ-UBND", issuer: "UBND tỉnh Lâm Đồng", date: "2024-05-02"),
                                 F.doc("b.txt", number: "15/2024/QĐ-UBND", issuer: "UBND tỉnh Cà Mau", date: "2024-05-02")],
                     nodes: 2),
        IdentityCase(reason: "identical text in two files: one document",
                     documents: [F.doc("a.txt", number: nil, issuer: nil, date: nil, text: "the same notice"),
                                 F.doc("b.txt", number: nil, issuer: nil, date: nil, text: "the same notice")],
                     nodes: 1),
        IdentityCase(reason: "different text without number: two documents",
                     documents: [F.doc("a.txt", number: nil, issuer: nil, date: nil, text: "one notice"),
                                 F.doc("b.txt", number: nil, issuer: nil, date: nil, text: "another notice")],
                     nodes: 2),
    ]

    @Test("identity of ingested documents", arguments: identityCases)
    func identity(_ c: IdentityCase) {
        let graph = F.link(c.documents)
        #expect(graph.nodes.count == c.nodes)
        #expect(graph.nodes.allSatisfy { $0.ingested })
        #expect(graph.edges.isEmpty)
    }

    @Test("identical document in two files: one node, read from the first path, with evidence from both")
    func identicalDocumentTwice() throws {
        let cites = [F.cite("60/2021/NĐ-CP", at: 40, relation: "basis")]
        let a = F.doc("b/second.txt", number: "12/KH-UBND", issuer: "UBND tỉnh Gia Lai", date: "2022-01-05", text: "plan", cites: cites)
        let b = F.doc("a/first.txt", number: "12/KH-UBND", issuer: "UBND tỉnh Gia Lai", date: "2022-01-05", text: "plan", cites: cites)
        let graph = F.link([a, b])
        let ingested = graph.nodes.filter(\.ingested)
        #expect(ingested.count == 1)
        #expect(ingested.first?.source == "a/first.txt")
        #expect(graph.edges.count == 1)
        #expect(graph.edges.first?.evidence.map(\.source) == ["a/first.txt", "b/second.txt"])
    }

    // MARK: resolution of citations

    struct ResolutionCase: Sendable, CustomTestStringConvertible {
        let reason: String
        /// The ingested document a citation might name.
        let target: LinkDocument
        /// The citing document (another file unless `sameFile`).
        let citation: LinkCitation
        let citingIssuer: String?
        let sameFile: Bool
        /// Whether the citation must resolve to `target`.
        let resolves: Bool
        var testDescription: String { reason }
    }

    static let notice = F.doc("notice.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16", type: "Thông báo")

    static let resolutionCases: [ResolutionCase] = [
        ResolutionCase(reason: "number, date and issuer agree", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: true),
        ResolutionCase(reason: "issuer written in full", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "Ủy ban nhân dân tỉnh Quảng Ngãi"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: true),
        ResolutionCase(reason: "the year alone supports a local number", target: notice,
                       citation: F.cite("89/TB-UBND", date: "2021-03-16"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: true),
        ResolutionCase(reason: "a number alone never resolves across files", target: notice,
                       citation: F.cite("89/TB-UBND"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: false),
        ResolutionCase(reason: "a number alone resolves in the file that holds the document (cover letter)", target: notice,
                       citation: F.cite("89/TB-UBND"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: true, resolves: true),
        ResolutionCase(reason: "another year contradicts", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2020-03-16"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: false),
        ResolutionCase(reason: "another province contradicts", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh Quảng Nam", date: "2021-03-16"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: false),
        ResolutionCase(reason: "another province contradicts even in the same file", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh Quảng Nam"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: true, resolves: false),
        ResolutionCase(reason: "a bare UBND tỉnh does not say which province: no support", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh"),
                       citingIssuer: "UBND huyện Sơn Tây", sameFile: false, resolves: false),
        ResolutionCase(reason: "UBND tỉnh in a document of the same province is that province's", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh"),
                       citingIssuer: "Sở Nội vụ tỉnh Quảng Ngãi", sameFile: false, resolves: true),
        ResolutionCase(reason: "UBND tỉnh in a document of another province is not Quảng Ngãi's", target: notice,
                       citation: F.cite("89/TB-UBND", issuer: "UBND tỉnh", date: "2021-03-16"),
                       citingIssuer: "Sở Nội vụ tỉnh Bình Định", sameFile: false, resolves: false),
        ResolutionCase(reason: "a national number resolves on the number alone",
                       target: F.doc("nd.txt", number: "60/2021/NĐ-CP", issuer: "Chính phủ", date: "2021-06-21"),
                       citation: F.cite("60/2021/ND-CP"),
                       citingIssuer: "UBND tỉnh Gia Lai", sameFile: false, resolves: true),
        ResolutionCase(reason: "a provincial QPPL number needs its issuer",
                       target: F.doc("qd.txt", number: "20/2013/QĐ-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2013-05-07"),
                       citation: F.cite("20/2013/QĐ-UBND"),
                       citingIssuer: "UBND tỉnh Cà Mau", sameFile: false, resolves: false),
        ResolutionCase(reason: "a provincial QPPL number with its issuer",
                       target: F.doc("qd.txt", number: "20/2013/QĐ-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2013-05-07"),
                       citation: F.cite("20/2013/QĐ-UBND", issuer: "UBND tỉnh Quảng Ngãi"),
                       citingIssuer: "UBND tỉnh Cà Mau", sameFile: false, resolves: true),
        ResolutionCase(reason: "a Prime Minister's decision without a year segment: the code names the issuer, the date the year",
                       target: F.doc("ttg.txt", number: "1312/QĐ-TTg", issuer: "Thủ tướng Chính phủ", date: "2020-08-26"),
                       citation: F.cite("1312/QĐ-TTg", date: "2020-08-26"),
                       citingIssuer: "UBND tỉnh Gia Lai", sameFile: false, resolves: true),
    ]

    @Test("resolution of a citation", arguments: resolutionCases)
    func resolution(_ c: ResolutionCase) throws {
        let citingFile = c.sameFile ? c.target.source : "letter.txt"
        let citing = F.doc(citingFile, c.sameFile ? c.target.index + 1 : 0, number: "7/UBND", issuer: c.citingIssuer, date: "2021-04-01",
                           cites: [c.citation])
        let graph = F.link([citing, c.target])
        let from = try #require(graph.nodes.first { $0.number == "7/UBND" }).id
        let to = try #require(graph.nodes.first { $0.number == c.target.number && $0.ingested }).id
        let edges = graph.edges(from: from)
        #expect(edges.count == 1)
        if c.resolves {
            #expect(edges.first?.to == to)
            #expect(graph.nodes.count == 2)
        } else {
            #expect(edges.first?.to != to)
            let cited = try #require(graph.node(edges.first?.to ?? ""))
            #expect(!cited.ingested)
            #expect(cited.source == nil)
            #expect(graph.nodes.count == 3)
        }
    }

    @Test("two ingested documents fit a citation equally: it resolves to neither")
    func ambiguousCitation() {
        let a = F.doc("a.txt", number: "5/KH-UBND", issuer: "UBND tỉnh Lai Châu", date: "2022-02-01")
        let b = F.doc("b.txt", number: "5/KH-UBND", issuer: "UBND tỉnh Sơn La", date: "2022-03-01")
        let citing = F.doc("c.txt", number: "7/UBND", issuer: "UBND huyện Mường Tè", date: "2022-04-01", cites: [F.cite("5/KH-UBND", date: "2022-02-01")])
        let graph = F.link([a, b, citing])
        #expect(graph.edges.count == 1)
        #expect(graph.node(graph.edges[0].to)?.ingested == false)
        // With the issuer the citation names one of them.
        let named = F.doc("c.txt", number: "7/UBND", issuer: "UBND huyện Mường Tè", date: "2022-04-01",
                          cites: [F.cite("5/KH-UBND", issuer: "UBND tỉnh Lai Châu", date: "2022-02-01")])
        let resolved = F.link([a, b, named])
        #expect(resolved.node(resolved.edges[0].to)?.source == "a.txt")
    }

    // MARK: cited-only nodes

    @Test("cited-only documents: a national number is one node for every citing file")
    func nationalCitedOnce() {
        let a = F.doc("a.txt", number: "1/KH-UBND", issuer: "UBND tỉnh Gia Lai", date: "2022-01-05", cites: [F.cite("60/2021/NĐ-CP", relation: "basis")])
        let b = F.doc("b.txt", number: "2/KH-UBND", issuer: "UBND tỉnh Cà Mau", date: "2022-01-05", cites: [F.cite("60/2021/ND-CP", relation: "basis")])
        let graph = F.link([a, b])
        let cited = graph.nodes.filter { !$0.ingested }
        #expect(cited.count == 1)
        #expect(cited.first?.number == "60/2021/NĐ-CP")
        #expect(graph.edges.count == 2)
        #expect(Set(graph.edges.map(\.to)).count == 1)
    }

    @Test("cited-only documents: the same local number, year and province from two files is one node")
    func localCitedOnceWithIdentity() {
        let cite = F.cite("49/QĐ-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-01-09")
        let a = F.doc("a.txt", number: "1/UBND", issuer: "UBND huyện Sơn Tây", date: "2021-02-01", cites: [cite])
        let b = F.doc("b.txt", number: "2/UBND", issuer: "UBND huyện Ba Tơ", date: "2021-02-01", cites: [cite])
        let graph = F.link([a, b])
        #expect(graph.nodes.filter { !$0.ingested }.count == 1)
        #expect(graph.nodes.filter { !$0.ingested }.first?.issuer == "UBND tỉnh Quảng Ngãi")
    }

    @Test("cited-only documents: an issuer that names no place is the same in every province, so it is no identity",
          arguments: ["UBND tỉnh", "Sở Nội vụ", "Hội nghị Tỉnh ủy lần thứ 6 khóa XIX", "Văn phòng UBND thành phố"])
    func placelessIssuer(_ issuer: String) {
        let cite = F.cite("05-NQ/TU", issuer: issuer, date: "2016-12-05")
        let a = F.doc("a.txt", number: "1/UBND", issuer: "UBND huyện Sơn Tây", date: "2021-02-01", cites: [cite])
        let b = F.doc("b.txt", number: "2/UBND", issuer: "UBND huyện Ba Tơ", date: "2021-02-01", cites: [cite])
        let graph = F.link([a, b])
        #expect(graph.nodes.filter { !$0.ingested }.count == 2)
    }

    @Test("cited-only documents: a local number without issuer support stays a node of each citing document")
    func localCitedWithoutSupport() {
        let a = F.doc("a.txt", number: "1/UBND", issuer: "UBND huyện Sơn Tây", date: "2021-02-01",
                      cites: [F.cite("49/QĐ-UBND", at: 10, date: "2021-01-09"), F.cite("49/QĐ-UBND", at: 500)])
        let b = F.doc("b.txt", number: "2/UBND", issuer: "UBND huyện Ba Tơ", date: "2021-02-01", cites: [F.cite("49/QĐ-UBND", date: "2021-01-09")])
        let graph = F.link([a, b])
        let cited = graph.nodes.filter { !$0.ingested }
        #expect(cited.count == 2)
        #expect(cited.allSatisfy { $0.number == "49/QĐ-UBND" && $0.date == "2021-01-09" })
        // Both mentions in a.txt are one document (the later short mention takes the first one's date).
        let fromA = graph.edges.filter { $0.evidence.contains { $0.source == "a.txt" } }
        #expect(fromA.count == 1)
        #expect(fromA.first?.evidence.count == 2)
    }

    @Test("a short later mention in the same document takes the full mention's issuer and date")
    func shortMention() {
        let target = F.doc("qd.txt", number: "173/QĐ-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2017-02-24")
        let citing = F.doc("tb.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16",
                           cites: [F.cite("173/QĐ-UBND", at: 10, issuer: "UBND tỉnh", date: "2017-02-24", relation: "implements"),
                                   F.cite("173/QĐ-UBND", at: 900, relation: "implements")])
        let graph = F.link([target, citing])
        #expect(graph.nodes.count == 2)
        #expect(graph.edges.count == 1)
        #expect(graph.edges.first?.evidence.map(\.span.start) == [10, 900])
    }

    // MARK: edges

    @Test("one edge per relation, evidence sorted, no self-loop")
    func edgesPerRelation() throws {
        let citing = F.doc("x.txt", number: "12/QĐ-UBND", issuer: "UBND tỉnh Gia Lai", date: "2022-01-05",
                           cites: [F.cite("60/2021/NĐ-CP", at: 700, relation: "basis"),
                                   F.cite("60/2021/NĐ-CP", at: 50, relation: "basis"),
                                   F.cite("60/2021/NĐ-CP", at: 300, relation: "guides"),
                                   F.cite("12/QĐ-UBND", at: 900, issuer: "UBND tỉnh Gia Lai", date: "2022-01-05")])
        let graph = F.link([citing])
        #expect(graph.edges.count == 2)
        let basis = try #require(graph.edges.first { $0.relation == "basis" })
        #expect(basis.evidence.map(\.span.start) == [50, 700])
        #expect(graph.edges.allSatisfy { $0.from != $0.to })
        #expect(graph.nodes.count == 2)
    }

    @Test("nodes and edges sorted by id; the same documents in any order give the same graph")
    func orderIndependence() {
        let documents = [
            Self.notice,
            F.doc("notice.txt", 1, number: "5/KH-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-04-01", cites: [F.cite("89/TB-UBND")]),
            F.doc("copy.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16", text: "notice.txt#0#89/TB-UBND"),
            F.doc("other.txt", number: "89/TB-UBND", issuer: "UBND tỉnh Quảng Nam", date: "2021-03-16",
                  cites: [F.cite("60/2021/NĐ-CP"), F.cite("89/TB-UBND", issuer: "UBND tỉnh Quảng Ngãi", date: "2021-03-16")]),
            F.doc("bare.txt", number: nil, issuer: nil, date: nil, cites: [F.cite("89/TB-UBND"), F.cite("1/CT-UBND", issuer: "UBND tỉnh")]),
        ]
        let reference = F.link(documents)
        #expect(reference.nodes.map(\.id) == reference.nodes.map(\.id).sorted())
        let edgeKeys = reference.edges.map { "\($0.from)\u{1}\($0.to)\u{1}\($0.relation)" }
        #expect(edgeKeys == edgeKeys.sorted())
        #expect(reference.edges.count >= 4)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            #expect(F.link(documents.shuffled(using: &generator)) == reference)
        }
    }
}

/// A small deterministic random generator (SplitMix64) so shuffles are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
