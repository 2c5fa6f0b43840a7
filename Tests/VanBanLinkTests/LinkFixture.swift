import Foundation
import VanBanExtract
import VanBanLink
import VanBanText

/// Shared pieces of the link tests: the real lexicons, and short builders of documents and citations.
enum LinkFixture {
    static let pipeline: Pipeline = try! Pipeline.load()
    static let linker = DocumentLinker(lexicon: pipeline.lexicon)

    /// The package root, found from this file's location.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// A document of `file` at position `index`; its text hash differs per (file, index, number) unless given.
    static func doc(_ file: String, _ index: Int = 0, number: String?, issuer: String?, date: String?, type: String? = nil,
                    text: String? = nil, cites: [LinkCitation] = []) -> LinkDocument {
        let body = text ?? "\(file)#\(index)#\(number ?? "-")"
        return LinkDocument(source: file, fileSHA256: SHA256.hex(Array(file.utf8)), index: index, span: Span(index * 1000, index * 1000 + 900),
                            textSHA256: SHA256.hex(Array(body.utf8)), number: number, type: type, typeCode: nil,
                            issuer: issuer, date: date, citations: cites)
    }

    /// A citation at `at` (scalar offset) with the fields a `vanban/1` citation has.
    static func cite(_ number: String, at: Int = 100, issuer: String? = nil, date: String? = nil, year: Int? = nil,
                     relation: String = "cites") -> LinkCitation {
        LinkCitation(span: Span(at, at + number.count), number: number, type: nil, typeCode: nil, issuerCode: nil,
                     year: year ?? date.flatMap { Int($0.prefix(4)) }, date: date, issuer: issuer, relation: relation)
    }

    static func link(_ documents: [LinkDocument]) -> DocumentGraph { linker.link(documents) }

    /// Every corpus document (seeds, dev, own) through the real pipeline, paths relative to the root.
    static let corpusDocuments: [LinkDocument] = {
        var documents: [LinkDocument] = []
        for set in ["seeds", "dev", "own"] {
            let folder = root.appendingPathComponent("Corpus/\(set)/docs")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                let bytes = [UInt8](try! Data(contentsOf: folder.appendingPathComponent(name)))
                let source = try! pipeline.decoder.decode(bytes, path: "Corpus/\(set)/docs/\(name)")
                documents += LinkDocument.documents(of: pipeline.extract(source))
            }
        }
        return documents
    }()
}

extension DocumentGraph {
    /// The nodes whose number folds to `number` (tests compare numbers as written).
    func nodes(number: String) -> [Node] { nodes.filter { $0.number == number } }
    func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    func edges(from: String) -> [Edge] { edges.filter { $0.from == from } }
}
