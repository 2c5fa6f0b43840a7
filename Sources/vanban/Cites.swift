import ArgumentParser

/// `vanban cites`: What a document cites.
struct Cites: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cites", abstract: "What a document cites. (being built)")

    func run() throws { throw InputFailure(message: "vanban cites is not built yet") }
}
