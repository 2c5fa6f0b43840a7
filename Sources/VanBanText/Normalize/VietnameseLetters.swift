/// Tables of Vietnamese letters: each precomposed vowel as (base vowel, tone), and a folding
/// table from any letter to its lower-case ASCII base (`Đ`, `đ` → `d`).
///
/// Every table is indexed by UTF-16 unit; Vietnamese is entirely in the BMP, in
/// U+0000–U+024F and U+1E00–U+1EFF, so two flat arrays cover it.
public enum VietnameseLetters {
    /// The six tones, in the order the rows of `vowelRows` list them.
    public enum Tone: UInt8, Sendable { case level = 0, grave, acute, hook, tilde, dot }

    /// Each row: a base vowel followed by its five toned forms (grave, acute, hook above, tilde, dot below).
    static let vowelRows: [String] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ]

    /// Vowel info per unit: 0 = not a Vietnamese vowel; otherwise (row + 1) << 3 | tone.
    static let vowelInfo: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x1F00)
        for (row, letters) in vowelRows.enumerated() {
            for (tone, unit) in letters.utf16.enumerated() {
                table[Int(unit)] = UInt16(row + 1) << 3 | UInt16(tone)
            }
        }
        return table
    }()

    /// The letter of row `row` (0-based) with `tone`.
    static let vowelForms: [[UInt16]] = vowelRows.map { Array($0.utf16) }

    /// Lower-case ASCII folding of every unit below U+1F00 (0 where there is no letter to fold to).
    static let foldTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x1F00)
        for unit in 0..<128 {
            var byte = UInt8(unit)
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            table[unit] = byte
        }
        let bases = Array("aaaeeiooouuy".utf8)
        for (row, letters) in vowelRows.enumerated() {
            for unit in letters.utf16 { table[Int(unit)] = bases[row % 12] }
        }
        table[0x0110] = 0x64; table[0x0111] = 0x64  // Đ đ
        table[0x00D0] = 0x64; table[0x00F0] = 0x64  // Ð ð (look-alikes of Đ đ)
        // Other Latin letters with marks fold to their base (names, loan words).
        let others: [(String, UInt8)] = [
            ("çÇ", 0x63), ("ñÑ", 0x6E), ("äÄåÅ", 0x61), ("ëË", 0x65), ("ïÏîÎ", 0x69),
            ("öÖøØ", 0x6F), ("üÜûÛ", 0x75), ("ÿ", 0x79),
        ]
        for (letters, base) in others {
            for unit in letters.utf16 { table[Int(unit)] = base }
        }
        return table
    }()

    /// Folds one UTF-16 unit to lower-case ASCII: letters to their base letter, `đ` to `d`,
    /// digits and ASCII punctuation to themselves, dashes to `-`, quotes to `"`, any space to
    /// ` `, and anything else to `FoldedByte.other` (a non-ASCII letter) or `FoldedByte.symbol`.
    @inline(__always)
    public static func fold(_ unit: UInt16) -> UInt8 {
        if unit < 0x1F00 {
            let byte = foldTable[Int(unit)]
            if byte != 0 { return byte }
        }
        return foldRare(unit)
    }

    /// The fold of units the table does not cover (spaces, dashes, quotes, other scripts).
    static func foldRare(_ unit: UInt16) -> UInt8 {
        switch unit {
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return 0x20
        case 0x2010...0x2015, 0x2212: return 0x2D  // hyphens, en and em dash, minus
        case 0x2018, 0x2019, 0x201A, 0x2032: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return 0x22
        case 0x2026: return 0x2E
        case 0x2028, 0x2029: return 0x0A
        default: break
        }
        return isLetter(unit) ? FoldedByte.other : FoldedByte.symbol
    }

    /// True for letters (ASCII, Latin with marks, Vietnamese, other scripts' BMP letters roughly).
    /// Inlined into callers for ASCII; other units take one call.
    @inlinable @inline(__always)
    public static func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
        return isLetterBeyondASCII(unit)
    }

    @usableFromInline
    static func isLetterBeyondASCII(_ unit: UInt16) -> Bool {
        if unit < 0x1F00 {
            let byte = foldTable[Int(unit)]
            if byte >= 0x61 && byte <= 0x7A { return true }
            return unit >= 0x00C0 && unit != 0x00D7 && unit != 0x00F7 && unit <= 0x024F
                || unit >= 0x0370 && unit <= 0x03FF || unit >= 0x0400 && unit <= 0x04FF
                || unit >= 0x1E00
        }
        return unit >= 0x3040 && unit <= 0x9FFF || unit >= 0xAC00 && unit <= 0xD7A3
    }

    /// True for upper-case letters among the Vietnamese/Latin range.
    @inlinable @inline(__always)
    public static func isUpper(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x41 && unit <= 0x5A }
        return isUpperBeyondASCII(unit)
    }

    @usableFromInline
    static func isUpperBeyondASCII(_ unit: UInt16) -> Bool {
        if unit == 0x0110 || unit == 0x00D0 { return true }
        if unit == 0x0111 { return false }
        if unit < 0x1F00 {
            let info = vowelInfo[Int(unit)]
            if info != 0 { return (Int(info >> 3) - 1) >= 12 }
            if unit >= 0x00C0 && unit <= 0x00DE && unit != 0x00D7 { return true }
        }
        return false
    }

    /// True for lower-case letters among the Vietnamese/Latin range.
    @inlinable @inline(__always)
    public static func isLower(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
        return isLowerBeyondASCII(unit)
    }

    @usableFromInline
    static func isLowerBeyondASCII(_ unit: UInt16) -> Bool { isLetterBeyondASCII(unit) && !isUpperBeyondASCII(unit) }

    /// The tone of a vowel unit and its row, or nil for a non-vowel.
    @inline(__always)
    static func vowel(_ unit: UInt16) -> (row: Int, tone: Int)? {
        guard unit < 0x1F00 else { return nil }
        let info = vowelInfo[Int(unit)]
        if info == 0 { return nil }
        return (Int(info >> 3) - 1, Int(info & 7))
    }
}

/// Pointer views of the letter tables, fetched once per pass so hot loops do no lazy-global
/// checks or array bounds checks. The tables live for the whole process.
public struct LetterTables: @unchecked Sendable {
    let fold: UnsafePointer<UInt8>
    let vowel: UnsafePointer<UInt16>
    /// Per UTF-16 unit: `letterFlag`, `upperFlag`, `lowerFlag` as `VietnameseLetters` classifies it.
    let classes: UnsafePointer<UInt8>
    static let letterFlag: UInt8 = 1, upperFlag: UInt8 = 2, lowerFlag: UInt8 = 4
    /// A Vietnamese vowel (`vowelOf` is not nil), and one carrying a tone mark (`isTonedVowel`).
    static let vowelFlag: UInt8 = 8, tonedFlag: UInt8 = 16
    /// An ASCII digit, and a combining mark (U+0300–U+036F): with letters, the units of a token.
    static let digitFlag: UInt8 = 32, markFlag: UInt8 = 64
    /// A vowel with a shape mark (ă â ê ô ơ ư, any tone): where a syllable's tone belongs.
    static let shapedFlag: UInt8 = 128

    /// `folded(_:)` of every UTF-16 unit, one lookup with no branch (for folding whole texts).
    let foldAll: UnsafePointer<UInt8>

    public static let shared: LetterTables = {
        let fold = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x1F00)
        fold.initialize(from: VietnameseLetters.foldTable, count: 0x1F00)
        let vowel = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x1F00)
        vowel.initialize(from: VietnameseLetters.vowelInfo, count: 0x1F00)
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for unit in 0...0xFFFF {
            let u = UInt16(unit)
            var flags: UInt8 = 0
            if VietnameseLetters.isLetter(u) { flags |= letterFlag }
            if VietnameseLetters.isUpper(u) { flags |= upperFlag }
            if VietnameseLetters.isLower(u) { flags |= lowerFlag }
            if unit < 0x1F00 && VietnameseLetters.vowelInfo[unit] != 0 { flags |= vowelFlag }
            if unit >= 0xC0 && unit < 0x1F00 && VietnameseLetters.vowelInfo[unit] & 7 != 0 { flags |= tonedFlag }
            // Rows 1, 2, 4, 7, 8, 10 of `vowelRows` (either case) are ă â ê ô ơ ư.
            if unit < 0x1F00, VietnameseLetters.vowelInfo[unit] != 0, [1, 2, 4, 7, 8, 10].contains((Int(VietnameseLetters.vowelInfo[unit] >> 3) - 1) % 12) {
                flags |= shapedFlag
            }
            if unit >= 0x30 && unit <= 0x39 { flags |= digitFlag }
            if unit >= 0x300 && unit <= 0x36F { flags |= markFlag }
            classes[unit] = flags
        }
        let foldAll = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        for unit in 0...0xFFFF { foldAll[unit] = VietnameseLetters.fold(UInt16(unit)) }
        return LetterTables(fold: fold, vowel: vowel, classes: classes, foldAll: foldAll)
    }()

    /// `VietnameseLetters.isUpper`, by table.
    @inline(__always)
    public func isUpper(_ unit: UInt16) -> Bool { classes[Int(unit)] & LetterTables.upperFlag != 0 }

    /// `VietnameseLetters.isLower`, by table.
    @inline(__always)
    public func isLower(_ unit: UInt16) -> Bool { classes[Int(unit)] & LetterTables.lowerFlag != 0 }

    /// See `VietnameseLetters.fold`.
    @inline(__always)
    public func folded(_ unit: UInt16) -> UInt8 {
        if unit < 0x1F00 {
            let byte = fold[Int(unit)]
            if byte != 0 { return byte }
        }
        return VietnameseLetters.foldRare(unit)
    }

    /// True for a letter (`VietnameseLetters.isLetter`, by table).
    @inline(__always)
    public func isLetter(_ unit: UInt16) -> Bool { classes[Int(unit)] & LetterTables.letterFlag != 0 }

    /// True for a vowel carrying a tone mark (`à`, `ự`).
    @inline(__always)
    func isTonedVowel(_ unit: UInt16) -> Bool {
        unit >= 0xC0 && unit < 0x1F00 && vowel[Int(unit)] & 7 != 0
    }

    /// The vowel row and tone of a unit, or nil.
    @inline(__always)
    func vowelOf(_ unit: UInt16) -> (row: Int, tone: Int)? {
        guard unit < 0x1F00 else { return nil }
        let info = vowel[Int(unit)]
        if info == 0 { return nil }
        return (Int(info >> 3) - 1, Int(info & 7))
    }
}

/// Special values of the folded-key byte for units that have no ASCII fold.
public enum FoldedByte {
    /// A letter with no ASCII base (another script).
    public static let other: UInt8 = 0x80
    /// A symbol or punctuation mark with no ASCII counterpart.
    public static let symbol: UInt8 = 0x81
}
