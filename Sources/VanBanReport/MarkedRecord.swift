import VanBanExtract
import VanBanText

/// The kinds of record a document report highlights, in the order the legend lists them.
public enum RecordKind: String, CaseIterable, Sendable {
    case number, citation, date, deadline, agency, person, directive

    /// The legend's name of the kind.
    public var label: String {
        switch self {
        case .number: "Document number"
        case .citation: "Citation"
        case .date: "Date"
        case .deadline: "Deadline"
        case .agency: "Agency"
        case .person: "Person"
        case .directive: "Directive"
        }
    }
}

/// One record of a document as the report shows it: where it is in the original text and the
/// fields its tooltip lists.
public struct MarkedRecord: Sendable {
    public var kind: RecordKind
    /// The record's range in UTF-16 units of the original text.
    public var units: Range<Int>
    /// The `vanban/1` span (scalar offsets).
    public var span: Span
    /// Field names and values, in the order shown; empty values are left out.
    public var fields: [(String, String)]

    /// Every record of an extraction: each document's own number, citations, dates, directive
    /// deadlines, agencies, people and directives, sorted by start (longer first), duplicates dropped.
    public static func all(in extraction: Extraction) -> [MarkedRecord] {
        let text = extraction.normalized
        var records: [MarkedRecord] = []
        func add(_ kind: RecordKind, _ range: Range<Int>, _ fields: [(String, String?)]) {
            let units = text.originalRange(range)
            guard !units.isEmpty else { return }
            records.append(MarkedRecord(kind: kind, units: units, span: text.span(range),
                                        fields: fields.compactMap { name, value in
                                            guard let value, !value.isEmpty else { return nil }
                                            return (name, value)
                                        }))
        }
        func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: "; ") }
        for d in extraction.documents {
            if let r = d.numberRange {
                add(.number, r, [("number", d.number), ("symbol", d.symbol), ("type", d.type), ("issuer", d.issuer), ("date", d.date)])
            }
            for c in d.citations {
                add(.citation, c.range, [("number", c.number), ("type", c.type), ("relation", c.relation.rawValue), ("date", c.date),
                                         ("year", c.year.map(String.init)), ("issuer", c.issuer ?? c.issuerCode)])
            }
            for x in d.dates {
                add(.date, x.range, [("date", x.value), ("precision", x.precision.rawValue), ("role", x.role.rawValue)])
            }
            for x in d.agencies {
                add(.agency, x.range, [("name", x.name), ("kind", x.kind), ("level", x.level)])
            }
            for x in d.people {
                add(.person, x.range, [("name", x.name), ("position", x.position)])
            }
            for x in d.directives {
                if let deadline = x.deadline {
                    add(.deadline, deadline.range, [("deadline", deadline.value), ("due", deadline.due),
                                                    ("precision", deadline.precision?.rawValue),
                                                    ("recurrence", deadline.recurrence?.rawValue)])
                }
                add(.directive, x.range, [("item", x.item), ("verb", x.verb), ("assignees", list(x.assignees)), ("lead", list(x.lead)),
                                          ("coordinate", list(x.coordinate)), ("deadline", x.deadline?.value), ("due", x.deadline?.due),
                                          ("recurrence", (x.recurrence ?? x.deadline?.recurrence)?.rawValue), ("report to", x.reportTo)])
            }
        }
        records.sort { a, b in
            if a.units.lowerBound != b.units.lowerBound { return a.units.lowerBound < b.units.lowerBound }
            if a.units.upperBound != b.units.upperBound { return a.units.upperBound > b.units.upperBound }
            return a.kind.order < b.kind.order
        }
        var seen = Set<DuplicateKey>()
        return records.filter { seen.insert(DuplicateKey(kind: $0.kind, start: $0.units.lowerBound, end: $0.units.upperBound)).inserted }
    }

    private struct DuplicateKey: Hashable { var kind: RecordKind; var start: Int; var end: Int }
}

extension RecordKind {
    /// Position in `allCases` (ties between records of one range are broken by it).
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
