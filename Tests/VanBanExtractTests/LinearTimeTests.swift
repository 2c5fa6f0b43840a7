import Foundation
import Testing
import VanBanExtract
import VanBanText

/// An endless sentence (no sentence break anywhere) costs linear time in every stage: four times
/// the input takes at most about four times the CPU time of the thread that extracts it (thread CPU
/// time, so other processes on the machine do not skew it). Quadratic work gives sixteen times; the
/// bound allows seven plus a constant. Each shape here once cost quadratic time.
struct LinearTimeTests {
    static let pipeline = try! Pipeline.load()

    /// CPU seconds this thread spends extracting `text`, and the records found.
    func cpuSeconds(_ text: String) -> (seconds: Double, records: Int) {
        let source = SourceText(path: "t", encoding: "utf-8", sha256: "", text: text)
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        let extraction = Self.pipeline.extract(source)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        let records = extraction.documents.reduce(0) { $0 + $1.dates.count + $1.citations.count + $1.directives.count }
        return (Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9, records)
    }

    @Test("four times an endless sentence costs at most about four times the work", arguments: [
        // Each colon ends a clause; every clause used to scan again to the end of the sentence.
        "Giao Sở Nội vụ: ",
        // Day–month forms take their year from the full dates before them, which were all read again per form.
        "ngày 30/6 và ngày 1/7/2020, ",
        // Table cells under a time column: the line start and the header were looked for per cell.
        "| Quý II/2024 ",
        // Deadlines: each was tested against every deadline found before it.
        "hoàn thành trước ngày 30/6/2024, ",
        "1/QĐ-UBND, ",
        "ngày ",
    ])
    func linear(unit: String) {
        let n = 60_000 / unit.utf8.count
        _ = cpuSeconds(String(repeating: unit, count: n / 8)) // warm up lazily built tables
        let small = cpuSeconds(String(repeating: unit, count: n))
        let large = cpuSeconds(String(repeating: unit, count: 4 * n))
        #expect(large.records >= 3 * small.records, "\(unit.debugDescription): \(small.records) then \(large.records) records")
        #expect(large.seconds < 7 * small.seconds + 0.05, "\(unit.debugDescription): \(small.seconds) s for n, \(large.seconds) s for 4n")
    }
}
