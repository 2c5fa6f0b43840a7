import ArgumentParser

/// `vanban cited-by NUMBER`: which documents cite a document, from the store's graph.
struct CitedBy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "Which documents cite a document.",
        discussion: """
            One line per edge of the store's graph to the documents numbered NUMBER (case, \
            spaces and đ/d ignored): relation, the citing document's number, type, date, whether \
            it is ingested, and the citing file with the citation's span, separated by tabs. \
            --json prints an array of objects.

            Examples:
              vanban cited-by 89/TB-UBND
              vanban cited-by --db notices.sqlite 49/QĐ-UBND --json
            """
    )

    @Argument(help: "The document's number, e.g. 89/TB-UBND.")
    var number: String

    @OptionGroup var options: LinkQueryOptions

    func run() throws { try options.print(number, outgoing: false) }
}
