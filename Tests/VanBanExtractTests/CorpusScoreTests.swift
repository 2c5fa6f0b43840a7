import Foundation
import Testing
import VanBanExtract

/// Scores the extractors against every gold file in `Corpus/` and fails below the floor.
///
/// The floors are what the extractors must keep; raise them when the extractors improve,
/// never lower them to make a change pass. `Corpus/own` holds documents written for the
/// project with OCR damage and phrasings the real corpus lacks.
struct CorpusScoreTests {
    struct Floor: Sendable, CustomTestStringConvertible {
        let corpus: String
        let citations: Double, dates: Double, selfFields: Double, directives: Double, assignees: Double
        var testDescription: String { corpus }
    }

    static let floors: [Floor] = [
        Floor(corpus: "seeds", citations: 1, dates: 1, selfFields: 1, directives: 1, assignees: 1),
        Floor(corpus: "dev", citations: 1, dates: 1, selfFields: 1, directives: 1, assignees: 1),
        Floor(corpus: "own", citations: 1, dates: 1, selfFields: 1, directives: 1, assignees: 1),
    ]

    @Test("corpus scores stay at or above their floor", arguments: floors)
    func score(floor: Floor) throws {
        let gold = CorpusScorer.root.appendingPathComponent("Corpus/\(floor.corpus)/gold").path
        guard FileManager.default.fileExists(atPath: gold) else {
            Issue.record("Corpus/\(floor.corpus)/gold is missing")
            return
        }
        let pipeline = try Pipeline.load()
        let score = try CorpusScorer(set: floor.corpus, pipeline: pipeline)
        print("corpus \(floor.corpus):\n" + score.report)
        #expect(score.files > 0)
        #expect(score.citations.precision >= floor.citations && score.citations.recall >= floor.citations, "\(score.citations)")
        #expect(score.dates.precision >= floor.dates && score.dates.recall >= floor.dates, "\(score.dates)")
        #expect(score.selfNumber.recall >= floor.selfFields && score.selfNumber.precision >= floor.selfFields, "\(score.selfNumber)")
        #expect(score.selfDate.recall >= floor.selfFields, "\(score.selfDate)")
        #expect(score.directives.recall >= floor.directives, "\(score.directives)")
        #expect(score.assignees.recall >= floor.assignees, "\(score.assignees)")
        #expect(score.citationDates.recall >= floor.citations, "\(score.citationDates)")
        #expect(score.deadlines.recall >= floor.dates && score.deadlines.precision >= floor.dates, "\(score.deadlines)")
        #expect(score.directiveDeadlines.precision >= floor.dates && score.directiveDeadlines.recall >= floor.dates, "\(score.directiveDeadlines)")
        #expect(score.narrativeFalseDirectives == 0, "narrative sentences taken as directives")
    }
}
