// libFuzzer entry point over decode → normalize → tokenize → extract → link → export → report.
//
// Built by Fuzz/run.sh with `swiftc -sanitize=fuzzer,address`. Any input may be rejected by the
// decoder (with a reason); an accepted one must extract without a crash, and every record must
// keep its contract: its range inside the text, its span cutting the original at scalar
// boundaries, `text[span] == record.text`, and the vanban/1 JSON must parse. The input is also
// linked (every edge's evidence inside the file, the vanban-graph/1 JSON parses) and drawn as the
// document and corpus HTML reports, which must hold exactly as many `<script` tags as the report
// of a plain document (whatever the input says, it is escaped). A broken contract traps, so
// libFuzzer saves the input as a crash.
import Foundation
import VanBanExport
import VanBanExtract
import VanBanLink
import VanBanReport
import VanBanText

let pipeline: Pipeline = {
    do { return try Pipeline.load() } catch {
        fatalError("cannot load the lexicons (set VANBAN_LEXICONS): \(error)")
    }
}()
let tokenizer = Tokenizer(abbreviations: Tokenizer.defaultAbbreviations.union(pipeline.lexicon.abbreviations))

let linker = DocumentLinker(lexicon: pipeline.lexicon)

/// How many times `needle` occurs in `haystack` (bytes).
func occurrences(_ needle: String, in haystack: String) -> Int {
    let n = Array(needle.utf8), h = Array(haystack.utf8)
    guard n.count <= h.count else { return 0 }
    var count = 0
    for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { count += 1 }
    return count
}

/// `<script` tags in the reports of a plain document: the page's own.
let plainScripts: (document: Int, corpus: Int) = {
    let source = try! pipeline.decoder.decode(Array("Số: 1/TB-UBND\nCăn cứ Nghị định số 60/2021/NĐ-CP.\n".utf8), path: "plain.txt")
    let extraction = pipeline.extract(source)
    let graph = linker.link(LinkDocument.documents(of: extraction))
    return (occurrences("<script", in: DocumentReport(extraction: extraction).html()),
            occurrences("<script", in: CorpusReport(graph: graph, tasks: TaskTable(extraction).rows, asOf: "2026-01-01").html()))
}()

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("contract broken: " + message()) }
}

func checkRange(_ range: Range<Int>, _ text: NormalizedText, _ original: [Unicode.Scalar], _ what: String) {
    require(range.lowerBound >= 0 && range.upperBound <= text.count, "\(what) range \(range) outside \(text.count)")
    let units = text.originalRange(range)
    let source = text.source.units
    require(units.lowerBound >= 0 && units.lowerBound <= units.upperBound && units.upperBound <= source.count,
            "\(what) original range \(units) outside \(source.count)")
    for end in [units.lowerBound, units.upperBound] where end > 0 && end < source.count {
        require(!(UTF16.isLeadSurrogate(source[end - 1]) && UTF16.isTrailSurrogate(source[end])), "\(what) cuts a surrogate pair")
    }
    let span = text.span(range)
    require(span.start <= span.end && span.end <= original.count, "\(what) span \(span) outside \(original.count)")
    require(String(String.UnicodeScalarView(original[span.start..<span.end])) == text.originalText(range), "\(what) text[span] differs")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let source = try? pipeline.decoder.decode(bytes, path: "fuzz.txt") else { return 0 }
    let original = Array(source.string.unicodeScalars)
    require(original.count == source.scalarCount, "scalar count")
    let analysis = pipeline.analyse(source)
    let text = analysis.text
    for token in tokenizer.tokens(text) { checkRange(token.range, text, original, "token") }
    for sentence in analysis.sentences { checkRange(sentence, text, original, "sentence") }
    for node in analysis.sections.nodes { checkRange(node.line, text, original, "section line") }

    let extraction = pipeline.extract(source)
    for d in extraction.documents {
        checkRange(d.range, text, original, "document")
        if let s = d.signer { checkRange(s.range, text, original, "signer") }
        for c in d.citations { checkRange(c.range, text, original, "citation") }
        for x in d.dates { checkRange(x.range, text, original, "date") }
        for a in d.agencies { checkRange(a.range, text, original, "agency") }
        for p in d.people { checkRange(p.range, text, original, "person") }
        for x in d.directives {
            checkRange(x.range, text, original, "directive")
            if let dl = x.deadline { checkRange(dl.range, text, original, "deadline") }
        }
    }
    let json = ExtractionJSON.encode(extraction)
    require((try? JSONSerialization.jsonObject(with: Data(json))) != nil, "the vanban/1 JSON does not parse")
    _ = TaskTable(extraction).csv()

    let documents = LinkDocument.documents(of: extraction)
    let graph = linker.link(documents)
    for edge in graph.edges {
        for evidence in edge.evidence {
            require(evidence.span.start <= evidence.span.end && evidence.span.end <= original.count, "edge evidence \(evidence.span) outside the file")
        }
    }
    require((try? JSONSerialization.jsonObject(with: Data(GraphExport.json(graph)))) != nil, "the vanban-graph/1 JSON does not parse")
    _ = GraphExport.dot(graph)
    _ = GraphExport.graphML(graph)
    let documentPage = DocumentReport(extraction: extraction).html()
    require(occurrences("<script", in: documentPage) == plainScripts.document, "the document report lets a <script through")
    let corpusPage = CorpusReport(graph: graph, tasks: TaskTable(extraction).rows, asOf: "2026-01-01").html()
    require(occurrences("<script", in: corpusPage) == plainScripts.corpus, "the corpus report lets a <script through")
    return 0
}
