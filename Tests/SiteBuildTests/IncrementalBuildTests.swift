import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport
import Testing

/// A build session re-renders exactly the pages whose recorded inputs changed.
@Suite(.cleansUp) struct IncrementalBuildTests {
    /// The fixture built once by a session, and a function that edits it and returns what the next step changed.
    func session() throws -> (FixtureSite, BuildSession, SiteSnapshot) {
        let site = try IncrementalFixture.site()
        let session = BuildSession(.init(root: site.root))
        let (snapshot, _) = try session.update().get()
        return (site, session, snapshot)
    }

    func step(_ session: BuildSession) throws -> SiteChange {
        try session.update().get().1
    }

    func routes(_ change: SiteChange) -> [String] { change.rendered.map(\.path) }

    @Test func everyPageKindRecordsTheTemplatesAndDataFilesItUsed() throws {
        let (_, _, snapshot) = try session()
        let guide = try #require(snapshot.pages[Route("/the-guide/")])
        for component in ["comparison", "schedule", "modalities", "faq", "insurers", "sources", "featured-centers", "listing"] {
            #expect(guide.inputs.contains("Templates/\(component).mustache"), "\(component)")
        }
        for data in ["comparison.yaml", "schedule.yaml", "modalities.yaml", "faq.yaml", "insurers.csv"] {
            #expect(guide.inputs.contains("Content/guide/data/\(data)"), "\(data)")
        }
        #expect(guide.inputs.contains("Content/sources.yaml"))
        #expect(guide.dependencies.contains(.group(.featured)))
        #expect(guide.dependencies.contains(.listing("samhsa:000000000000")))
        let citing = try #require(snapshot.pages[Route("/rehab-centers/virginia/willow-place/")])
        #expect(citing.inputs.contains("Content/sources.yaml"), "a description that cites reads the bibliography")
        #expect(citing.inputs.contains("Templates/sources.mustache"))
        let facility = try #require(snapshot.pages[Route("/rehab-centers/virginia/birch-clinic-1/")])
        #expect(facility.dependencies.contains(.group(.city("VA|richmond"))))
        #expect(facility.dependencies.contains(.listing("samhsa:000000000006")), "a neighbour in Richmond")
        #expect(!facility.dependencies.contains(.listing("samhsa:000000000003")), "a center in Norfolk is not read")
        #expect(!facility.inputs.contains("Content/sources.yaml"))
        for page in snapshot.pages.values where page.file.hasSuffix(".html") {
            #expect(page.inputs.contains("Content/site.yaml"))
            #expect(page.inputs.contains("Templates/layout.mustache"), "\(page.route)")
        }
        let state = try #require(snapshot.pages[Route("/rehab-centers/maryland/")])
        #expect(state.dependencies.filter { if case .listing = $0 { true } else { false } }.count == 6)
    }

    @Test func editingOneListingRerendersItsPageItsStateAndTheOtherCentersOfItsCity() throws {
        let (site, session, _) = try session()
        let text = try #require(site.read("Content/directory/imported/va.yaml"))
        try site.write(["Content/directory/imported/va.yaml": text.replacingOccurrences(of: "804-555-0103", with: "804-555-0999")])
        let change = try step(session)
        // Listing 3 is Dogwood Recovery in Norfolk, where listings 4, 9 and 10 also are: their pages list it.
        // Neither Maryland, nor Virginia's other cities, nor the sitemap (no date changed) is rendered again.
        // In the search index, the one cell that holds it; not the names, which read only the listings' names.
        // The same pages of the Spanish edition show it too.
        let pages = ["virginia/", "virginia/dogwood-recovery-3/", "virginia/dogwood-recovery-9/", "virginia/elm-program-10/", "virginia/elm-program-4/"]
        #expect(routes(change) == (["/rehab-centers/find/cells/0.tsv"] + pages.map { "/rehab-centers/" + $0 }
                                   + pages.map { "/es/centros-de-tratamiento/" + $0 }).sorted())
        #expect(change.files == ["Content/directory/imported/va.yaml"])
        #expect(!change.written.contains("rehab-centers/find/names.txt"))
        #expect(change.written.contains("rehab-centers/find/cells/0.tsv"))
    }

    @Test func renamingAListingWritesTheSearchNamesAgain() throws {
        let (site, session, _) = try session()
        let text = try #require(site.read("Content/directory/imported/va.yaml"))
        try site.write(["Content/directory/imported/va.yaml": text.replacingOccurrences(of: "Dogwood Recovery", with: "Dogwood Recovery House")])
        let change = try step(session)
        #expect(change.written.contains("rehab-centers/find/names.txt"))
        let names = try #require(session.snapshot?.pages[Route("/rehab-centers/find/names.txt")])
        #expect(names.html.contains("Dogwood Recovery House\n"))
    }

    @Test func featuringAListingRerendersTheGuideThatShowsFeaturedCenters() throws {
        let (site, session, _) = try session()
        let text = try #require(site.read("Content/directory/va.yaml"))
        try site.write(["Content/directory/va.yaml": text.replacingOccurrences(of: "  - id: \"samhsa:000000000002\"\n    featured: true\n", with: "")])
        let change = try step(session)
        #expect(routes(change).contains("/the-guide/"))
        #expect(!routes(change).contains("/rehab-centers/maryland/"))
    }

    @Test func aStringTableEditRendersEveryPageOfItsLanguageAndNoOther() throws {
        let (site, session, snapshot) = try session()
        let spanish = snapshot.specs.filter { !$0.template.isEmpty && $0.language == "es" }.map(\.route.path).sorted()
        let english = snapshot.specs.filter { !$0.template.isEmpty && $0.language.isEmpty }.map(\.route.path).sorted()
        #expect(spanish.count == english.count && !spanish.isEmpty)
        let es = try #require(site.read("Templates/i18n/es.yaml"))
        try site.write(["Templates/i18n/es.yaml": es.replacingOccurrences(of: "  show: Ver centros\n", with: "  show: Mostrar centros\n")])
        let change = try step(session)
        #expect(routes(change) == spanish)
        #expect(change.written == ["es/centros-de-tratamiento/index.html"], "the one page that shows the word")
        let en = try #require(site.read("Templates/i18n/en.yaml"))
        try site.write(["Templates/i18n/en.yaml": en.replacingOccurrences(of: "  show: Show centers\n", with: "  show: Show the centers\n")])
        #expect(routes(try step(session)) == english)
        // A translation's edit renders its page and its home page (which lists it); its original's page is not rendered again.
        let translation = try #require(site.read("Content/guide/es/the-guide.md"))
        try site.write(["Content/guide/es/the-guide.md": translation.replacingOccurrences(of: "## Compare", with: "Nota.\n\n## Compare")])
        #expect(routes(try step(session)) == ["/es/", "/es/la-guia/"])
    }

    @Test func aTemplateEditRerendersOnlyThePagesThatUsedIt() throws {
        let (site, session, snapshot) = try session()
        let text = try #require(site.read("Templates/faq.mustache"))
        try site.write(["Templates/faq.mustache": text + "\n"])
        #expect(routes(try step(session)) == ["/es/la-guia/", "/the-guide/"])
        let facility = try #require(site.read("Templates/facility.mustache"))
        try site.write(["Templates/facility.mustache": facility + "\n"])
        let facilities = snapshot.specs.filter { $0.template == "facility" }.map(\.route.path).sorted()
        #expect(routes(try step(session)) == facilities)
    }

    @Test func afterATemplateEditAPageIsItsKeptViewRenderedAgainUnlessTheViewReadThatTemplate() throws {
        let site = try IncrementalFixture.site()
        let metrics = BuildMetrics()
        let session = BuildSession(.init(root: site.root, metrics: metrics))
        let willow = Route("/rehab-centers/virginia/willow-place/")
        _ = try session.update().get()
        let full = metrics.markdownRenders
        metrics.reset()
        // The layout is read by every page and by no view: each page but the guides, English and Spanish (whose body is written into
        // the page, not kept) is its new layout around the view it kept, so Willow Place's description is not
        // rendered from its Markdown again.
        let layout = try #require(site.read("Templates/layout.mustache"))
        try site.write(["Templates/layout.mustache": layout.replacingOccurrences(of: "</body>", with: "<!-- edited --></body>")])
        let (afterLayout, layoutChange) = try session.update().get()
        #expect(layoutChange.rendered.count == afterLayout.specs.filter { !$0.template.isEmpty }.count)
        #expect(metrics.markdownRenders == full - 2)
        #expect(try #require(afterLayout.pages[willow]).html.contains("<!-- edited --></body>"))
        // Where its links come from is what a clean build says, whether the template's own links stayed (the
        // page's are kept) or a layout edit added one before them (they are numbered again).
        func cleanLinks() throws -> [LinkOrigin] {
            try #require(BuildSession(.init(root: site.root)).update().get().0.pages[willow]).links
        }
        #expect(try #require(afterLayout.pages[willow]).links == cleanLinks())
        try site.write(["Templates/layout.mustache": layout.replacingOccurrences(of: "<body>", with: "<body>\n<a href=\"/\">Home</a>")])
        let (withLink, _) = try session.update().get()
        #expect(try #require(withLink.pages[willow]).links == cleanLinks())
        #expect(try #require(withLink.pages[willow]).links != afterLayout.pages[willow]?.links)
        metrics.reset()
        // Its sources list is made from sources.mustache while its view is made: an edit of it makes the view again.
        let sources = try #require(site.read("Templates/sources.mustache"))
        try site.write(["Templates/sources.mustache": sources + "<!-- sources edited -->\n"])
        let (afterSources, sourcesChange) = try session.update().get()
        #expect(sourcesChange.rendered.contains(willow))
        #expect(metrics.markdownRenders == full)
        #expect(try #require(afterSources.pages[willow]).html.contains("<!-- sources edited -->"))
    }

    @Test func aStylesheetEditRendersNoPageAndWritesOneFile() throws {
        let (site, session, _) = try session()
        let css = try #require(site.read("Templates/assets/site.css"))
        try site.write(["Templates/assets/site.css": css + "\n.x { color: red; }\n"])
        let change = try step(session)
        #expect(change.rendered.isEmpty)
        #expect(change.written == ["assets/site.css"])
        #expect(change.isStyleOnly)
    }

    @Test func creatingRenamingAndDeletingAGuideAddsAndRemovesItsPages() throws {
        let (site, session, _) = try session()
        let second = "---\ntitle: Second\ndescription: Another.\npublished: 2024-05-06\n---\nHello.\n"
        try site.write(["Content/guide/second.md": second])
        var change = try step(session)
        #expect(change.written.contains("second/index.html"))
        #expect(routes(change).contains("/"), "the home page lists guides")
        #expect(change.written.contains("sitemap.xml"))
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("Content/guide/second.md"),
                                         to: site.root.appendingPathComponent("Content/guide/renamed.md"))
        change = try step(session)
        #expect(change.written.contains("renamed/index.html"))
        #expect(change.removed == ["second/index.html"])
        try site.remove("Content/guide/renamed.md")
        change = try step(session)
        #expect(change.removed == ["renamed/index.html"])
    }

    @Test func aBrokenChangeKeepsTheLastGoodSnapshotAndTheFixRendersOnlyWhatChanged() throws {
        let (site, session, snapshot) = try session()
        let guide = try #require(site.read("Content/guide/the-guide.md"))
        try site.write(["Content/guide/the-guide.md": guide.replacingOccurrences(of: "[@drake2007]", with: "[@nobody2020]")])
        guard case .failure(let failure) = session.update() else { Issue.record("the build should fail"); return }
        #expect(failure.diagnostics.contains { $0.message.contains("nobody2020") && $0.location.path == "Content/guide/the-guide.md" })
        #expect(session.snapshot?.pages.count == snapshot.pages.count)
        try site.write(["Content/guide/the-guide.md": guide.replacingOccurrences(of: "Programs help", with: "Programs can help")])
        let change = try step(session)
        #expect(routes(change) == ["/", "/the-guide/"], "the home page shows the guide's title, so it is rendered again")
        #expect(change.written == ["the-guide/index.html"])
    }

    @Test func twoPagesWithOneOutputFileAreAnErrorAtBothSources() throws {
        let site = try IncrementalFixture.site()
        try site.write(["Content/guide/rehab-centers.md": "---\ntitle: Clash\ndescription: Clash.\npublished: 2024-05-06\n---\nHi.\n"])
        let result = BuildSession.buildOnce(root: site.root)
        #expect(result.exitCode == 1)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/guide/rehab-centers.md:1:1: error: /rehab-centers/ is written to rehab-centers/index.html") })
        #expect(messages.contains { $0.hasPrefix("Content/directory/_states.csv:1:1: error: /rehab-centers/ is written to rehab-centers/index.html") })
    }

    @Test func aGuideFileNameMustBeASlug() throws {
        let site = try Fixtures.site(["Content/guide/My Guide.md": "---\ntitle: T\ndescription: D.\npublished: 2024-05-06\n---\nHi.\n"])
        let messages = site.build().diagnostics.map(\.description)
        #expect(messages.contains("Content/guide/My Guide.md:1:1: error: a guide's file name is its URL and must be lowercase letters, digits and single hyphens (e.g. 'my-guide.md')"))
    }
}
