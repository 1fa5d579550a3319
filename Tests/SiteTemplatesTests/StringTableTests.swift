import Foundation
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteTemplates

/// `{{@key}}` tags and the string tables of `Templates/i18n/`: filled in when a template is compiled, checked
/// like every name a template uses.
@Suite(.cleansUp) struct StringTableTests {
    /// Loads `page.mustache` (and any other templates) for English and Spanish with the given tables.
    func load(_ templates: [String: String], tables: [String: String], buildKeys: [String] = [])
        throws -> (TemplateLibrary?, [String]) {
        var files: [String: String] = [:]
        for (name, text) in templates { files["Templates/\(name).mustache"] = text }
        for (language, text) in tables { files["Templates/i18n/\(language).yaml"] = text }
        let site = try FixtureSite(files)
        let editions = ["en", "es"].map { TemplateLibrary.Edition(language: $0, constants: ["root": "/sub/"]) }
        let result = TemplateLibrary.load(root: site.root, bindings: [.template("page", renders: PageModel.self)], editions: editions,
                                          buildKeys: buildKeys)
        return (result.library, result.diagnostics.map(\.description))
    }

    func render(_ library: TemplateLibrary?, _ language: String, title: String = "T", tags: [String] = []) throws -> String {
        try #require(library).edition(language).render("page", PageModel(title: title, body: "", tags: tags), recorder: DependencyRecorder())
    }

    @Test func eachLanguageGetsItsOwnWordsEscapedAsTemplateTextIs() throws {
        let (library, messages) = try load(["page": "<a aria-label=\"{{@label}}\">{{@greeting}}</a>"], tables: [
            "en": "label: Main & \"more\"\ngreeting: It's {title}, <here>\n",
            "es": "label: Principal\ngreeting: Es {title}\n",
        ])
        #expect(messages == [])
        #expect(try render(library, "en", title: "<b>") == "<a aria-label=\"Main &amp; &quot;more&quot;\">It's &lt;b&gt;, &lt;here&gt;</a>")
        #expect(try render(library, "es", title: "Uno") == "<a aria-label=\"Principal\">Es Uno</a>")
    }

    @Test func aCountChoosesItsFormByTheNumberOfItsFirstPlaceholder() throws {
        let table = "centers:\n  one: \"{title} center\"\n  other: \"{title} centers\"\n"
        let (library, messages) = try load(["page": "{{@centers}}"], tables: ["en": table, "es": table.replacingOccurrences(of: " center", with: " centro")])
        #expect(messages == [])
        #expect(try render(library, "en", title: "1") == "1 center")
        #expect(try render(library, "en", title: "14,035") == "14,035 centers")
        #expect(try render(library, "es", title: "0") == "0 centros")
    }

    @Test func aKeyMissingInOneLanguageIsAnErrorAtItsUse() throws {
        let (library, messages) = try load(["page": "<p>\n  {{@only_english}}</p>"], tables: ["en": "only_english: Hello\n", "es": "other: Hola\n"])
        #expect(library == nil)
        #expect(messages == [
            "Templates/i18n/es.yaml:1:1: warning: 'other' is used by no template",
            "Templates/page.mustache:2:3: error: 'only_english' is not in Templates/i18n/es.yaml",
        ])
    }

    @Test func aLanguageWithoutATableIsAnErrorAtEachUse() throws {
        let (_, messages) = try load(["page": "{{@a}}"], tables: ["en": "a: A\n"])
        #expect(messages == ["Templates/page.mustache:1:1: error: '{{@a}}' is a text of the theme's string table, and there is no Templates/i18n/es.yaml"])
    }

    @Test func badTablesAreReportedWhereTheyAreWritten() throws {
        let table = """
            count:
              one: "{title} item"
            brace: "a } b"
            nothing:
              one: one
              other: many
            list: [a, b]
            field: "{nope}"

            """
        let (_, messages) = try load(["page": "{{@field}}{{@count}}"], tables: ["en": table, "es": table])
        #expect(messages.contains("Templates/i18n/en.yaml:1:1: error: 'count' is a string with a count: give exactly its forms 'one' and 'other', each a text"))
        #expect(messages.contains("Templates/i18n/en.yaml:3:8: error: a '{' or '}' that is not part of a placeholder '{name}'"))
        #expect(messages.contains("Templates/i18n/en.yaml:4:1: error: 'nothing' has forms for a count but no placeholder to count: write the number as '{name}'"))
        #expect(messages.contains("Templates/i18n/en.yaml:7:1: error: 'list' must be a text, a mapping of keys, or the forms 'one' and 'other'"))
        #expect(messages.contains("Templates/page.mustache:1:1: error: 'nope' is not a field of PageModel"))
        #expect(messages.contains("Templates/page.mustache:1:11: error: 'count' is not in Templates/i18n/en.yaml"))
    }

    @Test func theBuildsOwnKeysMustBeInEveryTableAndCountAsUsed() throws {
        let (_, messages) = try load(["page": "{{@a}}"], tables: ["en": "a: A\npage:\n  title: Title\nservice:\n  SA: x\n", "es": "a: B\n"],
                                     buildKeys: ["page.title", "service."])
        #expect(messages == ["Templates/i18n/es.yaml:1:1: error: 'page.title', which iopsite writes on the pages itself, is not in Templates/i18n/es.yaml"])
    }

    @Test func aTableIsOneOfTheFilesEveryTemplateReads() throws {
        let (library, _) = try load(["page": "{{@a}}"], tables: ["en": "a: A\n", "es": "a: B\n"])
        #expect(try #require(library).edition("es").files(of: "page") == ["Templates/page.mustache", "Templates/i18n/es.yaml"])
    }
}
