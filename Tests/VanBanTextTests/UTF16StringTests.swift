import Testing
import VanBanText

/// `UTF16String.make` gives the String that `String(decoding:as: UTF16.self)` gives, for every range.
struct UTF16StringTests {
    @Test("the same String as the standard library's decoding: letters, marks, emoji, lone and cut surrogates, every range")
    func sameAsStandardLibrary() {
        let units: [UInt16] = Array("Sở Nội vụ\u{0301} 😀 \u{FEFF}ü\n".utf16) + [0xD800, 0x41, 0xDC00, 0xD83D, 0xDE00, 0xD83D]
        for a in 0...units.count {
            for b in a...units.count {
                #expect(UTF16String.make(units, a..<b) == String(decoding: units[a..<b], as: UTF16.self), "\(a)..<\(b)")
                #expect(Array(UTF16String.make(units, a..<b).utf8) == Array(String(decoding: units[a..<b], as: UTF16.self).utf8))
            }
        }
    }

    @Test("random units, surrogates included")
    func random() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let units = (0..<Int.random(in: 0...40, using: &generator)).map { _ -> UInt16 in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return UInt16.random(in: 0x20..<0x80, using: &generator)
                case 1: return UInt16.random(in: 0xD800..<0xE000, using: &generator)
                default: return UInt16.random(in: 0x80...0xFFFF, using: &generator)
                }
            }
            #expect(Array(UTF16String.make(units, 0..<units.count).utf8) == Array(String(decoding: units, as: UTF16.self).utf8), "\(units)")
        }
    }
}
