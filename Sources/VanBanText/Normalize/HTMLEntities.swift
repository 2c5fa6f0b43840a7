/// HTML character references that crawled pages leave in their text (`chủ tr&igrave;`, `ng&agrave;y`,
/// `&#7843;`, `&#x1EA3;`, `&nbsp;`, `&amp;`), decoded before NFC so that a decoded mark composes
/// with its base. Each decoded unit maps to the whole reference in the original.
///
/// Numeric references of any scalar are decoded (not NUL, surrogates or beyond U+10FFFF); named ones
/// are those Vietnamese pages use: the accented Latin-1 letters, `đ` (`&dstrok;`, HTML5), spaces,
/// quotes and dashes (names and values from the WHATWG HTML named character reference table).
/// An unknown name or a reference without its `;` stays as written.
extension Normalizer {
    static let entityNames: [String: UInt32] = [
        "nbsp": 0xA0, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
        "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB,
        "ldquo": 0x201C, "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019, "bull": 0x2022, "deg": 0xB0,
        "shy": 0xAD, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D,
        "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "egrave": 0xE8, "eacute": 0xE9,
        "ecirc": 0xEA, "igrave": 0xEC, "iacute": 0xED, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4,
        "otilde": 0xF5, "ugrave": 0xF9, "uacute": 0xFA, "yacute": 0xFD,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Egrave": 0xC8, "Eacute": 0xC9,
        "Ecirc": 0xCA, "Igrave": 0xCC, "Iacute": 0xCD, "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4,
        "Otilde": 0xD5, "Ugrave": 0xD9, "Uacute": 0xDA, "Yacute": 0xDD,
        "dstrok": 0x111, "Dstrok": 0x110, "abreve": 0x103, "Abreve": 0x102, "utilde": 0x169, "Utilde": 0x168,
        "itilde": 0x129, "Itilde": 0x128,
    ]

    /// The text with its references decoded; `normalize` calls it only when `survey` found an `&`.
    static func decodeEntities(_ input: MappedText) -> MappedText {
        let n = input.count
        return input.withBuffers { u, s, e in MappedWriter.write(capacity: n, inStart: s, inEnd: e) { out in
            var i = 0, run = 0
            while i < n {
                guard u[i] == 0x26, let (scalar, end) = entity(u, i, n) else { i += 1; continue }
                out.copyRun(u, run, i)
                if scalar > 0xFFFF {
                    let v = scalar - 0x10000
                    out.append(UInt16(0xD800 + (v >> 10)), i, end)
                    out.append(UInt16(0xDC00 + (v & 0x3FF)), i, end)
                } else {
                    out.append(UInt16(scalar), i, end)
                }
                i = end
                run = end
            }
            out.copyRun(u, run, n)
        } }
    }

    /// The scalar of the reference starting with the `&` at `i`, and the end after its `;`.
    private static func entity(_ u: UnsafeBufferPointer<UInt16>, _ i: Int, _ n: Int) -> (UInt32, Int)? {
        var k = i + 1
        guard k < n else { return nil }
        if u[k] == 0x23 {  // &#…;
            k += 1
            let hex = k < n && (u[k] == 0x78 || u[k] == 0x58)
            if hex { k += 1 }
            var value: UInt32 = 0, digits = 0
            while k < n, digits < 8 {
                let c = u[k]
                let d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex && c >= 0x61 && c <= 0x66 { d = UInt32(c - 0x61 + 10) }
                else if hex && c >= 0x41 && c <= 0x46 { d = UInt32(c - 0x41 + 10) }
                else { break }
                value = value * (hex ? 16 : 10) + d
                digits += 1
                k += 1
            }
            guard digits > 0, k < n, u[k] == 0x3B, value > 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, k + 1)
        }
        var name: [UInt8] = []
        while k < n, name.count < 10, (u[k] >= 0x61 && u[k] <= 0x7A) || (u[k] >= 0x41 && u[k] <= 0x5A) {
            name.append(UInt8(u[k]))
            k += 1
        }
        guard !name.isEmpty, k < n, u[k] == 0x3B, let value = entityNames[String(decoding: name, as: UTF8.self)] else { return nil }
        return (value, k + 1)
    }
}
