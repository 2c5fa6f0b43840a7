import Foundation

/// Progress of a long batch on stderr: on a terminal a one-line bar redrawn in place with
/// counts, rate and ETA; otherwise a plain line every few seconds. Never writes to stdout.
final class Progress {
    let total: Int
    let label: String
    private let start = Date()
    private var lastDraw: Date
    private let terminal: Bool
    private let interval: TimeInterval
    private var drewBar = false
    var done = 0
    var skipped = 0
    var failed = 0
    var documents = 0

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        terminal = isatty(2) == 1
        lastDraw = terminal ? .distantPast : start
        // VANBAN_PROGRESS_SECONDS sets the plain-line period (tests use a short one).
        let configured = ProcessInfo.processInfo.environment["VANBAN_PROGRESS_SECONDS"].flatMap(Double.init)
        interval = terminal ? 0.1 : (configured ?? 5)
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(start) }

    /// Counts one more file and redraws when it is time.
    func step() {
        done += 1
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= interval || (terminal && done == total) else { return }
        lastDraw = now
        draw()
    }

    private func draw() {
        let seconds = max(elapsed, 0.001)
        let rate = Double(done) / seconds
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let counts = "\(done)/\(total) files, \(documents) documents, \(skipped) unchanged, \(failed) failed, "
            + String(format: "%.1f files/s", rate) + ", ETA " + Self.duration(eta)
        if terminal {
            let width = 24
            let filled = total > 0 ? min(width, done * width / total) : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = total > 0 ? done * 100 / total : 100
            write("\r\u{1B}[K\(label) [\(bar)] \(percent)% \(counts)")
            drewBar = true
        } else {
            write("\(label): \(counts)\n")
        }
    }

    /// Prints a line of its own (a failed file, an error) without mixing it into the bar.
    func note(_ line: String) {
        if terminal && drewBar { write("\r\u{1B}[K"); drewBar = false; lastDraw = .distantPast }
        write("vanban: " + line + "\n")
    }

    /// A stage after the files (the graph): in place of the bar on a terminal, a line otherwise.
    func stage(_ text: String) {
        if terminal { write("\r\u{1B}[K\(label): \(text)"); drewBar = true } else { write("\(label): \(text)\n") }
    }

    /// Clears the bar (before an error ends the run).
    func clear() {
        if terminal && drewBar { write("\r\u{1B}[K"); drewBar = false }
    }

    /// Ends the bar's line (on a terminal) and prints the summary line.
    func finish(_ summary: String) {
        clear()
        write(summary + "\n")
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    /// `1h02m`, `3m05s`, `12s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s >= 3600 { return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60) }
        if s >= 60 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return "\(s)s"
    }
}
