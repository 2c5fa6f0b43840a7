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

    /// Repairs the token `u[start..<end]` (letters, digits, marks; it holds a digit) when every
    /// unit but its digits is a look-alike and the look-alikes are no more than the digits.
    static func repairDigitToken(_ u: UnsafeMutableBufferPointer<UInt16>, _ start: Int, _ end: Int, _ ascii: [UInt16]) {
        func lookalike(_ c: UInt16) -> UInt16 { c < 0x80 ? ascii[Int(c)] : 0 }
        var digits = 0, alikes = 0
        for k in start..<end {
            let x = u[k]
            if x >= 0x30 && x <= 0x39 { digits += 1 } else if lookalike(x) != 0 { alikes += 1 } else { return }
        }
        guard alikes > 0 && alikes <= digits else { return }
        for k in start..<end where lookalike(u[k]) != 0 { u[k] = lookalike(u[k]) }
    }
}
