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
        var folded = [UInt8](repeating: 0, count: mapped.units.count)
        mapped.units.withUnsafeBufferPointer { src in
            folded.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count { dst[i] = VietnameseLetters.fold(src[i]) }
            }
        }
        self.folded = folded
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

    /// The original surface text of a normalized range (what `text` fields carry).
    public func originalText(_ range: Range<Int>) -> String {
        source.text(originalRange(range))
    }

    /// The normalized text of a range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: units[range], as: UTF16.self)
    }

    /// The whole normalized text.
    public var string: String { String(decoding: units, as: UTF16.self) }
}

/// Text under construction with its origin map; each normalization pass builds a new one.
struct MappedText {
    var units: [UInt16] = []
    var start: [Int32] = []
    var end: [Int32] = []

    init(capacity: Int) {
        units.reserveCapacity(capacity)
        start.reserveCapacity(capacity)
        end.reserveCapacity(capacity)
    }

    /// The identity map over the original units.
    init(identity source: [UInt16]) {
        units = source
        start = (0..<Int32(source.count)).map { $0 }
        end = (1..<Int32(source.count + 1)).map { $0 }
    }

    var count: Int { units.count }

    /// Appends a unit whose origin is that of old units `[from, to)` of `previous`.
    @inline(__always)
    mutating func append(_ unit: UInt16, from previous: MappedText, _ from: Int, _ to: Int) {
        units.append(unit)
        start.append(previous.start[from])
        end.append(previous.end[to - 1])
    }

    /// Appends old unit `i` of `previous` unchanged.
    @inline(__always)
    mutating func copy(from previous: MappedText, _ i: Int) {
        units.append(previous.units[i])
        start.append(previous.start[i])
        end.append(previous.end[i])
    }
}
