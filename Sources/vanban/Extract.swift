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

    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, or '-' for standard input") }
    }

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        var failed = false
        try BatchRunner.run(files, pipeline: pipeline) { path, result in
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
enum BatchRunner {
    static func run(_ files: [String], pipeline: Pipeline, deliver: (String, Result<Extraction, InputFailure>) throws -> Void) throws {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let batchSize = files.count == 1 ? 1 : cores * 4
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            let results = ResultBox(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let result = InputReader.source(batch[i], decoder: pipeline.decoder).map { pipeline.extract($0) }
                results.set(i, result)
            }
            for (i, path) in batch.enumerated() { try deliver(path, results.get(i)) }
            start += batchSize
        }
    }
}

/// Per-index result slots written from concurrent workers.
final class ResultBox: @unchecked Sendable {
    private var slots: [Result<Extraction, InputFailure>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<Extraction, InputFailure>) { lock.lock(); slots[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<Extraction, InputFailure> { lock.lock(); defer { lock.unlock() }; return slots[i]! }
}
