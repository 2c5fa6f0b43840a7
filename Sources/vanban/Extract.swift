import ArgumentParser
import Dispatch
import Foundation
import VanBanExport
import VanBanExtract
import VanBanText

/// `vanban extract FILE...`: one vanban/1 object per input.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract records from documents as vanban/1 JSON.",
        discussion: """
            Prints one vanban/1 object per input file (pretty enough to read with a single file; \
            one line per file with --jsonl). Files are processed on all cores and printed in the \
            order given. A file that cannot be read is reported on stderr and skipped; the exit \
            status is then 1.

            Examples:
              vanban extract Corpus/seeds/docs/000_77bfcccac11defc6.txt
              vanban extract --jsonl Corpus/*/docs/*.txt > records.jsonl
              cat notice.txt | vanban extract -
            """
    )

    @Argument(help: "Text files to read; '-' reads standard input.")
    var files: [String]

    @Flag(name: .customLong("jsonl"), help: "JSON Lines: one object per line.")
    var jsonl = false

    @Option(help: "Files processed at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, or '-' for standard input") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        var failed = false
        try BatchRunner.run(files, pipeline: pipeline, jobs: jobs) { path, result in
            switch result {
            case .failure(let failure):
                Output.error(failure.message)
                failed = true
            case .success(let extraction):
                var bytes = ExtractionJSON.encode(extraction)
                bytes.append(0x0A)
                Output.write(bytes)
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Runs the pipeline over many files on all cores, delivering results in input order.
///
/// Workers take the next file as soon as they finish one (no batch waits for its slowest
/// file); the caller writes results in order as they become available. At most `window`
/// results wait to be written, so memory stays bounded however many files there are.
enum BatchRunner {
    static func run(_ files: [String], pipeline: Pipeline, jobs: Int? = nil,
                    deliver: (String, Result<Extraction, InputFailure>) throws -> Void) throws {
        try map(files, jobs: jobs, work: { extract($0, pipeline) }, deliver: deliver)
    }

    /// Runs `work` on every file on `jobs` workers (default: all cores) and hands each result to
    /// `deliver` in input order, with at most 4 × jobs results waiting.
    static func map<T>(_ files: [String], jobs: Int? = nil, work: @escaping @Sendable (String) -> T,
                       deliver: (String, T) throws -> Void) throws {
        let workers = max(1, min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, files.count))
        if workers == 1 {
            for path in files { try deliver(path, work(path)) }
            return
        }
        let state = BatchState<T>(count: files.count, window: workers * 4)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.take() {
                    state.put(index, work(files[index]))
                }
            }
        }
        defer { state.cancel(); group.wait() }
        for (index, path) in files.enumerated() {
            try deliver(path, state.result(index))
        }
    }

    static func extract(_ path: String, _ pipeline: Pipeline) -> Result<Extraction, InputFailure> {
        InputReader.source(path, decoder: pipeline.decoder).map { pipeline.extract($0) }
    }
}

/// Shared state of a batch: the next file to take, and results waiting to be written in order.
final class BatchState<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var delivered = 0
    private var cancelled = false
    private var results: [Int: T] = [:]

    init(count: Int, window: Int) { self.count = count; self.window = window }

    /// The next index to work on, waiting while too many results are unwritten; nil when done.
    func take() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while !cancelled && next < count && next - delivered >= window { condition.wait() }
        guard !cancelled, next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ result: T) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the result of `index` and hands it over.
    func result(_ index: Int) -> T {
        condition.lock(); defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        delivered = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index)!
    }

    /// Stops workers taking more files (on an error while writing).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
