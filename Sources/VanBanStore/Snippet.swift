/// A snippet of a document's original text around the best match of the query's folded words.
enum Snippet {
    /// Folded characters kept before the first match and in all.
    static let before = 60
    static let length = 220

    /// The original text around the first place where the query's words come in order (else the
    /// first place any of them occurs), matches wrapped in « », line breaks as spaces.
    static func make(text: String, words: [String]) -> String {
        let folded = FoldedText(text)
        let bytes = folded.bytes
        let targets = words.map { Array($0.utf8) }
        // Every whole-word occurrence of every query word, in text order.
        var matches: [(start: Int, end: Int, word: Int)] = []
        var i = 0
        while i < bytes.count {
            if FoldedText.isWordByte(bytes[i]) && (i == 0 || !FoldedText.isWordByte(bytes[i - 1])) {
                var end = i
                while end < bytes.count && FoldedText.isWordByte(bytes[end]) { end += 1 }
                for (w, target) in targets.enumerated() where target.count == end - i && bytes[i..<end].elementsEqual(target) {
                    matches.append((i, end, w))
                    break
                }
                i = end
            } else {
                i += 1
            }
        }
        guard let first = matches.first else { return oneLine(String(text.prefix(length))) }
        // Prefer the first run of the words in query order (the phrase).
        var anchor = first.start
        if targets.count > 1 {
            outer: for m in matches.indices where matches[m].word == 0 && m + targets.count <= matches.count {
                for k in 1..<targets.count where matches[m + k].word != k { continue outer }
                anchor = matches[m].start
                break
            }
        }
        var lo = max(0, anchor - before)
        while lo > 0 && lo < bytes.count && FoldedText.isWordByte(bytes[lo]) && FoldedText.isWordByte(bytes[lo - 1]) { lo += 1 }
        var hi = min(bytes.count, lo + length)
        while hi < bytes.count && hi > 0 && FoldedText.isWordByte(bytes[hi]) && FoldedText.isWordByte(bytes[hi - 1]) { hi -= 1 }
        if hi <= anchor { hi = min(bytes.count, anchor + length) }
        let units = Array(text.utf16)
        func unit(_ foldedIndex: Int) -> Int { foldedIndex < bytes.count ? Int(folded.origin[foldedIndex]) : units.count }
        // Keep combining marks after the last folded character with it.
        func endUnit(_ foldedEnd: Int) -> Int {
            var u = unit(foldedEnd - 1) + 1
            while u < units.count && units[u] >= 0x0300 && units[u] <= 0x036F { u += 1 }
            return foldedEnd >= bytes.count ? units.count : min(u, unit(foldedEnd))
        }
        var out = lo > 0 ? "…" : ""
        var cursor = unit(lo)
        // Matches separated only by white space are one highlighted run («cải cách hành chính»).
        var runs: [(start: Int, end: Int)] = []
        for m in matches where m.start >= lo && m.end <= hi {
            if let last = runs.last, bytes[last.end..<m.start].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                runs[runs.count - 1].end = m.end
            } else {
                runs.append((m.start, m.end))
            }
        }
        for run in runs {
            out += String(decoding: units[cursor..<unit(run.start)], as: UTF16.self)
            let e = endUnit(run.end)
            out += "«" + String(decoding: units[unit(run.start)..<e], as: UTF16.self) + "»"
            cursor = e
        }
        let stop = hi >= bytes.count ? units.count : unit(hi)
        if cursor < stop { out += String(decoding: units[cursor..<stop], as: UTF16.self) }
        if hi < bytes.count { out += "…" }
        return oneLine(out)
    }

    /// Runs of white space (line breaks included) as one space, trimmed.
    static func oneLine(_ s: String) -> String {
        var out = ""
        var space = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out += " "; space = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
