import VanBanExtract
import VanBanText

/// The task table: one row per directive, with the document it comes from, as JSON, CSV or an
/// aligned terminal table.
///
/// CSV is RFC 4180 (comma, CRLF, fields with `,` `"` or line breaks quoted, `"` doubled), UTF-8
/// with a byte-order mark so that spreadsheets read Vietnamese correctly, and with formula
/// injection neutralised: a cell starting with `=`, `+`, `-` or `@` gets a leading `'`
/// (`- Chủ trì …` would otherwise be read as a formula).
public struct TaskTable: Sendable {
    /// One task.
    public struct Row: Sendable, Equatable {
        public var source: String
        public var documentNumber: String?
        public var documentDate: String?
        public var item: String?
        public var verb: String?
        public var assignees: [String]
        public var lead: [String]
        public var coordinate: [String]
        public var action: String
        public var deadline: String?
        public var due: String?
        public var recurrence: String?
        public var reportTo: String?
        /// `[start, end)` in Unicode scalars of the original text.
        public var span: Span
        public init(source: String, documentNumber: String?, documentDate: String?, item: String?, verb: String?, assignees: [String],
                    lead: [String], coordinate: [String], action: String, deadline: String?, due: String?, recurrence: String?,
                    reportTo: String?, span: Span) {
            self.source = source; self.documentNumber = documentNumber; self.documentDate = documentDate; self.item = item
            self.verb = verb; self.assignees = assignees; self.lead = lead; self.coordinate = coordinate; self.action = action
            self.deadline = deadline; self.due = due; self.recurrence = recurrence; self.reportTo = reportTo; self.span = span
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// The rows of every directive of an extraction, in document order.
    public init(_ extraction: Extraction) {
        let text = extraction.normalized
        var rows: [Row] = []
        for d in extraction.documents {
            for x in d.directives {
                rows.append(Row(source: extraction.source.path, documentNumber: d.number, documentDate: d.date, item: x.item, verb: x.verb,
                                assignees: x.assignees, lead: x.lead, coordinate: x.coordinate,
                                action: Self.oneLine(text.originalText(x.range)), deadline: x.deadline?.value, due: x.deadline?.due,
                                recurrence: x.recurrence?.rawValue ?? x.deadline?.recurrence?.rawValue, reportTo: x.reportTo,
                                span: text.span(x.range)))
            }
        }
        self.rows = rows
    }

    public static let header = ["source", "number", "date", "item", "verb", "assignees", "lead", "coordinate", "action",
                                "deadline", "due", "recurrence", "reportTo", "start", "end"]

    /// The cells of a row, lists joined with `; `.
    public static func cells(_ r: Row) -> [String] {
        [r.source, r.documentNumber ?? "", r.documentDate ?? "", r.item ?? "", r.verb ?? "", r.assignees.joined(separator: "; "),
         r.lead.joined(separator: "; "), r.coordinate.joined(separator: "; "), r.action, r.deadline ?? "", r.due ?? "",
         r.recurrence ?? "", r.reportTo ?? "", String(r.span.start), String(r.span.end)]
    }

    // MARK: CSV

    /// The table as CSV bytes: BOM, header, one CRLF-terminated line per row.
    public func csv() -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        func line(_ cells: [String]) {
            for (i, c) in cells.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(contentsOf: Self.csvField(c).utf8)
            }
            out.append(0x0D); out.append(0x0A)
        }
        line(Self.header)
        for r in rows { line(Self.cells(r)) }
        return out
    }

    /// One CSV field: neutralised against formulas, quoted when needed (RFC 4180).
    public static func csvField(_ value: String) -> String {
        var v = value
        // = + - @ start formulas; a leading tab or carriage return does too in some spreadsheets (OWASP).
        if let first = v.utf8.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D {
            v = "'" + v
        }
        let needsQuotes = v.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return v }
        var out = "\""
        for ch in v.unicodeScalars { if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) } }
        return out + "\""
    }

    // MARK: JSON

    /// The table as a JSON array of row objects.
    public func json() -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for r in rows {
            w.beginObject()
            w.key("source"); w.string(r.source)
            w.key("number"); w.optionalString(r.documentNumber)
            w.key("date"); w.optionalString(r.documentDate)
            w.key("item"); w.optionalString(r.item)
            w.key("verb"); w.optionalString(r.verb)
            w.key("assignees"); w.strings(r.assignees)
            w.key("lead"); w.strings(r.lead)
            w.key("coordinate"); w.strings(r.coordinate)
            w.key("action"); w.string(r.action)
            w.key("deadline"); w.optionalString(r.deadline)
            w.key("due"); w.optionalString(r.due)
            w.key("recurrence"); w.optionalString(r.recurrence)
            w.key("reportTo"); w.optionalString(r.reportTo)
            w.key("span"); w.span(r.span.start, r.span.end)
            w.endObject()
        }
        w.endArray()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    // MARK: Terminal table

    /// An aligned text table (columns padded by display width; long cells cut with `…`).
    public func text(maxWidth: Int = 48) -> String {
        let columns = [3, 1, 2, 5, 8, 10, 12]  // number, date, item, assignees, action, due, reportTo — by header index
        let titles = ["number", "date", "item", "assignees", "action", "due", "reportTo"]
        var table: [[String]] = [titles]
        for r in rows {
            let c = Self.cells(r)
            table.append([c[1], c[2], c[3], c[5], c[8], r.due ?? (r.recurrence ?? ""), c[12]].map { Self.cut($0, maxWidth) })
        }
        _ = columns
        var widths = [Int](repeating: 0, count: titles.count)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.displayWidth(cell)) } }
        var out = ""
        for (n, row) in table.enumerated() {
            for (i, cell) in row.enumerated() {
                out += cell
                if i < row.count - 1 { out += String(repeating: " ", count: widths[i] - Self.displayWidth(cell) + 2) }
            }
            out += "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// Columns a string takes on a terminal: combining marks take none, wide East Asian letters two.
    public static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            let v = u.value
            if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v < 0x20 { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) { w += 2 } else { w += 1 }
        }
        return w
    }

    static func cut(_ s: String, _ width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        var out = ""
        var w = 0
        for ch in s.unicodeScalars {
            let cw = displayWidth(String(ch))
            if w + cw > width - 1 { break }
            out.unicodeScalars.append(ch); w += cw
        }
        return out + "…"
    }

    static func oneLine(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s.unicodeScalars {
            if ch == " " || ch == "\n" || ch == "\r" || ch == "\t" { space = !out.isEmpty; continue }
            if space { out += " "; space = false }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    // MARK: Filters

    /// The matching key of a name: folded (lower case, no diacritics, `đ` → `d`), punctuation to
    /// spaces, and the usual abbreviations spelled out (`UBND` → `uy ban nhan dan`, `TT&TT` →
    /// `thong tin va truyen thong`), so `so noi vu` finds `Sở Nội vụ` and `ubnd tinh` finds `Ủy ban nhân dân tỉnh`.
    public static func assigneeKey(_ s: String) -> String {
        let folded = String(decoding: PhraseMatcher.foldKey(s), as: UTF8.self)
        var cleaned = ""
        for ch in folded.unicodeScalars {
            if ch == "&" || (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") { cleaned.unicodeScalars.append(ch) } else { cleaned += " " }
        }
        let expansions: [String: String] = [
            "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "bcd": "ban chi dao", "tt&tt": "thong tin va truyen thong",
            "kh&dt": "ke hoach va dau tu", "vpub": "van phong uy ban nhan dan", "mttq": "mat tran to quoc",
            "pt&th": "phat thanh truyen hinh", "ptth": "phat thanh truyen hinh", "ptnt": "phat trien nong thon",
            "nn&ptnt": "nong nghiep va phat trien nong thon", "tn&mt": "tai nguyen va moi truong", "gd&dt": "giao duc va dao tao",
            "kh&cn": "khoa hoc va cong nghe", "gtvt": "giao thong van tai", "ld tb&xh": "lao dong thuong binh va xa hoi",
        ]
        var words: [String] = []
        for w in cleaned.split(separator: " ") {
            let word = String(w)
            if let e = expansions[word] { words.append(contentsOf: e.split(separator: " ").map(String.init)); continue }
            let parts = word.split(separator: "&").map(String.init).filter { !$0.isEmpty }
            words.append(contentsOf: parts.count > 1 ? parts.flatMap { [$0, "va"] }.dropLast() : parts)
        }
        return words.joined(separator: " ").replacingOccurrences(of: "phat thanh va truyen hinh", with: "phat thanh truyen hinh")
    }

    /// Whether a row names `query` among its assignees or lead (folded, abbreviations spelled out).
    public static func matches(_ row: Row, assignee query: String) -> Bool {
        let q = assigneeKey(query)
        guard !q.isEmpty else { return true }
        return (row.assignees + row.lead).contains { (" " + assigneeKey($0) + " ").contains(" " + q + " ") }
    }
}
