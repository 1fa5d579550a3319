import Foundation
import SiteContent
import SiteCore
import SiteTestSupport
import Testing

/// The Spanish edition of the real site: every kind of page in Spanish, with no English word of the theme left,
/// its pages paired with the English ones, its references and dates in Spanish.
@Suite(.cleansUp, .heavy) struct SpanishEditionTests {
    func read(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: RealContentTests.output.appendingPathComponent(path).path), "missing \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    static func table(_ language: String) throws -> StringTable {
        let path = "Templates/i18n/\(language).yaml"
        let text = try String(contentsOf: RealContentTests.root.appendingPathComponent(path), encoding: .utf8)
        let log = DiagnosticLog()
        let table = StringTable.read(language: language, path: path, text: text, log: log)
        #expect(log.diagnostics.isEmpty)
        return table
    }

    /// Each form of an entry.
    static func texts(_ forms: StringTable.Forms?) -> [String] {
        switch forms {
        case .text(let text): [text]
        case .plural(let one, let other): [one, other]
        case nil: []
        }
    }

    /// The English words a Spanish page must not show: each English text of the table (and each label of the
    /// codebook) that differs from the Spanish one, cut at its placeholders into runs of at least four letters.
    static func englishWords() throws -> [String] {
        let english = try table("en"), spanish = try table("es")
        var words: Set<String> = []
        func add(_ text: String, unless spanishTexts: [String]) {
            guard !spanishTexts.contains(text) else { return }
            // Cut at the placeholders ({name}, %1), whose names are no words of the page.
            let cut = text.replacingOccurrences(of: #"\{[^}]*\}|%[1-3]"#, with: "|", options: .regularExpression)
            for run in cut.split(separator: "|") {
                let trimmed = run.trimmingCharacters(in: CharacterSet.letters.inverted.subtracting(CharacterSet(charactersIn: "'’")))
                    .trimmingCharacters(in: .whitespaces)
                guard trimmed.filter(\.isLetter).count >= 4, !trimmed.allSatisfy({ $0.isLetter && $0.isUppercase }),
                      trimmed.rangeOfCharacter(from: .decimalDigits) == nil || trimmed.contains(" ") else { continue }
                words.insert(trimmed)
            }
        }
        for (key, entry) in english.entries where !key.hasPrefix("format.") {
            for text in texts(entry.forms) { add(text, unless: texts(spanish.entries[key]?.forms)) }
        }
        for code in RealContentTests.directory.codes {
            add(code.label, unless: texts(spanish.entries["service.\(code.code)"]?.forms))
        }
        return words.sorted()
    }

    /// The page's words a reader meets: its text outside scripts, outside what is marked English (a center's own
    /// texts) and outside the sources' titles, and the attributes read aloud or shown (alt, title, aria-label, placeholder, data-* sentences).
    static func readerText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<script[^>]*>[\s\S]*?</script>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<((?!html\b)\w+)[^>]* lang="en"[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
        // The sources' own titles (in their language) in the list and in each mark's accessible name.
        text = text.replacingOccurrences(of: #"<ol class="sources">[\s\S]*?</ol>|<sup class="citation">[\s\S]*?</sup>"#, with: " ", options: .regularExpression)
        let attributes = text.matches(of: #/ (?:alt|title|aria-label|placeholder|content|data-[a-z-]+)="([^"/][^"]*)"/#).map { String($0.output.1) }
        text = text.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        return ([text] + attributes).joined(separator: " \n ")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
    }

    /// The words of `words` a page shows. A phrase counts wherever it is; a single word when it is all of an
    /// element's text or of an attribute (a word alone may be part of a center's name or street: "Main Street",
    /// "Boxwood Detox").
    static func englishWords(_ words: [String], in html: String, text: String) -> [String] {
        words.filter { word in word.contains(" ") ? text.contains(word) : html.contains(">\(word)<") || html.contains("=\"\(word)\"") }
    }

    static let spanishPages = [
        "es/index.html", "es/404.html", "es/programa-ambulatorio-intensivo/index.html", "es/centros-de-tratamiento/index.html",
        "es/centros-de-tratamiento/virginia/index.html", "es/centros-de-tratamiento/buscar/index.html",
        "es/centros-de-tratamiento/virginia/region-ten-community-services-board-lovingston/index.html",
        "es/centros-de-tratamiento/vermont/savida-health/index.html",
    ]

    @Test func noEnglishWordOfTheThemeIsOnASpanishPage() throws {
        let words = try Self.englishWords()
        #expect(words.count > 150, "\(words.count) English words checked")
        for path in Self.spanishPages {
            let html = try read(path)
            #expect(html.hasPrefix("<!doctype html>\n<html lang=\"es\">"), "\(path)")
            let text = Self.readerText(html)
            let found = Self.englishWords(words, in: html, text: text)
            #expect(found.isEmpty, "\(path) shows \(found)")
        }
    }

    @Test func theCheckFindsAnEnglishWordWhereOneIsLeft() throws {
        let words = try Self.englishWords()
        let page = Self.readerText(try read("rehab-centers/virginia/index.html"))
        #expect(words.contains("Filter centers") && page.contains("Filter centers"))
        #expect(!Self.readerText("<p lang=\"en\">Filter centers</p>").contains("Filter centers"))
    }

    /// Every page's `<link rel="alternate">` links, by its own URL.
    static func alternates() throws -> [String: [String: String]] {
        let base = "https://iop-guide.example.org"
        let output = RealContentTests.output
        var alternates: [String: [String: String]] = [:]
        for path in try #require(FileManager.default.enumerator(atPath: output.path)).compactMap({ $0 as? String }) where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            let head = html.prefix { $0 != "\u{0}" }.components(separatedBy: "</head>")[0]
            let url = base + "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            var links: [String: String] = [:]
            for match in head.matches(of: #/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/#) {
                links[String(match.output.1)] = String(match.output.2)
            }
            alternates[url] = links
        }
        return alternates
    }

    @Test func everyPageAndItsTranslationNameEachOtherAndTheDefault() throws {
        let all = try Self.alternates()
        #expect(all.count == 2 * 14381)
        var paired = 0
        for (url, links) in all {
            guard !links.isEmpty else { continue }
            paired += 1
            #expect(Set(links.keys) == ["en", "es", "x-default"], "\(url)")
            #expect(links["x-default"] == links["en"], "\(url)")
            #expect(links.values.contains(url), "\(url) names itself")
            for (language, target) in links where language != "x-default" {
                #expect(all[target] == links, "\(url) → \(language) \(target) does not name the same pages")
            }
        }
        // Every page has its translation: both guides' languages, every directory page, the homes and the 404 pages.
        #expect(paired == all.count)
    }

    @Test func theSwitcherLeadsToTheSamePageInTheOtherLanguage() throws {
        let facility = try read("es/centros-de-tratamiento/virginia/region-ten-community-services-board-lovingston/index.html")
        #expect(facility.contains("<li><a href=\"/rehab-centers/virginia/region-ten-community-services-board-lovingston/\" lang=\"en\" hreflang=\"en\">English</a></li>\n<li><span lang=\"es\" aria-current=\"true\">Español</span></li>"))
        let guide = try read("intensive-outpatient-program/index.html")
        #expect(guide.contains("<li><span lang=\"en\" aria-current=\"true\">English</span></li>\n<li><a href=\"/es/programa-ambulatorio-intensivo/\" lang=\"es\" hreflang=\"es\">Español</a></li>"))
    }

    @Test func referencesDatesAndNumbersAreSpanish() throws {
        let guide = try read("es/programa-ambulatorio-intensivo/index.html")
        #expect(guide.contains("National Center for Drug Abuse Statistics. (2024, mayo 2)."))
        #expect(guide.contains("Fuentes consultadas por última vez el <time datetime=\"2024-07-30\">30 de julio de 2024</time>."))
        #expect(guide.contains("<span>Actualizado el <time datetime=\"2024-07-30\">30 de julio de 2024</time>.</span>"))
        let directory = try read("es/centros-de-tratamiento/index.html")
        #expect(directory.contains("<p class=\"lead\">14.324 centros de tratamiento para las adicciones y la salud mental."))
        let search = try read("es/centros-de-tratamiento/buscar/index.html")
        #expect(search.contains("data-index=\"/rehab-centers/find/\" data-listings=\"/es/centros-de-tratamiento/\" data-group=\".\""))
    }
}
