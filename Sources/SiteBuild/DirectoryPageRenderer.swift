import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Renders the directory's pages: the map of states, a page per state, a page per facility.
struct DirectoryPageRenderer {
    let config: SiteConfig
    let templates: TemplateLibrary
    /// The directory as this page reads it (what it consults is recorded).
    let index: TrackedDirectory
    let bibliography: Bibliography
    let site: SiteView
    /// Listings already rendered, kept by a long-lived build.
    let fragments: FragmentCache
    /// Whether pages say where their links come from (for a link check).
    let keepsLinks: Bool
    /// The page in the site's other languages.
    let versions: PageVersions

    private var recorder: DependencyRecorder { index.recorder }
    private var words: Words { index.index.words }
    /// The first two steps of every trail: the language's home and its directory.
    private var homeAndDirectory: [(String, Route)] {
        [(words.text("page.home"), index.index.language.home), (words.text("page.directory"), index.index.root)]
    }

    private func url(_ route: Route) -> String { route.prefixed(by: config.basePath) }

    private func head(_ route: Route, title: String, description: String) -> PageHead {
        PageHead(site: site, title: title, description: description, canonical: config.absoluteURL(route), versions: versions)
    }

    private func crumbs(_ trail: [(String, Route)]) -> [CrumbView] {
        trail.enumerated().map { index, step in
            CrumbView(name: step.0, url: url(step.1), current: index == trail.count - 1)
        }
    }

    private func breadcrumbData(_ trail: [(String, Route)]) -> (inout JSONWriter) -> Void {
        let crumbs = trail.map { (name: $0.0, url: config.absoluteURL($0.1)) }
        return { DirectoryStructuredData.breadcrumbs(crumbs, into: &$0) }
    }

    func draftIndex(_ route: Route) -> PageDraft {
        let summary = index.summary
        let tiles = index.states.map { StateTileView(state: $0, url: url(index.route($0)), count: index.count(in: $0), words: words) }
        let reading = tiles.sorted { ($0.state.tileRow, $0.state.tileColumn) < ($1.state.tileRow, $1.state.tileColumn) }
        let view = DirectoryIndexView(
            head: head(route, title: words.text("page.directory_title"), description: words.text("page.directory_description")),
            tiles: reading, states: tiles, total: summary.count, notice: summary.notice,
            crumbs: crumbs([homeAndDirectory[0], (homeAndDirectory[1].0, route)]))
        // Each state's link appears on the map and in the list, from its row of _states.csv.
        let stateLinks = reading.map { LinkOrigin(href: $0.url, ordinal: 0, kind: .data, origin: $0.state.location) }
            + tiles.map { LinkOrigin(href: $0.url, ordinal: 0, kind: .data, origin: $0.state.location) }
        return PageDraft("directory", view, links: stateLinks)
    }

    /// The groups of a facet that some of `facilities` have, with how many have each.
    private static func facets(_ facet: ReaderGroup.Facet, of facilities: [Facility], words: Words) -> [FacetView] {
        // Each listing's groups were found once, when it was loaded.
        let groups = facet == .care ? ReaderGroup.levelsOfCare : ReaderGroup.payments
        var counts = Array(repeating: 0, count: groups.count)
        for facility in facilities {
            let mask = facility.groups(facet)
            for position in groups.indices where mask & (1 << position) != 0 { counts[position] += 1 }
        }
        return groups.indices.compactMap { counts[$0] > 0 ? FacetView(group: groups[$0], count: counts[$0], label: words.group(groups[$0])) : nil }
    }

    /// The search page: its form and the index's table of cells; the index's files are fetched by its script.
    func draftSearch(_ route: Route, search: SearchIndex) -> PageDraft {
        recorder.record(.group(.search))
        recorder.record(files: search.geography.paths)
        let states = index.states.map { StateTileView(state: $0, url: url(index.route($0)), count: index.count(in: $0), words: words) }
        let placed = search.cells.flatMap(\.entries).map(\.facility)
        let trail: [(String, Route)] = homeAndDirectory + [(words.text("page.search"), route)]
        let view = SearchPageView(
            head: head(route, title: words.text("page.search_title"),
                       description: words.text("page.search_description", count: search.count, ["count": words.number(search.count)])),
            crumbs: crumbs(trail), states: states, careFacets: Self.facets(.care, of: placed, words: words),
            paymentFacets: Self.facets(.payment, of: placed, words: words), count: search.count,
            indexJSON: search.manifest(states: index.states, basePath: config.basePath).serialized(),
            hasGeography: !search.geography.isEmpty, structuredData: DirectoryStructuredData.script([breadcrumbData(trail)]),
            notice: index.summary.notice)
        let stateLinks = states.map { LinkOrigin(href: $0.url, ordinal: 0, kind: .data, origin: $0.state.location) }
        return PageDraft("find", view, links: stateLinks)
    }

    func draftState(_ state: StateInfo, route: Route) -> PageDraft {
        let facilities = index.facilities(in: state)
        // Joined once, at their total size (appended one by one, a large state's listings were copied as they grew).
        let listingsHTML = facilities.map { facility in
            let address = url(index.route(facility))
            return fragments.listing(facility, url: address) {
                templates.render("listing", ListingView(facility: facility, url: address, parts: index.parts(of: facility)),
                                 recorder: recorder.fresh(), capacity: 4_096)
            }
        }.joined()
        // What rendering a listing reads: its template and partials (the listings themselves are recorded above).
        recorder.record(files: templates.files(of: "listing"))
        let trail: [(String, Route)] = homeAndDirectory + [(state.name, route)]
        let view = StatePageView(
            head: head(route, title: words.text("page.state_title", ["state": state.name]),
                       description: words.text("page.state_description", count: facilities.count, ["count": words.number(facilities.count), "state": state.name])),
            state: state, count: facilities.count, listingsHTML: listingsHTML,
            careFacets: Self.facets(.care, of: facilities, words: words),
            paymentFacets: Self.facets(.payment, of: facilities, words: words),
            notice: NoticeView(facilities, index: index.index), crumbs: crumbs(trail),
            structuredData: DirectoryStructuredData.script([breadcrumbData(trail)]))
        var links: [LinkOrigin] = []
        if keepsLinks {
            links.append(LinkOrigin(href: url(index.index.root), ordinal: 0, kind: .data, origin: state.location))
            for facility in facilities { links += listingLinks(facility) }
        }
        return PageDraft("state", view, links: links, capacity: listingsHTML.utf8.count + 32_768)
    }

    func draftFacility(_ planned: Facility, route: Route) -> PageDraft? {
        let facility = index.listing(planned)
        guard let state = index.state(of: facility) else { return nil }
        let trail: [(String, Route)] = homeAndDirectory + [(state.name, index.route(state)), (facility.name.value, route)]
        var links: [LinkOrigin] = []
        if keepsLinks {
            links = listingLinks(facility)
            links.append(LinkOrigin(href: MapLink.url(for: facility), ordinal: 0, kind: .data, origin: facility.address.location))
            if let intake = facility.intakePhone {
                links.append(LinkOrigin(href: intake.value.telURL, ordinal: 0, kind: .data, origin: intake.location))
            }
        }
        var descriptionHTML: String?
        var sourcesHTML: String?
        if let description = facility.description {
            // A description that cites gets its own numbered sources list.
            let numbering = CitationNumbering(citations: description.document.citations, bibliography: bibliography,
                                                  sourceWord: words.text("page.source"))
            if !description.document.citations.isEmpty { recorder.record(files: bibliography.paths) }
            let basePath = config.basePath
            descriptionHTML = recorder.metrics.markdown {
                MarkdownRenderer().render(description.document, hooks: .init(citation: numbering.mark, url: { InternalURL.resolve($0, basePath: basePath) }))
            }
            if keepsLinks {
                links += description.document.links.map {
                    LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
                }
            }
            if !numbering.order.isEmpty {
                let components = ComponentRenderer(templates: templates, data: GuideData(), numbering: numbering, basePath: basePath,
                                                   recorder: recorder, words: words)
                sourcesHTML = components.render("sources")
                if keepsLinks { links += components.links }
            }
        }
        let neighbours = index.neighbours(of: facility, limit: DirectoryIndex.neighbourLimit)
        if keepsLinks {
            for neighbour in neighbours {
                links.append(LinkOrigin(href: url(index.route(neighbour)), ordinal: 0, kind: .data, origin: neighbour.slug.location))
            }
        }
        let address = facility.address.value
        let labels = index.labels
        let dataDate = index.displayDate(facility.sourceDate)
        let view = FacilityPageView(
            head: head(route, title: "\(facility.name.value), \(address.city), \(state.code)",
                       description: words.text("page.facility_description", ["name": facility.name.value, "city": address.city, "state": state.name])),
            facility: facility, listing: ListingView(facility: facility, url: url(route), parts: index.parts(of: facility)), labels: index.labels,
            spokenLabels: index.index.spokenLabels,
            descriptionHTML: descriptionHTML, sourcesHTML: sourcesHTML,
            neighbours: zip(neighbours, index.distinctions(of: neighbours, around: facility)).map {
                LinkView(name: $0.name.value, detail: $1, url: url(index.route($0)))
            },
            dataDate: dataDate, state: state, stateURL: url(index.route(state)), notice: NoticeView(date: dataDate),
            crumbs: crumbs(trail),
            structuredData: DirectoryStructuredData.script([{ DirectoryStructuredData.clinic(facility, labels: labels, into: &$0) }, breadcrumbData(trail)]))
        return PageDraft("facility", view, links: links)
    }

    /// A retired listing's page: no longer listed since when (or why), where it was, the nearest listed centers.
    func draftRetired(_ planned: Facility, route: Route) -> PageDraft? {
        let facility = index.listing(planned)
        guard let state = index.state(of: facility) else { return nil }
        let nearest = index.nearest(to: facility, limit: DirectoryIndex.neighbourLimit / 2)
        let trail: [(String, Route)] = homeAndDirectory + [(state.name, index.route(state)), (facility.name.value, route)]
        let view = RetiredPageView(
            head: head(route, title: words.text("page.retired_title", ["name": facility.name.value, "city": facility.address.value.city, "state": state.code]),
                       description: words.text("page.retired_description", ["name": facility.name.value])),
            crumbs: crumbs(trail), facility: facility,
            nearest: zip(nearest, ListingDistinction.details(nearest, labels: index.labels)).map { LinkView(name: $0.name.value, detail: $1, url: url(index.route($0))) },
            stateName: state.name, stateURL: url(index.route(state)), structuredData: DirectoryStructuredData.script([breadcrumbData(trail)]))
        let links = !keepsLinks ? [] : [LinkOrigin(href: url(index.route(state)), ordinal: 0, kind: .data, origin: state.location)]
            + nearest.map { LinkOrigin(href: url(index.route($0)), ordinal: 0, kind: .data, origin: $0.slug.location) }
        return PageDraft("retired", view, links: links)
    }

    /// The links a listing shows: its page, phone and website, each from the field that makes it.
    private func listingLinks(_ facility: Facility) -> [LinkOrigin] {
        var links = [LinkOrigin(href: url(index.route(facility)), ordinal: 0, kind: .data, origin: facility.slug.location)]
        if let phone = facility.phone { links.append(LinkOrigin(href: phone.value.telURL, ordinal: 0, kind: .data, origin: phone.location)) }
        if let website = facility.website { links.append(LinkOrigin(href: website.value, ordinal: 0, kind: .data, origin: website.location)) }
        return links
    }
}
