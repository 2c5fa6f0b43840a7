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
    /// `NormalizationRules.digitLookalikes` as a table over ASCII (0: none); the look-alikes are ASCII letters.
    static func digitTable(_ lookalikes: [UInt16: UInt16]) -> [UInt16] {
        var ascii = [UInt16](repeating: 0, count: 128)
        for (wrong, right) in lookalikes where wrong < 0x80 && wrong != 0 { ascii[Int(wrong)] = right }
        return ascii
    }

    static func repairDigitLookalikes(_ units: inout [UInt16], table ascii: [UInt16]) {
        guard ascii.contains(where: { $0 != 0 }) else { return }
        let n = units.count
        let letters = LetterTables.shared
        func lookalike(_ c: UInt16) -> UInt16 { c < 0x80 ? ascii[Int(c)] : 0 }
        units.withUnsafeMutableBufferPointer { u in
            // Only tokens holding a digit can be repaired: find digits, then read their token around them.
            var i = 0
            while i < n {
                let c = u[i]
                guard c >= 0x30 && c <= 0x39 else { i += 1; continue }
                var s = i
                while s > 0 && isWordUnit(u[s - 1], letters) { s -= 1 }
                var e = s, digits = 0, alikes = 0, other = false
                while e < n && isWordUnit(u[e], letters) {
                    let x = u[e]
                    if x >= 0x30 && x <= 0x39 { digits += 1 } else if lookalike(x) != 0 { alikes += 1 } else { other = true }
                    e += 1
                }
                if !other && alikes > 0 && alikes <= digits {
                    for k in s..<e where lookalike(u[k]) != 0 { u[k] = lookalike(u[k]) }
                }
                i = e
            }
        }
    }

    @inline(__always) private static func isWordUnit(_ c: UInt16, _ letters: LetterTables) -> Bool {
        (c >= 0x30 && c <= 0x39) || letters.isLetter(c) || (c >= 0x300 && c <= 0x36F)
    }
}
