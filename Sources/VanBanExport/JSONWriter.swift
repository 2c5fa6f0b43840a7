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
        bytes.append(0x22)
        let hex: StaticString = "0123456789abcdef"
        units.withUnsafeBufferPointer { u in
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                let unit = u[i]
                i += 1
                if unit < 0x80 {
                    let byte = UInt8(unit)
                    switch byte {
                    case 0x22: bytes.append(0x5C); bytes.append(0x22)
                    case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                    case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                    case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                    case 0x09: bytes.append(0x5C); bytes.append(0x74)
                    case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x7F:
                        let h = hex.utf8Start
                        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, h[Int(byte >> 4)], h[Int(byte & 15)]])
                    default: bytes.append(byte)
                    }
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
                case 0xFEFF: bytes.append(contentsOf: [0x5C, 0x75, 0x66, 0x65, 0x66, 0x66])
                case 0x2028: bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, 0x38])
                case 0x2029: bytes.append(contentsOf: [0x5C, 0x75, 0x32, 0x30, 0x32, 0x39])
                case ..<0x800:
                    bytes.append(UInt8(0xC0 | (scalar >> 6))); bytes.append(UInt8(0x80 | (scalar & 0x3F)))
                case ..<0x10000:
                    bytes.append(UInt8(0xE0 | (scalar >> 12))); bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                    bytes.append(UInt8(0x80 | (scalar & 0x3F)))
                default:
                    bytes.append(UInt8(0xF0 | (scalar >> 18))); bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                    bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (scalar & 0x3F)))
                }
            }
        }
        bytes.append(0x22)
    }

    private mutating func writeString(_ value: String) {
        bytes.append(0x22)
        let hex = Array("0123456789abcdef".utf8)
        let utf8 = Array(value.utf8)
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x7F:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            // U+FEFF (a BOM inside the text) is escaped: Foundation's JSON parser on Linux drops a
            // raw one after an escape sequence, so the record's text would no longer match its span.
            // U+2028 and U+2029 are escaped so the output can sit inside JavaScript.
            case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBB && utf8[i + 2] == 0xBF:
                bytes.append(contentsOf: Array("\\ufeff".utf8)); i += 2
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                bytes.append(contentsOf: Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)); i += 2
            default: bytes.append(byte)
            }
            i += 1
        }
        bytes.append(0x22)
    }
}
