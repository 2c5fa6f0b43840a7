import Foundation
import Testing
import VanBanExtract
import VanBanLink
import VanBanText

/// The linker on the real corpus through the real pipeline.
struct CorpusLinkTests {
    typealias F = LinkFixture

    @Test("001: the cover letter 294/UBND implements the notice 89/TB-UBND of the same file, which is ingested")
    func coverLetter() throws {
        let path = try #require(try FileManager.default.contentsOfDirectory(atPath: F.root.appendingPathComponent("Corpus/seeds/docs").path)
            .first { $0.hasPrefix("001_") })
        let file = "Corpus/seeds/docs/\(path)"
        let documents = F.corpusDocuments.filter { $0.source == file }
        #expect(documents.count == 2)
        let graph = F.link(documents)
        let letter = try #require(graph.nodes(number: "294/UBND").first)
        let notice = try #require(graph.nodes(number: "89/TB-UBND").first)
        #expect(letter.ingested && notice.ingested)
        #expect(notice.source == file)
        #expect(notice.issuer == "UBND tỉnh Quảng Ngãi")
        #expect(notice.date == "2021-03-16")
        let implements = graph.edges.filter { $0.from == letter.id && $0.to == notice.id && $0.relation == "implements" }
        #expect(implements.count == 1)
        // The evidence is the citation in the letter: its span cuts `89/TB-UBND` out of the file.
        let text = try String(contentsOf: F.root.appendingPathComponent(file), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let span = try #require(implements.first?.evidence.first?.span)
        let cited = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        #expect(cited.contains("89/TB-UBND"))
        // The notice's own citations are nodes, cited only (none of them is ingested here).
        let cited89 = graph.edges(from: notice.id).compactMap { graph.node($0.to) }
        let numbers = Set(cited89.compactMap(\.number))
        for number in ["05-NQ/TU", "49/QĐ-UBND", "34/NQ-HĐND", "173/QĐ-UBND", "205/QĐ-UBND", "20/BC-SNV", "20/2013/QĐ-UBND", "107/UBND-NC"] {
            #expect(numbers.contains(number), "\(number) is not cited by 89/TB-UBND")
        }
        #expect(cited89.allSatisfy { !$0.ingested && $0.source == nil })
        // One node per cited document: 05-NQ/TU is mentioned four times.
        #expect(graph.nodes(number: "05-NQ/TU").count == 1)
    }

    @Test("the corpus links the same whatever order its documents come in")
    func orderIndependence() {
        let documents = F.corpusDocuments
        #expect(documents.count >= 40)
        let reference = F.link(documents)
        #expect(reference.nodes.count > documents.count)
        #expect(reference.edges.count > 100)
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<5 {
            #expect(F.link(documents.shuffled(using: &generator)) == reference)
        }
        // The same file twice (under another path) adds no node.
        let copies = documents.filter { $0.source.contains("/own/") }.map { d -> LinkDocument in
            var copy = d
            copy.source = d.source.replacingOccurrences(of: "/own/", with: "/zz-copy/")
            copy.citations = d.citations
            return copy
        }
        let twice = F.link(documents + copies)
        #expect(twice.nodes.map(\.id) == reference.nodes.map(\.id))
        #expect(twice.nodes == reference.nodes)
    }

    @Test("every edge joins two nodes, every evidence span lies in its file, no node is cited by itself")
    func wellFormed() throws {
        let graph = F.link(F.corpusDocuments)
        let ids = Set(graph.nodes.map(\.id))
        #expect(ids.count == graph.nodes.count)
        var lengths: [String: Int] = [:]
        for edge in graph.edges {
            #expect(ids.contains(edge.from) && ids.contains(edge.to))
            #expect(edge.from != edge.to)
            #expect(!edge.evidence.isEmpty)
            #expect(edge.evidence == edge.evidence.sorted())
            for e in edge.evidence {
                if lengths[e.source] == nil {
                    lengths[e.source] = try String(contentsOf: F.root.appendingPathComponent(e.source), encoding: .utf8).unicodeScalars.count
                }
                #expect(e.span.start < e.span.end && e.span.end <= lengths[e.source]!)
            }
        }
        #expect(graph.nodes.filter(\.ingested).allSatisfy { $0.source != nil })
    }
}
