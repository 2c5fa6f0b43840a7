import VanBanText

// The records the extract stage produces. Ranges are in normalized UTF-16 units
// (`NormalizedText`); the export stage turns them into `vanban/1` spans and original text.

/// The precision of a date value: `2021-03-16` (day), `2024-03` (month), `2024-Q2` (quarter), `2024` (year).
public enum DatePrecision: String, Sendable { case day, month, quarter, year }

/// What a date does in its document.
public enum DateRole: String, Sendable {
    /// The document's own date (the place-and-date line).
    case issued
    /// Something happened then (`Ngày 09/3/2021, … chủ trì họp`).
    case event
    /// A task is due by then (`trước ngày 31/3/2024`).
    case deadline
    /// The date of a cited document (`Quyết định số 49/QĐ-UBND ngày 09/01/2021`).
    case citation
    /// A span of time (`giai đoạn 2016-2020`, `năm 2021`).
    case period
    case other
}

/// A calendar expression: `ngày 16 tháng 3 năm 2021`, `16/3/2021`, `quý II/2024`, `năm 2024`.
public struct DateMention: Sendable, Hashable {
    public var range: Range<Int>
    /// ISO 8601 at its precision: `2021-03-16`, `2024-03`, `2024-Q2`, `2024`; a period `2016/2020`.
    public var value: String
    public var precision: DatePrecision
    public var role: DateRole
    public init(range: Range<Int>, value: String, precision: DatePrecision, role: DateRole) {
        self.range = range; self.value = value; self.precision = precision; self.role = role
    }
}

/// How often a task recurs.
public enum Recurrence: String, Sendable { case weekly, monthly, quarterly, halfYearly = "half-yearly", yearly }

/// A deadline of a task: `trước ngày 31/3/2024`, `trong tháng 3 năm 2024`, `cuối năm 2013`.
public struct Deadline: Sendable, Hashable {
    /// The whole deadline phrase (normalized range).
    public var range: Range<Int>
    /// ISO value at its precision, nil for a bare recurrence (`hằng tháng`).
    public var value: String?
    public var precision: DatePrecision?
    /// The last calendar day allowed, `YYYY-MM-DD`.
    public var due: String?
    public var recurrence: Recurrence?
    public init(range: Range<Int>, value: String?, precision: DatePrecision?, due: String?, recurrence: Recurrence?) {
        self.range = range; self.value = value; self.precision = precision; self.due = due; self.recurrence = recurrence
    }
}

/// How a citing document relates to the document it cites (DOMAIN.md §5.2).
public enum Relation: String, Sendable, CaseIterable {
    case cites, basis, implements, replies, amends, replaces, repeals, annuls, corrects, guides, details,
         consolidates, suspends, attached
}

/// A cited document: `Quyết định số 49/QĐ-UBND ngày 09/01/2021 của UBND tỉnh`.
public struct Citation: Sendable, Hashable {
    /// The whole mention (type word through number, date and issuer when present).
    public var range: Range<Int>
    /// Range of the number itself.
    public var numberRange: Range<Int>
    /// Normalized number: `89/TB-UBND`, `60/2021/NĐ-CP`, `05-NQ/TU`, `294/UBND`.
    public var number: String
    /// The ký hiệu after the running number: `TB-UBND`, `NĐ-CP`, `NQ/TU`.
    public var symbol: String?
    /// Type name (`Quyết định`) and code (`QĐ`).
    public var type: String?
    public var typeCode: String?
    public var issuerCode: String?
    public var year: Int?
    public var date: String?
    public var issuer: String?
    public var relation: Relation
    public init(range: Range<Int>, numberRange: Range<Int>, number: String, symbol: String?, type: String?, typeCode: String?,
                issuerCode: String?, year: Int?, date: String?, issuer: String?, relation: Relation) {
        self.range = range; self.numberRange = numberRange; self.number = number; self.symbol = symbol; self.type = type
        self.typeCode = typeCode; self.issuerCode = issuerCode; self.year = year; self.date = date; self.issuer = issuer
        self.relation = relation
    }
}

/// A named body: `Sở Thông tin và Truyền thông`, `UBND tỉnh Quảng Ngãi`.
public struct AgencyMention: Sendable, Hashable {
    public var range: Range<Int>
    /// Canonical name (one agreed form per body).
    public var name: String
    public var kind: String?
    public var level: String?
    public init(range: Range<Int>, name: String, kind: String?, level: String?) {
        self.range = range; self.name = name; self.kind = kind; self.level = level
    }
}

/// A person named with a position: `đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh`.
public struct PersonMention: Sendable, Hashable {
    public var range: Range<Int>
    public var name: String
    public var position: String?
    public init(range: Range<Int>, name: String, position: String?) {
        self.range = range; self.name = name; self.position = position
    }
}

/// The signature block: `KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A`.
public struct Signer: Sendable, Hashable {
    public var range: Range<Int>
    public var name: String?
    public var position: String?
    /// The authority mark with what follows it: `TL. Chủ tịch`, `KT. Chủ tịch`, `TM. Ủy ban nhân dân`.
    public var authority: String?
    public init(range: Range<Int>, name: String?, position: String?, authority: String?) {
        self.range = range; self.name = name; self.position = position; self.authority = authority
    }
}

/// An instruction that binds someone: who must do what, with whom, by when.
public struct Directive: Sendable, Hashable {
    /// The task's sentence or list item.
    public var range: Range<Int>
    /// The obligation verb as written (`Giao`, `Yêu cầu`, `Chủ trì`), nil for an execution clause.
    public var verb: String?
    public var assignees: [String]
    public var lead: [String]
    public var coordinate: [String]
    public var deadline: Deadline?
    public var recurrence: Recurrence?
    public var reportTo: String?
    /// The outline label of the item, e.g. `II.2`.
    public var item: String?
    public init(range: Range<Int>, verb: String?, assignees: [String], lead: [String], coordinate: [String],
                deadline: Deadline?, recurrence: Recurrence?, reportTo: String?, item: String?) {
        self.range = range; self.verb = verb; self.assignees = assignees; self.lead = lead; self.coordinate = coordinate
        self.deadline = deadline; self.recurrence = recurrence; self.reportTo = reportTo; self.item = item
    }
}

/// One document of a file, with everything extracted from it.
public struct DocumentRecord: Sendable {
    public var range: Range<Int>
    public var number: String?
    public var numberRange: Range<Int>?
    public var symbol: String?
    /// Range of the place-and-date line's date, when found.
    public var dateRange: Range<Int>?
    public var draft: Bool = false
    public var type: String?
    public var typeCode: String?
    public var issuer: String?
    public var place: String?
    public var date: String?
    public var subject: String?
    public var signer: Signer?
    public var recipients: [String] = []
    public var citations: [Citation] = []
    public var dates: [DateMention] = []
    public var agencies: [AgencyMention] = []
    public var people: [PersonMention] = []
    public var directives: [Directive] = []
    public init(range: Range<Int>) { self.range = range }
}

/// Something the reader should know about the input (`impossible-date`, `no-text`).
public struct Warning: Sendable {
    public var code: String
    public var message: String
    public var range: Range<Int>?
    public init(code: String, message: String, range: Range<Int>?) {
        self.code = code; self.message = message; self.range = range
    }
}

/// The extract stage's output for one input.
public struct Extraction: Sendable {
    public let normalized: NormalizedText
    public var documents: [DocumentRecord]
    public var warnings: [Warning]
    public var source: SourceText { normalized.source }
    public init(normalized: NormalizedText, documents: [DocumentRecord], warnings: [Warning]) {
        self.normalized = normalized; self.documents = documents; self.warnings = warnings
    }
}
