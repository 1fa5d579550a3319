import SiteTestSupport
import Testing
@testable import SiteCore

@Suite(.cleansUp) struct EscapingTests {
    @Test func htmlEscapesMarkupAndQuotes() {
        #expect(Escape.html("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func jsonStringCannotCloseAScriptElement() {
        let escaped = Escape.jsonString("</script><script>alert(\"x\")</script>\n\u{2028}")
        #expect(escaped == "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e\\n\\u2028\"")
        #expect(!escaped.contains("</"))
    }

    @Test func jsonStringEscapesControlCharacters() {
        #expect(Escape.jsonString("a\u{01}b\tc") == "\"a\\u0001b\\tc\"")
    }

    /// Texts long and short, with the escaped characters anywhere in an eight-byte word, and non-ASCII text.
    static let mixedTexts: [String] = {
        var generator = SplitMix64(seed: 7)
        let pieces = ["a", "bcdefgh", "&", "<", ">", "\"", "'", "\\", "\n", "\u{01}", "\u{1F}", " ", "é", "—", "\u{2028}", "\u{2029}", "€", "🙂", "0123456789"]
        return (0..<3_000).map { _ in
            String((0..<Int(generator.next() % 40)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
    }()

    @Test func jsonStringsOfMixedTextEscapeEveryCharacterThatNeedsIt() {
        for text in Self.mixedTexts {
            var expected = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\r": expected += "\\r"
                case "\t": expected += "\\t"
                case "<": expected += "\\u003c"
                case ">": expected += "\\u003e"
                case "&": expected += "\\u0026"
                case "\u{2028}": expected += "\\u2028"
                case "\u{2029}": expected += "\\u2029"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    expected += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(Escape.jsonString(text) == expected + "\"", "\(Array(text.utf8))")
        }
    }
}

@Suite(.cleansUp) struct SlugTests {
    @Test func slugsAreLowercaseAsciiWithSingleHyphens() {
        #expect(Slug.make("What is an IOP?") == "what-is-an-iop")
        #expect(Slug.make("  Who -- benefits  ") == "who-benefits")
        #expect(Slug.make("Café Niño") == "cafe-nino")
        #expect(Slug.make("Don't stop") == "dont-stop")
        #expect(Slug.make("¿?") == "")
    }

    @Test func aTextIsASlugExactlyWhenMakingOneLeavesItAlone() {
        for text in ["", "a", "hope-house", "a1-b2", "-a", "a-", "a--b", "Hope", "café", "a b", "dont", "don't", "a_b", "9", "-", "--"] {
            #expect(Slug.isSlug(text) == (Slug.make(text) == text), "\(text)")
        }
    }

    @Test func registryDeDuplicatesInOrder() {
        var registry = SlugRegistry()
        #expect(["FAQ", "FAQ", "faq", "", "?"].map { registry.claim($0) } == ["faq", "faq-1", "faq-2", "section", "section-1"])
    }
}

@Suite(.cleansUp) struct RouteTests {
    @Test func routesMapToIndexFiles() {
        #expect(Route("/").outputFile == "index.html")
        #expect(Route("/a/b/").outputFile == "a/b/index.html")
        #expect(Route("/404.html").outputFile == "404.html")
    }

    @Test func internalLinksGoUnderTheBasePath() {
        #expect(InternalURL.resolve("/a/", basePath: "/sub/") == "/sub/a/")
        #expect(InternalURL.resolve("/a/", basePath: "/") == "/a/")
        #expect(InternalURL.resolve("//cdn.example/x", basePath: "/sub/") == "//cdn.example/x")
        #expect(InternalURL.resolve("#top", basePath: "/sub/") == "#top")
        #expect(InternalURL.resolve("https://x.org/", basePath: "/sub/") == "https://x.org/")
    }
}

@Suite(.cleansUp) struct DiagnosticTests {
    @Test func diagnosticsPrintAsPathLineColumnSeverityMessage() {
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(path: "Content/a.md", line: 3, column: 7))
        #expect(diagnostic.description == "Content/a.md:3:7: error: bad")
    }

    @Test func diagnosticsSortByFileThenLineThenColumn() {
        let list: [Diagnostic] = [
            .warning("w", at: SourceLocation(path: "b", line: 1, column: 1)),
            .error("e2", at: SourceLocation(path: "a", line: 10, column: 1)),
            .error("e1", at: SourceLocation(path: "a", line: 2, column: 5)),
            .error("e1", at: SourceLocation(path: "a", line: 2, column: 5)),
        ]
        #expect(list.sortedUnique.map(\.message) == ["e1", "e2", "w"])
    }

    @Test func warningsFailOnlyUnderStrict() {
        let warnings: [Diagnostic] = [.warning("w", at: SourceLocation(path: "a", line: 1, column: 1))]
        #expect(!warnings.fails(strict: false))
        #expect(warnings.fails(strict: true))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        let lines = TextLines("ab\r\nçé→x\n")
        #expect(lines.column(forByteColumn: 8, onLine: 2) == 4)
        #expect(lines.lines[0] == "ab")
    }

    @Test func linkOriginsAreNumberedPerHref() {
        let at = SourceLocation(path: "a", line: 1, column: 1)
        let origins = [LinkOrigin(href: "/a/", ordinal: 9, kind: .markdown, origin: at),
                       LinkOrigin(href: "/b/", ordinal: 9, kind: .template, origin: at),
                       LinkOrigin(href: "/a/", ordinal: 9, kind: .data, origin: at)].numberedByHref()
        #expect(origins.map(\.ordinal) == [0, 0, 1])
    }
}
