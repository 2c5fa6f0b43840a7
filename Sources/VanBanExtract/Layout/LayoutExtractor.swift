import VanBanText

/// Placeholder until the layout extractor lands: the whole file is one document.
public struct LayoutExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    public func documents(_ analysis: Analysis) -> [DocumentRecord] { [DocumentRecord(range: 0..<analysis.text.count)] }
}
