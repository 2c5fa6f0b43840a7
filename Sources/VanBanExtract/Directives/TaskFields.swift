import VanBanText

/// Tasks written as records rather than sentences: a task table with `|` cells
/// (`Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`) and a task item
/// followed by field lines (`- Cơ quan chủ trì: …`, `- Cơ quan phối hợp: …`, `- Thời gian hoàn thành: …`).
/// The lead body is the assignee, the coordinating bodies are `coordinate`, and the item or row
/// carries its own deadline; the verb is null, since none is written.
struct TaskFields {
    enum Field { case task, lead, coordinate, time, number, other }
    let scan: TextScan
    let parser: BodyParser

    /// Words a label may open with (`Cơ quan`, `Đơn vị` …), then each field's labels, in the order tried.
    private static let heads: [StaticString] = ["co quan, don vi ", "co quan ", "don vi ", "bo phan "]
    private static let labels: [(Field, [StaticString])] = [
        (.lead, ["chu tri", "thuc hien"]),
        (.coordinate, ["phoi hop"]),
        (.time, ["thoi gian hoan thanh", "thoi gian thuc hien", "thoi han hoan thanh", "thoi han", "tien do"]),
        (.task, ["nhiem vu", "noi dung", "ten nhiem vu", "cong viec"]),
        (.number, ["stt", "tt"]),
    ]
    /// The first bytes of all of them: a word starting with any other is no label (most words).
    private static let firstBytes: ByteSet = {
        var set = ByteSet()
        for s in heads + labels.flatMap(\.1) { set.insert(s.utf8Start.pointee) }
        return set
    }()

    /// The field a label names (`Cơ quan chủ trì`, `Đơn vị phối hợp`, `Thời gian hoàn thành`, `Nhiệm vụ`).
    func field(at p: Int, limit: Int) -> (Field, end: Int)? {
        var k = scan.skipSpaces(p, limit)
        let f = scan.folded
        guard k < limit, Self.firstBytes.contains(f[k]) else { return nil }
        func starts(_ s: StaticString) -> Int? {
            let n = s.utf8CodeUnitCount
            guard k + n <= limit else { return nil }
            let ok = s.withUTF8Buffer { b in
                for j in 0..<n where f[k + j] != b[j] && !(b[j] == 0x20 && f[k + j] == 0x0A) { return false }
                return true
            }
            guard ok, k + n == limit || !scan.isWord(k + n) || !scan.isWord(k + n - 1) else { return nil }
            return k + n
        }
        for head in Self.heads { if let e = starts(head) { k = e; break } }
        for (field, words) in Self.labels {
            for word in words { if let e = starts(word) { return (field, e) } }
        }
        return nil
    }

    /// A field line: a label and a colon (`Cơ quan chủ trì: Bộ Tư pháp.`); returns the field and where its value starts.
    func fieldLine(_ r: Range<Int>) -> (Field, value: Int)? {
        guard let (kind, end) = field(at: r.lowerBound, limit: r.upperBound), kind != .task, kind != .number else { return nil }
        let k = scan.skipSpaces(end, r.upperBound)
        guard k < r.upperBound, scan.folded[k] == 0x3A else { return nil }
        return (kind, k + 1)
    }

    /// The bodies of a field value: lists split at `;`, each read as bodies, or kept as written.
    func bodies(in r: Range<Int>) -> [Body] {
        var out: [Body] = []
        var s = r.lowerBound
        while s < r.upperBound {
            var e = s
            while e < r.upperBound && scan.folded[e] != 0x3B { e += 1 }
            let part = scan.trimmed(s..<e, trailing: [0x20, 0x0A, 0x2E, 0x2C, 0x7C])
            if !part.isEmpty {
                if let w = scan.word(at: part.lowerBound, part.upperBound), w.lowerBound == part.lowerBound,
                   let list = parser.bodyList(at: w.lowerBound, limit: part.upperBound, scan: scan), list.end >= part.upperBound - 1 {
                    out.append(contentsOf: list.bodies)
                } else if scan.word(at: part.lowerBound, part.upperBound) != nil {
                    out.append(Body(range: part, written: part, isPrivate: false, units: scan.units))
                }
            }
            s = e + 1
        }
        return out
    }

    /// The rows of task tables in `range`: the task cell, the row, the lead and coordinating bodies.
    func tableRows(in range: Range<Int>) -> [(task: Range<Int>, row: Range<Int>, lead: [Body], coordinate: [Body])] {
        let f = scan.folded
        var out: [(task: Range<Int>, row: Range<Int>, lead: [Body], coordinate: [Body])] = []
        var columns: [Field]? = nil
        /// The first row of a table block: its cells may be labels with a few more words (`Nội dung công việc`).
        var firstRow = true
        var s = range.lowerBound
        while s < range.upperBound {
            var e = s
            while e < range.upperBound && f[e] != 0x0A { e += 1 }
            let line = scan.trimmed(s..<e)
            defer { s = e + 1 }
            guard !line.isEmpty, f[line.lowerBound] == 0x7C else { columns = nil; firstRow = true; continue }
            let header = firstRow
            firstRow = false
            var cells: [Range<Int>] = []
            var c = line.lowerBound + 1
            var k = c
            while k < line.upperBound {
                if f[k] == 0x7C { cells.append(scan.trimmed(c..<k)); c = k + 1 }
                k += 1
            }
            if c < line.upperBound { cells.append(scan.trimmed(c..<line.upperBound)) }
            if cells.allSatisfy({ r in r.allSatisfy { f[$0] == 0x2D || f[$0] == 0x3A || f[$0] == 0x20 } }) { continue }
            let kinds = cells.map { cell -> Field in
                guard let (kind, end) = field(at: cell.lowerBound, limit: cell.upperBound) else { return .other }
                let rest = scan.skipSpaces(end, cell.upperBound)
                if rest == cell.upperBound { return kind }
                // In the head row a label may go on: `Nội dung công việc`, `Đơn vị chủ trì thực hiện`, `Thời gian hoàn thành dự kiến`.
                var words = 0, k = rest
                while let w = scan.word(at: k, cell.upperBound) { words += 1; k = w.upperBound }
                return header && words <= 3 ? kind : .other
            }
            if kinds.contains(.task) && kinds.contains(.lead) { columns = kinds; continue }
            guard let columns, columns.count == cells.count,
                  let t = columns.firstIndex(of: .task), let l = columns.firstIndex(of: .lead), !cells[t].isEmpty else { continue }
            let lead = bodies(in: cells[l])
            guard !lead.isEmpty else { continue }
            let coordinate = columns.firstIndex(of: .coordinate).map { bodies(in: cells[$0]) } ?? []
            out.append((cells[t], cells[t].lowerBound..<line.upperBound, lead, coordinate))
        }
        return out
    }
}
