/// A body that can be bound by a directive: `Sở Nội vụ`, `Giám đốc Sở Nội vụ`, `UBND các huyện, thành phố`.
struct Body: Sendable, Hashable {
    /// The phrase in the normalized text, parentheticals included.
    var range: Range<Int>
    /// The name to report: the agency lexicon's canonical name for a known single body, the
    /// phrase as written (whitespace collapsed) for positions and collectives.
    var name: String
    /// A private party (`các doanh nghiệp`, `đơn vị thi công`): a state body that relays an
    /// order to it keeps the task.
    var isPrivate: Bool
}
