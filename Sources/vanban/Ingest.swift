import ArgumentParser
import Dispatch
import Foundation
import VanBanExtract
import VanBanLink
import VanBanStore
import VanBanText

/// `vanban ingest PATH...`: folders and files into the SQLite store.
struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest folders and files into the SQLite store.",
        discussion: """
            Reads every .txt file under the folders given (recursively) and every file given, on all \
            cores, and stores its documents, citations, dates, agencies, people and directives, \
            with a full-text index, in the store (--db, default vanban.sqlite). A file whose path \
            and content (SHA-256) are already stored is skipped; a changed file replaces its old \
            records. A file that cannot be read or decoded is recorded as failed with its reason and \
            the batch goes on; the exit status is then 1. Files are written in transactions of a \
            batch of files, so a run stopped at any point (even kill -9) leaves a consistent store \
            and running it again completes the work. The cross-reference graph (for graph, cites \
            and cited-by) is then recomputed from every stored document; --no-graph leaves that \
            to a later run (which does it even when all its files are unchanged).

            Progress goes to stderr: a bar on a terminal, a line every few seconds otherwise, and a \
            summary at the end. Nothing is written to stdout.

            Examples:
              vanban ingest Corpus/
              vanban ingest --db notices.sqlite scans/2024 extra.txt --jobs 2
            """
    )

    @Argument(help: "Folders (read recursively) and files.")
    var paths: [String]

    @Option(help: "The store's database file.")
    var db = "vanban.sqlite"

    @Option(help: "Files processed at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .customLong("no-graph"), help: "Leave the cross-reference graph to a later run (when ingesting many folders one after another).")
    var noGraph = false

    @OptionGroup var input: InputOptions

    /// Files per write transaction at most (a batch is also written after a second).
    static let batchFiles = 64

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one folder or file") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.contains("-") { throw ValidationError("ingest reads files and folders, not standard input") }
    }

    func run() throws {
        let files = InputFiles.expand(paths)
        let store = try Self.open(db, readOnly: false)
        let known = try Self.storeCall { try store.knownFiles() }
        let pipeline = try InputReader.pipeline(input)
        let progress = Progress(total: files.count, label: "ingest")
        let writer = IngestWriter(store: store)
        var batch: [IngestOutcome] = []
        var lastWrite = Date()

        func flush() throws {
            guard !batch.isEmpty else { return }
            try writer.submit(batch)
            batch.removeAll(keepingCapacity: true)
            lastWrite = Date()
        }

        defer { progress.clear() }
        do {
            try BatchRunner.map(files, jobs: jobs, work: { Self.read($0, known: known, pipeline: pipeline) }) { _, outcome in
                switch outcome {
                case .unchanged: progress.skipped += 1
                case .failed(let path, _, let reason): progress.failed += 1; progress.note("\(path): \(reason)")
                case .extracted(let records): progress.documents += records.documents.count
                }
                batch.append(outcome)
                progress.step()
                if batch.count >= Self.batchFiles || Date().timeIntervalSince(lastWrite) >= 1 { try flush() }
            }
            try flush()
        } catch {
            _ = try? writer.finish()  // let a batch being committed end before the error is reported
            throw error
        }
        let totals = try writer.finish()

        // The graph is recomputed from every stored document once the files are written; when a
        // run is stopped before this, the dirty flag written with the files makes the next run do it.
        var graphNote = ""
        if !noGraph, try Self.storeCall({ try store.graphIsDirty() }) {
            progress.stage("linking the stored documents into the graph…")
            let linker = DocumentLinker(lexicon: pipeline.lexicon)
            try Self.storeCall { try store.rebuildGraph(link: linker.link) }
            let c = try Self.storeCall { try store.counts() }
            graphNote = "; graph of \(c.nodes) documents and \(c.edges) links"
        }
        let seconds = progress.elapsed
        progress.finish("ingest: \(files.count) files (\(totals.written) written, \(totals.unchanged) unchanged, \(totals.failed) failed), "
                        + "\(totals.documents) documents, \(totals.citations) citations, \(totals.directives) directives in "
                        + String(format: "%.1f s (%.1f files/s)", seconds, Double(files.count) / max(seconds, 0.001)) + graphNote)
        if totals.failed > 0 { throw ExitCode(1) }
    }

    /// Reads one file for the store (on a worker): skipped when its content is stored under its path.
    static func read(_ path: String, known: [String: String], pipeline: Pipeline) -> IngestOutcome {
        let bytes: [UInt8]
        switch InputReader.read(path) {
        case .failure(let failure): return .failed(path: path, sha256: nil, reason: reason(failure.message, path: path))
        case .success(let b): bytes = b
        }
        let sha = SHA256.hex(bytes)
        if known[path] == sha { return .unchanged(path: path) }
        do {
            let source = try pipeline.decoder.decode(bytes, path: path)
            return .extracted(FileRecords(pipeline.extract(source), size: bytes.count))
        } catch {
            return .failed(path: path, sha256: sha, reason: reason(error.description, path: path))
        }
    }

    /// A failure message without the leading `path: ` (the store keeps the path in its own column).
    static func reason(_ message: String, path: String) -> String {
        message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }

    /// Opens the store, a store error becoming one line and exit 1.
    static func open(_ path: String, readOnly: Bool) throws -> Store {
        try storeCall { try Store(path: path, readOnly: readOnly) }
    }

    static func storeCall<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as StoreError { throw InputFailure(message: error.message) }
    }
}

/// The single writer of an ingest, on a thread of its own: batches are committed while the
/// workers go on extracting (a commit, or a WAL checkpoint, no longer stalls them). At most two
/// batches wait, so memory stays bounded; the first write error stops the run.
final class IngestWriter: @unchecked Sendable {
    private let store: Store
    private let queue = DispatchQueue(label: "vanban.ingest.writer")
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var totals = Store.WriteCounts()
    private var failure: Error?

    init(store: Store) { self.store = store }

    /// Queues a batch (waiting while two are queued); throws the error of an earlier batch.
    func submit(_ batch: [IngestOutcome]) throws {
        slots.wait()
        if let failure = lock.withLock({ self.failure }) { slots.signal(); throw failure }
        queue.async {
            defer { self.slots.signal() }
            if self.lock.withLock({ self.failure != nil }) { return }
            do {
                let counts = try Ingest.storeCall { try self.store.write(batch) }
                self.lock.withLock {
                    self.totals.written += counts.written
                    self.totals.failed += counts.failed
                    self.totals.unchanged += counts.unchanged
                    self.totals.documents += counts.documents
                    self.totals.citations += counts.citations
                    self.totals.directives += counts.directives
                }
            } catch {
                self.lock.withLock { self.failure = error }
            }
        }
    }

    /// Waits for every queued batch; the totals, or the first error.
    func finish() throws -> Store.WriteCounts {
        queue.sync {}
        return try lock.withLock {
            if let failure { throw failure }
            return totals
        }
    }
}
