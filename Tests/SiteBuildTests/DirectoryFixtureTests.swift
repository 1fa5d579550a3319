import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// Directory pages on a small fixture site: escaping of hostile values, the sitemap index.
@Suite(.cleansUp) struct DirectoryFixtureTests {
    static let hostileName = "</script><script>alert(1)</script>"

    static func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        let root = RealContentTests.root
        func template(_ name: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
        }
        var files = Fixtures.files
        for name in ["layout", "header", "footer", "directory", "state", "facility", "notice", "crumbs", "listing", "find", "retired"] {
            files["Templates/\(name).mustache"] = try template(name)
        }
        files["Templates/i18n/en.yaml"] = try String(contentsOf: root.appendingPathComponent("Templates/i18n/en.yaml"), encoding: .utf8)
        files["Content/directory/_states.csv"] = "code,name,fips,slug,tile_row,tile_col\nVA,Virginia,51,virginia,5,8\nMD,Maryland,24,maryland,5,9\n"
        files["Content/directory/_service-codes.csv"] = LocatorImporterCodes.text
        files["Content/directory/imported/va.yaml"] = """
            facilities:
              - id: samhsa:aaaaaaaaaaaa
                slug: hostile
                name: "\(hostileName)"
                name2: "Quote \\" and <b>less</b>"
                address: {street1: "1 \\"Main\\" <St>", city: "Rich<mond>", zip: "23219"}
                latitude: 37.54
                longitude: -77.43
                phone: "804-555-0100"
                website: "https://example.org/?a=1&b=\\"2\\""
                levels_of_care: [OIT]
                description: "About <i>us</i>: see [@drake2007]."
                source: "SAMHSA & <friends>"
                source_date: "2020-04-09"
              - id: samhsa:bbbbbbbbbbbb
                slug: plain
                name: Plain Place
                address: {street1: 2 Main St, city: Richmond, zip: "23219"}
                source: SAMHSA locator
                source_date: "2020-04-09"
            """
        files["Content/site.yaml"] = Fixtures.siteYAML + "\nallow_raw_html: true\n"
        return try FixtureSite(files.merging(extra) { $1 })
    }

    @Test func hostileValuesRenderAsTextInHTMLAttributesAndJSONLD() throws {
        let site = try Self.site()
        let result = site.build()
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        for path in ["Public/rehab-centers/virginia/index.html", "Public/rehab-centers/virginia/hostile/index.html"] {
            let html = try #require(site.read(path))
            #expect(!html.contains("<script>alert(1)"), "\(path)")
            #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            #expect(!html.contains("Rich<mond>"), "\(path)")
            for script in html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst() {
                // (JSON-LD; the search page's index is checked below.)
                let json = try #require(script.components(separatedBy: "</script>").first)
                #expect(!json.contains("<"))
                #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
            }
        }
        let page = try #require(site.read("Public/rehab-centers/virginia/hostile/index.html"))
        #expect(page.contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;, Rich&lt;mond&gt;, VA | Fixture Site</title>"))
        #expect(page.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""))
        #expect(page.contains("\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""))
        // A description that cites gets its sources list on the facility's page.
        #expect(page.contains("<h2 id=\"sources\">Sources</h2>"))
        #expect(page.contains("id=\"ref-drake2007\""))
        // The search index holds the name as data (the page's script shows it as text), never as markup.
        let cell = try #require(site.read("Public/rehab-centers/find/cells/0.tsv"))
        #expect(cell.contains("hostile\t\(Self.hostileName)\t1 \"Main\" <St>\tRich<mond>\t23219\tVA\t"))
        let find = try #require(site.read("Public/rehab-centers/find/index.html"))
        let index = try #require(find.components(separatedBy: "<script type=\"application/json\" id=\"search-index\">").dropFirst().first?
            .components(separatedBy: "</script>").first)
        #expect(!index.contains("<"))
        #expect(try JSONSerialization.jsonObject(with: Data(index.utf8)) is [String: Any])
    }

    @Test func aListingWithoutServicesShowsNoEmptyBadges() throws {
        let site = try Self.site()
        _ = site.build()
        let html = try #require(site.read("Public/rehab-centers/virginia/plain/index.html"))
        #expect(!html.contains("badges"))
        #expect(!html.contains("<h2 id=\"services\">"))
        #expect(!html.contains("<dt>Phone</dt>"))
    }

    @Test func aSitemapAboveTheLimitBecomesAnIndexOfFiles() throws {
        let site = try Self.site()
        let result = BuildSession.buildOnce(root: site.root, sitemapLimit: 3)
        #expect(result.exitCode == 0)
        let index = try #require(site.read("Public/sitemap.xml"))
        #expect(index.contains("<sitemapindex"))
        let files = site.files("Public").filter { $0.hasPrefix("sitemap-") }
        #expect(files == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let urls = files.map { site.read("Public/\($0)")!.components(separatedBy: "<loc>").count - 1 }
        #expect(urls == [3, 3, 2])
        #expect(urls.reduce(0, +) == result.pages.filter { $0.file.hasSuffix("index.html") }.count)
        #expect(index.contains("<sitemap><loc>https://example.org/sitemap-2.xml</loc></sitemap>"))
    }
}

/// The codebook rows the directory fixtures use.
enum LocatorImporterCodes {
    static let text = "code,category,label,source\nSA,Type of Care,Substance use treatment,A\nOIT,Service Setting,Intensive outpatient treatment,A\nMD,Payment Accepted,Medicaid,A\n"
}

/// Listings with the same name, standing together, each show what tells them apart.
@Suite(.cleansUp) struct SameNameListingsTests {
    static let centers = """
        facilities:
          - {id: "samhsa:000000000001", slug: hope, name: Hope Center, address: {street1: 1 Main St, city: Richmond, zip: "23219"}, source: S, source_date: "2020"}
          - {id: "samhsa:000000000002", slug: hope-2, name: Hope Center, address: {street1: 9 Oak Ave, city: Richmond, zip: "23219"}, source: S, source_date: "2020"}
          - {id: "samhsa:000000000003", slug: hope-3, name: Hope Center, name2: Youth Program, address: {street1: 9 Oak Ave, city: Richmond, zip: "23219"}, source: S, source_date: "2020"}
          - {id: "samhsa:000000000004", slug: hope-4, name: Hope Center, address: {street1: 9 Oak Ave, city: Richmond, zip: "23219"}, levels_of_care: [OIT], source: S, source_date: "2020"}
          - {id: "samhsa:000000000005", slug: hope-5, name: Hope Center, address: {street1: 9 Oak Ave, city: Richmond, zip: "23219"}, levels_of_care: [OIT], source: S, source_date: "2020"}
          - {id: "samhsa:000000000006", slug: other, name: Other Place, address: {street1: 5 Elm St, city: Richmond, zip: "23219"}, source: S, source_date: "2020"}
        """

    @Test func theOtherCentersOfACityNeverReadTheSame() throws {
        let site = try DirectoryFixtureTests.site(["Content/directory/imported/va.yaml": Self.centers])
        #expect(site.build().exitCode == 0)
        let page = try #require(site.read("Public/rehab-centers/virginia/other/index.html"))
        let list = try #require(page.components(separatedBy: "<ul class=\"nearby\">").dropFirst().first?.components(separatedBy: "</ul>").first)
        let items = list.components(separatedBy: "<li>").dropFirst().map { $0.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(items == [
            "Hope Center, 1 Main St",
            "Hope Center, 9 Oak Ave",
            "Hope Center, 9 Oak Ave; Youth Program",
            "Hope Center, 9 Oak Ave; Intensive outpatient treatment; listing 1 of 2",
            "Hope Center, 9 Oak Ave; Intensive outpatient treatment; listing 2 of 2",
        ])
        #expect(Set(items).count == items.count)
    }
}
