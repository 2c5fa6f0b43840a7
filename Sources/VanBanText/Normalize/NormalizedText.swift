/// The normalized text that extractors read, with a map from every normalized UTF-16 unit back
/// to the range of the original it came from.
///
/// Normalization only substitutes, deletes or merges characters, so each normalized unit has an
/// origin range `[originStart, originEnd)` in the original's UTF-16 units; a normalized range
/// `[a, b)` maps to `[originStart[a], originEnd[b - 1])`. Spans therefore never include text
/// that normalization removed at their edges, and always cut the original between scalars.
public struct NormalizedText: Sendable {
    /// The original this was normalized from.
    public let source: SourceText
    /// Normalized text: NFC, canonical tone marks, OCR and format residue repaired.
    public let units: [UInt16]
    /// One byte per normalized unit: the folded matching key (see `VietnameseLetters.fold`).
    public let folded: [UInt8]
    /// Origin of each normalized unit in original UTF-16 units.
    let originStart: [Int32]
    let originEnd: [Int32]

    init(source: SourceText, mapped: MappedText) {
        self.source = source
        self.units = mapped.units
        self.originStart = mapped.start
        self.originEnd = mapped.end
        let fold = LetterTables.shared.foldAll
        self.folded = mapped.units.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: src.count) { dst, n in
                for i in 0..<src.count { dst[i] = fold[Int(src[i])] }
                n = src.count
            }
        }
    }

    /// The number of normalized UTF-16 units.
    public var count: Int { units.count }

    /// The original UTF-16 range that a normalized range came from.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = range.lowerBound < units.count ? Int(originStart[range.lowerBound]) : source.units.count
            return at..<at
        }
        return Int(originStart[range.lowerBound])..<Int(originEnd[range.upperBound - 1])
    }

    /// The `vanban/1` span (original scalar offsets) of a normalized range.
    public func span(_ range: Range<Int>) -> Span {
        let original = originalRange(range)
        return Span(source.scalarOffset(ofUnit: original.lowerBound), source.scalarOffset(ofUnit: original.upperBound))
    }

    /// The original surface text of a normalized range (what `text` fields carry), a CRLF read as one
    /// line end as its span counts it (`SourceText.scalarOffset(ofUnit:)`).
    public func originalText(_ range: Range<Int>) -> String {
        let r = originalRange(range)
        let u = source.units
        guard !r.isEmpty, u[r].contains(0x0D) else { return source.text(r) }
        var out: [UInt16] = []
        out.reserveCapacity(r.count)
        for k in r where !(u[k] == 0x0D && k + 1 < u.count && u[k + 1] == 0x0A) { out.append(u[k]) }
        return String(decoding: out, as: UTF16.self)
    }

    /// The normalized text of a range.
    public func text(_ range: Range<Int>) -> String {
        UTF16String.make(units, range)
    }

    /// The whole normalized text.
    public var string: String { String(decoding: units, as: UTF16.self) }
}

/// Text under construction with its origin map; each normalization pass builds a new one.
struct MappedText {
    var units: [UInt16] = []
    var start: [Int32] = []
    var end: [Int32] = []

    init(units: [UInt16], start: [Int32], end: [Int32]) {
        self.units = units; self.start = start; self.end = end
    }

    /// The identity map over the original units.
    init(identity source: [UInt16]) {
        units = source
        start = [Int32](unsafeUninitializedCapacity: source.count) { b, n in
            for i in 0..<source.count { b[i] = Int32(i) }
            n = source.count
        }
        end = [Int32](unsafeUninitializedCapacity: source.count) { b, n in
            for i in 0..<source.count { b[i] = Int32(i + 1) }
            n = source.count
        }
    }

    var count: Int { units.count }

    /// Runs `body` with unsafe views of the three arrays (valid only inside `body`).
    func withBuffers<R>(_ body: (UnsafeBufferPointer<UInt16>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> R) -> R {
        units.withUnsafeBufferPointer { u in start.withUnsafeBufferPointer { s in end.withUnsafeBufferPointer { e in body(u, s, e) } } }
    }
}

/// Writes a pass's output by index, mapping each unit to the origin of the input units it came
/// from: into growable storage (`init(capacity:…)`, then `finish()`), or, for a pass that never
/// writes more units than it reads, straight into the result's arrays (`write(capacity:…)`).
struct MappedWriter {
    private var units: UnsafeMutablePointer<UInt16>
    private var starts: UnsafeMutablePointer<Int32>
    private var ends: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var capacity: Int
    /// False when the storage belongs to arrays being built (`write`): it cannot move.
    private let growable: Bool
    /// The input's origin maps.
    let inStart: UnsafeBufferPointer<Int32>
    let inEnd: UnsafeBufferPointer<Int32>

    init(capacity: Int, inStart: UnsafeBufferPointer<Int32>, inEnd: UnsafeBufferPointer<Int32>) {
        self.capacity = max(capacity, 16)
        units = .allocate(capacity: self.capacity)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
        growable = true
        self.inStart = inStart
        self.inEnd = inEnd
    }

    private init(units: UnsafeMutablePointer<UInt16>, starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>,
                 capacity: Int, inStart: UnsafeBufferPointer<Int32>, inEnd: UnsafeBufferPointer<Int32>) {
        self.units = units; self.starts = starts; self.ends = ends
        self.capacity = capacity
        growable = false
        self.inStart = inStart
        self.inEnd = inEnd
    }

    /// Runs `body` with a writer whose storage is the result's own arrays, so the output is
    /// never copied; `body` must write at most `capacity` units (a pass that only keeps,
    /// substitutes, merges or drops input units).
    static func write(capacity: Int, inStart: UnsafeBufferPointer<Int32>, inEnd: UnsafeBufferPointer<Int32>,
                      _ body: (inout MappedWriter) -> Void) -> MappedText {
        let capacity = max(capacity, 1)
        var written = 0
        var start: [Int32] = [], end: [Int32] = []
        let units = [UInt16](unsafeUninitializedCapacity: capacity) { u, unitCount in
            start = [Int32](unsafeUninitializedCapacity: capacity) { s, startCount in
                end = [Int32](unsafeUninitializedCapacity: capacity) { e, endCount in
                    var writer = MappedWriter(units: u.baseAddress!, starts: s.baseAddress!, ends: e.baseAddress!,
                                              capacity: capacity, inStart: inStart, inEnd: inEnd)
                    body(&writer)
                    written = writer.count
                    endCount = written
                }
                startCount = written
            }
            unitCount = written
        }
        return MappedText(units: units, start: start, end: end)
    }

    private mutating func grow() {
        precondition(growable, "a normalization pass wrote more units than it read")
        let newCapacity = capacity * 2
        let u = UnsafeMutablePointer<UInt16>.allocate(capacity: newCapacity)
        let s = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let e = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        u.moveInitialize(from: units, count: count); s.moveInitialize(from: starts, count: count); e.moveInitialize(from: ends, count: count)
        units.deallocate(); starts.deallocate(); ends.deallocate()
        units = u; starts = s; ends = e
        capacity = newCapacity
    }

    /// Appends a unit whose origin is that of input units `[from, to)`.
    @inline(__always)
    mutating func append(_ unit: UInt16, _ from: Int, _ to: Int) {
        if count == capacity { grow() }
        units[count] = unit
        starts[count] = inStart[from]
        ends[count] = inEnd[to - 1]
        count += 1
    }

    /// Appends input units `[from, to)` unchanged, with their origins (one bulk copy).
    @inline(__always)
    mutating func copyRun(_ input: UnsafeBufferPointer<UInt16>, _ from: Int, _ to: Int) {
        let k = to - from
        guard k > 0 else { return }
        while count + k > capacity { grow() }
        (units + count).initialize(from: input.baseAddress! + from, count: k)
        (starts + count).initialize(from: inStart.baseAddress! + from, count: k)
        (ends + count).initialize(from: inEnd.baseAddress! + from, count: k)
        count += k
    }

    /// Appends input unit `i` unchanged.
    @inline(__always)
    mutating func copy(_ unit: UInt16, _ i: Int) {
        append(unit, i, i + 1)
    }

    /// The last unit written, if any.
    var last: UInt16? { count > 0 ? units[count - 1] : nil }

    mutating func removeLast() { count -= 1 }

    /// Moves the output of a growable writer into arrays and frees the storage.
    func finish() -> MappedText {
        precondition(growable)
        let result = MappedText(units: Array(UnsafeBufferPointer(start: units, count: count)),
                                start: Array(UnsafeBufferPointer(start: starts, count: count)),
                                end: Array(UnsafeBufferPointer(start: ends, count: count)))
        units.deallocate(); starts.deallocate(); ends.deallocate()
        return result
    }
}
