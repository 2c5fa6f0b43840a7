/// Who the items under a heading or lead-in are addressed to.
///
/// Set by `2.3 Sở Nội vụ`, `2. Giao Giám đốc Sở Nội vụ`, `Đề nghị UBND các huyện, thành phố:`
/// or `… yêu cầu các sở, ban, ngành … thực hiện các nhiệm vụ sau:`; the list items below inherit it.
struct AssigneeContext: Sendable {
    var bodies: [Body]
    /// The governing verb as written (`Giao`, `Đề nghị`), nil for a bare heading.
    var verb: String?
    /// The lead-in asked its addressee to direct others (`Đề nghị UBND tỉnh chỉ đạo …:`): items
    /// that say `Chỉ đạo Sở X …` then name the body that carries the task out.
    var relays: Bool
}
