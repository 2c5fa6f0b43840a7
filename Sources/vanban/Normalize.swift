import ArgumentParser
import VanBanExtract
import VanBanText

/// `vanban normalize FILE`: prints the normalized text the extractors read.
struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized text (NFC, canonical tone marks, OCR and format repairs).",
        discussion: """
            Examples:
              vanban normalize Corpus/seeds/docs/001_37b80a9612fe85b6.txt
              vanban normalize --map notice.txt   # each line with its original span
            """
    )

    @Argument(help: "A text file; '-' reads standard input.")
    var file: String

    @Flag(help: "Prefix each normalized line with the [start, end) span of the original it came from.")
    var map = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        let source = try InputReader.source(file, decoder: pipeline.decoder).get()
        let text = pipeline.normalizer.normalize(source)
        guard map else {
            Output.write(text.string + "\n")
            return
        }
        var out = ""
        var start = 0
        let units = text.units
        for i in 0...units.count where i == units.count || units[i] == 0x0A {
            let span = text.span(start..<i)
            out += "[\(span.start), \(span.end))\t" + text.text(start..<i) + "\n"
            start = i + 1
        }
        Output.write(out)
    }
}
