/// A paragraph of running text or an outline item's own text, with the outline node it belongs to.
struct Paragraph: Sendable {
    /// From the first word after the item marker to the end of the paragraph (normalized units).
    var range: Range<Int>
    /// The innermost outline node containing the paragraph, nil outside any.
    var node: Int?
    /// The paragraph is the node's own marker line.
    var isNodeLine: Bool
    /// All its letters are capitals (`TỔ CHỨC THỰC HIỆN`): a part heading.
    var isCapitals: Bool
}
