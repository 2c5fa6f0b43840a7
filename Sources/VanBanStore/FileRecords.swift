import VanBanExport
import VanBanExtract
import VanBanLink
import VanBanText

/// Everything the store keeps of one extracted file, as plain values ready to bind: built on a
/// worker thread from an `Extraction`, so the single writer only runs prepared statements.
public struct FileRecords: Sendable {
    public var path: String
    public var sha256: String
    public var encoding: String
    public var size: Int
    public var documents: [Document]

    /// One document of the file.
    public struct Document: Sendable {
        public var index: Int
        public var span: Span
        public var textSHA256: String
        public var number: String?
        public var symbol: String?
        public var type: String?
        public var typeCode: String?
        public var issuer: String?
        public var place: String?
        public var date: String?
        public var subject: String?
        public var signer: String?
        public var signerPosition: String?
        public var draft: Bool
        /// The document's original text (its slice of the file).
        public var text: String
        /// The text folded for the full-text index (see `FoldedText`), computed on the worker.
        public var folded: String
        public var citations: [Citation]
        public var dates: [Mention]
        public var agencies: [Mention]
        public var people: [Mention]
        public var directives: [TaskTable.Row]
    }

    /// A citation with its span in the file.
    public struct Citation: Sendable {
        public var span: Span
        public var number: String
        public var symbol: String?
        public var type: String?
        public var typeCode: String?
        public var issuerCode: String?
        public var year: Int?
        public var date: String?
        public var issuer: String?
        public var relation: String
        public var text: String
    }

    /// A date, agency or person: its span, text and up to three fields (value/precision/role,
    /// name/kind/level, name/position).
    public struct Mention: Sendable {
        public var span: Span
        public var text: String
        public var fields: [String?]
    }

    /// The records of an extraction; `size` is the file's size in bytes.
    public init(_ extraction: Extraction, size: Int) {
        let text = extraction.normalized
        let source = extraction.source
        path = source.path
        sha256 = source.sha256
        encoding = source.encoding
        self.size = size
        var rows = TaskTable(extraction).rows[...]
        documents = extraction.documents.enumerated().map { index, d in
            let original = text.originalText(d.range)
            let directives = Array(rows.prefix(d.directives.count))
            rows = rows.dropFirst(d.directives.count)
            return Document(
                index: index, span: text.span(d.range), textSHA256: SHA256.hex(Array(original.utf8)),
                number: d.number, symbol: d.symbol, type: d.type, typeCode: d.typeCode, issuer: d.issuer, place: d.place,
                date: d.date, subject: d.subject, signer: d.signer?.name, signerPosition: d.signer?.position, draft: d.draft,
                text: original, folded: FoldedText(original).string,
                citations: d.citations.map { c in
                    Citation(span: text.span(c.range), number: c.number, symbol: c.symbol, type: c.type, typeCode: c.typeCode,
                             issuerCode: c.issuerCode, year: c.year, date: c.date, issuer: c.issuer,
                             relation: c.relation.rawValue, text: text.originalText(c.range))
                },
                dates: d.dates.map { Mention(span: text.span($0.range), text: text.originalText($0.range),
                                             fields: [$0.value, $0.precision.rawValue, $0.role.rawValue]) },
                agencies: d.agencies.map { Mention(span: text.span($0.range), text: text.originalText($0.range),
                                                   fields: [$0.name, $0.kind, $0.level]) },
                people: d.people.map { Mention(span: text.span($0.range), text: text.originalText($0.range),
                                               fields: [$0.name, $0.position]) },
                directives: directives)
        }
    }

    /// What the link stage needs of each document.
    public var linkDocuments: [LinkDocument] {
        documents.map { d in
            LinkDocument(source: path, fileSHA256: sha256, index: d.index, span: d.span, textSHA256: d.textSHA256,
                         number: d.number, type: d.type, typeCode: d.typeCode, issuer: d.issuer, date: d.date,
                         citations: d.citations.map {
                             LinkCitation(span: $0.span, number: $0.number, type: $0.type, typeCode: $0.typeCode,
                                          issuerCode: $0.issuerCode, year: $0.year, date: $0.date, issuer: $0.issuer,
                                          relation: $0.relation)
                         })
        }
    }
}

/// The outcome of reading one file for the store.
public enum IngestOutcome: Sendable {
    /// Extracted: its records replace the path's old ones.
    case extracted(FileRecords)
    /// Could not be read or decoded: recorded as failed with the reason (sha256 when the bytes were read).
    case failed(path: String, sha256: String?, reason: String)
    /// The path was already stored with this content.
    case unchanged(path: String)

    public var path: String {
        switch self {
        case .extracted(let r): return r.path
        case .failed(let path, _, _), .unchanged(let path): return path
        }
    }
}
