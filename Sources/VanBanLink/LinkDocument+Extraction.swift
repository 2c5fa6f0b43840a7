import VanBanExtract
import VanBanText

extension LinkDocument {
    /// The documents of one extraction as the link stage sees them, in file order.
    ///
    /// Spans are `vanban/1` spans (original scalar offsets, through `normalized.span`);
    /// `textSHA256` is the SHA-256 of the document's original text (its UTF-8 bytes), so the same
    /// notice read from two files, or from a file and a bundle that also holds it, hashes alike.
    /// Fields are the extraction's as they are (the linker canonicalises issuers itself).
    public static func documents(of extraction: Extraction) -> [LinkDocument] {
        let text = extraction.normalized
        let source = extraction.source
        return extraction.documents.enumerated().map { index, record in
            let citations = record.citations.map { c in
                LinkCitation(span: text.span(c.range), number: c.number, type: c.type, typeCode: c.typeCode,
                             issuerCode: c.issuerCode, year: c.year, date: c.date, issuer: c.issuer,
                             relation: c.relation.rawValue)
            }
            let original = text.originalText(record.range)
            return LinkDocument(source: source.path, fileSHA256: source.sha256, index: index, span: text.span(record.range),
                                textSHA256: SHA256.hex(Array(original.utf8)), number: record.number, type: record.type,
                                typeCode: record.typeCode, issuer: record.issuer, date: record.date, citations: citations)
        }
    }
}
