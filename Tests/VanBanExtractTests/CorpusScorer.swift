import Foundation
import VanBanExtract
import VanBanText

/// Scores the pipeline against the gold files of a corpus folder, field by field, the way
/// `../shared/tools/score.py` does: citations and dates as distinct values per file,
/// the documents' own numbers and dates, deadlines, directives found by quote with their
/// assignees and deadlines, and narrative sentences wrongly taken as directives.
struct CorpusScorer {
    struct Tally: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var description: String { String(format: "P %.3f R %.3f (tp %d fp %d fn %d)", precision, recall, tp, fp, fn) }
    }

    var citations = Tally(), citationDates = Tally(), dates = Tally(), selfNumber = Tally(), selfDate = Tally()
    var deadlines = Tally(), directives = Tally(), assignees = Tally(), directiveDeadlines = Tally()
    var narrativeFalseDirectives = 0
    var misses: [String] = []
    var files = 0

    /// The package root, found from this file's location.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// Scores every gold file under `Corpus/<set>/gold` against `Corpus/<set>/docs`.
    init(set: String, pipeline: Pipeline) throws {
        let base = Self.root.appendingPathComponent("Corpus").appendingPathComponent(set)
        let goldFolder = base.appendingPathComponent("gold")
        let names = try FileManager.default.contentsOfDirectory(atPath: goldFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        for name in names {
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: goldFolder.appendingPathComponent(name))) as! [String: Any]
            let file = gold["file"] as! String
            let path = base.appendingPathComponent("docs").appendingPathComponent(file).path
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let source = try pipeline.decoder.decode(bytes, path: path)
            score(file: file, gold: gold, extraction: pipeline.extract(source))
            files += 1
        }
    }

    private mutating func score(file f: String, gold g: [String: Any], extraction: Extraction) {
        let docs = extraction.documents
        let text = extraction.normalized
        // Citations: distinct numbers per file.
        var predicted: [String: Citation] = [:]
        for d in docs { for c in d.citations where predicted[Self.num(c.number)] == nil { predicted[Self.num(c.number)] = c } }
        let goldCitations = (g["citations"] as? [[String: Any]]) ?? []
        var goldByNumber: [String: [String: Any]] = [:]
        for c in goldCitations { goldByNumber[Self.num(c["number"] as! String)] = c }
        let optional = Set(((g["optional_citations"] as? [String]) ?? []).map(Self.num))
        let goldDocs = (g["documents"] as? [[String: Any]]) ?? []
        let selfNumbers = Set(goldDocs.compactMap { $0["number"] as? String }.map(Self.num))
        for (key, c) in goldByNumber {
            if let p = predicted[key] {
                citations.tp += 1
                if let gd = c["date"] as? String {
                    if p.date == gd { citationDates.tp += 1 } else {
                        citationDates.fn += 1
                        if p.date != nil { citationDates.fp += 1 }
                        misses.append("\(f): citation date \(p.date ?? "nil") != \(gd) for \(key)")
                    }
                }
            } else { citations.fn += 1; misses.append("\(f): citation missed \(c["number"]!)") }
        }
        for (key, p) in predicted where goldByNumber[key] == nil && !optional.contains(key) && !selfNumbers.contains(key) {
            citations.fp += 1; misses.append("\(f): citation extra \(p.number)")
        }
        // Dates: distinct day-precision values.
        var dayValues = Set<String>()
        for d in docs {
            for x in d.dates where x.precision == .day { dayValues.insert(x.value) }
            if let date = d.date { dayValues.insert(date) }
        }
        let goldDates = Set((g["dates"] as? [String]) ?? [])
        let goldDeadlines = (g["deadlines"] as? [[String: Any]]) ?? []
        let derived = Set(goldDeadlines.compactMap { $0["value"] as? String })
        dates.tp += dayValues.intersection(goldDates).count
        for x in goldDates.subtracting(dayValues).sorted() { dates.fn += 1; misses.append("\(f): date missed \(x)") }
        for x in dayValues.subtracting(goldDates).subtracting(derived).sorted() { dates.fp += 1; misses.append("\(f): date extra \(x)") }
        // The documents' own numbers and dates.
        var byNumber: [String: DocumentRecord] = [:]
        for d in docs { if let n = d.number { byNumber[Self.num(n)] = d } }
        for gd in goldDocs {
            guard let number = gd["number"] as? String else { continue }
            if let pd = byNumber[Self.num(number)] {
                selfNumber.tp += 1
                if let date = gd["date"] as? String {
                    if pd.date == date { selfDate.tp += 1 } else { selfDate.fn += 1; misses.append("\(f): self date \(pd.date ?? "nil") != \(date)") }
                }
            } else { selfNumber.fn += 1; misses.append("\(f): self number missed \(number)") }
        }
        for (key, pd) in byNumber where !selfNumbers.contains(key) {
            selfNumber.fp += 1; misses.append("\(f): self number extra \(pd.number ?? "")")
        }
        // Deadlines with a value.
        var predictedDeadlines = Set<String>()
        for d in docs {
            for x in d.directives { if let v = x.deadline?.value { predictedDeadlines.insert(v) } }
            for x in d.dates where x.role == .deadline { predictedDeadlines.insert(x.value) }
        }
        deadlines.tp += derived.intersection(predictedDeadlines).count
        deadlines.fp += predictedDeadlines.subtracting(derived).count
        for x in derived.subtracting(predictedDeadlines).sorted() { deadlines.fn += 1; misses.append("\(f): deadline missed \(x)") }
        // Directives: found by quote inside the predicted span text.
        // Spans count a CRLF as one line end, as score.py reads the file (Python text mode).
        let original = text.source.string.replacingOccurrences(of: "\r\n", with: "\n")
        let scalars = Array(original.unicodeScalars)
        var found: [(String, Directive)] = []
        for d in docs {
            for x in d.directives {
                let s = text.span(x.range)
                found.append((Self.nfc(String(String.UnicodeScalarView(scalars[s.start..<s.end]))), x))
            }
        }
        for gd in (g["directives"] as? [[String: Any]]) ?? [] {
            let quote = Self.nfc(gd["quote"] as! String)
            guard let hit = found.first(where: { $0.0.contains(quote) }) else {
                directives.fn += 1; misses.append("\(f): directive missed '\(quote.prefix(50))'"); continue
            }
            directives.tp += 1
            let predictedAssignees = (hit.1.assignees + hit.1.lead).map(Self.fold)
            for a in (gd["assignees"] as? [String]) ?? [] {
                let fa = Self.fold(a)
                if predictedAssignees.contains(where: { !$0.isEmpty && ($0.contains(fa) || fa.contains($0)) }) { assignees.tp += 1 } else {
                    assignees.fn += 1; misses.append("\(f): assignee missed '\(a)' in '\(quote.prefix(40))' (got \(hit.1.assignees))")
                }
            }
            let goldDeadline = gd["deadline"] as? String
            let predictedDeadline = hit.1.deadline?.value
            if goldDeadline != nil || predictedDeadline != nil {
                if goldDeadline == predictedDeadline { directiveDeadlines.tp += 1 } else {
                    if goldDeadline != nil { directiveDeadlines.fn += 1 }
                    if predictedDeadline != nil { directiveDeadlines.fp += 1 }
                    misses.append("\(f): directive deadline \(predictedDeadline ?? "nil") != \(goldDeadline ?? "nil") in '\(quote.prefix(40))'")
                }
            }
        }
        for q in (g["not_directives"] as? [String]) ?? [] {
            let quote = Self.nfc(q)
            if found.contains(where: { $0.0.contains(quote) }) {
                narrativeFalseDirectives += 1; misses.append("\(f): narrative taken as directive '\(quote.prefix(50))'")
            }
        }
    }

    var report: String {
        """
        files \(files)
        citations \(citations)
        citation dates \(citationDates)
        dates \(dates)
        self number \(selfNumber)
        self date \(selfDate)
        deadlines \(deadlines)
        directives \(directives)
        assignees \(assignees)
        directive deadlines \(directiveDeadlines)
        narrative false directives \(narrativeFalseDirectives)
        """ + misses.map { "\n  " + $0 }.joined()
    }

    static func nfc(_ s: String) -> String { Normalizer.normalizeString(s) }

    /// Number comparison key: upper case, no spaces, ASCII hyphen, Đ folded to D (as score.py).
    static func num(_ s: String) -> String {
        nfc(s).uppercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "Đ", with: "D")
    }

    /// Assignee comparison key (as score.py's `fold`): folded, abbreviations expanded, punctuation dropped.
    static func fold(_ s: String) -> String {
        var t = String(decoding: nfc(s).utf16.map { u -> UInt8 in
            let b = VietnameseLetters.fold(u)
            return b == 0x2D ? 0x20 : b
        }, as: UTF8.self)
        let expansions: [(String, String)] = [
            ("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"), ("bcd", "ban chi dao"),
            ("tt&tt", "thong tin va truyen thong"), ("kh&dt", "ke hoach va dau tu"), ("vpub", "van phong uy ban nhan dan"),
            ("mttq", "mat tran to quoc"), ("pt&th", "phat thanh va truyen hinh"), ("ptth", "phat thanh truyen hinh"),
        ]
        for (k, v) in expansions { t = replaceWord(k, with: v, in: t) }
        t = String(t.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) ? $0 : " " })
        t = t.replacingOccurrences(of: "phat thanh va truyen hinh", with: "phat thanh truyen hinh")
        return t.split(separator: " ").joined(separator: " ")
    }

    private static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let r = rest.range(of: word) {
            let before = rest[..<r.lowerBound].last ?? result.last
            let after = rest[r.upperBound...].first
            let isBoundary = { (c: Character?) in c.map { !($0.isASCII && $0.isLetter) } ?? true }
            result += rest[..<r.lowerBound]
            result += isBoundary(before) && isBoundary(after) ? replacement : word
            rest = rest[r.upperBound...]
        }
        return result + rest
    }
}
