import VanBanText

/// Reads the issuer of a cited document after its number or date: `của UBND tỉnh Quảng Ngãi`,
/// `của Chính phủ`, `của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn`.
///
/// The phrase starts with an upper-case letter and runs until a clause boundary: `;`, `,`, `(`,
/// `.`, a line break, a lower-case function word (`về`, `v/v`, `ban hành`, `phê duyệt`,
/// `quy định`, `hướng dẫn`, `tại`, `đã`, `theo`, `và` before a lower-case word …) or a type word
/// (`… của UBND tỉnh Quảng Ngãi Kết luận của đồng chí …`). Agency names from the lexicon are
/// stepped over whole, so `Sở Kế hoạch và Đầu tư` is not cut at `Kế hoạch` or `và`. The result is
/// canonical when the whole phrase is one lexicon agency, else the phrase as written.
struct IssuerPhrase {
    let lexicon: Lexicon

    /// Lower-case words that end an issuer phrase (folded).
    static let stops: Set<String> = [
        "ve", "v", "ngay", "ban", "phe", "quy", "huong", "tai", "da", "theo", "nham", "de", "thi", "la", "do",
        "sua", "bai", "thay", "trien", "thuc", "gui", "kem", "voi", "cho", "tu", "den", "trong", "nay", "so", "co",
        "duoc", "dang", "se", "nhu", "va", "hoac", "cung", "giao", "yeu", "tham", "bao", "thong", "ket",
    ]

    /// The issuer after `position` (spaces skipped): requires `của` unless an agency name follows directly.
    func read(_ text: NormalizedText, at position: Int, limit: Int) -> (range: Range<Int>, name: String)? {
        let f = text.folded, u = text.units
        var k = FoldedScan.skipGap(f, position, limit: limit)
        var direct = true
        if FoldedScan.word(f, k, "cua", limit: limit) {
            direct = false
            k = FoldedScan.skipGap(f, k + 3, limit: limit)
        }
        guard k < limit, VietnameseLetters.isUpper(u[k]) else { return nil }
        if direct {
            // Without `của` only a lexicon agency is accepted (`… năm 2018 Chính phủ về …`).
            guard let m = lexicon.agencyMatcher.longestMatch(in: f, at: k, limit: limit) else { return nil }
            return (m.range, name(text, m.range, m))
        }
        let start = k
        var end = k
        var words = 0
        var onlyAgency: PhraseMatcher.Match? = nil
        while k < limit && words < 14 {
            if let m = lexicon.agencyMatcher.longestMatch(in: f, at: k, limit: limit) {
                if k == start { onlyAgency = m } else { onlyAgency = nil }
                k = m.range.upperBound
                end = k
                words += 1
            } else {
                guard FoldedScan.isAlnum(f[k]) else { break }
                var e = k
                while e < limit && (FoldedScan.isAlnum(f[e])) { e += 1 }
                let upper = VietnameseLetters.isUpper(u[k]) || FoldedScan.isDigit(f[k])
                if !upper {
                    let w = String(decoding: f[k..<e], as: UTF8.self)
                    if Self.stops.contains(w) {
                        // `và` joins two capitalised names (`Bộ Tài chính và Bộ Tài nguyên`): keep going then.
                        if w == "va" {
                            // … but not when a document follows (`của Thủ tướng Chính phủ và Quyết định số …`).
                            let n = FoldedScan.skipGap(f, e, limit: limit)
                            if !(n < limit && VietnameseLetters.isUpper(u[n])) { break }
                            if let t = lexicon.typeNameMatcher.longestMatch(in: f, at: n, limit: limit), t.range.upperBound > n { break }
                        } else {
                            break
                        }
                    }
                } else if k != start, let t = lexicon.typeNameMatcher.longestMatch(in: f, at: k, limit: limit), t.range.upperBound > k {
                    break
                }
                onlyAgency = nil
                k = e
                end = e
                words += 1
            }
            // Between words: only a single space or a hyphen between names (`Bộ Lao động - Thương binh`).
            var n = k
            while n < limit && f[n] == 0x20 { n += 1 }
            if n < limit && f[n] == 0x2D && n + 1 < limit && f[n + 1] == 0x20 { n += 2 }
            guard n > k, n < limit, FoldedScan.isAlnum(f[n]) else { break }
            k = n
        }
        guard end > start else { return nil }
        if let m = onlyAgency, m.range.upperBound == end { return (start..<end, name(text, start..<end, m)) }
        return (start..<end, written(text, start..<end))
    }

    private func name(_ text: NormalizedText, _ range: Range<Int>, _ m: PhraseMatcher.Match) -> String {
        guard let payload = m.payloads.first, payload < lexicon.agencies.count else { return written(text, range) }
        return lexicon.agencies[payload].name
    }

    private func written(_ text: NormalizedText, _ range: Range<Int>) -> String {
        var units = Array(text.units[range])
        for k in units.indices where units[k] == 0x0A { units[k] = 0x20 }
        return UTF16String.make(units)
    }
}
