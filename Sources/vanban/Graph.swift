import ArgumentParser

/// `vanban graph`: The cross-reference graph as JSON, DOT or GraphML.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "The cross-reference graph as JSON, DOT or GraphML. (being built)")

    func run() throws { throw InputFailure(message: "vanban graph is not built yet") }
}
