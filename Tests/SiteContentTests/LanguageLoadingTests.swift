import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteContent

/// `languages:` in site.yaml and the guides of each language under `Content/guide/<code>/`.
@Suite(.cleansUp) struct LanguageLoadingTests {
    static let settings = """
        title: Site
        base_url: https://example.org/
        description: About.
        helpline:
          label: Helpline
          phone: "1-800-662-4357"
          note: Every day.
        languages:
          - code: en
            name: English
          - code: es
            name: Español
            directory_slug: centros
            title: Sitio
            description: Acerca.
            helpline: {note: Todos los días.}
            navigation:
              - {title: Guía, url: /es/guia/}

        """
    static let guide = "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\nText.\n"

    func load(_ files: [String: String]) throws -> (content: SiteContent?, messages: [String]) {
        let site = try FixtureSite(files)
        let result = ContentLoader(root: site.root, shortcodes: []).load()
        return (result.content, result.diagnostics.map(\.description))
    }

    @Test func eachLanguageHasItsWordsItsFoldersAndItsGuides() throws {
        let (content, messages) = try load([
            "Content/site.yaml": Self.settings, "Content/guide/guide.md": Self.guide, "Content/guide/other.md": Self.guide,
            "Content/guide/es/guide.md": Self.guide.replacingOccurrences(of: "title: G\n", with: "title: Guía\nslug: guia\n"),
        ])
        #expect(messages == [])
        let site = try #require(content)
        #expect(site.config.languages.map(\.code) == ["en", "es"])
        let spanish = site.localized("es")
        #expect(spanish.config.title == "Sitio" && spanish.config.language == "es" && spanish.config.helpline?.label == "Helpline")
        #expect(spanish.config.helpline?.note == "Todos los días.")
        #expect(spanish.config.edition.directory == Route("/es/centros/") && spanish.config.edition.search == Route("/es/centros/find/"))
        #expect(spanish.guides.map(\.route) == [Route("/es/guia/")], "a guide without a translation is absent")
        #expect(site.localized("en").guides.map(\.route) == [Route("/guide/"), Route("/other/")])
        #expect(site.versions(of: spanish.guides[0]).mapValues(\.route) == ["en": Route("/guide/"), "es": Route("/es/guia/")])
    }

    @Test func badLanguagesAndTranslationsAreErrorsWhereTheyAreWritten() throws {
        let settings = """
            title: Site
            base_url: https://example.org/
            language: fr
            languages:
              - {code: en, name: English}
              - {code: es, name: Español}
              - {code: "e s", name: X, title: T, description: D}
              - {code: es, name: Otra, title: T, description: D, directory_slug: Centros Aquí}

            """
        let (_, messages) = try load([
            "Content/site.yaml": settings, "Content/guide/guide.md": Self.guide,
            "Content/guide/es/missing.md": Self.guide.replacingOccurrences(of: "title: G\n", with: "title: G\nslug: falta\n"),
            "Content/guide/es/guide.md": Self.guide.replacingOccurrences(of: "title: G\n", with: "title: G\nslug: ../fuera\n"),
        ])
        #expect(messages.contains("Content/site.yaml:3:11: error: 'language' is fr, but the first of 'languages', the default, is en"))
        #expect(messages.contains("Content/site.yaml:6:5: error: missing required key 'title' in language"))
        #expect(messages.contains("Content/site.yaml:7:12: error: 'e s' is not a language code such as en or es"))
        #expect(messages.contains("Content/site.yaml:8:12: error: language 'es' is named twice"))
        #expect(messages.contains { $0.hasPrefix("Content/site.yaml:8:") && $0.contains("'Centros Aquí' is not a slug") })
        #expect(messages.contains { $0.hasPrefix("Content/guide/es/missing.md:1:1: error: a translation is named as the guide it translates, and Content/guide/ has no 'missing.md'") })
        #expect(messages.contains { $0.hasPrefix("Content/guide/es/guide.md:3:7: error: a slug is the page's URL") })
    }
}
