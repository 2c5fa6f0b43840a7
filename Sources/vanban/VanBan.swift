import ArgumentParser
import Foundation

/// The `vanban` command: the root that lists the subcommands.
struct VanBan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Read Vietnamese administrative documents and extract structured records.",
        discussion: """
            VanBan decodes, normalizes and tokenizes the text of official documents (công văn, \
            thông báo kết luận, quyết định, kế hoạch…), extracts document numbers, citations, dates, \
            agencies, people and directives, and exports them as vanban/1 JSON.

            Exit status: 0 on success, 1 on bad input (one line on stderr), 2 on misuse.
            """,
        subcommands: [
            Extract.self, Ingest.self, Search.self, Graph.self, Cites.self, CitedBy.self, Tasks.self, Report.self,
            Normalize.self, Tokenize.self, Bench.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try VanBan.parseAsRoot()
            try command.run()
        } catch let error as InputFailure {
            FileHandle.standardError.write(Data(("vanban: " + error.message + "\n").utf8))
            exit(1)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = VanBan.exitCode(for: error)
            if code == .success {
                print(VanBan.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data((VanBan.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
    }
}
