import ArgumentParser

/// `vanban tasks`: the directive table. Filled in with the directive extractor.
struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the table of tasks (directives) of documents.")
    @Argument var files: [String] = []
    func run() throws { throw ValidationError("tasks is not available yet") }
}
