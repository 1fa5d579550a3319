import SiteMarkdown
import Testing

/// The schemes a browser would run are found however they are written; everything else is safe.
@Suite struct URLSafetyTests {
    @Test func unsafeSchemesAreFoundThroughCaseSpacesAndControlCharacters() {
        #expect(URLSafety.unsafeScheme(of: "javascript:alert(1)") == "javascript")
        #expect(URLSafety.unsafeScheme(of: " JavaScript:alert(1)") == "javascript")
        #expect(URLSafety.unsafeScheme(of: "java\tscr\u{0}ipt:x") == "javascript")
        #expect(URLSafety.unsafeScheme(of: "DATA:image/png;base64,xx") == "data")
        #expect(URLSafety.unsafeScheme(of: "vbscript:x") == "vbscript")
    }

    @Test func otherURLsAreSafe() {
        #expect(URLSafety.unsafeScheme(of: "https://example.org/javascript:") == nil)
        #expect(URLSafety.unsafeScheme(of: "javascript") == nil)
        #expect(URLSafety.unsafeScheme(of: "/guide#data:x") == nil)
        #expect(URLSafety.unsafeScheme(of: "jávascript:x") == nil)
        #expect(URLSafety.unsafeScheme(of: "javascriptjavascript:x") == nil)
        #expect(URLSafety.unsafeScheme(of: "") == nil)
    }
}
