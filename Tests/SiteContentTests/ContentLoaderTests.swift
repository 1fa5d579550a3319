import SiteCore
import SiteTestSupport
import Testing
@testable import SiteContent
import SiteMarkdown

@Suite(.cleansUp) struct ContentLoaderTests {
    static let siteYAML = """
        title: Test Site
        base_url: https://example.org/sub/
        disclaimer: |
          This site does not give *medical* advice.
        helpline:
          label: Helpline
          phone: "1-800-662-4357"
        reviewer:
          name: Jordan Lee
          credentials: MD
        navigation:
          - title: Guide
            url: /guide/
        """

    static let guide = """
        ---
        title: A Guide
        description: What it covers.
        published: 2025-01-15
        reviewed: 2025-02-01
        ---
        # A Guide

        Body text.
        """

    func load(_ files: [String: String]) throws -> (content: SiteContent?, messages: [String]) {
        let site = try FixtureSite(files)
        let result = ContentLoader(root: site.root, shortcodes: ["faq"]).load()
        return (result.content, result.diagnostics.map(\.description))
    }

    @Test func aValidSiteLoadsIntoTypedModels() throws {
        let (content, messages) = try load(["Content/site.yaml": Self.siteYAML, "Content/guide/guide.md": Self.guide])
        #expect(messages == [])
        let loaded = try #require(content)
        #expect(loaded.config.basePath == "/sub/")
        #expect(loaded.config.absoluteURL(.init("/guide/")) == "https://example.org/sub/guide/")
        #expect(loaded.config.navigation.first?.url.location.description == "Content/site.yaml:13:10")
        #expect(loaded.guides.first?.published.description == "2025-01-15")
        #expect(loaded.guides.first?.route.path == "/guide/")
        #expect(loaded.guides.first?.body.headings.first?.id == "a-guide")
    }

    @Test func malformedYAMLIsReportedAtItsPosition() throws {
        let (_, messages) = try load(["Content/site.yaml": "title: [unclosed\nbase_url: https://x.org/\n"])
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("Content/site.yaml:2:"))
        #expect(messages[0].contains(": error: malformed YAML: "))
    }

    @Test func unknownAndMissingKeysAreErrorsNamingTheField() throws {
        let (content, messages) = try load(["Content/site.yaml": "title: T\nbaseurl: https://x.org/\n"])
        #expect(content == nil)
        #expect(messages == [
            "Content/site.yaml:1:1: error: missing required key 'base_url' in site.yaml",
            "Content/site.yaml:2:1: error: unknown key 'baseurl' in site.yaml (expected one of: allow_raw_html, base_url, check, description, directory, disclaimer, helpline, language, languages, navigation, reviewer, title)",
        ])
    }

    @Test func wrongTypesAndBadDatesAreErrors() throws {
        let guide = "---\ntitle: [a, b]\ndescription: D\npublished: 2025-02-30\n---\nBody\n"
        let (_, messages) = try load(["Content/site.yaml": Self.siteYAML, "Content/guide/g.md": guide])
        #expect(messages == [
            "Content/guide/g.md:2:8: error: 'title' must be a string",
            "Content/guide/g.md:4:12: error: 'published' must be a date written YYYY-MM-DD, not '2025-02-30'",
        ])
    }

    @Test func aFoldedMarkdownFieldIsAnError() throws {
        let yaml = "title: T\nbase_url: https://x.org/\ndisclaimer: >\n  Folded text\n  over lines.\n"
        let (_, messages) = try load(["Content/site.yaml": yaml])
        #expect(messages == [
            "Content/site.yaml:3:13: error: 'disclaimer' is Markdown: use | for Markdown fields, not >, so that lines and columns map back",
        ])
    }

    @Test func aPlainMarkdownFieldOverSeveralLinesIsAnError() throws {
        let yaml = "title: T\nbase_url: https://x.org/\ndisclaimer: Plain text\n  continued.\n"
        let (_, messages) = try load(["Content/site.yaml": yaml])
        #expect(messages == [
            "Content/site.yaml:3:13: error: 'disclaimer' is Markdown: use | for Markdown fields (a literal block) or keep it on one line",
        ])
    }

    @Test func markdownInALiteralBlockIsLocatedInTheYAMLFile() throws {
        let yaml = "title: T\nbase_url: https://x.org/\ndisclaimer: |\n  Line one.\n  Has <b>raw</b> [x](javascript:void(0)).\n"
        let (_, messages) = try load(["Content/site.yaml": yaml])
        #expect(messages == [
            "Content/site.yaml:5:7: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "Content/site.yaml:5:13: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
            "Content/site.yaml:5:22: error: unsafe URL scheme 'javascript:' in link 'javascript:void(0)'",
        ])
    }

    @Test func markdownInASingleLineStringIsLocatedInTheYAMLFile() throws {
        let yaml = "title: T\nbase_url: https://x.org/\ndisclaimer: \"See [x](vbscript:y).\"\n"
        let (_, messages) = try load(["Content/site.yaml": yaml])
        #expect(messages == ["Content/site.yaml:3:22: error: unsafe URL scheme 'vbscript:' in link 'vbscript:y'"])
    }

    @Test func guideBodyProblemsAreLocatedBelowTheFrontMatter() throws {
        let guide = "---\ntitle: T\ndescription: D\npublished: 2025-01-01\n---\n\n{{< nope >}}\n\n<div>x</div>\n"
        let (_, messages) = try load(["Content/site.yaml": Self.siteYAML, "Content/guide/g.md": guide])
        #expect(messages == [
            "Content/guide/g.md:7:1: error: unknown shortcode 'nope' (known: faq)",
            "Content/guide/g.md:9:1: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)",
        ])
    }

    @Test func allProblemsAreReportedAtOnceSortedByFileAndLine() throws {
        let guide = "---\ntitle: T\ndescription: D\npublished: yesterday\nextra: 1\n---\nBody\n"
        let (_, messages) = try load(["Content/site.yaml": "title: T\nbase_url: ftp://x.org/\n", "Content/guide/g.md": guide])
        #expect(messages == [
            "Content/guide/g.md:4:12: error: 'published' must be a date written YYYY-MM-DD, not 'yesterday'",
            "Content/guide/g.md:5:1: error: unknown key 'extra' in front matter (expected one of: description, published, reviewed, reviewed_by, title, updated)",
            "Content/site.yaml:2:11: error: 'base_url' must be an http or https URL, not 'ftp://x.org/'",
        ])
    }

    @Test func bibliographyAcceptsAReferencesWrapperAndRejectsDuplicateIDs() throws {
        let sources = "references:\n  - id: a\n    type: book\n  - id: a\n    type: book\n"
        let (_, messages) = try load(["Content/site.yaml": Self.siteYAML, "Content/sources.yaml": sources])
        #expect(messages == ["Content/sources.yaml:4:9: error: duplicate source id 'a' (first defined at Content/sources.yaml:2:9)"])
    }
}

@Suite(.cleansUp) struct LineEndingTests {
    @Test func windowsLineEndsKeepLinesAndColumns() throws {
        let site = try FixtureSite([
            "Content/site.yaml": "title: T\r\nbase_url: https://x.org/\r\n",
            "Content/guide/g.md": "---\r\ntitle: G\r\ndescription: D\r\npublished: 2024-01-01\r\n---\r\nText\r\n\r\nMore <b>x</b>\r\n",
        ])
        let messages = ContentLoader(root: site.root, shortcodes: []).load().diagnostics.map(\.description)
        #expect(messages.first == "Content/guide/g.md:8:6: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)")
    }

    @Test func aYAMLErrorCountsColumnsInCharacters() {
        // libyaml counts columns in characters: "é" is one column, as "a" is.
        func errorColumn(_ text: String) -> Int? {
            let log = DiagnosticLog()
            _ = YAMLFile(path: "a.yaml", text: text, log: log)
            return log.diagnostics.first?.location.column
        }
        let ascii = errorColumn("title: \"aa\" x: [\n")
        #expect(ascii != nil)
        #expect(errorColumn("title: \"éé\" x: [\n") == ascii)
    }

    @Test func aYAMLErrorPastTheLastLineOrAfterAUnicodeLineBreakStaysInsideTheFile() {
        for text in ["rows: [1, 2\n  3", "a: 1\u{85}b: 2\u{2028}c: [\n"] {
            let log = DiagnosticLog()
            _ = YAMLFile(path: "a.yaml", text: text, log: log)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let location = log.diagnostics.first?.location
            #expect(location.map { $0.line <= lines.count && $0.column <= lines[$0.line - 1].unicodeScalars.count + 1 } == true, "\(log.diagnostics)")
        }
    }
}
