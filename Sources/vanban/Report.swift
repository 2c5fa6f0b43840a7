import ArgumentParser
import Foundation
import VanBanExport
import VanBanExtract
import VanBanLink
import VanBanReport
import VanBanStore
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
            --as-of (default today). With --db FILE: the same page from a store written by \
            vanban ingest (its graph and tasks as stored).

            The page needs no network: styles and script are inline, fonts are the system's. \
            Without -o the HTML goes to standard output.

            Examples:
              vanban report Corpus/seeds/docs/000_77bfcccac11defc6.txt -o report.html
              vanban report --corpus Corpus -o corpus.html --as-of 2024-06-30
              vanban report --db vanban.sqlite -o corpus.html
            """
    )

    @Argument(help: "A text file ('-' reads standard input); with --corpus, files or folders.")
    var paths: [String] = []

    @Flag(help: "A corpus report of all the files given (folders are walked for .txt files).")
    var corpus = false

    @Option(help: "A corpus report from this store (written by vanban ingest) instead of files.")
    var db: String?

    @Option(name: [.short, .customLong("output")], help: "Write the HTML to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("as-of"), help: "The day overdue tasks are counted against (YYYY-MM-DD), default today.")
    var asOf: String?

    @Option(help: "Files processed at once with --corpus (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if db != nil {
            if !paths.isEmpty || corpus { throw ValidationError("--db reads the corpus from the store: give no files and no --corpus") }
        } else if paths.isEmpty { throw ValidationError(corpus ? "give the files or folders of the corpus" : "give a file, or '-' for standard input") }
        if !corpus && paths.count > 1 { throw ValidationError("a document report takes one file; add --corpus for a report of several") }
        if let asOf, !Tasks.isISODate(asOf) { throw ValidationError("--as-of needs a date as YYYY-MM-DD, got '\(asOf)'") }
        if asOf != nil && !corpus && db == nil { throw ValidationError("--as-of only goes with --corpus or --db") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        if let db {
            let store = try Ingest.open(db, readOnly: true)
            if try Ingest.storeCall({ try store.graphIsDirty() }) {
                Output.error("\(db): the graph is older than the stored files; run vanban ingest to recompute it")
            }
            let graph = try Ingest.storeCall { try store.graph() }
            let tasks = try Ingest.storeCall { try store.tasks() }
            try save(CorpusReport(graph: graph, tasks: tasks, asOf: asOf ?? Tasks.today(), title: "VanBan corpus — " + db).html())
            return
        }
        let pipeline = try InputReader.pipeline(input)
        if corpus { try corpusReport(pipeline); return }
        let source = try InputReader.source(paths[0], decoder: pipeline.decoder).get()
        try save(DocumentReport(extraction: pipeline.extract(source)).html())
    }

    /// Extracts every file (on all cores), links their documents and writes the corpus page. A
    /// file that cannot be read is reported and left out; the exit status is then 1.
    func corpusReport(_ pipeline: Pipeline) throws {
        let files = InputFiles.expand(paths)
        if files.isEmpty { throw InputFailure(message: "\(paths.joined(separator: " ")): no .txt files to report on") }
        let linked = try LinkedFiles.read(files, pipeline: pipeline, jobs: jobs, tasks: true)
        let title = "VanBan corpus — " + (paths.count == 1 ? paths[0] : "\(files.count) files")
        try save(CorpusReport(graph: linked.graph, tasks: linked.tasks, asOf: asOf ?? Tasks.today(), title: title).html())
        if linked.failed { throw ExitCode(1) }
    }

    /// The page to `-o FILE` or to standard output.
    func save(_ html: String) throws { try Output.save(Array(html.utf8), to: output, what: "the report") }
}
