import VanBanText

/// Placeholder until the citation extractor lands.
public struct CitationExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    public func citations(_ analysis: Analysis, in range: Range<Int>, dates: [DateMention]) -> [Citation] { [] }
}
