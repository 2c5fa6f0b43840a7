/// Turns the bytes of an input into `SourceText`, or says clearly why it cannot.
///
/// Order of decisions: empty → error; UTF-16 BOM → UTF-16; UTF-8 BOM or valid UTF-8 → UTF-8;
/// NUL bytes → UTF-16 without a BOM when every other byte is mostly NUL and the text has no
/// control characters, else binary; otherwise the legacy Vietnamese encodings (TCVN3, VNI, Windows-1258)
/// are tried and the most Vietnamese-looking decoding wins; if none reads as Vietnamese the
/// error names the first invalid UTF-8 byte.
public struct Decoder: Sendable {
    /// Legacy encodings to try on bytes that are not UTF-8, loaded from `Lexicons/encodings`.
    public let legacyEncodings: [LegacyEncoding]

    public init(legacyEncodings: [LegacyEncoding] = []) {
        self.legacyEncodings = legacyEncodings
    }

    public func decode(_ bytes: [UInt8], path: String) throws(DecodeError) -> SourceText {
        let digest = SHA256.hex(bytes)
        if bytes.isEmpty { throw DecodeError(path: path, offset: nil, reason: .empty) }

        // UTF-16 with a byte-order mark.
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            let units = try decodeUTF16(bytes, littleEndian: littleEndian, path: path)
            if units.isEmpty { throw DecodeError(path: path, offset: nil, reason: .empty) }
            if let nul = units.firstIndex(of: 0) {
                throw DecodeError(path: path, offset: 2 + nul * 2, reason: .binary)
            }
            return SourceText(path: path, encoding: littleEndian ? "utf-16le" : "utf-16be", sha256: digest, units: units)
        }

        var body = bytes[...]
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = bytes[3...]
            if body.isEmpty { throw DecodeError(path: path, offset: nil, reason: .empty) }
        }
        if let nul = body.firstIndex(of: 0) {
            // UTF-16 without a byte-order mark: text whose every other byte is mostly NUL.
            if body.startIndex == 0, let littleEndian = Self.bomlessUTF16(bytes),
               let units = try? decodeUTF16(bytes, littleEndian: littleEndian, path: path, start: 0),
               !units.isEmpty, !units.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
                return SourceText(path: path, encoding: littleEndian ? "utf-16le" : "utf-16be", sha256: digest, units: units)
            }
            throw DecodeError(path: path, offset: nul, reason: .binary)
        }
        guard let invalid = UTF8Validation.firstInvalidOffset(body) else {
            return SourceText(path: path, encoding: "utf-8", sha256: digest, units: UTF8Validation.utf16(fromValid: body))
        }
        if body.startIndex == 0, let (encoding, text) = LegacyDetector.detect(bytes, among: legacyEncodings) {
            return SourceText(path: path, encoding: encoding.name, sha256: digest, text: text)
        }
        throw DecodeError(path: path, offset: invalid, reason: .invalidUTF8)
    }

    /// Whether BOM-less bytes look like UTF-16 text: an even length and NUL in at least a third
    /// of the high bytes (ASCII letters, digits, spaces) and almost never in the low ones.
    /// Returns the byte order, or nil.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var zeros = (even: 0, odd: 0)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0 { zeros.even += 1 }
            if bytes[i + 1] == 0 { zeros.odd += 1 }
            i += 2
        }
        let pairs = bytes.count / 2
        if zeros.odd * 3 >= pairs && zeros.even * 20 <= zeros.odd { return true }
        if zeros.even * 3 >= pairs && zeros.odd * 20 <= zeros.even { return false }
        return nil
    }

    private func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, path: String, start: Int = 2) throws(DecodeError) -> [UInt16] {
        if bytes.count % 2 != 0 {
            throw DecodeError(path: path, offset: bytes.count - 1, reason: .truncatedUTF16)
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = start
        while index < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        // Unpaired surrogates are invalid UTF-16.
        var i = 0
        while i < units.count {
            let u = units[i]
            if u & 0xFC00 == 0xD800 {
                if i + 1 < units.count, units[i + 1] & 0xFC00 == 0xDC00 { i += 2; continue }
                throw DecodeError(path: path, offset: start + i * 2, reason: .invalidUTF16)
            }
            if u & 0xFC00 == 0xDC00 { throw DecodeError(path: path, offset: start + i * 2, reason: .invalidUTF16) }
            i += 1
        }
        return units
    }
}

/// Why an input could not be decoded; `description` is the one line the CLI prints.
public struct DecodeError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable {
        case empty, binary, invalidUTF8, invalidUTF16, truncatedUTF16
    }
    public let path: String
    /// Byte offset of the offending byte, when there is one.
    public let offset: Int?
    public let reason: Reason

    public init(path: String, offset: Int?, reason: Reason) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        let at = offset.map { " at byte \($0)" } ?? ""
        switch reason {
        case .empty: return "\(path): empty file: nothing to read"
        case .binary: return "\(path): binary file (NUL byte\(at)), not text"
        case .invalidUTF8:
            return "\(path): invalid UTF-8\(at), and not a known legacy Vietnamese encoding (TCVN3, VNI, Windows-1258)"
        case .invalidUTF16: return "\(path): invalid UTF-16 (unpaired surrogate\(at))"
        case .truncatedUTF16: return "\(path): truncated UTF-16 (odd number of bytes; last byte\(at))"
        }
    }
}
