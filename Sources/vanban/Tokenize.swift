import ArgumentParser
import VanBanExport
import VanBanExtract
import VanBanText

/// `vanban tokenize FILE`: tokens, sentences or sections as JSON Lines with spans.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print tokens, sentences or the section outline as JSON Lines with spans.",
        discussion: """
            Each line is one object with span (Unicode scalars of the original), text (the \
            original), and for tokens the kind and folded key (lower case, no diacritics, đ → d).

            Examples:
              vanban tokenize notice.txt
              vanban tokenize --sentences notice.txt
              vanban tokenize --sections notice.txt
            """
    )

    enum Unit: String, EnumerableFlag { case tokens, sentences, sections }

    @Argument(help: "A text file; '-' reads standard input.")
    var file: String

    @Flag(exclusivity: .exclusive, help: "What to print (default: tokens).")
    var unit: Unit = .tokens

    @OptionGroup var input: InputOptions

    func run() throws {
        let pipeline = try InputReader.pipeline(input)
        let source = try InputReader.source(file, decoder: pipeline.decoder).get()
        let analysis = pipeline.analyse(source)
        let text = analysis.text
        var out: [UInt8] = []
        func line(_ build: (inout JSONWriter) -> Void) {
            var w = JSONWriter()
            w.beginObject()
            build(&w)
            w.endObject()
            out.append(contentsOf: w.bytes)
            out.append(0x0A)
        }
        func spanAndText(_ w: inout JSONWriter, _ range: Range<Int>) {
            let span = text.span(range)
            w.key("span"); w.span(span.start, span.end)
            w.key("text"); w.string(text.originalText(range))
        }
        switch unit {
        case .tokens:
            let tokenizer = Tokenizer(abbreviations: Tokenizer.defaultAbbreviations.union(pipeline.lexicon.abbreviations))
            for token in tokenizer.tokens(text) {
                line { w in
                    spanAndText(&w, token.range)
                    w.key("kind"); w.string(token.kind.rawValue)
                    w.key("key"); w.string(String(decoding: text.folded[token.range], as: UTF8.self))
                }
            }
        case .sentences:
            for sentence in analysis.sentences { line { w in spanAndText(&w, sentence) } }
        case .sections:
            let tree = analysis.sections
            for (index, node) in tree.nodes.enumerated() {
                line { w in
                    spanAndText(&w, node.line)
                    w.key("kind"); w.string(node.kind.rawValue)
                    w.key("label"); w.string(node.label)
                    w.key("path"); w.string(tree.label(of: index))
                    w.key("depth"); w.int(tree.path(to: index).count)
                    let whole = text.span(node.range)
                    w.key("range"); w.span(whole.start, whole.end)
                }
            }
        }
        Output.write(out)
    }
}
