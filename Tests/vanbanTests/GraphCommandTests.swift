import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `vanban graph` end to end through the built binary.
struct GraphCommandTests {
    typealias CLI = CLITests

    static let seeds = "Corpus/seeds/docs"

    static func json(_ run: CLI.Run) throws -> (nodes: [[String: Any]], edges: [[String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(object["schema"] as? String == "vanban-graph/1")
        return (try #require(object["nodes"] as? [[String: Any]]), try #require(object["edges"] as? [[String: Any]]))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Whether Graphviz is installed (then DOT output is also rendered).
    static let dotPath: String? = ["/usr/bin/dot", "/usr/local/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func render(_ dot: Data) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath!)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input; process.standardOutput = out; process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(dot)
        try input.fileHandleForWriting.close()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test("graph of the seeds: the cover letter of 001 implements its notice, which is ingested; citations are nodes")
    func seedsJSON() throws {
        let run = try CLI.run(["graph", Self.seeds])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let (nodes, edges) = try Self.json(run)
        let letter = try #require(nodes.first { $0["number"] as? String == "294/UBND" })
        let notice = try #require(nodes.first { $0["number"] as? String == "89/TB-UBND" })
        #expect(letter["ingested"] as? Bool == true)
        #expect(notice["ingested"] as? Bool == true)
        #expect((notice["source"] as? String)?.hasPrefix("Corpus/seeds/docs/001_") == true)
        #expect(edges.contains { $0["from"] as? String == letter["id"] as? String && $0["to"] as? String == notice["id"] as? String
                                 && $0["relation"] as? String == "implements" })
        let cited = nodes.filter { $0["ingested"] as? Bool == false }
        #expect(cited.contains { $0["number"] as? String == "05-NQ/TU" })
        #expect(cited.allSatisfy { $0["source"] is NSNull })
    }

    @Test("the same files in another order give the same bytes")
    func orderIndependent() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(Self.seeds).path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "\(Self.seeds)/\($0)" }
        #expect(files.count >= 5)
        let forward = try CLI.run(["graph"] + files)
        let backward = try CLI.run(["graph", "--jobs", "1"] + files.reversed())
        #expect(forward.status == 0 && backward.status == 0)
        #expect(forward.stdout == backward.stdout)
        #expect(forward.stdout == (try CLI.run(["graph", Self.seeds])).stdout)
    }

    @Test("an unreadable file: one line on stderr, the graph of the others on stdout, exit 1")
    func missingFile() throws {
        let run = try CLI.run(["graph", "no/such/file.txt", "\(Self.seeds)/001_37b80a9612fe85b6.txt"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("no/such/file.txt") == true)
        let (nodes, _) = try Self.json(run)
        #expect(nodes.contains { $0["number"] as? String == "89/TB-UBND" && $0["ingested"] as? Bool == true })
    }

    @Test("DOT and GraphML of the whole corpus: DOT renders with Graphviz (when installed), GraphML parses as XML")
    func formats() throws {
        let dot = try CLI.run(["graph", "--format", "dot", "Corpus"])
        #expect(dot.status == 0, "\(dot.stderr)")
        let text = String(decoding: dot.stdout, as: UTF8.self)
        #expect(text.hasPrefix("digraph \"vanban-graph\" {"))
        #expect(text.contains("[label=\"implements\""))
        if Self.dotPath != nil {
            let rendered = try Self.render(dot.stdout)
            #expect(rendered.status == 0, "\(rendered.stderr)")
        }
        let graphml = try CLI.run(["graph", "--format", "graphml", "Corpus"])
        #expect(graphml.status == 0, "\(graphml.stderr)")
        let parser = XMLParser(data: graphml.stdout)
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let json = try Self.json(try CLI.run(["graph", "Corpus"]))
        let xml = String(decoding: graphml.stdout, as: UTF8.self)
        #expect(xml.components(separatedBy: "<node id=").count - 1 == json.nodes.count)
        #expect(xml.components(separatedBy: "<edge id=").count - 1 == json.edges.count)
    }

    @Test("paths with quotes, <, & and Vietnamese letters stay well formed in every format")
    func awkwardPaths() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = CLI.root.appendingPathComponent("\(Self.seeds)/001_37b80a9612fe85b6.txt")
        let name = dir.appendingPathComponent("Thông báo \"số 89\" <bản> & kèm.txt")
        try FileManager.default.copyItem(at: corpus, to: name)
        let json = try CLI.run(["graph", dir.path])
        #expect(json.status == 0, "\(json.stderr)")
        let (nodes, _) = try Self.json(json)
        #expect(nodes.contains { $0["source"] as? String == name.path })
        let graphml = try CLI.run(["graph", "--format", "graphml", dir.path])
        #expect(XMLParser(data: graphml.stdout).parse())
        #expect(String(decoding: graphml.stdout, as: UTF8.self).contains("Thông báo &quot;số 89&quot; &lt;bản&gt; &amp; kèm.txt"))
        let dot = try CLI.run(["graph", "--format", "dot", dir.path])
        #expect(String(decoding: dot.stdout, as: UTF8.self).contains("Thông báo \\\"số 89\\\" <bản> & kèm.txt"))
        if Self.dotPath != nil {
            let rendered = try Self.render(dot.stdout)
            #expect(rendered.status == 0, "\(rendered.stderr)")
        }
    }

    @Test("-o writes the file and nothing to stdout; an unwritable -o is one line and exit 1")
    func outputFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("graph.json")
        let run = try CLI.run(["graph", "-o", out.path, Self.seeds])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try Data(contentsOf: out) == (try CLI.run(["graph", Self.seeds])).stdout)
        let bad = try CLI.run(["graph", "-o", dir.appendingPathComponent("no/such/dir/g.json").path, Self.seeds])
        #expect(bad.status == 1)
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }

    @Test("misuse: exit 2", arguments: [[], ["--format", "svg", "Corpus"], ["--db", "x.sqlite", "Corpus"], ["--jobs", "0", "Corpus"]])
    func misuse(_ arguments: [String]) throws {
        let run = try CLI.run(["graph"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }

    @Test("--db: the graph of an ingested store equals the graph of the same files")
    func store() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.sqlite").path
        let ingest = try CLI.run(["ingest", "--db", db, Self.seeds])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let fromStore = try CLI.run(["graph", "--db", db])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        let fromFiles = try CLI.run(["graph", Self.seeds])
        #expect(fromStore.stdout == fromFiles.stdout)
        let missing = try CLI.run(["graph", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}
