import VanBanText

/// A document number (số và ký hiệu) lexed from normalized text.
///
/// Three grammars (DOMAIN.md §6): administrative `N/TYPE-ISSUER[-UNIT]` or công văn
/// `N/ISSUER[-UNIT]`; legal (QPPL) `N/YYYY/TYPE-ISSUER` and laws `N/YYYY/QHk`; Party `N-TYPE/ISSUER`.
public struct DocumentNumber: Sendable, Hashable {
    public enum Grammar: String, Sendable { case administrative, legal, law, party }
    /// The number as written, in normalized units.
    public var range: Range<Int>
    /// Normalized: no inner spaces, ASCII hyphen, Đ restored in known codes (`89/TB-UBND`, `60/2021/NĐ-CP`, `05-NQ/TU`).
    /// For a draft with a blank running number (`Số: /TB-UBND`) it is the bare symbol with its slash (`/TB-UBND`).
    public var number: String
    /// The ký hiệu: `TB-UBND`, `NĐ-CP`, `NQ/TU`, `UBND-TH`.
    public var symbol: String?
    public var typeCode: String?
    public var issuerCode: String?
    public var year: Int?
    public var grammar: Grammar
    /// True when the running number is blank (a draft).
    public var isDraft: Bool
    public init(range: Range<Int>, number: String, symbol: String?, typeCode: String?, issuerCode: String?, year: Int?,
                grammar: Grammar, isDraft: Bool) {
        self.range = range; self.number = number; self.symbol = symbol; self.typeCode = typeCode
        self.issuerCode = issuerCode; self.year = year; self.grammar = grammar; self.isDraft = isDraft
    }
}

/// Placeholder until the number lexer lands.
public struct DocumentNumberLexer: Sendable {
    public let lexicon: Lexicon
    public init(lexicon: Lexicon) { self.lexicon = lexicon }
    /// Every document number in `range`, left to right.
    public func numbers(in text: NormalizedText, range: Range<Int>) -> [DocumentNumber] { [] }
    /// The number that starts at `position` (spaces skipped), e.g. right after `Số:`; drafts included.
    public func number(in text: NormalizedText, at position: Int) -> DocumentNumber? { nil }
}
