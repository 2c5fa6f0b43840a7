import Testing
@testable import VanBanReport

/// Cutting the text at record boundaries: segments tile the text, and each record is exactly
/// the union of the segments that list it.
struct HighlightedTextTests {
    static func check(length: Int, records: [Range<Int>]) {
        let h = HighlightedText(length: length, records: records)
        var at = 0
        for s in h.segments {
            #expect(s.start == at && s.end > s.start)
            at = s.end
        }
        #expect(at == length)
        for (i, r) in records.enumerated() {
            let covered = h.segments.filter { $0.records.contains(i) }
            let lo = min(max(r.lowerBound, 0), length), hi = min(max(r.upperBound, 0), length)
            if lo >= hi { #expect(covered.isEmpty); continue }
            #expect(covered.first?.start == lo && covered.last?.end == hi, "record \(i) \(r)")
            #expect(covered.map { $0.end - $0.start }.reduce(0, +) == hi - lo, "record \(i) covered without gaps")
        }
        for s in h.segments {
            let lengths = s.records.map { records[$0].count }
            #expect(lengths == lengths.sorted(), "innermost record first")
        }
    }

    @Test("nested and crossing records")
    func nested() {
        // a directive holding a citation holding a date, an agency crossing the citation's end, an empty and an out-of-range record
        Self.check(length: 100, records: [10..<90, 20..<50, 40..<48, 45..<60, 70..<70, 95..<130])
        let h = HighlightedText(length: 100, records: [10..<90, 20..<50, 40..<48])
        #expect(h.segments.first { $0.start == 40 }?.records == [2, 1, 0])
        #expect(h.segments.first { $0.start == 0 }?.records == [])
    }

    @Test("pseudo-random records tile correctly")
    func generated() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        for _ in 0..<50 {
            let length = 1 + next(400)
            let records = (0..<next(30)).map { _ -> Range<Int> in let a = next(length); return a..<(a + next(length - a + 1)) }
            Self.check(length: length, records: records)
        }
    }
}
