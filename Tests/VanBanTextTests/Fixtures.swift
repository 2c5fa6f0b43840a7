import Foundation
@testable import VanBanText

/// Shared helpers: the package root, corpus files, and one-call normalization.
enum Fixtures {
    /// The package root, found from this file's location.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static func corpus(_ relative: String) throws -> SourceText {
        let path = root.appendingPathComponent("Corpus").appendingPathComponent(relative).path
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try Decoder().decode(bytes, path: path)
    }

    static func source(_ text: String) -> SourceText {
        SourceText(path: "test", encoding: "utf-8", sha256: "", text: text)
    }

    static func normalize(_ text: String) -> NormalizedText {
        Normalizer().normalize(source(text))
    }

    /// The normalized range of the first occurrence of `needle` in the normalized text.
    static func find(_ needle: String, in text: NormalizedText) -> Range<Int>? {
        let n = Array(needle.utf16), h = text.units
        guard n.count <= h.count else { return nil }
        for i in 0...(h.count - n.count) where Array(h[i..<i + n.count]) == n { return i..<i + n.count }
        return nil
    }
}
