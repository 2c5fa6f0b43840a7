import VanBanText

/// Repairs one code segment of a ký hiệu (`QD` → `QĐ`, `NĐCP` → `NĐ` + `CP`) against the lexicons.
///
/// Codes are compared in exact case (`TTg`, `QĐi`, `CTr` are codes; `TTG` is repaired through
/// `ocr-confusions.tsv`). Repairs only ever turn an unknown segment into known codes, so a
/// segment that is already a code, or unknown after every repair, is kept as written
/// (`HDLN`, `TƯ`, `NSNN`).
struct CodeRepair: Sendable {
    let typeCodes: Set<String>
    let issuerCodes: Set<String>
    let confusions: [String: String]
    /// Type codes by system (`admin`, `legal`, `party`, `copy`).
    let systemsByCode: [String: Set<String>]

    init(lexicon: Lexicon) {
        var types = Set<String>()
        var systems: [String: Set<String>] = [:]
        for (code, rows) in lexicon.typesByCode {
            types.insert(code)
            for row in rows { systems[code, default: []].insert(row.system) }
        }
        typeCodes = types
        systemsByCode = systems
        issuerCodes = Set(lexicon.issuersByCode.keys)
        confusions = lexicon.codeConfusions
    }

    func isKnown(_ code: String) -> Bool { typeCodes.contains(code) || issuerCodes.contains(code) }
    func isType(_ code: String) -> Bool { typeCodes.contains(code) }
    func isIssuer(_ code: String) -> Bool { issuerCodes.contains(code) }

    /// The segment with OCR look-alikes repaired, when that yields a known code: first the
    /// lexicon's confusions (`QD` → `QĐ`, `TTG` → `TTg`), then `D` read for `Đ` at any of its
    /// positions (`BKHDT` → `BKHĐT`). Returns the segment unchanged otherwise.
    func repaired(_ segment: String) -> String {
        if isKnown(segment) { return segment }
        if let right = confusions[segment], isKnown(right) { return right }
        let units = Array(segment.utf16)
        var positions: [Int] = []
        for (k, u) in units.enumerated() where u == 0x44 { positions.append(k) }  // 'D'
        guard !positions.isEmpty, positions.count <= 4 else { return segment }
        for mask in 1..<(1 << positions.count) {
            var candidate = units
            for (bit, p) in positions.enumerated() where mask & (1 << bit) != 0 { candidate[p] = 0x0110 }
            let s = UTF16String.make(candidate)
            if isKnown(s) { return s }
        }
        return segment
    }

    /// Splits a glued segment into a type code and an issuer code (`QĐUBND` → `QĐ`, `UBND`;
    /// `TTVPCP` → `TT`, `VPCP`; `NQCP` → `NQ`, `CP`), or nil.
    ///
    /// A split is taken when both halves are known after repair, or when the type half ends in a
    /// lower-case letter (`TTrNV` → `TTr`, `NV`: the case change marks the boundary) and the rest
    /// is all upper case. The longest type prefix wins. A known whole segment is never split.
    func split(_ segment: String) -> (type: String, issuer: String)? {
        if isKnown(repaired(segment)) { return nil }
        let units = Array(segment.utf16)
        guard units.count >= 3 else { return nil }
        for cut in stride(from: units.count - 1, through: 1, by: -1) {
            let head = repaired(UTF16String.make(units[0..<cut]))
            guard isType(head) else { continue }
            let tailRaw = UTF16String.make(units[cut...])
            let tail = repaired(tailRaw)
            if isIssuer(tail) { return (head, tail) }
            if let last = head.utf16.last, VietnameseLetters.isLower(last), units.count - cut >= 2,
               units[cut...].allSatisfy({ VietnameseLetters.isUpper($0) }) {
                return (head, tail)
            }
        }
        return nil
    }

    /// True when an unknown segment still looks like a code: at least two upper-case letters and
    /// no run of two lower-case letters (`NSNN`, `KGVX`, `QH14`, but not `Tỉnh`).
    func looksLikeCode(_ segment: String) -> Bool {
        var upper = 0, lowerRun = 0
        for u in segment.utf16 {
            if VietnameseLetters.isUpper(u) { upper += 1; lowerRun = 0 }
            else if VietnameseLetters.isLower(u) { lowerRun += 1; if lowerRun >= 2 { return false } }
            else { lowerRun = 0 }
        }
        return upper >= 2
    }

    /// The system of a type code under a grammar (`legal` for N/YYYY/…, `party` for N-…/…).
    func hasSystem(_ code: String, _ system: String) -> Bool { systemsByCode[code]?.contains(system) == true }
}
