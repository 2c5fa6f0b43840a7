import Foundation
import VanBanExtract
import VanBanText

/// The pipeline and the corpus files the report tests read.
enum Support {
    static let pipeline: Pipeline = try! Pipeline.load()

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// Every corpus document, `Corpus/<set>/docs/*.txt`, sorted.
    static func corpusFiles() -> [String] {
        var files: [String] = []
        for set in ["seeds", "dev", "own"] {
            let folder = root.appendingPathComponent("Corpus/\(set)/docs")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return files
    }

    static func extract(file path: String) throws -> Extraction {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return pipeline.extract(try pipeline.decoder.decode(bytes, path: path))
    }

    static func extract(text: String, path: String = "test.txt") -> Extraction {
        pipeline.extract(SourceText(path: path, encoding: "utf-8", sha256: "", text: text))
    }
}
