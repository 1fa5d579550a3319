import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// The directory pages of the real content (built once, by RealContentTests).
@Suite(.cleansUp, .heavy) struct DirectoryPagesTests {
    func read(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: RealContentTests.output.appendingPathComponent(path).path), "missing \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The JSON-LD documents of a page, parsed.
    func structuredData(_ html: String) throws -> [[String: Any]] {
        try html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map { part in
            let json = try #require(part.components(separatedBy: "</script>").first)
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
    }

    @Test func theMapHasFiftyTwoLinkedTilesInReadingOrderWithNamesAndCounts() throws {
        let html = try read("rehab-centers/index.html")
        #expect(count("class=\"tile\"", in: html) == 52)
        #expect(html.contains("<a href=\"/rehab-centers/virginia/\" xlink:href=\"/rehab-centers/virginia/\" aria-label=\"Virginia, 221 centers\" class=\"tile\">"))
        #expect(html.contains("aria-label=\"District of Columbia, 27 centers\""))
        #expect(html.contains("aria-label=\"Puerto Rico, 82 centers\""))
        // Reading order follows the grid: Alaska (row 1, left) first, Maine (row 1, right) next, Hawaii's row last.
        let tiles = html.components(separatedBy: "aria-label=\"").dropFirst().filter { $0.contains("class=\"tile\"") }.map { String($0.prefix { $0 != "," }) }
        #expect(tiles.prefix(2) == ["Alaska", "Maine"])
        #expect(tiles.last == "Florida")
        // A plain list and a picker beside the map.
        #expect(count("<option value=\"/rehab-centers/", in: html) == 52)
        #expect(html.contains("<li><a href=\"/rehab-centers/wyoming/\">Wyoming</a> <span class=\"count\">57</span></li>"))
        #expect(html.contains("988"))
    }

    @Test func aStatePageListsEveryCenterSortedByCityThenName() throws {
        let html = try read("rehab-centers/virginia/index.html")
        #expect(count("<article class=\"listing\"", in: html) == 221)
        let cities = html.components(separatedBy: "<p class=\"listing-address\">").dropFirst().map { part -> String in
            let line = part.prefix { $0 != "<" }
            let pieces = line.components(separatedBy: ", ")
            return pieces[pieces.count - 2].lowercased()
        }
        #expect(cities == cities.sorted())
        #expect(html.contains("Listings come from SAMHSA's public treatment locator data (data from 2019 to April 9, 2020; the newest export shown is of April 9, 2020)"))
        #expect(html.contains("<a href=\"tel:988\">988</a>"))
        let breadcrumbs = try structuredData(html).first { $0["@type"] as? String == "BreadcrumbList" }
        #expect((breadcrumbs?["itemListElement"] as? [[String: Any]])?.count == 3)
    }

    @Test func filtersShowOnlyFacetsTheStatesDataHas() throws {
        let virginia = try read("rehab-centers/virginia/index.html")
        #expect(virginia.contains("<form class=\"filters\" aria-label=\"Filter centers\" hidden>"))
        #expect(virginia.contains("<input type=\"checkbox\" name=\"care\" value=\"iop\"> Intensive outpatient (IOP) <span class=\"count\">(5)</span>"))
        #expect(virginia.contains("<p class=\"filter-status\" aria-live=\"polite\" data-showing=\"Showing %1 of %2 centers.\" data-showing-all=\"Showing all %1 centers.\"></p>"))
        #expect(!virginia.contains("value=\"detox\""), "no Virginia record lists detox codes")
        // Alaska's records come from the CSV export alone: no services, so no filters and no badges.
        let alaska = try read("rehab-centers/alaska/index.html")
        #expect(!alaska.contains("class=\"filters\""))
        #expect(!alaska.contains("class=\"badges\""))
        #expect(!alaska.contains("assets/directory.js"))
    }

    @Test func aFacilityPageHasItsDetailsBreadcrumbsMapLinkAndNeighbours() throws {
        let html = try read("rehab-centers/virginia/empowering-families-program/index.html")
        #expect(html.contains("<h1>Empowering Families Program</h1>"))
        #expect(html.contains("<li><span aria-current=\"page\">Empowering Families Program</span></li>"))
        #expect(html.contains("<a href=\"https://www.openstreetmap.org/?mlat=38.037484&amp;mlon=-78.488558#map=17/38.037484/-78.488558\">Open the address in OpenStreetMap</a>"))
        #expect(html.contains("<h2 id=\"nearby\">Other centers in Charlottesville</h2>"))
        #expect(html.contains("<li class=\"badge badge-care\">Intensive outpatient (IOP)</li>"))
        let documents = try structuredData(html)
        let clinic = try #require(documents.first { $0["@type"] as? String == "MedicalClinic" })
        #expect(clinic["name"] as? String == "Empowering Families Program")
        #expect((clinic["address"] as? [String: Any])?["postalCode"] as? String == "22903")
        #expect(documents.contains { $0["@type"] as? String == "BreadcrumbList" })
    }

    @Test func aMassachusettsListingShowsTheTwentyTwentyFiveExportsPhonesLevelsAndDirectories() throws {
        // Imported from FindTreatment.gov's facility listing of 2025-08-19 (docs/content/importing.md, "The real listings").
        let html = try read("rehab-centers/massachusetts/casa-esperanza-inc-roxbury/index.html")
        #expect(html.contains("<div><dt>Phone</dt><dd><a href=\"tel:+1-617-445-1123;ext=1308\">(617) 445-1123, ext. 1308</a></dd></div>"))
        #expect(html.contains("<div><dt>Treats</dt><dd>Substance use and mental health</dd></div>"), "its SU and MH rows are one listing")
        #expect(html.contains("<li class=\"badge badge-care\">Intensive outpatient (IOP)</li>"))
        #expect(html.contains("Source: FindTreatment.gov facility listing; SAMHSA locator, nationwide export"))
        let state = try read("rehab-centers/massachusetts/index.html")
        #expect(count("casa-esperanza-inc-roxbury/", in: state) >= 1)
    }

    @Test func structuredDataOmitsWhatARecordDoesNotHave() throws {
        let html = try read("rehab-centers/alaska/index.html")
        let first = try #require(html.components(separatedBy: "<h3 class=\"listing-name\"").dropFirst().first)
        let href = try #require(first.components(separatedBy: "<a href=\"").dropFirst().first?.prefix { $0 != "\"" })
        let page = try read(String(href.dropFirst()) + "index.html")
        let clinic = try #require(try structuredData(page).first { $0["@type"] as? String == "MedicalClinic" })
        #expect(Set(clinic.keys) == ["@context", "@type", "name", "address"])
        #expect(!page.contains("class=\"badges\""))
        #expect(!page.contains("<dt>Phone</dt>"))
    }

    @Test func theGuideFeaturesTheFiveFeaturedCenters() throws {
        let guide = try read("intensive-outpatient-program/index.html")
        let block = try #require(guide.components(separatedBy: "<div class=\"featured-centers\">").dropFirst().first?.components(separatedBy: "</div>").first)
        #expect(count("<article class=\"listing\" data-featured", in: block) == 5)
        #expect(count("Intensive outpatient (IOP)", in: block) == 5)
        #expect(block.contains("href=\"/rehab-centers/virginia/empowering-families-program/\""))
    }

    @Test func theSitemapListsEveryPage() throws {
        // Two languages' pages with their alternates make an index of files, each under the size libxml2 reads.
        let index = try read("sitemap.xml")
        #expect(index.contains("<sitemapindex"))
        let files = RealContentTests.result.pages.map(\.file).filter { $0.hasPrefix("sitemap-") }
        let sitemap = try files.map(read).joined()
        let pages = RealContentTests.result.pages.filter { $0.file.hasSuffix("index.html") }
        #expect(count("<loc>", in: sitemap) == pages.count)
        #expect(pages.count == 2 * (1 + 1 + 1 + 52 + 14324 + 1), "home, guide, directory, states, listings, search, in English and Spanish")
        #expect(sitemap.contains("<loc>https://iop-guide.example.org/rehab-centers/virginia/empowering-families-program/</loc><lastmod>2019</lastmod>") == false)
        #expect(sitemap.contains("<loc>https://iop-guide.example.org/rehab-centers/alaska/</loc><lastmod>2020-04-09</lastmod>"))
    }
}
