/// Strict UTF-8 validation that reports where the input stops being UTF-8.
enum UTF8Validation {
    /// The offset (relative to the collection's start) of the first byte that is not part of
    /// a well-formed UTF-8 sequence, or nil when all of `bytes` is valid UTF-8. Rejects
    /// overlong forms, surrogates and code points above U+10FFFF, like Unicode §3.9.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let n = buffer.count
            var i = 0
            while i < n {
                // Fast path: 8 ASCII bytes at a time.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                if i >= n { break }
                let b0 = buffer[i]
                if b0 < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b0 {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return i
                }
                if i + length > n { return i }
                let b1 = buffer[i + 1]
                if b1 < lower || b1 > upper { return i }
                if length > 2 {
                    for k in 2..<length where buffer[i + k] & 0xC0 != 0x80 { return i }
                }
                i += length
            }
            return nil
        }
    }

    /// Transcodes bytes already checked by `firstInvalidOffset` to UTF-16, in one pass.
    static func utf16(fromValid bytes: ArraySlice<UInt8>) -> [UInt16] {
        bytes.withUnsafeBufferPointer { b -> [UInt16] in
            [UInt16](unsafeUninitializedCapacity: b.count) { out, written in
                var i = 0, o = 0
                let n = b.count
                while i < n {
                    let b0 = b[i]
                    if b0 < 0x80 {
                        out[o] = UInt16(b0); i += 1; o += 1
                    } else if b0 < 0xE0 {
                        out[o] = UInt16(b0 & 0x1F) << 6 | UInt16(b[i + 1] & 0x3F); i += 2; o += 1
                    } else if b0 < 0xF0 {
                        out[o] = UInt16(b0 & 0x0F) << 12 | UInt16(b[i + 1] & 0x3F) << 6 | UInt16(b[i + 2] & 0x3F); i += 3; o += 1
                    } else {
                        let scalar = UInt32(b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                        let v = scalar - 0x10000
                        out[o] = UInt16(0xD800 + (v >> 10)); out[o + 1] = UInt16(0xDC00 + (v & 0x3FF)); i += 4; o += 2
                    }
                }
                written = o
            }
        }
    }
}
