import VanBanText

/// Joins the lines of a document into paragraphs, across OCR line breaks and page breaks.
///
/// A line continues the paragraph before it when it starts in lower case (`…gắn với⏎⏎trách
/// nhiệm của từng cơ quan`), or when the line before ends without final punctuation on a word
/// that cannot end a phrase (`b) Đề nghị⏎UBND tỉnh chỉ đạo …`, `… Công ty⏎⏎Điện lực Đắk Nông`),
/// or is a long wrapped line. A short line without final punctuation followed by a capitalised
/// line is a heading of its own (`1. Về cải cách hành chính⏎Trong thời gian qua, …`). Outline
/// markers and `*` bullets always start a paragraph; the `Nơi nhận:` block is skipped.
struct ParagraphBuilder {
    let scan: TextScan
    let cues: DirectiveCues
    let sections: SectionTree

    static let openWords: Set<String> = [
        "de", "nghi", "giao", "cau", "dao", "cua", "va", "voi", "cac", "nhung", "cho", "tai", "ve", "ty", "ban", "so", "phong",
        "tam", "quan", "den", "tu", "trong", "theo", "qua", "la", "thuoc", "nhan", "dan", "uy", "ubnd", "hdnd", "doi", "sau",
    ]

    func paragraphs(in range: Range<Int>) -> [Paragraph] {
        let f = scan.folded, u = scan.units
        var nodeLineStarts: [Int: Int] = [:]
        for (i, n) in sections.nodes.enumerated() where range.contains(n.line.lowerBound) { nodeLineStarts[n.line.lowerBound] = i }
        // Lines: (start, end, blank-before).
        var lines: [(Range<Int>, Bool)] = []
        var s = range.lowerBound
        var blank = false
        while s < range.upperBound {
            var e = s
            while e < range.upperBound && f[e] != 0x0A { e += 1 }
            let t = scan.trimmed(s..<e)
            if t.isEmpty { blank = true } else { lines.append((t, blank)); blank = false }
            s = e + 1
        }
        var out: [Paragraph] = []
        var current: Paragraph? = nil
        var skippingRecipients = false
        for (line, blankBefore) in lines {
            let firstByte = f[line.lowerBound]
            let node = nodeLineStarts[line.lowerBound]
            let isBullet = firstByte == 0x2A || (u[line.lowerBound] == 0x2022 && node == nil)
            // A recipient block may open a table cell (`| ***Nơi nhận:***<br>- …`).
            var keyStart = line.lowerBound
            while keyStart < line.upperBound, f[keyStart] == 0x7C || f[keyStart] == 0x2A || f[keyStart] == 0x23 || f[keyStart] == 0x20 || f[keyStart] == 0x5F {
                keyStart += 1
            }
            let key = f[keyStart..<line.upperBound]
            if key.starts(with: Self.noiNhan) || key.starts(with: Self.kinhGui) || isTelegramAddress(line) {
                if let c = current { out.append(c); current = nil }
                skippingRecipients = true
                continue
            }
            if skippingRecipients {
                if firstByte == 0x2D || firstByte == 0x2B || line.count < 40 { continue }
                skippingRecipients = false
            }
            let caps = isCapitals(line)
            // A dash that only wraps a long line (`Giám đốc các Sở: Lao động⏎- Thương binh và Xã hội, …`) is no item.
            let wrappedDash = node != nil && sections.nodes[node!].kind == .dash && sections.nodes[node!].children.isEmpty
                && !blankBefore && current.map { wrapsInto($0) } == true
            if var c = current, node == nil || wrappedDash, !isBullet, !caps, !c.isCapitals,
               wrappedDash || continues(c, line: line, blankBefore: blankBefore) {
                c.range = c.range.lowerBound..<line.upperBound
                current = c
                continue
            }
            if let c = current { out.append(c) }
            var start = line.lowerBound
            if let node { start = sections.nodes[node].marker.upperBound }
            else if isBullet { start += 1 }
            start = scan.skipSpaces(start, line.upperBound)
            guard start < line.upperBound else { current = nil; continue }
            current = Paragraph(range: start..<line.upperBound, node: node ?? sections.innermost(containing: line.lowerBound),
                                isNodeLine: node != nil, isCapitals: caps)
        }
        if let c = current { out.append(c) }
        return out
    }

    private static let noiNhan = Array("noi nhan".utf8), kinhGui = Array("kinh gui".utf8)

    /// The paragraph ends mid-phrase on a long line (no final punctuation).
    private func wrapsInto(_ c: Paragraph) -> Bool {
        let f = scan.folded
        let last = f[c.range.upperBound - 1]
        if last == 0x2E || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F || last == 0x2C { return false }
        var lineStart = c.range.upperBound
        while lineStart > c.range.lowerBound && f[lineStart - 1] != 0x0A { lineStart -= 1 }
        return c.range.upperBound - lineStart > 50
    }

    /// Whether `line` continues paragraph `c`.
    private func continues(_ c: Paragraph, line: Range<Int>, blankBefore: Bool) -> Bool {
        let f = scan.folded
        if let w = scan.word(at: line.lowerBound, line.upperBound), w.lowerBound == line.lowerBound, !scan.isCapitalized(w),
           !(f[w.lowerBound] >= 0x30 && f[w.lowerBound] <= 0x39) {
            return true
        }
        let last = f[c.range.upperBound - 1]
        if last == 0x2E || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F { return false }
        // An item that is nothing but a goal or assessment heading (`2. Yêu cầu` under `MỤC ĐÍCH, YÊU CẦU`) heads what follows.
        if c.isNodeLine, let m = scan.phrases.headings.match(at: c.range.lowerBound, limit: c.range.upperBound),
           m.range.upperBound == c.range.upperBound, m.payloads.contains(where: { cues.kinds[$0] == .goalHeading || cues.kinds[$0] == .assessmentHeading }) {
            return false
        }
        if let w = scan.lastWord(before: c.range.upperBound, from: c.range.lowerBound), w.upperBound == c.range.upperBound,
           Self.openWords.contains(scan.key(w)) {
            return true
        }
        if blankBefore { return false }
        // A place name cut after its level word continues: `+ Chủ động phối hợp với UBND huyện⏎Vị Xuyên khẩn
        // trương …` (two capitalised words that are no predicate; a heading line is followed by a sentence).
        if let w = scan.lastWord(before: c.range.upperBound, from: c.range.lowerBound), w.upperBound == c.range.upperBound,
           BodyParser.levelEnds.contains(scan.key(w)) || scan.equals(w, "huyen") || scan.equals(w, "thi"),
           let a = scan.word(at: line.lowerBound, line.upperBound, lines: false), scan.isCapitalized(a),
           let b = scan.word(at: a.upperBound, line.upperBound, lines: false), b.lowerBound == a.upperBound + 1, scan.isCapitalized(b),
           cues.verb(at: a.lowerBound, in: scan, limit: line.upperBound) == nil {
            return true
        }
        // A long wrapped line continues; a short one is a heading.
        var lineStart = c.range.upperBound
        while lineStart > c.range.lowerBound && f[lineStart - 1] != 0x0A { lineStart -= 1 }
        return c.range.upperBound - lineStart > 60
    }

    /// The address line of a Công điện, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:`, before its list of recipients.
    private func isTelegramAddress(_ line: Range<Int>) -> Bool {
        let f = scan.folded
        guard line.count > 10, f[line.upperBound - 1] == 0x3A else { return false }
        let end = scan.trimmed(line.lowerBound..<(line.upperBound - 1)).upperBound
        guard end - line.lowerBound > 6, f[(end - 4)..<end].elementsEqual("dien".utf8), f[end - 5] == 0x20 else { return false }
        return isCapitals(line.lowerBound..<(end - 5))
    }

    /// Four or more letters, none lower case.
    private func isCapitals(_ line: Range<Int>) -> Bool {
        var letters = 0
        for i in line where VietnameseLetters.isLetter(scan.units[i]) {
            if VietnameseLetters.isLower(scan.units[i]) { return false }
            letters += 1
        }
        return letters >= 4
    }
}
