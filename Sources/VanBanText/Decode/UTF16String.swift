/// Builds Strings from UTF-16 units by transcoding to UTF-8 in one pass, the same String that
/// `String(decoding: units[range], as: UTF16.self)` gives (a lone surrogate becomes U+FFFD), at
/// a fraction of its cost: the standard library takes its slow, scalar-by-scalar path for UTF-16.
public enum UTF16String {
    /// The String of `units[range]`.
    public static func make(_ units: [UInt16], _ range: Range<Int>) -> String {
        make(units[range])
    }

    /// The String of `units`.
    public static func make(_ units: [UInt16]) -> String { make(units[...]) }

    /// The String of a slice of units.
    public static func make(_ units: ArraySlice<UInt16>) -> String {
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
                    n = append(unit, next: i < end ? u[i] : nil, to: out, at: n, consumed: &i)
                }
                return n
            }
        }
    }

    /// Writes the UTF-8 of a non-ASCII unit (with `next` when it completes a surrogate pair, then
    /// advancing `i`) at `n`; returns the new length. At most 4 bytes are written for 2 units.
    @inline(__always)
    public static func append(_ unit: UInt16, next: UInt16?, to out: UnsafeMutableBufferPointer<UInt8>, at n: Int, consumed i: inout Int) -> Int {
        var scalar = UInt32(unit)
        if unit & 0xFC00 == 0xD800, let next, next & 0xFC00 == 0xDC00 {
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(next) - 0xDC00)
            i += 1
        } else if unit & 0xF800 == 0xD800 {
            scalar = 0xFFFD
        }
        if scalar < 0x800 {
            out[n] = UInt8(0xC0 | (scalar >> 6)); out[n + 1] = UInt8(0x80 | (scalar & 0x3F))
            return n + 2
        }
        if scalar < 0x10000 {
            out[n] = UInt8(0xE0 | (scalar >> 12)); out[n + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[n + 2] = UInt8(0x80 | (scalar & 0x3F))
            return n + 3
        }
        out[n] = UInt8(0xF0 | (scalar >> 18)); out[n + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
        out[n + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (scalar & 0x3F))
        return n + 4
    }
}
