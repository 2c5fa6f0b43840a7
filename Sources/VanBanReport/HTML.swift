/// Escaping for HTML text, attribute values and JSON embedded in a `<script>` element.
///
/// One function serves text and attributes: `&`, `<`, `>`, `"` and `'` become character
/// references, so a value is inert between tags and inside a quoted attribute alike.
public enum HTML {
    /// `s` with `& < > " '` replaced by character references.
    public static func escape(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { needs = true; break }
        guard needs else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal (with quotes) that is also safe inside `<script type="application/json">`:
    /// `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no `</script` or `<!--` can appear;
    /// U+2028 and U+2029 are escaped as well.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON value for data embedded in a page (record fields for the script); written with
/// `HTML.jsonString`, so its text is safe inside a `<script>` element.
enum JSONValue {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys in the order given.
    case object([(String, JSONValue)])

    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }

    func write(to out: inout String) {
        switch self {
        case .string(let s): out += HTML.jsonString(s)
        case .number(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += HTML.jsonString(key) + ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    var text: String { var s = ""; write(to: &s); return s }
}
