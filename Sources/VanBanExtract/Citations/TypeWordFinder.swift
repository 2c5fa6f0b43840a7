import VanBanText

/// Finds the document-type word that names a cited number: `Quyết định số 49/…`,
/// `Nghị định 30/2020/…`, `Thông báo kết luận số …`, `Kết luận thanh tra số 27/KL-TTr`.
///
/// Reads backwards from the number over an optional `số`/`số:`; with `số`, up to two qualifier
/// words may stand between the type and `số` (`kết luận`, `hành động`, `thanh tra`), and up to
/// eight for a law (`Luật Tổ chức chính quyền địa phương số 72/2025/QH15`). Among candidates the
/// one whose name agrees with the number's type code wins (`Thông báo kết luận số 89/TB-UBND` is a
/// Thông báo, not a Kết luận); otherwise the nearest. Inside a law's title a lower-case type word
/// (`… pháp luật số …`) is a word of the title.
struct TypeWordFinder {
    let lexicon: Lexicon

    struct Found {
        /// Where the type word starts (the citation's start).
        let start: Int
        let name: String
    }

    /// The type word before `position`, given the names the number's code allows (may be empty).
    func find(_ f: [UInt8], before position: Int, floor: Int, codeNames: [String], law: Bool, units: [UInt16]? = nil) -> Found? {
        var k = FoldedScan.skipGapBack(f, position, floor: floor)
        var hasSo = false
        if k > floor && f[k - 1] == 0x3A { k = FoldedScan.skipGapBack(f, k - 1, floor: floor) }
        if FoldedScan.wordEndingAt(f, k, "so", floor: floor) {
            hasSo = true
            k = FoldedScan.skipGapBack(f, k - 2, floor: floor)
        }
        let maxQualifiers = hasSo ? (law ? 8 : 2) : 0
        var candidates: [Found] = []
        /// Lower-case type words inside a law's title, tried only after every written one.
        var titleWords: [Found] = []
        var end = k
        for q in 0...maxQualifiers {
            if let found = typeEnding(at: end, f, floor: floor) {
                // In a law's title a lower-case type word is part of the title (`Luật Ban hành văn bản quy phạm
                // pháp luật số 64/2025/QH15`): the capitalised one before it names the law.
                if law, let units, !VietnameseLetters.isUpper(units[found.start]) {
                    titleWords.append(found)
                } else {
                    candidates.append(found)
                    if codeNames.isEmpty || codeNames.contains(found.name) { break }
                }
            }
            if q == maxQualifiers { break }
            // Step back over one qualifier word (letters only).
            guard end > floor, FoldedScan.isLetter(f[end - 1]) else { break }
            let s = FoldedScan.wordBack(f, end, floor: floor)
            end = FoldedScan.skipGapBack(f, s, floor: floor)
            if end == s { break }
        }
        candidates += titleWords
        if let agreeing = candidates.first(where: { codeNames.contains($0.name) }) { return agreeing }
        return candidates.first
    }

    /// The longest type name that ends exactly at `end`.
    private func typeEnding(at end: Int, _ f: [UInt8], floor: Int) -> Found? {
        guard end > floor, FoldedScan.isLetter(f[end - 1]) else { return nil }
        var best: Found? = nil
        var s = end
        for _ in 0..<5 {
            s = FoldedScan.wordBack(f, s, floor: floor)
            if let m = lexicon.typeNameMatcher.longestMatch(in: f, at: s, limit: end), m.range.upperBound == end,
               let payload = m.payloads.first {
                best = Found(start: s, name: lexicon.documentTypes[payload].name)
            }
            let prev = FoldedScan.skipGapBack(f, s, floor: floor)
            guard prev < s, prev > floor, FoldedScan.isLetter(f[prev - 1]) else { break }
            s = prev
        }
        return best
    }
}
