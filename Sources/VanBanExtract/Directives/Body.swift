import VanBanText

/// A body that can be bound by a directive: `Sở Nội vụ`, `Giám đốc Sở Nội vụ`, `UBND các huyện, thành phố`.
struct Body: Sendable, Hashable {
    /// The phrase in the normalized text, parentheticals included.
    var range: Range<Int>
    /// A private party (`các doanh nghiệp`, `đơn vị thi công`): a state body that relays an
    /// order to it keeps the task.
    var isPrivate: Bool
    /// How the name is made: the text of `written` (whitespace collapsed), or `canonical` plus the
    /// text of `suffix`. The string is only built when asked for, since most bodies read while
    /// parsing are discarded.
    private var written: Range<Int>
    private var canonical: String?
    private var suffix: Range<Int>?
    private var units: [UInt16]
    private var override: String?

    init(range: Range<Int>, written: Range<Int>, canonical: String? = nil, suffix: Range<Int>? = nil, isPrivate: Bool, units: [UInt16]) {
        self.range = range; self.written = written; self.canonical = canonical; self.suffix = suffix
        self.isPrivate = isPrivate; self.units = units
    }

    /// The name to report, as written in the text (whitespace and line breaks collapsed).
    ///
    /// Policy: a directive's `assignees`, `lead` and `coordinate` name the bodies the way the
    /// document wrote them (`Sở Nông nghiệp và PTNT`, `UBND các huyện, thị xã`), never expanded,
    /// as the corpus conventions ask; the canonical name of a known agency is in the document's
    /// `agencies` record for the same span, and in `canonicalName` here. One rule for every body,
    /// so an abbreviation the lexicon expands and one it does not know come out alike.
    var name: String {
        get { override ?? Body.collapse(units, written) }
        set { override = newValue }
    }

    /// Whether `name.lowercased()` starts with `các ` (a collective: `Các sở, ngành`), read from
    /// the units without building the name.
    var namedAsCollective: Bool {
        if let override { return override.lowercased().hasPrefix("các ") }
        var matched = 0
        var space = false
        for i in written {
            let u = units[i]
            if u == 0x20 || u == 0x0A || u == 0x09 || u == 0x0D || u == 0xA0 {
                if matched > 0 { space = true }
                continue
            }
            if space {
                // `các` then whitespace, then anything but a combining mark (which would join the space).
                guard matched == 3 else { return false }
                return !(u >= 0x300 && u <= 0x36F)
            }
            switch matched {
            case 0, 2: guard u == 0x63 || u == 0x43 else { return false }
            case 1: guard u == 0xE1 || u == 0xC1 else { return false }
            default: return false
            }
            matched += 1
        }
        return false
    }

    /// The agency lexicon's canonical name (plus any place written after it), nil for positions and collectives.
    var canonicalName: String? {
        guard let canonical else { return nil }
        guard let suffix, !suffix.isEmpty else { return canonical }
        return canonical + " " + Body.collapse(units, suffix)
    }

    static func == (a: Body, b: Body) -> Bool { a.range == b.range && a.name == b.name && a.isPrivate == b.isPrivate }
    func hash(into h: inout Hasher) { h.combine(range); h.combine(isPrivate) }

    /// The units of `range` with runs of whitespace (line breaks included) collapsed to one space.
    static func collapse(_ units: [UInt16], _ range: Range<Int>) -> String {
        // UTF-8 built directly (String(decoding:as: UTF16) is the standard library's slow path).
        units.withUnsafeBufferPointer { u in
            String(unsafeUninitializedCapacity: range.count * 3) { out in
                var n = 0
                var space = false
                var i = range.lowerBound
                let end = range.upperBound
                while i < end {
                    let unit = u[i]
                    i += 1
                    if unit == 0x20 || unit == 0x0A || unit == 0x09 || unit == 0x0D || unit == 0xA0 {
                        space = n > 0
                        continue
                    }
                    if space { out[n] = 0x20; n += 1; space = false }
                    if unit < 0x80 { out[n] = UInt8(unit); n += 1; continue }
                    n = UTF16String.append(unit, next: i < end ? u[i] : nil, to: out, at: n, consumed: &i)
                }
                return n
            }
        }
    }
}
