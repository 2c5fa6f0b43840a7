/// Letters OCR reads for digits inside numbers: `2O23` → `2023`, `ngày 3O/6`, `Số: l23/STNMT`,
/// `tháng O5`. Same length on both sides, so the pass rewrites units in place and the offset map
/// is untouched.
///
/// A token (a maximal run of letters and digits, Vietnamese letters and marks included) is
/// repaired only when it holds at least one ASCII digit, every other unit is one of the
/// look-alikes (`NormalizationRules.digitLookalikes`: `O o` → 0, `l I` → 1 by default), and the
/// look-alikes are no more than the digits. Words are never touched (`lớp`, `Ông`, `Điều I`), nor
/// codes with other letters (`CO2`, `H5N1`, `F0`, `4G`), nor Roman numerals (`II`, `IV`).
extension Normalizer {
    static func repairDigitLookalikes(_ units: inout [UInt16], table: [UInt16: UInt16]) {
        // The look-alikes are ASCII letters: one small table instead of a dictionary lookup per unit.
        var ascii = [UInt16](repeating: 0, count: 128)
        for (wrong, right) in table where wrong < 0x80 && wrong != 0 { ascii[Int(wrong)] = right }
        guard ascii.contains(where: { $0 != 0 }) else { return }
        let n = units.count
        let letters = LetterTables.shared
        func lookalike(_ c: UInt16) -> UInt16 { c < 0x80 ? ascii[Int(c)] : 0 }
        units.withUnsafeMutableBufferPointer { u in
            var i = 0
            while i < n {
                let c = u[i]
                let isDigit = c >= 0x30 && c <= 0x39
                guard isDigit || lookalike(c) != 0 else { i += 1; continue }
                // The token around i: back to its start (a look-alike may open it), then to its end.
                guard i == 0 || !(isWordUnit(u[i - 1], letters)) else {
                    while i < n && isWordUnit(u[i], letters) { i += 1 }
                    continue
                }
                var e = i, digits = 0, alikes = 0, other = false
                while e < n && isWordUnit(u[e], letters) {
                    let x = u[e]
                    if x >= 0x30 && x <= 0x39 { digits += 1 } else if lookalike(x) != 0 { alikes += 1 } else { other = true }
                    e += 1
                }
                if !other && digits > 0 && alikes > 0 && alikes <= digits {
                    for k in i..<e where lookalike(u[k]) != 0 { u[k] = lookalike(u[k]) }
                }
                i = e
            }
        }
    }

    @inline(__always) private static func isWordUnit(_ c: UInt16, _ letters: LetterTables) -> Bool {
        (c >= 0x30 && c <= 0x39) || letters.isLetter(c) || (c >= 0x300 && c <= 0x36F)
    }
}
