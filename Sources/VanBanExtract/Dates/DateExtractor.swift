import VanBanText

/// Placeholder until the date extractor lands.
public struct DateExtractor: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    /// Every date, month, quarter, year and period expression in `range`.
    public func dates(_ analysis: Analysis, in range: Range<Int>, warnings: inout [Warning]) -> [DateMention] { [] }
    /// Every deadline phrase (`trước ngày 31/3/2024`, `trong quý II/2024`, `hằng tháng`) in `range`.
    public func deadlines(_ analysis: Analysis, in range: Range<Int>) -> [Deadline] { [] }
}
