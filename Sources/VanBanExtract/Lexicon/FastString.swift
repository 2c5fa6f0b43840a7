import VanBanText

/// Strings from UTF-16 units, built as UTF-8 directly: `String(decoding:as: UTF16.self)` takes the standard
/// library's generic transcoding path (thousands of instructions for a short name), and the extractors build such
/// strings for every candidate they read. Same result, lone surrogates included (each becomes U+FFFD).
enum FastString {
    @inline(__always)
    static func utf16(_ units: [UInt16]) -> String { utf16(units[...]) }

    static func utf16(_ units: ArraySlice<UInt16>) -> String {
        if units.isEmpty { return "" }
        return units.withUnsafeBufferPointer { u in
            String(unsafeUninitializedCapacity: u.count * 3) { out in
                var n = 0
                var i = 0
                let end = u.count
                while i < end {
                    let unit = u[i]
                    i += 1
                    if unit < 0x80 { out[n] = UInt8(unit); n += 1; continue }
                    n = UTF16String.append(unit, next: i < end ? u[i] : nil, to: out, at: n, consumed: &i)
                }
                return n
            }
        }
    }
}
