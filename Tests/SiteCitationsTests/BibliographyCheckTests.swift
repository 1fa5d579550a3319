import SiteContent
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteCitations

/// Each bibliography check fires with its exact diagnostic at the entry or field.
@Suite(.cleansUp) struct BibliographyCheckTests {
    func diagnostics(_ files: [String: String], cited: Set<String>) throws -> [String] {
        let site = try FixtureSite(files.merging(["Content/site.yaml": "title: T\nbase_url: https://e.org/\n"]) { $1 })
        let loaded = ContentLoader(root: site.root, shortcodes: []).load()
        let bibliography = try #require(loaded.content).bibliography
        return (loaded.diagnostics + BibliographyCheck.check(bibliography, cited: cited)).sortedUnique.map(\.description)
    }

    static let article = """
          type: article-journal
          author: [{family: A, given: B}]
          issued: {date-parts: [[2020]]}
          title: T
          container-title: J
        """

    @Test func aCompleteCitedEntryIsClean() throws {
        #expect(try diagnostics(["Content/sources.yaml": "- id: a\n" + Self.article + "\n  DOI: 10.1000/xyz\n"], cited: ["a"]) == [])
    }

    @Test func duplicateIDsAcrossFilesAreErrors() throws {
        let messages = try diagnostics([
            "Content/sources.yaml": "- id: a\n" + Self.article,
            "Content/sources/more.json": "[{\"id\": \"a\", \"type\": \"webpage\", \"title\": \"W\", \"URL\": \"https://w.org/\", \"accessed\": {\"date-parts\": [[2024, 1, 2]]}}]",
        ], cited: ["a"])
        #expect(messages == ["Content/sources/more.json:1:9: error: duplicate source id 'a' (first defined at Content/sources.yaml:1:7)"])
    }

    @Test func twoEntriesWithTheSameDOIAreAnError() throws {
        let yaml = "- id: a\n" + Self.article + "\n  DOI: 10.1000/XYZ\n- id: b\n" + Self.article + "\n  DOI: 10.1000/xyz\n"
        #expect(try diagnostics(["Content/sources.yaml": yaml], cited: ["a", "b"]) == [
            "Content/sources.yaml:14:8: error: source 'b' has the same DOI as 'a' (Content/sources.yaml:7:8)",
        ])
    }

    @Test func malformedDOIsAreErrors() throws {
        let yaml = "- id: a\n" + Self.article + "\n  DOI: https://doi.org/10.1000/x\n- id: b\n" + Self.article + "\n  DOI: 10.12/x y\n"
        #expect(try diagnostics(["Content/sources.yaml": yaml], cited: ["a", "b"]) == [
            "Content/sources.yaml:7:8: error: malformed DOI 'https://doi.org/10.1000/x' in source 'a' (write the DOI alone, without https://doi.org/)",
            "Content/sources.yaml:14:8: error: malformed DOI '10.12/x y' in source 'b' (expected 10.<registrant>/<suffix>)",
        ])
    }

    @Test func missingRequiredFieldsAreErrorsPerType() throws {
        let yaml = """
            - id: art
              type: article-journal
              title: T
            - id: bk
              type: book
              editor: [{family: E}]
              title: B
              issued: {date-parts: [[2001]]}
            - id: ch
              type: chapter
              author: [{family: A}]
              title: C
            - id: rep
              type: report
              title: R
            - id: web
              type: webpage
              title: W
            """
        #expect(try diagnostics(["Content/sources.yaml": yaml], cited: ["art", "bk", "ch", "rep", "web"]) == [
            "Content/sources.yaml:1:7: error: source 'art' (article-journal) is missing author, issued, container-title",
            "Content/sources.yaml:4:7: error: source 'bk' (book) is missing publisher",
            "Content/sources.yaml:9:7: error: source 'ch' (chapter) is missing container-title, issued, publisher",
            "Content/sources.yaml:13:7: error: source 'rep' (report) is missing author, issued, publisher",
            "Content/sources.yaml:16:7: error: source 'web' (webpage) is missing URL, issued or accessed",
            "Content/sources.yaml:16:7: warning: web page 'web' has no 'accessed' date: say when it was retrieved",
        ])
    }

    @Test func unverifiedFieldsAndUncitedEntriesAreWarnings() throws {
        let yaml = "- id: a\n" + Self.article + "\n  x-unverified: [issued.month, author.1]\n  x-note: ignored\n- id: b\n" + Self.article + "\n  x-unverified: []\n"
        #expect(try diagnostics(["Content/sources.yaml": yaml], cited: ["a"]) == [
            "Content/sources.yaml:7:3: warning: source 'a' has unverified fields: issued.month, author.1",
            "Content/sources.yaml:9:7: warning: source 'b' is cited nowhere",
        ])
    }

    @Test func keysThatAreNotCSLVariablesAreWarnedAboutAndBadTypesAreErrors() throws {
        let yaml = "- id: a\n" + Self.article + "\n  jornal: J\n- id: b\n  type: blog\n  title: B\n"
        #expect(try diagnostics(["Content/sources.yaml": yaml], cited: ["a", "b"]) == [
            "Content/sources.yaml:7:3: warning: 'jornal' is not a CSL 1.0.2 variable and is ignored",
            "Content/sources.yaml:9:9: error: 'blog' is not a CSL 1.0.2 item type",
        ])
    }
}
