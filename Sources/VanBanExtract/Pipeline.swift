import Synchronization
import VanBanText

/// What every extractor reads: the normalized text, its sentences and outline, and the lexicons.
public struct Analysis: Sendable {
    public let text: NormalizedText
    /// Sentence ranges in document order (normalized units).
    public let sentences: [Range<Int>]
    public let sections: SectionTree
    public let lexicon: Lexicon
    /// The pipeline's number lexer (nil: built on first use).
    let numberLexer: DocumentNumberLexer?
    /// Document numbers by range, lexed once and shared by the date and citation extractors.
    let numberCache = RangeMemo<[DocumentNumber]>()
    /// Date scans by range, shared by the dates of a document and its directives' deadlines.
    let dateScans = RangeMemo<(hits: [DateHit], impossible: [Range<Int>])>()

    public init(text: NormalizedText, lexicon: Lexicon) {
        let splitter = SentenceSplitter(abbreviations: Tokenizer.defaultAbbreviations.union(lexicon.abbreviations))
        self.init(text: text, lexicon: lexicon, splitter: splitter, numbers: nil)
    }

    /// With the pipeline's sentence splitter and number lexer (built once per pipeline).
    init(text: NormalizedText, lexicon: Lexicon, splitter: SentenceSplitter, numbers: DocumentNumberLexer?) {
        self.text = text
        self.lexicon = lexicon
        self.sentences = splitter.sentences(text)
        self.sections = SectionTree(text)
        self.numberLexer = numbers
    }

    /// Every document number in `range` (`DocumentNumberLexer.numbers`), computed once per range.
    public func documentNumbers(in range: Range<Int>) -> [DocumentNumber] {
        numberCache.value(for: range) {
            (numberLexer ?? DocumentNumberLexer(lexicon: lexicon)).numbers(in: text, range: range)
        }
    }

    /// The index of the sentence containing `position` (or the last one starting before it).
    public func sentenceIndex(containing position: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].lowerBound <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }
}

/// The whole extraction of one input: decode is done by the caller; this normalizes, analyses,
/// splits the file into documents and runs every extractor on each.
public struct Pipeline: Sendable {
    public let lexicon: Lexicon
    public let decoder: Decoder
    public let normalizer: Normalizer
    // The extractors, built once: several index lexicon data when they are made.
    let layout: LayoutExtractor
    let dates: DateExtractor
    let citations: CitationExtractor
    let agencies: AgencyExtractor
    let people: PersonExtractor
    let directives: DirectiveExtractor
    let numbers: DocumentNumberLexer
    let splitter: SentenceSplitter

    public init(lexicon: Lexicon, legacyEncodings: [LegacyEncoding] = []) {
        self.lexicon = lexicon
        self.decoder = Decoder(legacyEncodings: legacyEncodings)
        self.normalizer = Normalizer(rules: lexicon.normalizationRules)
        self.layout = LayoutExtractor(lexicon: lexicon)
        self.dates = DateExtractor(lexicon: lexicon)
        self.citations = CitationExtractor(lexicon: lexicon)
        self.agencies = AgencyExtractor(lexicon: lexicon)
        self.people = PersonExtractor(lexicon: lexicon)
        self.directives = DirectiveExtractor(lexicon: lexicon)
        self.numbers = DocumentNumberLexer(lexicon: lexicon)
        self.splitter = SentenceSplitter(abbreviations: Tokenizer.defaultAbbreviations.union(lexicon.abbreviations))
    }

    /// Loads the lexicons (built-in plus `extraLexicons` folders) and builds a pipeline.
    public static func load(extraLexicons: [String] = []) throws(LexiconError) -> Pipeline {
        let directory = try LexiconDirectory.locate(adding: extraLexicons)
        return Pipeline(lexicon: try Lexicon.load(directory), legacyEncodings: try directory.legacyEncodings())
    }

    public func analyse(_ source: SourceText) -> Analysis {
        Analysis(text: normalizer.normalize(source), lexicon: lexicon, splitter: splitter, numbers: numbers)
    }

    public func extract(_ source: SourceText) -> Extraction {
        let analysis = analyse(source)
        var warnings: [Warning] = []
        if !analysis.text.folded.contains(where: { ($0 >= 0x61 && $0 <= 0x7A) || $0 == FoldedByte.other }) {
            warnings.append(Warning(code: "no-text", message: "the input holds no words", range: nil))
            return Extraction(normalized: analysis.text, documents: [], warnings: warnings)
        }
        var documents = layout.documents(analysis)
        for index in documents.indices {
            var document = documents[index]
            let range = document.range
            document.dates = dates.dates(analysis, in: range, warnings: &warnings)
            document.citations = citations.citations(analysis, in: range, dates: document.dates)
                .filter { $0.numberRange != document.numberRange }
                // The document's own number repeated (a web page's title and `Số hiệu:` field, a footer) is no citation.
                .filter { c in document.number.map { c.number != $0 || (c.date != nil && document.date != nil && c.date != document.date) } ?? true }
            let cited = CoveredPositions(document.citations.map(\.range))
            for d in document.dates.indices {
                if let issued = document.dateRange, document.dates[d].range.overlaps(issued) {
                    document.dates[d].role = .issued
                } else if cited.covers(document.dates[d].range.lowerBound) {
                    document.dates[d].role = .citation
                }
            }
            // One set of phrase memos per document, read by the agency scan and the directive rules.
            let phrases = directives.phrases(analysis, in: range)
            document.agencies = agencies.agencies(analysis, in: range, phrases: phrases)
            document.people = people.people(analysis, in: range, agencies: document.agencies, signer: document.signer)
            document.directives = directives.directives(analysis, in: range, agencies: document.agencies, dates: document.dates, phrases: phrases)
            documents[index] = document
        }
        return Extraction(normalized: analysis.text, documents: documents, warnings: warnings)
    }
}

/// Whether a position lies in any of a set of ranges, in logarithmic time (a document with
/// thousands of citations and dates must not cost their product).
struct CoveredPositions {
    private let starts: [Int]
    /// The furthest end of the ranges up to each index, in order of their starts.
    private let reach: [Int]

    init(_ ranges: [Range<Int>]) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        reach = sorted.map { furthest = max(furthest, $0.upperBound); return furthest }
    }

    func covers(_ position: Int) -> Bool {
        var a = 0, b = starts.count
        while a < b { let m = (a + b) / 2; if starts[m] <= position { a = m + 1 } else { b = m } }
        return a > 0 && reach[a - 1] > position
    }
}

/// Results of a pure function of (analysis, range), computed once per range: the extractors
/// and the stages that reuse them (the directives read deadlines) ask for the same ranges.
final class RangeMemo<Value: Sendable>: Sendable {
    private let table = Mutex<[Range<Int>: Value]>([:])

    func value(for range: Range<Int>, _ compute: () -> Value) -> Value {
        if let found = table.withLock({ $0[range] }) { return found }
        let value = compute()
        table.withLock { $0[range] = value }
        return value
    }
}
