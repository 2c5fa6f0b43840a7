import ArgumentParser
import Foundation
import VanBanExport
import VanBanStore

/// `vanban search QUERY`: full-text search over the store, accent-insensitive.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over the store, accent-insensitive.",
        discussion: """
            Finds the documents that contain every word of QUERY, ignoring case, tone marks and \
            đ/d ("cai cach hanh chinh" finds "cải cách hành chính", "da nang" finds "Đà Nẵng"), \
            best first (bm25). One line per hit: file, document number, and a snippet of the \
            original text with the matches between « and », separated by tabs; --json prints an \
            array of objects instead.

            Examples:
              vanban search "cai cach hanh chinh"
              vanban search --db notices.sqlite "so noi vu" --limit 5
            """
    )

    @Argument(help: "Words to find (accents optional).")
    var query: String

    @Option(help: "The store's database file.")
    var db = "vanban.sqlite"

    @Option(help: "Hits to print at most.")
    var limit = 20

    @Flag(help: "Print a JSON array of hits.")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try Ingest.open(db, readOnly: true)
        let hits = try Ingest.storeCall { try store.search(query, limit: limit) }
        if json {
            var w = JSONWriter()
            w.beginArray()
            for h in hits {
                w.beginObject()
                w.key("source"); w.string(h.path)
                w.key("document"); w.int(h.documentIndex)
                w.key("number"); w.optionalString(h.number)
                w.key("type"); w.optionalString(h.type)
                w.key("date"); w.optionalString(h.date)
                w.key("snippet"); w.string(h.snippet)
                w.key("rank"); w.double(h.rank)
                w.endObject()
            }
            w.endArray()
            var bytes = w.bytes
            bytes.append(0x0A)
            Output.write(bytes)
        } else {
            Output.write(hits.map { "\($0.path)\t\($0.number ?? "-")\t\($0.snippet)\n" }.joined())
        }
    }
}
