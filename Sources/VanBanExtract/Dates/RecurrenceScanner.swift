import VanBanText

/// Finds recurring deadlines: `hằng/hàng tuần|tháng|quý|năm`, `theo từng quý`, `định kỳ 6 tháng`.
///
/// The phrase grows back over what anchors it in the period: `định kỳ hằng quý`, `trước ngày 15
/// hằng tháng` (monthly, value nil), `trước ngày 15 tháng 12 hằng năm`, `trong tháng 11 hàng năm`
/// (yearly). Both `hàng` and `hằng` fold to `hang`; `hàng` is only a recurrence before a unit of
/// time, so `hàng hóa` and `ngân hàng` never match.
struct RecurrenceScanner {
    let f: [UInt8]
    let floor: Int
    let limit: Int

    func recurrences() -> [Deadline] {
        var result: [Deadline] = []
        var i = floor
        while i < limit {
            let b = f[i]
            guard (b == 0x68 || b == 0x74 || b == 0x64) && FoldedScan.wordStart(f, i) else { i += 1; continue }
            if b == 0x68, FoldedScan.word(f, i, "hang", limit: limit), let (recurrence, end) = unit(after: i + 4) {
                let start = extendBack(from: i)
                result.append(Deadline(range: start..<end, value: nil, precision: nil, due: nil, recurrence: recurrence))
                i = end
                continue
            }
            if b == 0x74, FoldedScan.word(f, i, "tung", limit: limit), let (recurrence, end) = unit(after: i + 4), recurrence != .weekly {
                // `theo từng quý`
                var start = i
                let back = FoldedScan.skipGapBack(f, i, floor: floor)
                if FoldedScan.wordEndingAt(f, back, "theo", floor: floor) { start = back - 4 }
                result.append(Deadline(range: start..<end, value: nil, precision: nil, due: nil, recurrence: recurrence))
                i = end
                continue
            }
            if b == 0x64, FoldedScan.word(f, i, "dinh", limit: limit) {
                // `định kỳ 6 tháng`, `định kỳ 03 tháng`
                let k = FoldedScan.skipGap(f, i + 4, limit: limit)
                if FoldedScan.word(f, k, "ky", limit: limit) {
                    let n = FoldedScan.skipGap(f, k + 2, limit: limit)
                    if n < limit, FoldedScan.isDigit(f[n]) {
                        let d = FoldedScan.digits(f, n, limit: limit)
                        let t = FoldedScan.skipGap(f, d.end, limit: limit)
                        if FoldedScan.word(f, t, "thang", limit: limit) {
                            let r: Recurrence? = d.value == 1 ? .monthly : d.value == 3 ? .quarterly : d.value == 6 ? .halfYearly : d.value == 12 ? .yearly : nil
                            if let r {
                                result.append(Deadline(range: i..<(t + 5), value: nil, precision: nil, due: nil, recurrence: r))
                                i = t + 5
                                continue
                            }
                        }
                    }
                }
            }
            i += 1
        }
        return result
    }

    /// The unit after `hằng`/`từng`: `tuần`, `tháng`, `quý`, `năm`.
    private func unit(after at: Int) -> (Recurrence, Int)? {
        let k = FoldedScan.skipGap(f, at, limit: limit)
        guard k > at else { return nil }
        if FoldedScan.word(f, k, "tuan", limit: limit) { return (.weekly, k + 4) }
        if FoldedScan.word(f, k, "thang", limit: limit) { return (.monthly, k + 5) }
        if FoldedScan.word(f, k, "quy", limit: limit) { return (.quarterly, k + 3) }
        if FoldedScan.word(f, k, "nam", limit: limit) { return (.yearly, k + 3) }
        return nil
    }

    /// Grows a recurrence back over `định kỳ`, a day/month/quarter anchor and its cue.
    private func extendBack(from i: Int) -> Int {
        var start = i
        var k = FoldedScan.skipGapBack(f, start, floor: floor)
        if FoldedScan.wordEndingAt(f, k, "ky", floor: floor) {
            let d = FoldedScan.skipGapBack(f, k - 2, floor: floor)
            if FoldedScan.wordEndingAt(f, d, "dinh", floor: floor) { return d - 4 }
        }
        // Anchor: `ngày 15`, `ngày 15 tháng 12`, `tháng 11`, `quý I`.
        var anchored = false
        if k > floor && (FoldedScan.isDigit(f[k - 1]) || f[k - 1] == 0x69 || f[k - 1] == 0x76) {
            let w = FoldedScan.wordBack(f, k, floor: floor)
            let before = FoldedScan.skipGapBack(f, w, floor: floor)
            let numeric = FoldedScan.isDigit(f[k - 1])
            if numeric && FoldedScan.wordEndingAt(f, before, "thang", floor: floor) {
                start = before - 5; anchored = true
                // `ngày 15 tháng 12`
                let d = FoldedScan.skipGapBack(f, start, floor: floor)
                if d > floor, FoldedScan.isDigit(f[d - 1]) {
                    let dw = FoldedScan.wordBack(f, d, floor: floor)
                    let n = FoldedScan.skipGapBack(f, dw, floor: floor)
                    if FoldedScan.wordEndingAt(f, n, "ngay", floor: floor) { start = n - 4 }
                }
            } else if numeric && FoldedScan.wordEndingAt(f, before, "ngay", floor: floor) {
                start = before - 4; anchored = true
            } else if FoldedScan.wordEndingAt(f, before, "quy", floor: floor) {
                start = before - 3; anchored = true
            }
        }
        guard anchored else { return start }
        k = FoldedScan.skipGapBack(f, start, floor: floor)
        for cue in ["truoc", "trong", "vao", "den"] where wordEnds(k, cue) { return k - cue.utf8.count }
        if FoldedScan.wordEndingAt(f, k, "nhat", floor: floor) {
            let c = FoldedScan.skipGapBack(f, k - 4, floor: floor)
            if FoldedScan.wordEndingAt(f, c, "cham", floor: floor) { return c - 4 }
        }
        return start
    }

    private func wordEnds(_ end: Int, _ word: String) -> Bool {
        let bytes = Array(word.utf8)
        let s = end - bytes.count
        guard s >= floor else { return false }
        for (k, b) in bytes.enumerated() where f[s + k] != b { return false }
        return s == 0 || !FoldedScan.isAlnum(f[s - 1])
    }
}
