/// Legacy Vietnamese byte encodings (TCVN3, VNI, Windows-1258): table-driven decoding and
/// detection of which one a non-UTF-8 file is written in.
///
/// The conversion tables are data (`Lexicons/encodings/<name>.tsv`, columns `bytes` and `text`);
/// this file only knows how to apply a table and how to judge whether a decoding reads as
/// Vietnamese. Everything works on `[UInt8]` and Unicode scalars; no Foundation.

/// A legacy Vietnamese byte encoding converted through a table loaded from Lexicons/encodings.
///
/// Decoding is a longest-match walk over the table's byte sequences (VNI writes `á` as `61 F9`,
/// Windows-1258 writes `ạ` as `61 F2`); a byte no row starts with decodes as the Latin-1 character
/// of the same value, so ASCII stays ASCII and decoding never fails.
public struct LegacyEncoding: Sendable {
    /// `tcvn3`, `vni`, `windows-1258`: the table's file name without `.tsv`; reported as `source.encoding`.
    public let name: String

    /// The byte-sequence trie. Node `n` owns the 256 slots `n * 256 ..< (n + 1) * 256`; node 0 is the root.
    /// `child[slot]` is the node reached by that byte (0: none), `output[slot]` the index into
    /// `outputs` of the text the sequence ending with that byte converts to (-1: none).
    private let child: [Int32]
    private let output: [Int32]
    /// The UTF-8 of each row's text.
    private let outputs: [[UInt8]]
    /// The longest byte sequence in the table.
    public let maxSequenceLength: Int

    /// Builds the encoding from a table with columns `bytes` (upper-case hex bytes separated by
    /// single spaces, e.g. `61 F9`) and `text` (the Unicode text they convert to).
    public init(name: String, table: TSVTable) throws(LexiconError) {
        self.name = name
        let bytesColumn = try table.column("bytes")
        let textColumn = try table.column("text")
        var child = [Int32](repeating: 0, count: 256)
        var output = [Int32](repeating: -1, count: 256)
        var outputs: [[UInt8]] = []
        var maxLength = 0
        for row in table.rows {
            let field = row[bytesColumn]
            guard let sequence = LegacyEncoding.parseHex(field) else {
                throw LexiconError(path: table.path, line: row.line,
                                   message: "bad byte sequence '\(field)': expected two-digit hex bytes separated by single spaces, e.g. '61 F9'")
            }
            let text = row[textColumn]
            if text.isEmpty {
                throw LexiconError(path: table.path, line: row.line, message: "empty text for byte sequence '\(field)'")
            }
            var node = 0
            for byte in sequence.dropLast() {
                let slot = node * 256 + Int(byte)
                if child[slot] == 0 {
                    child[slot] = Int32(child.count / 256)
                    child.append(contentsOf: repeatElement(0, count: 256))
                    output.append(contentsOf: repeatElement(-1, count: 256))
                }
                node = Int(child[slot])
            }
            let slot = node * 256 + Int(sequence[sequence.count - 1])
            if output[slot] >= 0 {
                throw LexiconError(path: table.path, line: row.line, message: "byte sequence '\(field)' is listed twice")
            }
            output[slot] = Int32(outputs.count)
            outputs.append(Array(text.utf8))
            maxLength = max(maxLength, sequence.count)
        }
        self.child = child
        self.output = output
        self.outputs = outputs
        self.maxSequenceLength = maxLength
    }

    /// `"61 F9"` → `[0x61, 0xF9]`; nil unless it is one or more two-digit hex bytes separated by single spaces.
    static func parseHex(_ field: String) -> [UInt8]? {
        var result: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if !result.isEmpty {
                guard utf8[index] == 0x20 else { return nil }
                index += 1
            }
            guard index + 1 < utf8.count, let high = hexValue(utf8[index]), let low = hexValue(utf8[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result.isEmpty ? nil : result
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Converts `bytes` to text. Never fails: at each position the longest sequence the table
    /// lists wins; a byte that starts no listed sequence is taken as Latin-1 (ASCII stays ASCII).
    public func decode(_ bytes: [UInt8]) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 2)
        decode(bytes[...], into: &utf8)
        return String(decoding: utf8, as: UTF8.self)
    }

    func decode(_ bytes: ArraySlice<UInt8>, into utf8: inout [UInt8]) {
        child.withUnsafeBufferPointer { child in
            output.withUnsafeBufferPointer { output in
                var i = bytes.startIndex
                let end = bytes.endIndex
                while i < end {
                    let first = bytes[i]
                    // Fast path: a byte that starts no sequence.
                    if child[Int(first)] == 0 && output[Int(first)] < 0 {
                        LegacyEncoding.appendLatin1(first, to: &utf8)
                        i += 1
                        continue
                    }
                    var node = 0
                    var j = i
                    var best: Int32 = -1
                    var bestEnd = i
                    while j < end {
                        let slot = node * 256 + Int(bytes[j])
                        if output[slot] >= 0 { best = output[slot]; bestEnd = j + 1 }
                        let next = child[slot]
                        if next == 0 { break }
                        node = Int(next)
                        j += 1
                    }
                    if best >= 0 {
                        utf8.append(contentsOf: outputs[Int(best)])
                        i = bestEnd
                    } else {
                        LegacyEncoding.appendLatin1(first, to: &utf8)
                        i += 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func appendLatin1(_ byte: UInt8, to utf8: inout [UInt8]) {
        if byte < 0x80 {
            utf8.append(byte)
        } else {
            utf8.append(0xC0 | byte >> 6)
            utf8.append(0x80 | byte & 0x3F)
        }
    }
}

/// Chooses the legacy encoding a byte string is most plausibly written in.
///
/// Each candidate decodes a bounded prefix (`prefixLimit` bytes); the decoding is read as runs of
/// letters, and every run that holds a non-ASCII letter is judged as a Vietnamese syllable:
/// an onset from the closed list of Vietnamese initials, a rhyme from the closed list of
/// Vietnamese rhymes, at most one tone mark, and only the acute or dot-below tone on a rhyme ending in
/// a stop (c, ch, k, p, t). ASCII-only runs decode the same in every candidate and are not counted, nor
/// are vowel-less abbreviations whose only non-ASCII letter is đ (QĐ, HĐND).
///
/// - `good`: runs with Vietnamese letters that are well-formed syllables;
/// - `common`: those among them that are very common syllables of administrative text (của, và, được…);
/// - `bad`: runs with non-ASCII letters that are not syllables (`cña`, `caùc`, `président`);
/// - `stray`: non-ASCII symbols that ordinary text does not hold (`¸ ¹ ¶ µ «`, C1 controls, binary control bytes).
///
/// The score is `good + common − 2·bad − stray`. The best candidate is accepted when it has enough
/// evidence (at least 5 good syllables, or at least 2 and nothing odd at all), when good syllables make
/// at least 60 % of the judged runs and symbols, and when it beats every other candidate whose
/// decoding differs by a clear margin. Otherwise the bytes are not taken to be Vietnamese: nil.
public enum LegacyDetector {
    /// Only this many leading bytes are read to choose the encoding.
    public static let prefixLimit = 64 * 1024

    /// What one decoding says about itself.
    public struct Evidence: Sendable, Equatable {
        public var good = 0
        public var common = 0
        public var bad = 0
        public var stray = 0
        public var score: Int { good + common - 2 * bad - stray }
    }

    /// nil when no candidate's decoding reads as Vietnamese (then the caller reports the file as undecodable).
    public static func detect(_ bytes: [UInt8], among candidates: [LegacyEncoding]) -> (encoding: LegacyEncoding, text: String)? {
        guard !bytes.isEmpty, !candidates.isEmpty else { return nil }
        var prefixEnd = bytes.count
        if prefixEnd > prefixLimit {
            // End the prefix after an ASCII space or line end so no multi-byte sequence is cut.
            prefixEnd = prefixLimit
            let floor = prefixLimit - 256
            while prefixEnd > floor, !(bytes[prefixEnd - 1] == 0x20 || bytes[prefixEnd - 1] == 0x0A) { prefixEnd -= 1 }
            if prefixEnd == floor { prefixEnd = prefixLimit }
        }
        let prefix = bytes[..<prefixEnd]

        var texts: [String] = []
        var evidence: [Evidence] = []
        for candidate in candidates {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(prefix.count + prefix.count / 2)
            candidate.decode(prefix, into: &utf8)
            let text = String(decoding: utf8, as: UTF8.self)
            texts.append(text)
            evidence.append(judge(text))
        }

        var best = 0
        for index in evidence.indices.dropFirst() where evidence[index].score > evidence[best].score { best = index }
        let winner = evidence[best]
        let enough = winner.good >= 5 || (winner.good >= 2 && winner.bad == 0 && winner.stray == 0)
        let judged = winner.good + winner.bad + winner.stray
        let clean = winner.good * 10 >= judged * 6
        guard enough, clean else { return nil }
        let margin = max(3, winner.score / 3)
        for index in evidence.indices where index != best {
            if texts[index] == texts[best] { continue }
            if winner.score - evidence[index].score < margin { return nil }
        }
        let encoding = candidates[best]
        let text = prefixEnd == bytes.count ? texts[best] : encoding.decode(bytes)
        return (encoding, text)
    }

    /// Reads `text` as Vietnamese and counts the evidence for and against.
    public static func judge(_ text: String) -> Evidence {
        var evidence = Evidence()
        let tables = Tables.shared
        let info = tables.letterInfo
        // The run of letters being read: letter codes, tone marks seen, whether any letter is non-ASCII or foreign.
        var letters: [UInt8] = []
        letters.reserveCapacity(32)
        var tone: UInt8 = 0
        var tones = 0
        var nonASCII = false
        var foreign = false

        func finishRun() {
            defer {
                letters.removeAll(keepingCapacity: true)
                tone = 0; tones = 0; nonASCII = false; foreign = false
            }
            guard nonASCII else { return }  // ASCII runs read the same in every candidate
            // Abbreviations such as QĐ, HĐND, BCĐ: no vowel, and đ the only non-ASCII letter. Neutral.
            if !foreign, !letters.contains(where: Tables.isVowel) { return }
            if !foreign, tones <= 1, letters.count <= 7, let key = syllableKey(letters, tone: tone) {
                evidence.good += 1
                if tables.common.contains(key) { evidence.common += 1 }
            } else {
                evidence.bad += 1
            }
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            let code: UInt16
            if value < UInt32(info.count) {
                code = info[Int(value)]
            } else {
                code = scalar.properties.isAlphabetic ? Tables.foreignLetter : 0
            }
            if code != 0 {
                if value >= 0x80 { nonASCII = true }
                if code == Tables.foreignLetter { foreign = true }
                let letterTone = UInt8(code >> 8)
                if letterTone != 0 { tones += 1; tone = letterTone }
                letters.append(UInt8(code & 0xFF))
                continue
            }
            if !letters.isEmpty { finishRun() }
            if isStray(value) { evidence.stray += 1 }
        }
        if !letters.isEmpty { finishRun() }
        return evidence
    }

    /// A non-letter that ordinary text does not hold: control bytes other than tab, line ends and
    /// form feed, C1 controls, and non-ASCII symbols outside common typographic punctuation.
    @inline(__always)
    static func isStray(_ value: UInt32) -> Bool {
        if value < 0x20 { return !(value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C) }
        if value < 0x7F { return false }
        switch value {
        case 0xA0, 0xA7, 0xB0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026:
            return false
        default:
            return true
        }
    }

    /// The key of `letters` (syllable codes) with `tone` when they form a well-formed Vietnamese syllable.
    static func syllableKey(_ letters: [UInt8], tone: UInt8) -> UInt64? {
        guard !letters.isEmpty, letters.count <= 7 else { return nil }
        let tables = Tables.shared
        var valid = false
        for onset in tables.onsets where onset.count < letters.count {
            guard letters.starts(with: onset) else { continue }
            let rhyme = letters[onset.count...]
            guard let kind = tables.rhymes[pack(rhyme)] else { continue }
            // A rhyme closed by a stop takes only the acute or the dot-below tone.
            if kind == .stop && !(tone == Tables.acute || tone == Tables.dot) { continue }
            valid = true
            break
        }
        guard valid else { return nil }
        return pack(letters[...]) << 3 | UInt64(tone)
    }

    @inline(__always)
    static func pack(_ letters: ArraySlice<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for letter in letters { key = key << 8 | UInt64(letter) }
        return key
    }

    /// Letter codes, the closed lists of onsets and rhymes, and the common syllables.
    final class Tables: Sendable {
        static let shared = Tables()

        /// Letter code of a scalar that ends no run: 0. ASCII letters code as their lower case;
        /// ă â ê ô ơ ư đ as 1…7; any other letter (ñ, ç, ä, a combining mark…) as `foreignLetter`.
        static let foreignLetter: UInt16 = 0x7F
        static let acute: UInt8 = 2
        static let dot: UInt8 = 5
        /// Vowel rows: base, then grave, acute, hook above, tilde, dot below (tones 1…5).
        static let vowelRows: [(base: UInt8, lower: String, upper: String)] = [
            (0x61, "aàáảãạ", "AÀÁẢÃẠ"), (1, "ăằắẳẵặ", "ĂẰẮẲẴẶ"), (2, "âầấẩẫậ", "ÂẦẤẨẪẬ"),
            (0x65, "eèéẻẽẹ", "EÈÉẺẼẸ"), (3, "êềếểễệ", "ÊỀẾỂỄỆ"), (0x69, "iìíỉĩị", "IÌÍỈĨỊ"),
            (0x6F, "oòóỏõọ", "OÒÓỎÕỌ"), (4, "ôồốổỗộ", "ÔỒỐỔỖỘ"), (5, "ơờớởỡợ", "ƠỜỚỞỠỢ"),
            (0x75, "uùúủũụ", "UÙÚỦŨỤ"), (6, "ưừứửữự", "ƯỪỨỬỮỰ"), (0x79, "yỳýỷỹỵ", "YỲÝỶỸỴ"),
        ]

        enum RhymeKind { case open, stop }

        /// Whether a letter code is a vowel (a e i o u y, ă â ê ô ơ ư).
        @inline(__always)
        static func isVowel(_ code: UInt8) -> Bool {
            switch code {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 1...6: return true
            default: return false
            }
        }

        /// Per scalar below U+1F00: letter code | tone << 8, or 0 for a non-letter.
        let letterInfo: [UInt16]
        /// Onsets, longest first, ending with the empty onset.
        let onsets: [[UInt8]]
        let rhymes: [UInt64: RhymeKind]
        let common: Set<UInt64>

        private init() {
            var info = [UInt16](repeating: 0, count: 0x1F00)
            for value in 0..<0x1F00 {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                    info[value] = Tables.foreignLetter
                }
            }
            for value in 0x41...0x5A { info[value] = UInt16(value + 0x20) }
            for value in 0x61...0x7A { info[value] = UInt16(value) }
            for row in Tables.vowelRows {
                for form in [row.lower, row.upper] {
                    for (tone, scalar) in form.unicodeScalars.enumerated() {
                        info[Int(scalar.value)] = UInt16(row.base) | UInt16(tone) << 8
                    }
                }
            }
            info[0x0110] = 7; info[0x0111] = 7  // Đ đ
            letterInfo = info

            func codes(_ word: String) -> [UInt8] {
                word.unicodeScalars.map { UInt8(info[Int($0.value)] & 0xFF) }
            }
            let onsetList = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x"
            onsets = onsetList.split(separator: " ").map { codes(String($0)) }
                .sorted { $0.count > $1.count } + [[]]

            let rhymeList = """
                a ai ao au ay ac ach am an ang anh ap at ăc ăk ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
                e eo ec em en eng ep et ê êu êch êm ên êng ênh êp êt \
                i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu \
                o oi oc om on ong op ot oong ooc oa oac oach oai oam oan oang oanh oao oap oat oay \
                oăc oăm oăn oăng oăt oe oen oeo oet \
                ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
                u ua ui uy uc um un ung up ut uân uâng uât uây uê uêch uênh uơ \
                uya uych uyên uyêt uynh uyt uyu uôc uôi uôm uôn uông uôt \
                ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu \
                y yêm yên yêt yêu ynh yt
                """
            var rhymes: [UInt64: RhymeKind] = [:]
            for rhyme in rhymeList.split(separator: " ") {
                let letters = codes(String(rhyme))
                let stop = rhyme.hasSuffix("c") || rhyme.hasSuffix("ch") || rhyme.hasSuffix("k") || rhyme.hasSuffix("p") || rhyme.hasSuffix("t")
                rhymes[pack(letters[...])] = stop ? .stop : .open
            }
            self.rhymes = rhymes

            // Very common syllables of administrative text, with their diacritics.
            let commonList = """
                của và các được trong những năm tỉnh người việc thực hiện này cho với theo có không đã để về \
                một đến là ngày tháng số quyết định ủy ủy ban nhân dân sở cơ quan đơn vị huyện xã công tác chỉ \
                đạo báo cáo kế hoạch thông tư nghị chính phủ phát triển quản lý tổ chức trên đồng đề giao \
                chủ trì phối hợp yêu cầu căn cứ văn bản thủ trưởng trường hội học sinh dụng nội thành phố \
                nước tại từ sẽ nhà đầu điều khoản luật tiếp tục kiểm tra giải quyết triển khai trước
                """
            var common = Set<UInt64>()
            for word in commonList.split(separator: " ") {
                var letters: [UInt8] = []
                var tone: UInt8 = 0
                for scalar in word.unicodeScalars {
                    let code = info[Int(scalar.value)]
                    letters.append(UInt8(code & 0xFF))
                    if code >> 8 != 0 { tone = UInt8(code >> 8) }
                }
                common.insert(pack(letters[...]) << 3 | UInt64(tone))
            }
            self.common = common
        }
    }
}
