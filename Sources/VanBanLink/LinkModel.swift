import VanBanText

/// What the link stage knows of one extracted document: its identity fields and the citations it
/// makes, with spans already in scalar offsets of the original file (as in `vanban/1`).
///
/// The store keeps these fields per document, so a graph can be rebuilt from the store without
/// re-extracting any file; `vanban graph PATH...` builds them straight from extractions.
public struct LinkDocument: Sendable, Hashable {
    /// The file's path as given to the tool.
    public var source: String
    /// SHA-256 of the file's bytes.
    public var fileSHA256: String
    /// Position of the document in its file (a cover letter 0, the notice it forwards 1).
    public var index: Int
    /// `[start, end)` of the document in the file, scalar offsets.
    public var span: Span
    /// SHA-256 of the document's own text (the original slice): equal texts are one document.
    public var textSHA256: String
    public var number: String?
    public var type: String?
    public var typeCode: String?
    public var issuer: String?
    /// ISO date of issue, `2021-03-16`.
    public var date: String?
    public var citations: [LinkCitation]

    public init(source: String, fileSHA256: String, index: Int, span: Span, textSHA256: String, number: String?,
                type: String?, typeCode: String?, issuer: String?, date: String?, citations: [LinkCitation]) {
        self.source = source; self.fileSHA256 = fileSHA256; self.index = index; self.span = span
        self.textSHA256 = textSHA256; self.number = number; self.type = type; self.typeCode = typeCode
        self.issuer = issuer; self.date = date; self.citations = citations
    }
}

/// One citation as the link stage sees it (the fields of a `vanban/1` citation).
public struct LinkCitation: Sendable, Hashable {
    /// `[start, end)` of the citation in the citing file, scalar offsets.
    public var span: Span
    public var number: String
    public var type: String?
    public var typeCode: String?
    public var issuerCode: String?
    public var year: Int?
    public var date: String?
    public var issuer: String?
    /// `cites`, `basis`, `implements`, `amends`, … (the `vanban/1` relation names).
    public var relation: String

    public init(span: Span, number: String, type: String?, typeCode: String?, issuerCode: String?, year: Int?,
                date: String?, issuer: String?, relation: String) {
        self.span = span; self.number = number; self.type = type; self.typeCode = typeCode
        self.issuerCode = issuerCode; self.year = year; self.date = date; self.issuer = issuer; self.relation = relation
    }
}

/// The cross-reference graph (`vanban-graph/1`): documents as nodes, citations as edges.
///
/// Node ids are derived from document identity, never from input order, so the same documents
/// give the same graph whatever order they were read in. Nodes and edges are sorted by id.
public struct DocumentGraph: Sendable, Hashable {
    /// A document: ingested (read from a file) or only cited.
    public struct Node: Sendable, Hashable {
        public var id: String
        public var number: String?
        public var type: String?
        public var issuer: String?
        public var date: String?
        public var ingested: Bool
        /// The file it was read from (the first in path order when several hold it); nil when only cited.
        public var source: String?
        public init(id: String, number: String?, type: String?, issuer: String?, date: String?, ingested: Bool, source: String?) {
            self.id = id; self.number = number; self.type = type; self.issuer = issuer; self.date = date
            self.ingested = ingested; self.source = source
        }
    }

    /// Where an edge was read: the citing file and the citation's span in it.
    public struct Evidence: Sendable, Hashable, Comparable {
        public var source: String
        public var span: Span
        public init(source: String, span: Span) { self.source = source; self.span = span }
        public static func < (a: Evidence, b: Evidence) -> Bool { (a.source, a.span) < (b.source, b.span) }
    }

    /// `from` cites `to` with a relation (basis, implements, amends, replaces, repeals, guides, attached, cites, …).
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var relation: String
        public var evidence: [Evidence]
        public init(from: String, to: String, relation: String, evidence: [Evidence]) {
            self.from = from; self.to = to; self.relation = relation; self.evidence = evidence
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public init(nodes: [Node], edges: [Edge]) { self.nodes = nodes; self.edges = edges }

    public static let schema = "vanban-graph/1"
}
