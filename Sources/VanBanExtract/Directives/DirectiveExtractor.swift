import VanBanText

/// Placeholder until the directive extractor lands.
public struct DirectiveExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    public func directives(_ analysis: Analysis, in range: Range<Int>, agencies: [AgencyMention], dates: [DateMention]) -> [Directive] { [] }
}
