import VanBanText

/// Placeholder until the agency extractor lands.
public struct AgencyExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    public func agencies(_ analysis: Analysis, in range: Range<Int>) -> [AgencyMention] { [] }
}
