import Foundation
import PropertyBased
import Testing
import VanBanExport
import VanBanExtract
import VanBanText

/// What the property tests share: the pipeline, the corpus, the fragment pool, and the checks
/// that every input must pass (spans, dates, JSON, determinism, CSV safety).
enum Fixture {
    static let pipeline: Pipeline = try! Pipeline.load()

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// Every corpus document, as UTF-8 bytes, in a fixed order.
    static let corpus: [[UInt8]] = {
        var documents: [[UInt8]] = []
        for set in ["seeds", "dev", "own"] {
            let folder = root.appendingPathComponent("Corpus/\(set)/docs")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { documents.append([UInt8](data)) }
            }
        }
        return documents
    }()

    /// Non-empty corpus lines, plus fragments that stress the text layer and the extractors.
    static let pool: [String] = {
        var lines = Set<String>()
        for bytes in corpus {
            for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) where line.count < 400 {
                lines.insert(String(line))
            }
        }
        return lines.sorted() + fragments
    }()

    static let fragments: [String] = [
        "Số: 89/TB-UBND", "Số 60/2021/NĐ-CP", "05-NQ/TU", "294 /UBND", "QD-UBND", "BCD", "Số:", "số ", "/", "-", "–", "—",
        "ngày 16 tháng 3 năm 2021", "16/3/2021", "31/02/2024", "29/2/2023", "29/2/2024", "0/0/0", "99/99/9999", "ngày ", "tháng ",
        "năm ", "quý IV/2018", "quý ", "giai đoạn 2016-2020", "trước ngày 31/3/2024", "trong tháng 3 năm 2024", "cuối năm 2013",
        "hằng tháng", "định kỳ hằng quý", "I.", "II.", "1.", "2.1", "a)", "đ)", "- ", "+ ", "* ", "**", "##", "# ", "> ", "|", "| --- |",
        "\r\n", "\n", "\n\n", "\r", "\t", " ", "  ", "Giao ", "Giao Sở Nội vụ chủ trì, phối hợp với Công an tỉnh",
        "Yêu cầu ", "Đề nghị ", "chủ trì", "phối hợp", "tham mưu", "báo cáo Chủ tịch UBND tỉnh", "Sở TT&TT", "UBND tỉnh Quảng Ngãi",
        "Ủy ban nhân dân", "Uỷ ban nhân dân", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TL. CHỦ TỊCH", "Nơi nhận:", "đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh",
        "Quảng Ngãi, ngày 16 tháng 3 năm 2021", "V/v", "THÔNG BÁO", "Kết luận của Chủ tịch", "Căn cứ Nghị định số 30/2020/NĐ-CP",
        // NFD (decomposed) text and stray combining marks.
        "Ho\u{0300}a Bi\u{0302}\u{0300}nh", "Thu\u{0309}y", "Nghi\u{0323} đi\u{0323}nh", "\u{0301}", "\u{0303}\u{0309}\u{0323}", "a\u{0308}\u{0301}",
        // Supplementary-plane scalars, joiners, marks of direction and controls.
        "😀", "👨‍👩‍👧", "𝐒ố", "\u{10FFFD}", "\u{1F1FB}\u{1F1F3}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{200E}", "\u{200F}", "\u{202E}",
        "\u{2066}", "\u{061C}", "\u{01}", "\u{07}", "\u{08}", "\u{0B}", "\u{0C}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{00A0}", "\u{3000}", "\u{FFFD}", "ﬁ", "Ⅳ", "²", "①", "ｓố", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "\"", "\\", "<b>", "<br>", "&amp;",
    ]

    /// Deterministic cases: `count` values of `generator` from a fixed seed (the suite stays fast and
    /// repeatable). `VANBAN_PROPERTY_CASES` and `VANBAN_PROPERTY_SEED` widen the search when exploring.
    static func cases<Value, S>(_ count: Int, seed: UInt64, _ generator: Generator<Value, S>) -> [Value] {
        let environment = ProcessInfo.processInfo.environment
        let n = environment["VANBAN_PROPERTY_CASES"].flatMap(Int.init) ?? count
        let s = environment["VANBAN_PROPERTY_SEED"].flatMap(UInt64.init) ?? seed
        var rng = Xoshiro(seed: (s, s &* 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03 ^ s, 0x94D0_49BB_1331_11EB))
        return (0..<n).map { _ in generator.run(using: &rng) }
    }

    // MARK: The checks

    /// Runs the pipeline on `bytes` and checks every property; returns the JSON for further checks.
    @discardableResult
    static func check(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8]? {
        let source: SourceText
        do { source = try pipeline.decoder.decode(bytes, path: "case.txt") } catch {
            // Bad input is an error with a reason, never a crash; nothing more to check.
            #expect(!error.description.isEmpty, sourceLocation: sourceLocation)
            return nil
        }
        // The text as a text-mode reader sees it: a CRLF is one line end (the unit of `span`).
        let original = Array(String(decoding: Fixture.textMode(source.units), as: UTF16.self).unicodeScalars)
        #expect(original.count == source.scalarCount, "\(label): scalar count", sourceLocation: sourceLocation)

        // Tokens and sentences map back to whole scalars of the original.
        let analysis = pipeline.analyse(source)
        let text = analysis.text
        for token in Tokenizer().tokens(text) {
            checkRange(token.range, text, original, "\(label): token", sourceLocation)
        }
        for sentence in analysis.sentences { checkRange(sentence, text, original, "\(label): sentence", sourceLocation) }

        let extraction = pipeline.extract(source)
        let json = ExtractionJSON.encode(extraction)
        let again = ExtractionJSON.encode(pipeline.extract(source))
        #expect(json == again, "\(label): extraction is not deterministic", sourceLocation: sourceLocation)

        // Record level: every range maps to whole scalars of the original and to its text.
        for d in extraction.documents {
            checkRange(d.range, text, original, "\(label): document", sourceLocation)
            if let s = d.signer { checkRange(s.range, text, original, "\(label): signer", sourceLocation) }
            for c in d.citations { checkRange(c.range, text, original, "\(label): citation", sourceLocation) }
            for x in d.dates {
                checkRange(x.range, text, original, "\(label): date", sourceLocation)
                #expect(validValue(x.value, x.precision), "\(label): date value \(x.value) at \(x.precision)", sourceLocation: sourceLocation)
            }
            for a in d.agencies { checkRange(a.range, text, original, "\(label): agency", sourceLocation) }
            for p in d.people { checkRange(p.range, text, original, "\(label): person", sourceLocation) }
            for x in d.directives {
                checkRange(x.range, text, original, "\(label): directive", sourceLocation)
                if let dl = x.deadline {
                    checkRange(dl.range, text, original, "\(label): deadline", sourceLocation)
                    if let value = dl.value {
                        #expect(dl.precision.map { validValue(value, $0) } ?? false,
                                "\(label): deadline value \(value) at \(String(describing: dl.precision))", sourceLocation: sourceLocation)
                    }
                    if let due = dl.due { #expect(isDay(due), "\(label): deadline due \(due)", sourceLocation: sourceLocation) }
                }
            }
        }

        // JSON level: it parses, it is vanban/1, and every span with a text cuts exactly that text.
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            Issue.record("\(label): the vanban/1 JSON does not parse", sourceLocation: sourceLocation)
            return nil
        }
        #expect(object["schema"] as? String == "vanban/1", sourceLocation: sourceLocation)
        #expect((object["source"] as? [String: Any])?["characters"] as? Int == original.count, sourceLocation: sourceLocation)
        checkSpans(object, original, label, sourceLocation)

        // CSV: no cell that came from the document can start a formula.
        for (r, row) in parseCSV(String(decoding: TaskTable(extraction).csv(), as: UTF8.self)).enumerated() where r > 0 {
            for cell in row {
                if let first = cell.unicodeScalars.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(label): CSV cell \(cell.prefix(40).debugDescription) starts a formula",
                            sourceLocation: sourceLocation)
                }
            }
        }
        return json
    }

    /// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, atStart = true
        var it = Array(csv.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where atStart: quoted = true; atStart = false
            case ",": row.append(field); field = ""; atStart = true
            case "\n": row.append(field); rows.append(row); row = []; field = ""; atStart = true
            case "\r": break
            default: field.unicodeScalars.append(c); atStart = false
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    static func checkRange(_ range: Range<Int>, _ text: NormalizedText, _ original: [Unicode.Scalar], _ what: String,
                           _ sourceLocation: SourceLocation) {
        guard range.lowerBound >= 0, range.upperBound <= text.count else {
            Issue.record("\(what): range \(range) outside the normalized text (\(text.count))", sourceLocation: sourceLocation)
            return
        }
        let units = text.originalRange(range)
        let source = text.source.units
        guard units.lowerBound >= 0, units.upperBound <= source.count else {
            Issue.record("\(what): original range \(units) outside the original (\(source.count))", sourceLocation: sourceLocation)
            return
        }
        // Scalar boundaries: neither end falls between the two halves of a surrogate pair.
        for end in [units.lowerBound, units.upperBound] where end > 0 && end < source.count {
            #expect(!(UTF16.isLeadSurrogate(source[end - 1]) && UTF16.isTrailSurrogate(source[end])),
                    "\(what): \(range) cuts a surrogate pair at \(end)", sourceLocation: sourceLocation)
        }
        let span = text.span(range)
        guard span.start <= span.end, span.end <= original.count else {
            Issue.record("\(what): span \(span) outside the original (\(original.count))", sourceLocation: sourceLocation)
            return
        }
        let slice = String(String.UnicodeScalarView(original[span.start..<span.end]))
        #expect(slice == text.originalText(range), "\(what): text[span] differs from the record's text", sourceLocation: sourceLocation)
    }

    /// UTF-16 units without the CR of each CRLF (a CRLF is one line end in spans).
    static func textMode(_ units: [UInt16]) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        for (k, u) in units.enumerated() where !(u == 0x0D && k + 1 < units.count && units[k + 1] == 0x0A) { out.append(u) }
        return out
    }

    static func checkSpans(_ value: Any, _ original: [Unicode.Scalar], _ label: String, _ sourceLocation: SourceLocation) {
        if let dict = value as? [String: Any] {
            if let span = dict["span"] as? [Int] {
                let ok = span.count == 2 && span[0] >= 0 && span[0] <= span[1] && span[1] <= original.count
                #expect(ok, "\(label): span \(span) outside [0, \(original.count)]", sourceLocation: sourceLocation)
                if ok, let text = dict["text"] as? String {
                    let slice = String(String.UnicodeScalarView(original[span[0]..<span[1]]))
                    #expect(slice == text, "\(label): text[\(span)] is \(slice.debugDescription.prefix(80)), the record says \(text.debugDescription.prefix(80))",
                            sourceLocation: sourceLocation)
                }
            }
            for v in dict.values { checkSpans(v, original, label, sourceLocation) }
        } else if let array = value as? [Any] {
            for v in array { checkSpans(v, original, label, sourceLocation) }
        }
    }

    // MARK: Calendar values

    static func validValue(_ value: String, _ precision: DatePrecision) -> Bool {
        // A period is two values of the same precision: `2016/2020`.
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 { return parts.allSatisfy { validValue(String($0), precision) } && parts[0] <= parts[1] }
        switch precision {
        case .day: return isDay(value)
        case .month: return isMonth(value)
        case .quarter:
            let b = Array(value.utf8)
            return b.count == 7 && isYear(String(value.prefix(4))) && b[4] == 0x2D && b[5] == 0x51 && (0x31...0x34).contains(b[6])
        case .year: return isYear(value)
        }
    }

    static func digits(_ s: Substring) -> Int? { s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && !s.isEmpty ? Int(s) : nil }

    static func isYear(_ s: String) -> Bool { s.utf8.count == 4 && digits(Substring(s)) != nil }

    static func isMonth(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 2, isYear(String(p[0])), p[1].utf8.count == 2, let m = digits(p[1]) else { return false }
        return (1...12).contains(m)
    }

    static func isDay(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, isYear(String(p[0])), p[1].utf8.count == 2, p[2].utf8.count == 2,
              let y = digits(p[0]), let m = digits(p[1]), let d = digits(p[2]), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }
}
