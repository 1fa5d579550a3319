import Foundation
import SiteBuild
import SiteCheck
import SiteContent
import SiteCore
import SiteLinks
import SiteTestSupport
import Testing

/// Builds the repository's real Content/ and Templates/ once per test run and checks the published guide.
@Suite(.cleansUp, .heavy) struct RealContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Built once, the first time a test asks (a static let is initialised once, thread-safely).
    static let built: (output: URL, result: BuildSession.Outcome) = {
        // Shared by every test that reads the real site; removed when the test process exits.
        let output = try! TestResources.shared.temporaryFolder("real").appendingPathComponent("Public")
        return (output, BuildSession.buildOnce(root: root, output: output, today: ContentDate("2026-11-29")))
    }()

    @Test func theWholeDirectoryLoads() {
        _ = Self.result
        let directory = RealContentTests.directory
        #expect(directory.states.count == 52)
        #expect(directory.facilities.count == 14324)
        #expect(Set(directory.facilities.map(\.state)).count == 52)
        #expect(directory.facilities.filter(\.featured).map(\.state) == ["VA", "VA", "VA", "VA", "VA"])
        #expect(directory.facilities.filter(\.featured).allSatisfy { $0.levelsOfCare.contains("OIT") })
    }

    static let directory = ContentLoader(root: root, shortcodes: [], today: ContentDate("2026-11-29")).load().content!.directory
    static var output: URL { built.output }
    static var result: BuildSession.Outcome { built.result }

    func read(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: Self.output.appendingPathComponent(path).path), "missing \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    var guide: String { get throws { try read("intensive-outpatient-program/index.html") } }

    /// The number of non-overlapping occurrences of `needle`.
    func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The text between the first `start` and the `end` after it.
    func section(_ text: String, from start: String, to end: String) throws -> String {
        let lower = try #require(text.range(of: start))
        let upper = try #require(text.range(of: end, range: lower.upperBound..<text.endIndex))
        return String(text[lower.lowerBound..<upper.upperBound])
    }

    @Test func theRealSiteBuildsWithOnlyTheWarningsAboutWhatNobodyHasVerified() {
        let notes = Self.result.diagnostics.filter { $0.severity == .note }
        #expect(notes.filter { !$0.isDetail }.map(\.description) == [
            "Content/directory:1:1: note: 14,324 listings not verified by an editor, in 52 states (--verbose lists them by state)",
        ])
        #expect(notes.filter(\.isDetail).count == 52, "one detail line per state, DC and Puerto Rico, for --verbose")
        #expect(notes.contains { $0.description == "Content/directory/imported/va.yaml:1:1: note: 221 of 221 listings in Virginia have not been verified by an editor" })
        #expect(Self.result.diagnostics.filter { $0.severity != .note }.map(\.description) == [
            "Content/directory/va.yaml:9:15: warning: featured facility 'Empowering Families Program' has never been verified by an editor",
            "Content/directory/va.yaml:11:15: warning: featured facility 'Orchard Mountain Recovery' has never been verified by an editor",
            "Content/directory/va.yaml:13:15: warning: featured facility 'Region Ten Community Services Board' has never been verified by an editor",
            "Content/directory/va.yaml:15:15: warning: featured facility 'Valley Community Services Board' has never been verified by an editor",
            "Content/directory/va.yaml:17:15: warning: featured facility 'Addiction Allies LLC' has never been verified by an editor",
            "Content/sources.yaml:34:3: warning: source 'drake2007' has unverified fields: author.1, author.2, DOI",
            "Content/sources.yaml:105:3: warning: source 'thoresen2022' has unverified fields: volume, issue, page, issued.month",
            "Content/sources.yaml:121:3: warning: source 'ncdas2024' has unverified fields: author, issued, title, container-title",
            "Content/sources.yaml:151:3: warning: source 'gottheil1998' has unverified fields: author.1.given, author.2.given, author.4.given",
        ])
        #expect(Self.result.exitCode == 0)
    }

    /// What `iopsite check` checks on the real content, on the build the other tests share (CI builds the site once).
    @Test func everyInternalLinkAndAnchorOfTheRealSiteResolves() throws {
        let snapshot = try #require(Self.result.snapshot)
        var check = SiteLinkCheck()
        let report = check.check(snapshot, files: Set(FileTree.entries(under: Self.output.path).filter { $0.kind != .folder }.map(\.path)))
        #expect(report.checked > 300_000)
        #expect(report.broken == 0, "\(report.problems.prefix(10).map(\.message))")
        #expect(report.warnings == 0, "\(report.problems.prefix(10).map(\.message))")
    }

    @Test func theComparisonTableHasEightFeaturesForThreePrograms() throws {
        let table = try section(guide, from: "<div class=\"comparison\">", to: "</table>")
        #expect(table.contains("<caption>"))
        #expect(count("<th scope=\"col\">", in: table) == 4)
        #expect(count("<th scope=\"row\">", in: table) == 8)
        #expect(count("<td data-label=", in: table) == 24)
        for feature in ["Length", "Hours per week", "Where you live", "Services", "Supervision", "Who it suits", "Cost", "Intensity"] {
            #expect(table.contains("<th scope=\"row\">\(feature)</th>"))
        }
    }

    @Test func theScheduleHasSixPhasesWithTheirWeeks() throws {
        let schedule = try section(guide, from: "<section class=\"schedule\"", to: "</section>")
        #expect(count("<li class=\"phase\">", in: schedule) == 6)
        for weeks in ["Week 1", "Weeks 2–4", "Weeks 5–8", "Weeks 9–10", "Weeks 11–12", "After the program"] {
            #expect(schedule.contains("<dd>\(weeks)</dd>"))
        }
        #expect(schedule.contains("<dd>3 (3 hours each)</dd>"))
    }

    @Test func theFAQHasThreeEntriesInValidFAQPageJSON() throws {
        let scripts = try guide.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().map {
            String(try #require($0.components(separatedBy: "</script>").first))
        }
        let documents = try scripts.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let faq = try #require(documents.first { $0?["@type"] as? String == "FAQPage" } ?? nil)
        let questions = try #require(faq["mainEntity"] as? [[String: Any]])
        #expect(questions.count == 3)
        #expect(questions.map { $0["name"] as? String } == ["What is an IOP for mental health?", "How do I start an IOP?", "How long is an IOP?"])
        let answer = try #require((questions[2]["acceptedAnswer"] as? [String: Any])?["text"] as? String)
        #expect(answer.hasPrefix("Usually 8 to 12 weeks"))
        let page = try #require(documents.first { $0?["@type"] as? String == "MedicalWebPage" } ?? nil)
        #expect(page["lastReviewed"] == nil, "nobody reviewed the guide, so no review is claimed")
        #expect(page["datePublished"] as? String == "2019-07-29")
        #expect(page["dateModified"] as? String == "2024-07-30")
        #expect(page["reviewedBy"] == nil)
        let citations = try #require(page["citation"] as? [[String: Any]])
        #expect(citations.map { $0["@type"] as? String } == ["ScholarlyArticle", "ScholarlyArticle", "ScholarlyArticle", "ScholarlyArticle", "WebPage"])
        let dois = citations.compactMap { ($0["identifier"] as? [String: Any])?["value"] as? String }
        #expect(dois == ["10.1176/appi.ps.201300249", "10.1176/ps.49.6.782", "10.1080/20008198.2022.2043639"])
        #expect(try count("<details>", in: guide) == 3)
    }

    @Test func theFiveSourcesAppearWithTheirDOIsOrURLs() throws {
        let sources = try section(guide, from: "<ol class=\"sources\">", to: "</ol>")
        #expect(count("<li id=\"ref-", in: sources) == 5)
        for link in ["https://pmc.ncbi.nlm.nih.gov/articles/PMC2174596/", "https://doi.org/10.1176/appi.ps.201300249",
                     "https://doi.org/10.1080/20008198.2022.2043639", "https://drugabusestatistics.org/cost-of-rehab/",
                     "https://doi.org/10.1176/ps.49.6.782"] {
            #expect(sources.contains("href=\"\(link)\""))
        }
    }

    @Test func everyCitationLinksToAnEntryAndEveryBackLinkToAMark() throws {
        let html = try guide
        for key in ["drake2007", "mccarty2014", "gottheil1998", "thoresen2022", "ncdas2024"] {
            #expect(html.contains("href=\"#ref-\(key)\""))
            #expect(html.contains("id=\"ref-\(key)\""))
            let marks = count("id=\"cite-\(key)-", in: html)
            let backLinks = count("href=\"#cite-\(key)-", in: html)
            #expect(marks > 0 && marks == backLinks, "\(key): \(marks) marks, \(backLinks) back-links")
        }
        #expect(!html.contains("[@"))
    }

    @Test func everyHeadingH2AndH3HasAnID() throws {
        let html = try guide
        #expect(count("<h2", in: html) > 8)
        #expect(count("<h2", in: html) == count("<h2 id=\"", in: html))
        #expect(count("<h3", in: html) == count("<h3 class=\"phase-name\" id=\"", in: html) + count("<h3 class=\"listing-name\" id=\"", in: html)
                + count("<h3 id=\"", in: html))
    }

    @Test func theBriefsFiguresAppear() throws {
        let html = try guide
        for figure in ["$4,939", "$5,000–$20,000", "$1,400–$10,000", "at least 9 hours a week", "8 to 12 weeks",
                       "about half of adults with severe\nmental illness"] {
            #expect(html.contains(figure), "missing \(figure)")
        }
    }

    @Test func everyPageHasCanonicalOpenGraphAndTheFooter() throws {
        for path in ["index.html", "intensive-outpatient-program/index.html", "404.html"] {
            let html = try read(path)
            #expect(html.contains("<link rel=\"canonical\" href=\"https://iop-guide.example.org/"), "\(path)")
            #expect(html.contains("<meta property=\"og:title\""), "\(path)")
            #expect(html.contains("<footer class=\"site-footer\">"), "\(path)")
            #expect(html.contains("SAMHSA&#39;s National Helpline: <a href=\"tel:+18006624357\">1-800-662-4357</a>"), "\(path)")
            #expect(html.contains("not medical advice"), "\(path)")
        }
    }

    @Test func theHomePageLinksToTheGuideAndTheDirectory() throws {
        let home = try read("index.html")
        #expect(home.contains("href=\"/intensive-outpatient-program/\""))
        #expect(home.contains("href=\"/rehab-centers/\""))
    }

    @Test func sitemapAndRobotsArePublished() throws {
        // An index of files (two languages with their alternates are more than one file holds).
        let sitemap = try ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"].map(read).joined()
        #expect(sitemap.contains("<loc>https://iop-guide.example.org/intensive-outpatient-program/</loc><lastmod>2024-07-30</lastmod>"
                                 + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://iop-guide.example.org/intensive-outpatient-program/\"/>"
                                 + "<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://iop-guide.example.org/es/programa-ambulatorio-intensivo/\"/>"
                                 + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://iop-guide.example.org/intensive-outpatient-program/\"/></url>"))
        #expect(sitemap.contains("<loc>https://iop-guide.example.org/</loc>"))
        #expect(sitemap.contains("<loc>https://iop-guide.example.org/es/centros-de-tratamiento/virginia/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(try read("robots.txt").contains("Sitemap: https://iop-guide.example.org/sitemap.xml"))
    }
}
