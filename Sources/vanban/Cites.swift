import ArgumentParser
import Foundation
import VanBanExport
import VanBanStore

/// `vanban cites NUMBER`: what a document cites, from the store's graph.
struct Cites: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cites",
        abstract: "What a document cites.",
        discussion: """
            One line per edge of the store's graph from the documents numbered NUMBER (case, \
            spaces and đ/d ignored): relation, the cited document's number, type, date, whether \
            it is ingested, and the citing file with the citation's span, separated by tabs. \
            --json prints an array of objects.

            Examples:
              vanban cites 89/TB-UBND
              vanban cites --db notices.sqlite "60/2021/NĐ-CP" --json
            """
    )

    @Argument(help: "The document's number, e.g. 89/TB-UBND.")
    var number: String

    @OptionGroup var options: LinkQueryOptions

    func run() throws { try options.print(number, outgoing: true) }
}

/// Options and output shared by `cites` and `cited-by`.
struct LinkQueryOptions: ParsableArguments {
    @Option(help: "The store's database file.")
    var db = "vanban.sqlite"

    @Flag(help: "Print a JSON array of edges.")
    var json = false

    func print(_ number: String, outgoing: Bool) throws {
        let store = try Ingest.open(db, readOnly: true)
        if try Ingest.storeCall({ try store.graphIsDirty() }) {
            Output.error("\(db): the graph is older than the stored files; run vanban ingest to recompute it")
        }
        let links = try Ingest.storeCall { outgoing ? try store.cites(number) : try store.citedBy(number) }
        if json {
            var w = JSONWriter()
            w.beginArray()
            for link in links {
                w.beginObject()
                w.key("relation"); w.string(link.relation)
                w.key(outgoing ? "from" : "to"); Self.node(&w, link.subject)
                w.key(outgoing ? "to" : "from"); Self.node(&w, link.other)
                w.key("evidence")
                w.beginArrayValue()
                for e in link.evidence {
                    w.beginObject()
                    w.key("source"); w.string(e.source)
                    w.key("span"); w.span(e.span.start, e.span.end)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
            var bytes = w.bytes
            bytes.append(0x0A)
            Output.write(bytes)
        } else {
            var out = ""
            for link in links {
                let o = link.other
                let evidence = link.evidence.map { "\($0.source):\($0.span.start)-\($0.span.end)" }.joined(separator: ", ")
                out += [link.relation, o.number ?? o.id, o.type ?? "-", o.date ?? "-", o.ingested ? "ingested" : "not ingested", evidence]
                    .joined(separator: "\t") + "\n"
            }
            Output.write(out)
        }
    }

    static func node(_ w: inout JSONWriter, _ n: DocumentGraphNodeSummary) {
        w.beginObjectValue()
        w.key("id"); w.string(n.id)
        w.key("number"); w.optionalString(n.number)
        w.key("type"); w.optionalString(n.type)
        w.key("issuer"); w.optionalString(n.issuer)
        w.key("date"); w.optionalString(n.date)
        w.key("ingested"); w.bool(n.ingested)
        w.key("source"); w.optionalString(n.source)
        w.endObject()
    }
}
