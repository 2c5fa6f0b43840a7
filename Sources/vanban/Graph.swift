import ArgumentParser
import Foundation
import VanBanExport
import VanBanExtract
import VanBanLink
import VanBanStore

/// `vanban graph`: the cross-reference graph of files or of the store, as JSON, DOT or GraphML.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The cross-reference graph as JSON, DOT or GraphML.",
        discussion: """
            Links the documents of the files given (folders are read recursively for .txt files), \
            or of the store (--db), into one graph: a node per document, ingested or only cited, \
            and an edge per citing document, cited document and relation, with the spans it was \
            read from. json is the vanban-graph/1 object; dot renders with Graphviz (dot -Tsvg); \
            graphml opens in Gephi and yEd.

            A document cited by number resolves to an ingested one only when their numbers agree \
            and the year and issuer do not contradict, with the year or issuer (or the same file) \
            to support it: local numbers such as 89/TB-UBND repeat every year in every province. \
            National numbers with a year (60/2021/NĐ-CP) are unique.

            A file that cannot be read is reported on stderr and left out; the graph of the others \
            is still written and the exit status is then 1.

            Examples:
              vanban graph Corpus/ > graph.json
              vanban graph --format dot Corpus/seeds/docs | dot -Tsvg > graph.svg
              vanban graph --db vanban.sqlite --format graphml -o graph.graphml
            """
    )

    /// The formats `--format` accepts.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, dot, graphml
        var export: GraphExport.Format {
            switch self {
            case .json: .json
            case .dot: .dot
            case .graphml: .graphml
            }
        }
    }

    @Argument(help: "Files and folders to read ('-' reads standard input).")
    var paths: [String] = []

    @Option(help: "Read the graph of this store (made by vanban ingest) instead of files.")
    var db: String?

    @Option(help: "Output format: json, dot or graphml.")
    var format: Format = .json

    @Option(name: [.short, .customLong("output")], help: "Write the graph to this file instead of standard output.")
    var output: String?

    @Option(help: "Files processed at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty && db == nil { throw ValidationError("give files or folders, or --db FILE") }
        if !paths.isEmpty && db != nil { throw ValidationError("give files or --db, not both") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var failed = false
        let graph: DocumentGraph
        if let db {
            graph = try storeGraph(db)
        } else {
            let linked = try LinkedFiles.read(InputFiles.expand(paths), pipeline: try InputReader.pipeline(input), jobs: jobs, tasks: false)
            graph = linked.graph
            failed = linked.failed
        }
        try Output.save(GraphExport.encode(graph, as: format.export), to: output, what: "the graph")
        if failed { throw ExitCode(1) }
    }

    /// The store's graph; linked afresh (in memory, the store is only read) when the stored graph
    /// is out of date or extra lexicons are given.
    func storeGraph(_ path: String) throws -> DocumentGraph {
        let store = try Ingest.open(path, readOnly: true)
        if input.lexicons.isEmpty, try !Ingest.storeCall({ try store.graphIsDirty() }) {
            return try Ingest.storeCall { try store.graph() }
        }
        let lexicon = try InputReader.pipeline(input).lexicon
        let documents = try Ingest.storeCall { try store.linkDocuments() }
        return DocumentLinker(lexicon: lexicon).link(documents)
    }
}
