import Testing
@testable import VanBanReport

/// The one escaping function and the JSON written inside `<script>`.
struct HTMLTests {
    @Test("escape turns & < > \" ' into references and leaves Vietnamese text alone")
    func escape() {
        #expect(HTML.escape("Sở Nội vụ") == "Sở Nội vụ")
        #expect(HTML.escape("a & b") == "a &amp; b")
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape("\"x\" 'y'") == "&quot;x&quot; &#39;y&#39;")
        #expect(HTML.escape("&amp;") == "&amp;amp;")
    }

    @Test("JSON for a script element never contains </script, <!-- or a raw line separator")
    func jsonString() {
        let hostile = "</script><script>alert(1)</script> <!-- & \u{2028} \"q\" \\ \n"
        let json = HTML.jsonString(hostile)
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(!json.contains("&"))
        #expect(!json.unicodeScalars.contains("\u{2028}"))
        #expect(json == "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u003c!-- \\u0026 \\u2028 \\\"q\\\" \\\\ \\n\"")
    }
}
