import ArgumentParser
import Foundation
import VanBanExport
import VanBanExtract
import VanBanReport
import VanBanText

/// `vanban report`: a self-contained HTML page of one document, or of a corpus and its graph.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report of a document or of the corpus.",
        discussion: """
            With one FILE: the document's original text with every record highlighted by kind \
            (document number, citation, date, deadline, agency, person, directive), a legend to \
            toggle kinds, each record's fields on hover or click, the header card of each document \
            and its task table.

            With --corpus PATH... (files or folders of .txt files): the cross-reference graph of \
            those documents drawn as SVG, the most-cited documents and the tasks overdue as of \
            --as-of (default today).

            The page needs no network: styles and script are inline, fonts are the system's. \
            Without -o the HTML goes to standard output.

            Examples:
              vanban report Corpus/seeds/docs/000_77bfcccac11defc6.txt -o report.html
              vanban report --corpus Corpus -o corpus.html --as-of 2024-06-30
            """
    )

    @Argument(help: "A text file ('-' reads standard input); with --corpus, files or folders.")
    var paths: [String] = []

    @Flag(help: "A corpus report of all the files given (folders are walked for .txt files).")
    var corpus = false

    @Option(name: [.short, .customLong("output")], help: "Write the HTML to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("as-of"), help: "The day overdue tasks are counted against (YYYY-MM-DD), default today.")
    var asOf: String?

    @Option(help: "Files processed at once with --corpus (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError(corpus ? "give the files or folders of the corpus" : "give a file, or '-' for standard input") }
        if !corpus && paths.count > 1 { throw ValidationError("a document report takes one file; add --corpus for a report of several") }
        if let asOf, !Tasks.isISODate(asOf) { throw ValidationError("--as-of needs a date as YYYY-MM-DD, got '\(asOf)'") }
        if asOf != nil && !corpus { throw ValidationError("--as-of only goes with --corpus") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        if corpus {
            throw InputFailure(message: "report --corpus waits for the linker")
        }
        let source = try InputReader.source(paths[0], decoder: pipeline.decoder).get()
        try write(DocumentReport(extraction: pipeline.extract(source)).html())
    }

    /// The page to `-o FILE` (written whole, then moved into place) or to standard output.
    func write(_ html: String) throws {
        guard let output else { Output.write(html); return }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw InputFailure(message: "\(output): cannot write the report (\((error as NSError).localizedDescription))")
        }
    }
}
