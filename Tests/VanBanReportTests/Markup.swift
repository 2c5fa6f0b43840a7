/// A tiny HTML reader for the tests: checks that every element is closed in order and collects
/// the text content of an element by id (character references decoded). It knows void elements,
/// `/>` self-closing tags (SVG) and the raw text of `<script>` and `<style>`.
struct Markup {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let void: Set<String> = ["meta", "br", "input", "img", "hr", "link", "wbr", "col", "area", "base", "source"]

    /// Element names in document order (start tags only).
    private(set) var elements: [String] = []
    /// Start tags with their attribute text, in order.
    private(set) var startTags: [(name: String, attributes: String)] = []
    private var textById: [String: String] = [:]

    /// Reads `html`; throws on a tag closed out of order, an unclosed element or a stray `<`.
    init(_ html: String) throws {
        let s = Array(html.unicodeScalars)
        var i = 0
        var stack: [(name: String, id: String?)] = []
        var collecting: [(id: String, depth: Int, text: [Unicode.Scalar])] = []
        func appendText(_ t: ArraySlice<Unicode.Scalar>) {
            guard !collecting.isEmpty else { return }
            let decoded = try! Markup.decode(t)
            for k in collecting.indices { collecting[k].text.append(contentsOf: decoded) }
        }
        if html.hasPrefix("<!DOCTYPE html>") { i = "<!DOCTYPE html>".unicodeScalars.count }
        var textStart = i
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            appendText(s[textStart..<i])
            guard let close = s[i...].firstIndex(of: ">") else { throw Failure(description: "unterminated tag at \(i)") }
            let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            i = close + 1
            if inner.hasPrefix("/") {
                let name = String(inner.dropFirst()).lowercased().trimmingCharacters(in: " ")
                guard let top = stack.popLast(), top.name == name else {
                    throw Failure(description: "</\(name)> closes \(stack.last?.name ?? "nothing") at \(i)")
                }
                if let last = collecting.last, last.depth == stack.count {
                    textById[last.id] = String(String.UnicodeScalarView(last.text)); collecting.removeLast()
                }
            } else {
                guard let first = inner.unicodeScalars.first, first.properties.isAlphabetic else {
                    throw Failure(description: "stray < at \(i)")
                }
                let name = String(inner.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
                let attributes = String(inner.dropFirst(name.count))
                elements.append(name)
                startTags.append((name, attributes))
                let selfClosing = inner.hasSuffix("/")
                if name == "script" || name == "style" {
                    let end = "</\(name)>".unicodeScalars.map { $0 }
                    var j = i
                    while j + end.count <= s.count && Array(s[j..<(j + end.count)]) != end { j += 1 }
                    guard j + end.count <= s.count else { throw Failure(description: "unclosed <\(name)>") }
                    i = j + end.count
                } else if !Markup.void.contains(name) && !selfClosing {
                    let id = Markup.attribute("id", in: attributes)
                    stack.append((name, id))
                    if let id { collecting.append((id, stack.count - 1, [])) }
                }
            }
            textStart = i
        }
        appendText(s[textStart..<s.count])
        if let open = stack.last { throw Failure(description: "<\(open.name)> never closed") }
    }

    /// The decoded text content of the element with this id.
    func text(ofId id: String) -> String? { textById[id] }

    static func attribute(_ name: String, in attributes: String) -> String? {
        guard let r = attributes.range(of: " \(name)=\"") else { return nil }
        let rest = attributes[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Text with character references decoded; a raw `>` or `"` is fine, a raw `&` that starts no reference is not.
    static func decode(_ t: ArraySlice<Unicode.Scalar>) throws -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = t.startIndex
        while i < t.endIndex {
            if t[i] == "&", let semi = t[i...].prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(t[(i + 1)..<semi]))
                let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]
                if let v = named[name] { out.append(v); i = semi + 1; continue }
                if name.hasPrefix("#"), let n = UInt32(name.dropFirst()), let v = Unicode.Scalar(n) { out.append(v); i = semi + 1; continue }
            }
            if t[i] == "&" { throw Failure(description: "raw & in text") }
            out.append(t[i]); i += 1
        }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
