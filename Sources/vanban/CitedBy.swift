import ArgumentParser

/// `vanban cited-by`: Which documents cite a document.
struct CitedBy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cited-by", abstract: "Which documents cite a document. (being built)")

    func run() throws { throw InputFailure(message: "vanban cited-by is not built yet") }
}
