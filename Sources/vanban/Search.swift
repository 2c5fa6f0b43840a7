import ArgumentParser

/// `vanban search`: Full-text search over the store, accent-insensitive.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Full-text search over the store, accent-insensitive. (being built)")

    func run() throws { throw InputFailure(message: "vanban search is not built yet") }
}
