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
}
