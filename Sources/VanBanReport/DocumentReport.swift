import VanBanExport
import VanBanExtract
import VanBanText

/// The HTML report of one file: its original text with every record highlighted by kind, a
/// legend that toggles kinds, each record's fields on hover or click, and beside the text the
/// header card of each document and the task table.
///
/// The text panel holds exactly the original text: it is cut into segments at every record
/// boundary and each segment is one `<span>` carrying the classes of the records covering it,
/// so records that overlap or nest never produce crossed tags.
public struct DocumentReport: Sendable {
    public let extraction: Extraction
    public let records: [MarkedRecord]
    public let tasks: TaskTable

    public init(extraction: Extraction) {
        self.extraction = extraction
        self.records = MarkedRecord.all(in: extraction)
        self.tasks = TaskTable(extraction)
    }

    /// The page's title: the first document's number, else the file name.
    var title: String {
        let path = extraction.source.path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let number = extraction.documents.first(where: { $0.number != nil })?.number { return "\(number) — \(name)" }
        return name
    }

    /// The whole page.
    public func html() -> String {
        var out = Page.open(title: "VanBan — " + title, style: Self.style)
        out += "<body class=\"document\">\n<header class=\"top\"><h1>\(HTML.escape(title))</h1>"
        let source = extraction.source
        out += "<div class=\"sub\">\(HTML.escape(source.path)) · \(source.scalarCount) characters · \(HTML.escape(source.encoding))"
        out += " · \(extraction.documents.count) document\(extraction.documents.count == 1 ? "" : "s") · \(tasks.rows.count) task\(tasks.rows.count == 1 ? "" : "s")</div></header>\n"
        out += legend()
        out += "<main>\n<article class=\"textcol\">\n"
        out += textPanel()
        out += "</article>\n<aside class=\"side\">\n"
        out += warnings()
        for (i, d) in extraction.documents.enumerated() { out += card(d, index: i) }
        out += taskTable()
        out += "</aside>\n</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n"
        out += recordData()
        out += Page.close(script: Self.script)
        return out
    }

    // MARK: Parts

    func legend() -> String {
        var counts = [RecordKind: Int]()
        for r in records { counts[r.kind, default: 0] += 1 }
        var out = "<nav id=\"legend\" class=\"legend\" aria-label=\"Record kinds\">"
        for kind in RecordKind.allCases {
            out += "<label class=\"lg\"><input type=\"checkbox\" checked data-kind=\"\(kind.rawValue)\">"
            out += "<span class=\"sw k-\(kind.rawValue)\">\(HTML.escape(kind.label))</span> <span class=\"muted\">\(counts[kind] ?? 0)</span></label>"
        }
        out += "<span class=\"hint muted\">Hover or click highlighted text for its fields; click a task to find it in the text.</span></nav>\n"
        return out
    }

    /// `<div id="text">` with the original text, segment by segment.
    func textPanel() -> String {
        let units = extraction.source.units
        let highlighted = HighlightedText(length: units.count, records: records.map(\.units))
        var out = "<div id=\"text\" class=\"text\">"
        out.reserveCapacity(units.count * 3)
        for segment in highlighted.segments {
            let piece = HTML.escape(String(decoding: units[segment.start..<segment.end], as: UTF16.self))
            if segment.records.isEmpty { out += piece; continue }
            var kinds: [RecordKind] = []
            for i in segment.records where !kinds.contains(records[i].kind) { kinds.append(records[i].kind) }
            kinds.sort { $0.order < $1.order }
            out += "<span class=\"r"
            for k in kinds { out += " k-" + k.rawValue }
            out += "\" data-r=\"" + segment.records.map(String.init).joined(separator: " ") + "\">" + piece + "</span>"
        }
        return out + "</div>\n"
    }

    func warnings() -> String {
        guard !extraction.warnings.isEmpty else { return "" }
        var out = "<section class=\"warnings\"><h2>Warnings</h2><ul>"
        for w in extraction.warnings { out += "<li><code>\(HTML.escape(w.code))</code> \(HTML.escape(w.message))</li>" }
        return out + "</ul></section>\n"
    }

    /// The header card of one document: number, type, issuer, place, date, signer, subject.
    func card(_ d: DocumentRecord, index: Int) -> String {
        var rows: [(String, String)] = []
        func row(_ name: String, _ value: String?) { if let value, !value.isEmpty { rows.append((name, value)) } }
        row("Number", d.number.map { d.draft ? $0 + " (draft)" : $0 })
        row("Type", d.type.map { t in d.typeCode.map { "\(t) (\($0))" } ?? t })
        row("Issuer", d.issuer)
        row("Place", d.place)
        row("Date", d.date)
        if let s = d.signer {
            row("Signer", [s.name, s.position, s.authority].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "))
        }
        row("Subject", d.subject)
        if !d.recipients.isEmpty { row("Recipients", d.recipients.joined(separator: "; ")) }
        let span = extraction.normalized.span(d.range)
        var out = "<section class=\"card\"><h2>Document \(index + 1)"
        out += " <span class=\"muted num\">[\(span.start), \(span.end))</span></h2><dl>"
        if rows.isEmpty { out += "<dt>—</dt><dd class=\"muted\">no header fields found</dd>" }
        for (name, value) in rows { out += "<dt>\(name)</dt><dd>\(HTML.escape(value))</dd>" }
        out += "</dl><p class=\"counts muted\">\(d.citations.count) citations · \(d.dates.count) dates · \(d.agencies.count) agencies · "
        out += "\(d.people.count) people · \(d.directives.count) directives</p></section>\n"
        return out
    }

    func taskTable() -> String {
        var directiveBySpan = [Span: Int]()
        for (i, r) in records.enumerated() where r.kind == .directive && directiveBySpan[r.span] == nil { directiveBySpan[r.span] = i }
        var out = "<section class=\"tasks\"><h2>Tasks <span class=\"muted\">\(tasks.rows.count)</span></h2>"
        guard !tasks.rows.isEmpty else { return out + "<p class=\"muted\">No directives found.</p></section>\n" }
        out += "<table id=\"tasks\"><thead><tr><th>Item</th><th>Assignees</th><th>Task</th><th>Due</th></tr></thead><tbody>\n"
        for row in tasks.rows {
            let ref = directiveBySpan[row.span].map { " data-r=\"\($0)\"" } ?? ""
            out += "<tr\(ref)><td class=\"num\">\(HTML.escape(row.item ?? ""))</td><td>"
            if !row.lead.isEmpty { out += "<b>\(HTML.escape(row.lead.joined(separator: "; ")))</b>" }
            let others = row.assignees.filter { !row.lead.contains($0) }
            if !others.isEmpty { out += (row.lead.isEmpty ? "" : "<br>") + HTML.escape(others.joined(separator: "; ")) }
            if !row.coordinate.isEmpty { out += "<div class=\"muted\">with \(HTML.escape(row.coordinate.joined(separator: "; ")))</div>" }
            out += "</td><td>\(HTML.escape(Self.cut(row.action, 240)))"
            if let to = row.reportTo { out += "<div class=\"muted\">report to \(HTML.escape(to))</div>" }
            out += "</td><td class=\"num\">\(HTML.escape(row.due ?? row.deadline ?? ""))"
            if let rec = row.recurrence { out += "<div class=\"muted\">\(HTML.escape(rec))</div>" }
            out += "</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    /// The records' kinds, spans and fields for the script, as JSON (every `<` written `\u003c`).
    func recordData() -> String {
        let value = JSONValue.array(records.map { r in
            .object([("k", .string(r.kind.rawValue)), ("l", .string(r.kind.label)),
                     ("s", .array([.number(r.span.start), .number(r.span.end)])),
                     ("f", .array(r.fields.map { .array([.string($0.0), .string($0.1)]) }))])
        })
        return "<script type=\"application/json\" id=\"records\">" + value.text + "</script>\n"
    }

    static func cut(_ s: String, _ limit: Int) -> String {
        var n = 0
        var out = ""
        for u in s.unicodeScalars {
            if n == limit { return out + "…" }
            out.unicodeScalars.append(u); n += 1
        }
        return out
    }

    // MARK: Style and script

    static let style = """
        .legend{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;padding:8px 18px;border-bottom:1px solid var(--line);position:sticky;top:0;background:#fff;z-index:2}
        .lg{cursor:pointer;user-select:none;white-space:nowrap}
        .lg input{vertical-align:middle;margin:0 4px 0 0}
        .sw{padding:0 3px;border-radius:2px}
        .hint{font-size:12px}
        main{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr);gap:18px;padding:12px 18px}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14.5px;line-height:1.75;max-width:80ch}
        .r{cursor:pointer;border-radius:2px}
        .r.sel{outline:2px solid #111827}
        .sw.k-directive{background:#fef9c3}.sw.k-citation{background:#bfdbfe}.sw.k-deadline{background:#fed7aa}
        .sw.k-number{background:#fca5a5;font-weight:600}.sw.k-agency{color:#0f766e;font-weight:600}
        .sw.k-person{color:#9333ea;text-decoration:underline dotted #9333ea}.sw.k-date{border-bottom:2px solid #16a34a}
        #text:not(.off-directive) .k-directive{background:#fef9c3}
        #text:not(.off-citation) .k-citation{background:#bfdbfe}
        #text:not(.off-deadline) .k-deadline{background:#fed7aa}
        #text:not(.off-number) .k-number{background:#fca5a5;font-weight:600}
        #text:not(.off-agency) .k-agency{color:#0f766e;font-weight:600}
        #text:not(.off-person) .k-person{color:#9333ea;text-decoration:underline dotted #9333ea}
        #text:not(.off-date) .k-date{border-bottom:2px solid #16a34a}
        .side{min-width:0}
        .card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:4px 12px 6px;margin-bottom:12px}
        .card dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0}
        .card dt{color:var(--muted)}
        .card dd{margin:0}
        .counts{font-size:12px;margin:4px 0}
        .warnings{background:#fff7ed;border:1px solid #fed7aa;border-radius:6px;padding:2px 12px;margin-bottom:12px}
        #tasks tbody tr{cursor:pointer}
        #tasks tbody tr:hover{background:#fef9c3}
        #tip{position:absolute;z-index:5;max-width:420px;background:#111827;color:#f9fafb;border-radius:6px;padding:6px 10px;font-size:12.5px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
        #tip .rec+.rec{border-top:1px solid #374151;margin-top:4px;padding-top:4px}
        #tip .kind{font-weight:700}
        #tip .f{color:#9ca3af}
        @keyframes flash{from{outline:3px solid #f59e0b}to{outline:3px solid transparent}}
        .flash{animation:flash 1.6s ease-out}
        @media (max-width:900px){main{grid-template-columns:1fr}}
        """

    static let script = """
        (function () {
          "use strict";
          var records = JSON.parse(document.getElementById("records").textContent);
          var text = document.getElementById("text");
          var tip = document.getElementById("tip");
          var pinned = null;
          document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
            box.addEventListener("change", function () {
              text.classList.toggle("off-" + box.dataset.kind, !box.checked);
            });
          });
          function ids(el) { return el.dataset.r.split(" ").map(Number); }
          function show(el) {
            tip.textContent = "";
            ids(el).forEach(function (i) {
              var r = records[i];
              if (!r || text.classList.contains("off-" + r.k)) { return; }
              var box = document.createElement("div");
              box.className = "rec";
              var head = document.createElement("div");
              head.className = "kind";
              head.textContent = r.l + " [" + r.s[0] + ", " + r.s[1] + ")";
              box.appendChild(head);
              r.f.forEach(function (pair) {
                var line = document.createElement("div");
                var name = document.createElement("span");
                name.className = "f";
                name.textContent = pair[0] + ": ";
                line.appendChild(name);
                line.appendChild(document.createTextNode(pair[1]));
                box.appendChild(line);
              });
              tip.appendChild(box);
            });
            if (!tip.firstChild) { tip.hidden = true; return; }
            var rect = el.getBoundingClientRect();
            tip.hidden = false;
            var left = Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
            tip.style.left = Math.max(window.scrollX + 4, left) + "px";
            tip.style.top = (rect.bottom + window.scrollY + 6) + "px";
          }
          text.addEventListener("mouseover", function (e) {
            var el = e.target.closest(".r");
            if (el && !pinned) { show(el); }
          });
          text.addEventListener("mouseout", function (e) {
            if (!pinned && !(e.relatedTarget && e.relatedTarget.closest && e.relatedTarget.closest(".r"))) { tip.hidden = true; }
          });
          text.addEventListener("click", function (e) {
            var el = e.target.closest(".r");
            if (pinned) { pinned.classList.remove("sel"); }
            if (!el || el === pinned) { pinned = null; tip.hidden = true; return; }
            pinned = el;
            el.classList.add("sel");
            show(el);
          });
          document.addEventListener("keydown", function (e) {
            if (e.key === "Escape") { if (pinned) { pinned.classList.remove("sel"); } pinned = null; tip.hidden = true; }
          });
          var table = document.getElementById("tasks");
          if (table) {
            table.addEventListener("click", function (e) {
              var row = e.target.closest("tr[data-r]");
              if (!row) { return; }
              var el = text.querySelector('[data-r~="' + row.dataset.r + '"]');
              if (!el) { return; }
              el.scrollIntoView({block: "center", behavior: "smooth"});
              el.classList.remove("flash");
              void el.offsetWidth;
              el.classList.add("flash");
            });
          }
          document.body.dataset.ready = "1";
        })();
        """
}
