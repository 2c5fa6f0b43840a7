/// Turns the bytes of an input into `SourceText`, or says clearly why it cannot.
///
/// Order of decisions: empty → error; UTF-16 BOM → UTF-16; UTF-8 BOM or valid UTF-8 → UTF-8;
/// NUL bytes → binary; otherwise the legacy Vietnamese encodings (TCVN3, VNI, Windows-1258)
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

    private func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool, path: String) throws(DecodeError) -> [UInt16] {
        if bytes.count % 2 != 0 {
            throw DecodeError(path: path, offset: bytes.count - 1, reason: .truncatedUTF16)
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
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
                throw DecodeError(path: path, offset: 2 + i * 2, reason: .invalidUTF16)
            }
            if u & 0xFC00 == 0xDC00 { throw DecodeError(path: path, offset: 2 + i * 2, reason: .invalidUTF16) }
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
