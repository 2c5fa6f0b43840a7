/// A streaming JSON writer with fixed key order, writing UTF-8 bytes.
///
/// The `vanban/1` field order is part of the contract's readability, and a hand-written writer
/// avoids building dictionaries per record. Strings are escaped per RFC 8259 (control
/// characters, quotes, backslash; `<`, `>`, `&` too, so the output can sit inside HTML; DEL,
/// U+FEFF, U+2028 and U+2029 as well).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init() { bytes.reserveCapacity(4096) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() { separate(); bytes.append(0x7B); needsComma.append(false) }
    public mutating func endObject() { bytes.append(0x7D); needsComma.removeLast() }
    public mutating func beginArray() { separate(); bytes.append(0x5B); needsComma.append(false) }
    public mutating func endArray() { bytes.append(0x5D); needsComma.removeLast() }

    /// Writes `"key":` inside an object; the next value call writes its value.
    public mutating func key(_ key: String) {
        separate()
        writeString(key)
        bytes.append(0x3A)
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }
    private var pendingKey = false

    private mutating func beforeValue() {
        if pendingKey { pendingKey = false; needsComma[needsComma.count - 1] = true } else { separate() }
    }

    public mutating func string(_ value: String) { beforeValue(); writeString(value) }
    public mutating func optionalString(_ value: String?) { if let value { string(value) } else { null() } }
    public mutating func int(_ value: Int) { beforeValue(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func optionalInt(_ value: Int?) { if let value { int(value) } else { null() } }
    public mutating func double(_ value: Double) { beforeValue(); bytes.append(contentsOf: String(value).utf8) }
    public mutating func bool(_ value: Bool) { beforeValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func null() { beforeValue(); bytes.append(contentsOf: "null".utf8) }
    public mutating func strings(_ values: [String]) { beginArrayValue(); for v in values { string(v) }; endArray() }
    public mutating func span(_ start: Int, _ end: Int) { beginArrayValue(); int(start); int(end); endArray() }

    /// `beginObject`/`beginArray` for a value after `key`.
    public mutating func beginObjectValue() { beforeValue(); bytes.append(0x7B); needsComma.append(false) }
    public mutating func beginArrayValue() { beforeValue(); bytes.append(0x5B); needsComma.append(false) }

    /// A string value straight from UTF-16 units (`units[range]`), as `string` would write
    /// `String(decoding: units[range], as: UTF16.self)` (a lone surrogate becomes U+FFFD) without
    /// building that String: record texts are most of what `vanban extract` writes.
    public mutating func utf16String(_ units: [UInt16], _ range: Range<Int>) {
        beforeValue()
        // At most 6 bytes per unit (`\u00XX`; a surrogate pair is 4 bytes for 2 units), plus quotes.
        let capacity = range.count * 6 + 2
        units.withUnsafeBufferPointer { u in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
                let count = JSONWriter.escape(u, range, into: out.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(start: out.baseAddress!, count: count))
            }
        }
    }

    /// Writes `units[range]` as a quoted, escaped UTF-8 JSON string at `out`; returns the bytes written.
    private static func escape(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        out[n] = 0x22; n += 1
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let unit = u[i]
            i += 1
            if unit < 0x80 {
                let byte = UInt8(truncatingIfNeeded: unit)
                if special[Int(byte)] == 0 { out[n] = byte; n += 1; continue }
                n += writeEscape(UInt32(byte), out + n)
                continue
            }
            var scalar = UInt32(unit)
            if unit & 0xFC00 == 0xD800, i < end, u[i] & 0xFC00 == 0xDC00 {
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(u[i]) - 0xDC00)
                i += 1
            } else if unit & 0xF800 == 0xD800 {
                scalar = 0xFFFD
            }
            switch scalar {
            case 0xFEFF, 0x2028, 0x2029:
                n += writeEscape(scalar, out + n)
            case ..<0x800:
                out[n] = UInt8(0xC0 | (scalar >> 6)); out[n + 1] = UInt8(0x80 | (scalar & 0x3F)); n += 2
            case ..<0x10000:
                out[n] = UInt8(0xE0 | (scalar >> 12)); out[n + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                out[n + 2] = UInt8(0x80 | (scalar & 0x3F)); n += 3
            default:
                out[n] = UInt8(0xF0 | (scalar >> 18)); out[n + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                out[n + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (scalar & 0x3F)); n += 4
            }
        }
        out[n] = 0x22; n += 1
        return n
    }

    /// 1 for the ASCII bytes a JSON string escapes: controls, `"`, `\\`, `<`, `>`, `&`, DEL.
    private static let special: [UInt8] = (0..<128).map { b in
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0x3E || b == 0x26 || b == 0x7F ? 1 : 0
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The escape of a scalar JSON output escapes (a special ASCII byte; U+FEFF, U+2028, U+2029)
    /// at `out`: `\n`-style when there is one, else `\uXXXX`. Returns its length, 2 or 6.
    private static func writeEscape(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        let short: UInt8
        switch scalar {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = 0x6E
        case 0x0D: short = 0x72
        case 0x09: short = 0x74
        default:
            out[0] = 0x5C; out[1] = 0x75
            out[2] = hex[Int((scalar >> 12) & 15)]; out[3] = hex[Int((scalar >> 8) & 15)]
            out[4] = hex[Int((scalar >> 4) & 15)]; out[5] = hex[Int(scalar & 15)]
            return 6
        }
        out[0] = 0x5C; out[1] = short
        return 2
    }

    private mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in writeEscaped(utf8) }
    }

    /// `utf8` as a quoted JSON string: the runs between escapes are copied at once.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        let count = utf8.count
        var runStart = 0, i = 0
        while i < count {
            let byte = utf8[i]
            let scalar: UInt32, length: Int
            if byte < 0x80 {
                guard JSONWriter.special[Int(byte)] != 0 else { i += 1; continue }
                scalar = UInt32(byte); length = 1
            } else if byte == 0xEF, i + 2 < count, utf8[i + 1] == 0xBB, utf8[i + 2] == 0xBF {
                // U+FEFF (a BOM inside the text) is escaped: Foundation's JSON parser on Linux drops a
                // raw one after an escape sequence, so the record's text would no longer match its span.
                scalar = 0xFEFF; length = 3
            } else if byte == 0xE2, i + 2 < count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 {
                // U+2028 and U+2029 are escaped so the output can sit inside JavaScript.
                scalar = utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029; length = 3
            } else {
                i += 1; continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { escape in
                let written = JSONWriter.writeEscape(scalar, escape.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(start: escape.baseAddress!, count: written))
            }
            i += length
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        bytes.append(0x22)
    }
}
