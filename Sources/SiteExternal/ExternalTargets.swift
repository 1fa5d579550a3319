public import SiteContent
public import SiteCore
public import SiteLinks

/// Every distinct outside URL and DOI of a site, each with every place it occurs.
public struct ExternalTargets: Sendable {
    /// Where a URL or DOI occurs: where an editor fixes it, and the output page when that is elsewhere.
    public struct Place: Sendable, Hashable {
        public var location: SourceLocation
        public var page: SourceLocation?

        public init(location: SourceLocation, page: SourceLocation? = nil) {
            self.location = location
            self.page = page
        }
    }

    public struct Link: Sendable {
        /// Without its fragment, scheme and host lowercased: the URL as checked.
        public var url: String
        public var places: [Place]
    }

    public struct DOIReference: Sendable {
        public var doi: DOI
        public var places: [Place]
        /// The bibliography entries that give this DOI, whose metadata is compared with the registry's.
        public var entries: [SourceEntry]
    }

    public var links: [Link] = []
    public var dois: [DOIReference] = []

    public init() {}

    /// Gathers the outside links of the output (a `https://doi.org/…` link counts as its DOI) and the
    /// bibliography's `DOI` and `URL` fields, cited or not.
    public static func collect(_ outside: [OutsideLink], bibliography: Bibliography? = nil) -> ExternalTargets {
        var targets = Gathering()
        for entry in bibliography?.entries ?? [] {
            if let text = entry.fields["DOI"], let doi = DOI(text) {
                targets.add(doi, at: Place(location: entry.fieldLocations["DOI"] ?? entry.location), entry: entry)
            }
            if let url = entry.fields["URL"] {
                targets.add(url, at: Place(location: entry.fieldLocations["URL"] ?? entry.location))
            }
        }
        for link in outside {
            let place = link.source.map { Place(location: $0, page: link.page) } ?? Place(location: link.page)
            targets.add(link.url, at: place)
        }
        return targets.result
    }

    /// Collects in first-seen order, each place once per URL or DOI.
    private struct Gathering {
        var links: [String: Int] = [:]
        var dois: [DOI: Int] = [:]
        var result = ExternalTargets()
        var placed: Set<PlaceKey> = []

        struct PlaceKey: Hashable {
            var target: String
            var location: SourceLocation
        }

        mutating func add(_ url: String, at place: Place) {
            if let doi = DOI(link: url) { return add(doi, at: place, entry: nil) }
            let key = ExternalURL.normalized(url)
            guard placed.insert(PlaceKey(target: key, location: place.location)).inserted else { return }
            if let index = links[key] {
                result.links[index].places.append(place)
            } else {
                links[key] = result.links.count
                result.links.append(Link(url: key, places: [place]))
            }
        }

        mutating func add(_ doi: DOI, at place: Place, entry: SourceEntry?) {
            let index: Int
            if let known = dois[doi] {
                index = known
            } else {
                index = result.dois.count
                dois[doi] = index
                result.dois.append(DOIReference(doi: doi, places: [], entries: []))
            }
            if let entry, !result.dois[index].entries.contains(where: { $0.id.value == entry.id.value }) {
                result.dois[index].entries.append(entry)
            }
            if placed.insert(PlaceKey(target: "doi:" + doi.key, location: place.location)).inserted {
                result.dois[index].places.append(place)
            }
        }
    }
}
