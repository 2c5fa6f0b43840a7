/// One clause of a paragraph (up to `;`, a sentence end or a lead-in colon) and what it says
/// about who must act.
struct Clause: Sendable {
    enum Boundary: Sendable { case start, semicolon, sentence, colon }
    var range: Range<Int>
    /// What separated it from the clause before.
    var after: Boundary
    /// Ends with a colon that introduces items (`… các nhiệm vụ sau:`).
    var endsWithColon = false
    /// Bodies named in the clause itself (after an assigning verb, or as its subject).
    var assignees: [Body] = []
    /// The assigning verb's range (`Giao`, `Yêu cầu`, `Đề nghị`, `chỉ đạo`), nil for a subject.
    var verb: Range<Int>? = nil
    /// The clause opens with `Chỉ đạo <body>` and no subject.
    var opensWithDirect = false
    /// The assignees come from an assigning verb (true) or a subject (false).
    var assigned = false
    /// A relay: `Đề nghị UBND tỉnh chỉ đạo …`.
    var relays = false
    /// The body that relays the order, written before `chỉ đạo`/`yêu cầu` (`UBND huyện Năm Căn chỉ đạo UBND xã …`,
    /// `Giao UBND huyện chỉ đạo Phòng Y tế …`): a report asked for after `;` is its own duty.
    var relayer: [Body]? = nil
    /// A narrative cue governs it (`đã`, `Sau khi nghe`, `đánh giá cao`, `do … chủ trì`).
    var narrative = false
    /// Holds an obligation word other than a plain action (`chủ trì`, `có trách nhiệm`, `cần`, `khẩn trương`).
    var obligation = false
    /// An execution clause of a Quyết định (`… chịu trách nhiệm thi hành Quyết định này`).
    var execution = false
    /// Opens with a reporting verb (`báo cáo …`, `Hàng quý báo cáo …`): it belongs to the task before it.
    var reportLed = false
    /// Opens with a goal word (`Mục tiêu …`): a statement, not a task.
    var goal = false
    /// The umbrella of a list: only generic words after the assignees (`thực hiện tốt các nhiệm vụ sau:`).
    var umbrella = false
    /// A topic heading: `Về lĩnh vực nông nghiệp:`, `3. Về đầu tư xây dựng các công trình, dự án:` names a
    /// field, not a body; the items below it carry the tasks.
    var topic = false
    /// The narrative cue is an aspect word (`đã`, `đang`, `sẽ`): an account, whatever its place.
    var aspect = false
    /// Opens with an urgency word (`khẩn trương, đôn đốc …`): a new order, not the tail of the one before.
    var urgent = false
    /// Opens with `Theo quy định` (a rule restated, not an order of this document).
    var rule = false
    /// The speaker of a request, not its addressee: `Sở Giáo dục và Đào tạo đề nghị:` (the items name their own bodies).
    var speaker = false
}
