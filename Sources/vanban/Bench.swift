import ArgumentParser
import Foundation
import VanBanExport
import VanBanExtract
import VanBanText

/// `vanban bench [PATH...]`: throughput of each stage on a corpus.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput (MB/s) of decode, normalize, tokenize and extract on a corpus.",
        discussion: """
            Reads the given files and folders (default: the bundled Corpus), repeats the text to at \
            least --min-mb megabytes, and times each stage over several rounds on one core, \
            reporting the median and best MB/s and how many records were found. The last row, \
            "whole", times decode, extract and vanban/1 JSON writing of every file together, as \
            `vanban extract` does on one core. Peak memory is the process's resident high-water \
            mark, which includes the repeated corpus held in memory for timing.

            Example:
              vanban bench --rounds 5
            """
    )

    @Argument(help: "Files or folders of .txt documents (default: the bundled Corpus).")
    var paths: [String] = []

    @Option(help: "Repeat the corpus to at least this many megabytes.")
    var minMb: Double = 5

    @Option(help: "Timed rounds per stage.")
    var rounds: Int = 3

    @Option(help: "Output format: table (for people) or tsv (stage, median MB/s, best MB/s, found; for scripts).")
    var format: Format = .table

    @Option(help: "Also write the repeated corpus that is timed to this file (one input for other tools).")
    var saveInput: String?

    enum Format: String, ExpressibleByArgument { case table, tsv }

    @OptionGroup var input: InputOptions

    func validate() throws {
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if minMb <= 0 { throw ValidationError("--min-mb must be positive") }
    }

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        var files: [String] = []
        let roots = paths.isEmpty ? [Bench.defaultCorpus()] : paths
        files = InputFiles.expand(roots).filter { FileManager.default.fileExists(atPath: $0) }
        guard !files.isEmpty else { throw InputFailure(message: "no .txt files found in \(roots.joined(separator: ", "))") }
        var inputs: [[UInt8]] = []
        for file in files { if case .success(let bytes) = InputReader.read(file) { inputs.append(bytes) } }
        let corpusBytes = inputs.reduce(0) { $0 + $1.count }
        guard corpusBytes > 0 else { throw InputFailure(message: "the corpus is empty") }
        let repeats = max(1, Int((minMb * 1_000_000 / Double(corpusBytes)).rounded(.up)))
        let totalBytes = corpusBytes * repeats
        let megabytes = Double(totalBytes) / 1_000_000
        if let saveInput {
            guard FileManager.default.createFile(atPath: saveInput, contents: nil),
                  let handle = FileHandle(forWritingAtPath: saveInput) else {
                throw InputFailure(message: "\(saveInput): cannot be written")
            }
            for _ in 0..<repeats { for bytes in inputs { handle.write(Data(bytes)) } }
            try? handle.close()
        }

        func time(_ body: () -> Int) -> (seconds: [Double], count: Int) {
            var seconds: [Double] = []
            var count = 0
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                count = body()
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return (seconds.sorted(), count)
        }

        var sources: [SourceText] = []
        let decode = time {
            sources = []
            for _ in 0..<repeats { for (k, bytes) in inputs.enumerated() { if let s = try? pipeline.decoder.decode(bytes, path: files[k]) { sources.append(s) } } }
            return sources.count
        }
        var normalized: [NormalizedText] = []
        let normalize = time {
            normalized = sources.map { pipeline.normalizer.normalize($0) }
            return normalized.reduce(0) { $0 + $1.count }
        }
        let tokenizer = Tokenizer(abbreviations: Tokenizer.defaultAbbreviations.union(pipeline.lexicon.abbreviations))
        let tokenize = time {
            var n = 0
            for t in normalized { n += tokenizer.tokens(t).count; n += SentenceSplitter().sentences(t).count; _ = SectionTree(t) }
            return n
        }
        // The same stage part by part, to see where its time goes.
        let tokensOnly = time { normalized.reduce(0) { $0 + tokenizer.tokens($1).count } }
        let splitter = SentenceSplitter()
        let sentencesOnly = time { normalized.reduce(0) { $0 + splitter.sentences($1).count } }
        let sectionsOnly = time { normalized.reduce(0) { $0 + SectionTree($1).nodes.count } }
        let extract = time {
            var n = 0
            for s in sources {
                for d in pipeline.extract(s).documents {
                    n += d.citations.count + d.dates.count + d.agencies.count + d.people.count + d.directives.count + 1
                }
            }
            return n
        }
        let whole = time {
            var n = 0
            for _ in 0..<repeats {
                for (k, bytes) in inputs.enumerated() {
                    guard let s = try? pipeline.decoder.decode(bytes, path: files[k]) else { continue }
                    n += ExtractionJSON.encode(pipeline.extract(s)).count
                }
            }
            return n
        }
        func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + fill : fill + s
        }
        func row(_ name: String, _ r: (seconds: [Double], count: Int), _ what: String) -> String {
            let median = r.seconds[r.seconds.count / 2], best = r.seconds[0]
            return pad(name, 22, left: true) + pad(String(format: "%.1f", megabytes / median), 10)
                + pad(String(format: "%.1f", megabytes / best), 10) + pad(String(r.count), 12) + " " + what
        }
        if format == .tsv {
            var tsv = "stage\tmedian_mb_s\tbest_mb_s\tfound\n"
            func line(_ name: String, _ r: (seconds: [Double], count: Int)) {
                tsv += name + "\t" + String(format: "%.3f", megabytes / r.seconds[r.seconds.count / 2])
                    + "\t" + String(format: "%.3f", megabytes / r.seconds[0]) + "\t" + String(r.count) + "\n"
            }
            line("decode", decode); line("normalize", normalize); line("tokenize", tokenize)
            line("tokens", tokensOnly); line("sentences", sentencesOnly); line("sections", sectionsOnly)
            line("normalize+tokenize", (zip(normalize.seconds, tokenize.seconds).map { $0 + $1 }.sorted(), tokenize.count))
            line("extract", extract); line("whole", whole)
            tsv += "documents_per_s\t" + String(format: "%.1f", Double(sources.count) / extract.seconds[extract.seconds.count / 2]) + "\t\t\n"
            tsv += "peak_mb\t\(Bench.peakMemoryMB())\t\t\n"
            Output.write(tsv)
            return
        }
        var report = "corpus: \(files.count) files, \(corpusBytes) bytes × \(repeats) = \(String(format: "%.1f", megabytes)) MB; \(rounds) rounds, one core\n"
        report += pad("stage", 22, left: true) + pad("MB/s med", 10) + pad("MB/s best", 10) + pad("found", 12) + "\n"
        report += row("decode", decode, "documents") + "\n"
        report += row("normalize", normalize, "normalized units") + "\n"
        report += row("tokenize+sentences", tokenize, "tokens+sentences") + "\n"
        report += row("  tokens", tokensOnly, "tokens") + "\n"
        report += row("  sentences", sentencesOnly, "sentences") + "\n"
        report += row("  sections", sectionsOnly, "outline items") + "\n"
        let together = (seconds: zip(normalize.seconds, tokenize.seconds).map { $0 + $1 }.sorted(), count: tokenize.count)
        report += row("normalize+tokenize", together, "(sum of the two stages' times)") + "\n"
        report += row("extract (all stages)", extract, "records") + "\n"
        report += row("whole (decode→JSON)", whole, "JSON bytes") + "\n"
        let docsPerSecond = Double(sources.count) / extract.seconds[extract.seconds.count / 2]
        report += String(format: "documents/s (extract): %.0f\n", docsPerSecond)
        report += "peak memory: \(Bench.peakMemoryMB()) MB\n"
        Output.write(report)
    }

    static func defaultCorpus() -> String {
        if let lexicons = LexiconDirectory.findBuiltinPath() {
            return (lexicons as NSString).deletingLastPathComponent + "/Corpus"
        }
        return "Corpus"
    }

    /// Peak resident set size from /proc/self/status (VmHWM), in megabytes.
    static func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter { $0.isNumber }
            return (Int(digits) ?? 0) / 1024
        }
        return 0
    }
}
