import ArgumentParser

/// `vanban report`: A self-contained HTML report of a document or of the corpus.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "A self-contained HTML report of a document or of the corpus. (being built)")

    func run() throws { throw InputFailure(message: "vanban report is not built yet") }
}
