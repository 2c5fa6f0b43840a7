import Foundation
import Testing

/// The bad-input matrix, end to end through the `vanban` binary: each input ends with exit 0
/// (with a warning when there is nothing to read) or exit 1 with one clear line on stderr that
/// names the file — never a crash, a hang or a stray byte on stdout — and grows no worse than
/// linearly. (CLITests covers the empty file, a PNG header, invalid UTF-8, a missing path, a
/// directory and five pathological repetitions.)
///
/// Sizes are chosen for a debug build: the 50 MB line without a newline and the 100,000 numbered
/// items run through `extract` at full size with `VANBAN_FULL_BAD_INPUTS=1` (a release binary
/// takes seconds); by default the line is 1 MB and `extract` reads 10,000 items, while the
/// outline (`tokenize --sections`) reads all 100,000.
struct BadInputTests {
    static let full = ProcessInfo.processInfo.environment["VANBAN_FULL_BAD_INPUTS"] == "1"

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Exit 0 with one vanban/1 object whose spans cut their text, or exit 1 with one line naming the file.
    @discardableResult
    func expectHandled(_ path: String, _ what: String, original: String? = nil, allowFailure: Bool = true) throws -> CLITests.Run {
        let result = try CLITests.run(["extract", path])
        if result.status == 0 {
            let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(what): JSON")
            #expect(object["schema"] as? String == "vanban/1", "\(what)")
            if let original { CLITests.checkSpans(object, original: original) }
        } else {
            #expect(allowFailure, "\(what): exit \(result.status): \(result.stderr.prefix(300))")
            #expect(result.status == 1, "\(what): exit \(result.status) (a crash?): \(result.stderr.prefix(300))")
            #expect(result.stdout.isEmpty, "\(what)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && result.stderr.contains(path), "\(what): \(result.stderr.prefix(300))")
        }
        return result
    }

    @Test("only whitespace: exit 0 with a no-text warning")
    func whitespace() throws {
        let path = try file("blank.txt", Array(" \n\t\r\n   \u{00A0}\u{3000}\n".utf8))
        let result = try expectHandled(path, "whitespace", allowFailure: false)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["warnings"] as? [[String: Any]])?.first?["code"] as? String == "no-text")
    }

    @Test("NUL bytes inside text: exit 1, binary file")
    func nulBytes() throws {
        let path = try file("nul.txt", Array("Số: 89/TB-UBND\n".utf8) + [0, 0, 0] + Array("Giao Sở Nội vụ".utf8))
        let result = try expectHandled(path, "NUL bytes")
        #expect(result.status == 1 && result.stderr.contains("binary file"))
    }

    @Test("truncated UTF-8 (a letter cut at the end, and in the middle)", arguments: [0, 1])
    func truncatedUTF8(_ middle: Int) throws {
        let text = Array("Thông báo số 89/TB-UBND của Ủy ban nhân dân tỉnh Quảng Ngãi về việc giao nhiệm vụ".utf8)
        let cut = middle == 1 ? Array(text[0..<20]) + [0xE1, 0xBB] + Array(text[20...]) : text + [0xE1, 0xBB]
        let result = try expectHandled(try file("cut.txt", cut), "truncated UTF-8")
        if result.status == 1 { #expect(result.stderr.contains("at byte")) }
    }

    @Test("UTF-16 without a byte-order mark is read as UTF-16, both byte orders", arguments: [true, false])
    func utf16WithoutBOM(littleEndian: Bool) throws {
        let original = "Thực hiện Kế hoạch số 6769/KH-UBND ngày 14/8/2018 của UBND tỉnh Quảng Ngãi.\r\nGiao Sở Nội vụ chủ trì 😀."
        var bytes: [UInt8] = []
        for u in original.utf16 { bytes += littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
        let result = try expectHandled(try file("u16.txt", bytes), "UTF-16 without BOM", original: original, allowFailure: false)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["source"] as? [String: Any])?["encoding"] as? String == (littleEndian ? "utf-16le" : "utf-16be"))
        #expect(((object["documents"] as? [[String: Any]])?.first?["citations"] as? [Any])?.count == 1)
    }

    @Test("mixed encodings in one file: UTF-8 with Windows-1258 and TCVN3 bytes")
    func mixedEncodings() throws {
        let utf8 = Array("Thông báo số 89/TB-UBND của UBND tỉnh\n".utf8)
        let legacy: [UInt8] = [0x54, 0x68, 0xF4, 0x6E, 0x67, 0x20, 0x62, 0xE1, 0x6F, 0x0A, 0xB5, 0xA9, 0xAE, 0x0A]
        let result = try expectHandled(try file("mixed.txt", utf8 + legacy + utf8), "mixed encodings")
        if result.status == 1 { #expect(result.stderr.contains("at byte")) }
    }

    @Test("control characters, right-to-left marks and bidi overrides keep every span on its text")
    func controlsAndMarks() throws {
        let original = "Số: 89/TB-UBND\u{07}\u{1B}[31m\n\u{200F}Giao \u{202E}Sở Nội vụ\u{202C} chủ trì\u{0B}\u{0C} trước ngày 31/3/2024\u{200E}.\u{7F}\u{85}\u{2028}"
            + "\u{061C}Căn cứ Nghị định số 30/2020/NĐ-CP\u{FEFF} ngày 05/3/2020 của Chính phủ;\u{2066}\u{2069}"
        try expectHandled(try file("ctl.txt", Array(original.utf8)), "controls", original: original, allowFailure: false)
    }

    @Test("deeply nested headings")
    func nestedHeadings() throws {
        var text = ""
        for depth in 1...400 { text += (1...(depth % 60 + 1)).map { _ in "1" }.joined(separator: ".") + ". Mục \(depth)\n" }
        for depth in 0..<2000 { text += String(repeating: "  ", count: depth % 40) + ["I. ", "1. ", "a) ", "- ", "+ ", "* "][depth % 6] + "Giao Sở Nội vụ\n" }
        try expectHandled(try file("nested.txt", Array(text.utf8)), "nested headings", original: text, allowFailure: false)
        let sections = try CLITests.run(["tokenize", "--sections", try file("nested2.txt", Array(text.utf8))])
        #expect(sections.status == 0, "\(sections.stderr.prefix(300))")
    }

    @Test("100,000 numbered items")
    func numberedItems() throws {
        let items = (1...100_000).map { "\($0). Nội dung \($0)\n" }.joined()
        let outline = try CLITests.run(["tokenize", "--sections", try file("items.txt", Array(items.utf8))])
        #expect(outline.status == 0, "\(outline.stderr.prefix(300))")
        // Items from 1000 on read as years, not headings ("2024. …"), so the outline stops at 999.
        #expect(outline.stdout.split(separator: 0x0A).count >= 999)
        let count = Self.full ? 100_000 : 10_000
        let some = (1...count).map { "\($0). Giao Sở Nội vụ \($0)\n" }.joined()
        try expectHandled(try file("items.txt", Array(some.utf8)), "numbered items", original: some, allowFailure: false)
    }

    @Test("10,000 document numbers in one line")
    func numbersInOneLine() throws {
        let line = "Căn cứ các Quyết định số " + (1...10_000).map { "\($0)/QĐ-UBND" }.joined(separator: ", ") + " của UBND tỉnh."
        let result = try expectHandled(try file("numbers.txt", Array(line.utf8)), "10,000 numbers", original: line, allowFailure: false)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let citations = ((object["documents"] as? [[String: Any]])?.first?["citations"] as? [Any])?.count ?? 0
        #expect(citations >= 9_000, "most numbers are citations: \(citations)")
    }

    @Test("a long file with no newline (1 MB; 50 MB with VANBAN_FULL_BAD_INPUTS=1)")
    func noNewline() throws {
        let unit = "Giao Sở Nội vụ chủ trì thực hiện Kế hoạch số 12/KH-UBND trước ngày 31/3/2024, "
        let megabytes = Self.full ? 50 : 1
        let text = String(repeating: unit, count: megabytes * 1_000_000 / unit.utf8.count)
        try expectHandled(try file("line.txt", Array(text.utf8)), "no newline", allowFailure: false)
    }

    @Test("more pathological repetitions", arguments: [
        "ngày 1/1/2020 ", "Căn cứ ", "**", "| ", "1.", "KT. CHỦ TỊCH\n", "Nơi nhận:\n", "của ", "\u{0301}", "😀", "/", "(Kèm theo ",
    ])
    func repetitions(unit: String) throws {
        let text = String(repeating: unit, count: 20_000 / max(1, unit.utf8.count / 2))
        try expectHandled(try file("rep.txt", Array(text.utf8)), "repeated \(unit.debugDescription)", allowFailure: false)
    }

    @Test("a file without read permission: exit 1 with one line (root reads it anyway: exit 0)")
    func unreadable() throws {
        let path = try file("secret.txt", Array("Số: 89/TB-UBND".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        let result = try expectHandled(path, "unreadable")
        if getuid() != 0 { #expect(result.status == 1 && result.stderr.contains("cannot be read")) }
    }

    @Test("a path with spaces and Vietnamese letters is read and reported as given")
    func vietnamesePath() throws {
        let path = try file("Thông báo số 89 (bản sao) – Quảng Ngãi.txt", Array("Thực hiện Kế hoạch số 6769/KH-UBND ngày 14/8/2018.".utf8))
        let result = try expectHandled(path, "Vietnamese path", allowFailure: false)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["source"] as? [String: Any])?["path"] as? String == path)
        let missing = try CLITests.run(["extract", path + " nữa"])
        #expect(missing.status == 1 && missing.stderr.contains("Quảng Ngãi.txt nữa: no such file"))
    }

    /// Seconds `extract` takes on `text`, less nothing: the caller subtracts the start-up time.
    func seconds(_ text: String) throws -> Double {
        let path = try file("t.txt", Array(text.utf8))
        let start = Date()
        let result = try CLITests.run(["extract", path])
        #expect(result.status == 0, "\(result.stderr.prefix(200))")
        return Date().timeIntervalSince(start)
    }

    @Test("no input shape costs more than linear time: four times the input, at most about four times the time", arguments: [
        "Giao Sở Nội vụ chủ trì thực hiện Kế hoạch số 12/KH-UBND trước ngày 31/3/2024, ",
        "1/QĐ-UBND, ",
        "ngày 1/1/2020 của Bộ Tài chính; ",
        "(Kèm theo Quyết định số 5/QĐ-UBND ",
        "1. Nội dung\n",
        // Each colon ends a clause; every clause used to scan again to the end of the sentence.
        "Giao Sở Nội vụ: ",
        // Day–month forms take their year from the full dates before them: once read again per form.
        "ngày 30/6 và ngày 1/7/2020, ",
        // Table cells under a time column: the line start and header used to be looked for per cell.
        "| Quý II/2024 ",
        "ngày ",
    ])
    func linearTime(unit: String) throws {
        let startup = try seconds("Số 1/QĐ-UBND")
        let n = max(1, 25_000 / unit.utf8.count)
        let small = max(0, try seconds(String(repeating: unit, count: n)) - startup)
        let large = max(0, try seconds(String(repeating: unit, count: 4 * n)) - startup)
        // Generous: linear work gives about 4×; quadratic work gives 16×.
        #expect(large < 7 * small + 1.0, "\(unit.debugDescription): \(small) s for n, \(large) s for 4n")
    }
}
