/// The outline of a document: numbered items and list dashes, nested as the numbering says.
///
/// Markers recognised at the start of a line: `Phần I`, `Chương II`, `Mục 1`, `Điều 5.`, Roman
/// `I.`/`II.`, Arabic `1.`/`1)`, dotted `2.3`/`2.3.1.`, letters `a)`/`đ)`, and bullets `-`, `+`,
/// `•`. Kinds have a fixed rank (part > chapter > section > article > Roman > Arabic by depth >
/// letter > dash > plus): a marker closes every open item of its rank or below and nests in
/// the nearest open item above it. A paragraph with no marker closes open bullet lists (a list
/// ends at running text) but stays inside the numbered item it follows; `Nơi nhận:`,
/// `Kính gửi:` and all-capital lines (`QUYẾT ĐỊNH`, `CHỦ TỊCH`) close everything.
public struct SectionTree: Sendable {
    /// One item of the outline.
    public struct Node: Sendable {
        public enum Kind: String, Sendable {
            case part, chapter, section, article, roman, arabic, letter, dash, plus
        }
        public let kind: Kind
        /// Arabic depth (`2.3` → 2), 1 for other kinds.
        public let depth: Int
        /// The label as written without punctuation: `II`, `2.3`, `a`, `5`; empty for bullets.
        public let label: String
        /// The marker's range, e.g. `2.3.` or `-` (normalized units).
        public let marker: Range<Int>
        /// The heading line: from the marker to the end of its line.
        public let line: Range<Int>
        /// The whole item: its line and everything it governs.
        public internal(set) var range: Range<Int>
        /// Index of the parent node, nil at the top.
        public let parent: Int?
        public internal(set) var children: [Int] = []
    }

    public private(set) var nodes: [Node] = []

    public init(_ text: NormalizedText) {
        let u = text.units
        let n = u.count
        var stack: [(rank: Int, node: Int)] = []
        var lineStart = 0
        while lineStart < n {
            let lineEnd = u.withUnsafeBufferPointer { b in
                var k = lineStart
                while k < n && b[k] != 0x0A { k += 1 }
                return k
            }
            if lineEnd > lineStart {
                if let m = Self.marker(u, lineStart..<lineEnd) {
                    let rank = Self.rank(m.kind, depth: m.depth)
                    if let open = stack.firstIndex(where: { $0.rank >= rank }) {
                        close(&stack, from: open, at: lineStart)
                    }
                    let parent = stack.last?.node
                    let index = nodes.count
                    nodes.append(Node(kind: m.kind, depth: m.depth, label: m.label, marker: m.marker,
                                      line: lineStart..<lineEnd, range: lineStart..<n, parent: parent))
                    if let parent { nodes[parent].children.append(index) }
                    stack.append((rank, index))
                } else if !stack.isEmpty && Self.closesAll(text.folded, u, lineStart..<lineEnd) {
                    close(&stack, from: 0, at: lineStart)
                } else if let firstBullet = stack.firstIndex(where: { $0.rank >= Self.rank(.dash, depth: 1) }) {
                    close(&stack, from: firstBullet, at: lineStart)
                }
            }
            lineStart = lineEnd + 1
        }
    }

    /// Nesting rank of a marker kind: lower ranks contain higher ones.
    static func rank(_ kind: Node.Kind, depth: Int) -> Int {
        switch kind {
        case .part: return 0
        case .chapter: return 1
        case .section: return 2
        case .article: return 3
        case .roman: return 4
        case .arabic: return 4 + min(depth, 6)
        case .letter: return 11
        case .dash: return 12
        case .plus: return 13
        }
    }

    /// Layout lines that end any outline: `Nơi nhận:`, `Kính gửi:`, and lines in capitals.
    static func closesAll(_ folded: [UInt8], _ u: [UInt16], _ line: Range<Int>) -> Bool {
        if startsWith(folded, line, noiNhan) || startsWith(folded, line, kinhGui) { return true }
        let tables = LetterTables.shared
        var letters = 0
        for i in line where tables.isLetter(u[i]) {
            if tables.isLower(u[i]) { return false }
            letters += 1
        }
        return letters >= 4
    }

    private static let noiNhan = Array("noi nhan".utf8), kinhGui = Array("kinh gui".utf8)

    @inline(__always)
    private static func startsWith(_ folded: [UInt8], _ line: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard line.count >= prefix.count else { return false }
        for k in 0..<prefix.count where folded[line.lowerBound + k] != prefix[k] { return false }
        return true
    }

    /// Heading words and their kinds, as UTF-16 (`Điều 5.`, `CHƯƠNG II`).
    private static let words: [([UInt16], Node.Kind)] = {
        let list: [(String, Node.Kind)] = [
            ("Điều", .article), ("Chương", .chapter), ("Mục", .section), ("Phần", .part),
            ("ĐIỀU", .article), ("CHƯƠNG", .chapter), ("MỤC", .section), ("PHẦN", .part),
        ]
        return list.map { (Array($0.0.utf16), $0.1) }
    }()

    /// `I`, `V`, `X`, `L`, `C`: the letters of a Roman numeral.
    @inline(__always)
    private static func isRoman(_ c: UInt16) -> Bool { c == 0x49 || c == 0x56 || c == 0x58 || c == 0x4C || c == 0x43 }

    private mutating func close(_ stack: inout [(rank: Int, node: Int)], from index: Int, at position: Int) {
        for entry in stack[index...] {
            nodes[entry.node].range = nodes[entry.node].range.lowerBound..<max(position - 1, nodes[entry.node].line.upperBound)
        }
        stack.removeSubrange(index...)
    }

    /// The innermost node whose range contains `position`, or nil.
    public func innermost(containing position: Int) -> Int? {
        // Nodes are in document order; the last one starting at or before `position` that
        // contains it, walking up through parents, is the innermost.
        var lo = 0, hi = nodes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodes[mid].line.lowerBound <= position { lo = mid + 1 } else { hi = mid }
        }
        var candidate = lo - 1
        while candidate >= 0 {
            if nodes[candidate].range.contains(position) || nodes[candidate].range.upperBound == position { return candidate }
            guard let parent = nodes[candidate].parent else {
                // A sibling earlier in the document may not contain it; try the previous top-level node.
                candidate -= 1
                continue
            }
            candidate = parent
        }
        return nil
    }

    /// The chain of nodes from the top down to `index`.
    public func path(to index: Int) -> [Int] {
        var chain: [Int] = []
        var current: Int? = index
        while let c = current { chain.append(c); current = nodes[c].parent }
        return chain.reversed()
    }

    /// A label such as `II.2.a` for the numbered ancestors of a node (bullets skipped).
    public func label(of index: Int) -> String {
        path(to: index).compactMap { nodes[$0].label.isEmpty ? nil : nodes[$0].label }.joined(separator: ".")
    }

    struct Marker { let kind: Node.Kind; let depth: Int; let label: String; let marker: Range<Int> }

    /// Recognises the marker at the start of a line.
    static func marker(_ u: [UInt16], _ line: Range<Int>) -> Marker? {
        let s = line.lowerBound, e = line.upperBound
        func at(_ k: Int) -> UInt16 { k < e ? u[k] : 0 }
        func isDigit(_ k: Int) -> Bool { at(k) >= 0x30 && at(k) <= 0x39 }
        let c = u[s]
        // Bullets.
        if c == 0x2D || c == 0x2013 || c == 0x2022 || c == 0x2B || c == 0x25CF || c == 0x25AA || c == 0xF0B7 {
            if at(s + 1) == 0x20 || (c != 0x2D && c != 0x2B && at(s + 1) != 0) {
                return Marker(kind: c == 0x2B ? .plus : .dash, depth: 1, label: "", marker: s..<s + 1)
            }
            return nil
        }
        // Words: Phần, Chương, Mục, Điều (each starts with an upper-case M, P, C or Đ).
        for (w, kind) in (c == 0x4D || c == 0x50 || c == 0x43 || c == 0x0110) ? words : [] {
            guard e - s > w.count + 1, w[0] == c, at(s + w.count) == 0x20 else { continue }
            var same = true
            for k in 1..<w.count where u[s + k] != w[k] { same = false; break }
            guard same else { continue }
            var k = s + w.count + 1
            let labelStart = k
            while k < e && (isDigit(k) || isRoman(u[k])) { k += 1 }
            guard k > labelStart else { return nil }
            let label = UTF16String.make(u, labelStart..<k)
            if at(k) == 0x2E || at(k) == 0x3A { k += 1 }
            return Marker(kind: kind, depth: 1, label: label, marker: s..<k)
        }
        // Roman numerals: "II." or "II-" followed by a space.
        var k = s
        while k < e && isRoman(u[k]) { k += 1 }
        if k > s && k - s <= 5 && (at(k) == 0x2E || at(k) == 0x29) && (at(k + 1) == 0x20 || k + 1 == e) {
            return Marker(kind: .roman, depth: 1, label: UTF16String.make(u, s..<k), marker: s..<k + 1)
        }
        // Arabic: "1." "1)" "2.3" "2.3." "2.3.1" followed by a space.
        k = s
        var parts = 0
        while isDigit(k) {
            let partStart = k
            while isDigit(k) { k += 1 }
            if k - partStart > 3 { return nil }
            parts += 1
            if at(k) == 0x2E && isDigit(k + 1) { k += 1; continue }
            break
        }
        if parts > 0 {
            let labelEnd = k
            if at(k) == 0x2E || at(k) == 0x29 { k += 1 } else if parts == 1 { return nil }
            guard at(k) == 0x20 || k == e else { return nil }
            // "1." followed by a lower-case word is usually an item too; a bare year is not.
            return Marker(kind: .arabic, depth: parts, label: UTF16String.make(u, s..<labelEnd), marker: s..<k)
        }
        // Letters: "a)" "đ)" "b." followed by a space.
        if VietnameseLetters.isLower(c), at(s + 1) == 0x29 || (at(s + 1) == 0x2E && at(s + 2) == 0x20), at(s + 2) == 0x20 {
            return Marker(kind: .letter, depth: 1, label: UTF16String.make([c]), marker: s..<s + 2)
        }
        return nil
    }
}
