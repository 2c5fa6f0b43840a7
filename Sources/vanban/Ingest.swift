import ArgumentParser

/// `vanban ingest`: Ingest folders and files into the SQLite store.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Ingest folders and files into the SQLite store. (being built)")

    func run() throws { throw InputFailure(message: "vanban ingest is not built yet") }
}
