import CSHA256

/// SHA-256 (FIPS 180-4) of a byte buffer, for `source.sha256` and the store's change detection.
///
/// A small self-contained implementation: Foundation on Linux has no CryptoKit, and one digest
/// per input does not justify a crypto package's build time. The portable Swift compression
/// function costs about 80 instructions a byte, most of what decoding costs, so on CPUs with the
/// x86 SHA extensions the blocks go to `CSHA256`.
public enum SHA256 {
    /// The round constants, from `CSHA256` (one table for both implementations).
    private static let k: [UInt32] = Array(UnsafeBufferPointer(start: csha256_round_constants(), count: 64))

    /// Whether this CPU has the x86 SHA extensions, which `CSHA256` uses (with them `vanban bench`
    /// decodes at ~160 MB/s instead of ~95).
    static let accelerated = csha256_available() != 0

    /// The digest as 32 bytes.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] { digest(bytes, accelerated: accelerated) }

    /// The digest, with the SHA extensions or with the portable compression function (tests compare the two).
    static func digest(_ bytes: [UInt8], accelerated: Bool) -> [UInt8] {
        var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        // The tail: the last partial block, the 0x80 marker, zero padding and the bit length.
        let full = bytes.count / 64 * 64
        var tail = Array(bytes[full...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        state.withUnsafeMutableBufferPointer { h in
            bytes.withUnsafeBufferPointer { m in if full > 0 { compress(h, m.baseAddress!, full / 64, accelerated: accelerated) } }
            tail.withUnsafeBufferPointer { m in compress(h, m.baseAddress!, m.count / 64, accelerated: accelerated) }
        }
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in state {
            for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return out
    }

    private static func compress(_ state: UnsafeMutableBufferPointer<UInt32>, _ data: UnsafePointer<UInt8>, _ blocks: Int, accelerated: Bool) {
        if accelerated { csha256_blocks(state.baseAddress!, data, blocks) } else { portableBlocks(state, data, blocks) }
    }

    /// FIPS 180-4's compression function over `blocks` 64-byte blocks at `data`.
    private static func portableBlocks(_ state: UnsafeMutableBufferPointer<UInt32>, _ data: UnsafePointer<UInt8>, _ blocks: Int) {
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        k.withUnsafeBufferPointer { k in
            for block in 0..<blocks {
                let m = data + block * 64
                for t in 0..<16 {
                    let i = t * 4
                    w[t] = UInt32(m[i]) << 24 | UInt32(m[i + 1]) << 16 | UInt32(m[i + 2]) << 8 | UInt32(m[i + 3])
                }
                for t in 16..<64 {
                    let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
                for t in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[t] &+ w[t]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
                state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= hh
            }
        }
    }

    /// The digest as 64 lower-case hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest(bytes) { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
