import VanBanExtract
import VanBanText

/// Encodes an extraction as the `vanban/1` JSON object (see DESIGN.md, "Output contract").
///
/// Every record's `span` is `[start, end)` in Unicode scalars of the decoded original and its
/// `text` is exactly the original text of that span.
public enum ExtractionJSON {
    public static let schema = "vanban/1"

    /// One `vanban/1` object, without a trailing newline.
    public static func encode(_ extraction: Extraction) -> [UInt8] {
        var w = JSONWriter()
        write(extraction, to: &w)
        return w.bytes
    }

    public static func write(_ extraction: Extraction, to w: inout JSONWriter) {
        let text = extraction.normalized
        func spanAndText(_ range: Range<Int>) {
            let span = text.span(range)
            w.key("span"); w.span(span.start, span.end)
            originalText(range)
        }
        /// The original text of a range; one with a CR goes through `originalText` (a CRLF is one line end, as spans count it).
        func originalText(_ range: Range<Int>) {
            let r = text.originalRange(range)
            w.key("text")
            if text.source.units[r].contains(0x0D) { w.string(text.originalText(range)) } else { w.utf16String(text.source.units, r) }
        }
        /// `"name": [ {span, text, …fields}, … ]` for one kind of record.
        func records<R>(_ name: String, _ items: [R], _ range: (R) -> Range<Int>, _ fields: (R) -> Void) {
            w.key(name); w.beginArrayValue()
            for item in items {
                w.beginObject()
                spanAndText(range(item))
                fields(item)
                w.endObject()
            }
            w.endArray()
        }
        w.beginObject()
        w.key("schema"); w.string(schema)
        w.key("source"); w.beginObjectValue()
        w.key("path"); w.string(extraction.source.path)
        w.key("sha256"); w.string(extraction.source.sha256)
        w.key("encoding"); w.string(extraction.source.encoding)
        w.key("characters"); w.int(extraction.source.scalarCount)
        w.endObject()
        w.key("warnings"); w.beginArrayValue()
        for warning in extraction.warnings {
            w.beginObject()
            w.key("code"); w.string(warning.code)
            w.key("message"); w.string(warning.message)
            if let range = warning.range { let s = text.span(range); w.key("span"); w.span(s.start, s.end) }
            w.endObject()
        }
        w.endArray()
        w.key("documents"); w.beginArrayValue()
        for d in extraction.documents {
            w.beginObject()
            let s = text.span(d.range)
            w.key("span"); w.span(s.start, s.end)
            w.key("number"); w.optionalString(d.number)
            w.key("symbol"); w.optionalString(d.symbol)
            w.key("draft"); w.bool(d.draft)
            w.key("type"); w.optionalString(d.type)
            w.key("typeCode"); w.optionalString(d.typeCode)
            w.key("issuer"); w.optionalString(d.issuer)
            w.key("place"); w.optionalString(d.place)
            w.key("date"); w.optionalString(d.date)
            w.key("subject"); w.optionalString(d.subject)
            w.key("signer")
            if let signer = d.signer {
                w.beginObjectValue()
                w.key("name"); w.optionalString(signer.name)
                w.key("position"); w.optionalString(signer.position)
                w.key("authority"); w.optionalString(signer.authority)
                let ss = text.span(signer.range)
                w.key("span"); w.span(ss.start, ss.end)
                w.endObject()
            } else { w.null() }
            w.key("recipients"); w.strings(d.recipients)
            records("citations", d.citations, \.range) { c in
                w.key("number"); w.string(c.number)
                w.key("symbol"); w.optionalString(c.symbol)
                w.key("type"); w.optionalString(c.type)
                w.key("typeCode"); w.optionalString(c.typeCode)
                w.key("issuerCode"); w.optionalString(c.issuerCode)
                w.key("year"); w.optionalInt(c.year)
                w.key("date"); w.optionalString(c.date)
                w.key("issuer"); w.optionalString(c.issuer)
                w.key("relation"); w.string(c.relation.rawValue)
            }
            records("dates", d.dates, \.range) { x in
                w.key("value"); w.string(x.value)
                w.key("precision"); w.string(x.precision.rawValue)
                w.key("role"); w.string(x.role.rawValue)
            }
            records("agencies", d.agencies, \.range) { a in
                w.key("name"); w.string(a.name)
                w.key("kind"); w.optionalString(a.kind)
                w.key("level"); w.optionalString(a.level)
            }
            records("people", d.people, \.range) { p in
                w.key("name"); w.string(p.name)
                w.key("position"); w.optionalString(p.position)
            }
            records("directives", d.directives, \.range) { x in
                w.key("verb"); w.optionalString(x.verb)
                w.key("assignees"); w.strings(x.assignees)
                w.key("lead"); w.strings(x.lead)
                w.key("coordinate"); w.strings(x.coordinate)
                w.key("deadline")
                if let dl = x.deadline { writeDeadline(dl, text: text, to: &w) } else { w.null() }
                w.key("recurrence"); w.optionalString(x.recurrence?.rawValue)
                w.key("reportTo"); w.optionalString(x.reportTo)
                w.key("item"); w.optionalString(x.item)
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    static func writeDeadline(_ dl: Deadline, text: NormalizedText, to w: inout JSONWriter) {
        w.beginObjectValue()
        let s = text.span(dl.range)
        w.key("span"); w.span(s.start, s.end)
        let r = text.originalRange(dl.range)
        w.key("text")
        if text.source.units[r].contains(0x0D) { w.string(text.originalText(dl.range)) } else { w.utf16String(text.source.units, r) }
        w.key("value"); w.optionalString(dl.value)
        w.key("precision"); w.optionalString(dl.precision?.rawValue)
        w.key("due"); w.optionalString(dl.due)
        w.key("recurrence"); w.optionalString(dl.recurrence?.rawValue)
        w.endObject()
    }
}
