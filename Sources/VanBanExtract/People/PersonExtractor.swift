import VanBanText

/// Placeholder until the person extractor lands.
public struct PersonExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    public func people(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention]) -> [PersonMention] { [] }
}
