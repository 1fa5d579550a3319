import Foundation
@testable import SiteBuild
import SiteContent
import SiteCore
import SiteTestSupport
import Testing

/// The search page of the real site in headless Chromium (`Tests/Browser/search_check.py`), against a
/// brute-force search over every listing of the content: the same listings, in the same order.
@Suite(.serialized, .cleansUp, .heavy) struct SearchBrowserTests {
    /// A listing as the oracle sees it: its page, name, point (rounded to millionths, as the index
    /// publishes it) and filter groups.
    struct Listing {
        let url: String
        let name: String
        let latitude: Double
        let longitude: Double
        let care: Set<String>
        let payment: Set<String>
    }

    struct Query {
        var latitude: Double
        var longitude: Double
        /// A number of miles, or "nearest".
        var radius: String
        var care: [String] = []
        var payment: [String] = []
        /// What is typed in the field; nil for the device's position.
        var text: String?

        var json: [String: Any] {
            var object: [String: Any] = ["radius": radius, "care": care, "payment": payment]
            if let text { object["q"] = text } else { object["lat"] = latitude; object["lon"] = longitude }
            return object
        }
    }

    static let content = ContentLoader(root: RealContentTests.root, shortcodes: [], today: ContentDate("2026-11-29")).load().content!

    static let listings: [Listing] = {
        let directory = content.directory
        let slugs = Dictionary(directory.states.map { ($0.code, $0.slug) }) { first, _ in first }
        let micro = { (degrees: Double) in Double(Int((degrees * 1e6).rounded())) / 1e6 }
        return directory.facilities.compactMap { facility in
            let point = facility.latitude.flatMap { lat in facility.longitude.map { (lat, $0) } }
                ?? content.geography.point(ofZIP: facility.address.value.zip).map { ($0.latitude, $0.longitude) }
            guard let point else { return nil }
            return Listing(url: "/rehab-centers/\(slugs[facility.state]!)/\(facility.slug.value)/", name: facility.name.value,
                           latitude: micro(point.0), longitude: micro(point.1),
                           care: Set(ReaderGroup.groups(.care, for: facility.levelsOfCare).map(\.id)),
                           payment: Set(ReaderGroup.groups(.payment, for: facility.payment).map(\.id)))
        }
    }()

    static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180
        let a = sin((lat2 - lat1) * r / 2), b = sin((lon2 - lon1) * r / 2)
        let h = a * a + cos(lat1 * r) * cos(lat2 * r) * b * b
        return 2 * 3958.8 * asin(min(1, h.squareRoot()))
    }

    /// Every listing within the radius (or the 25 nearest) that passes the filters, by distance, then name
    /// (compared as UTF-16 code units, as the page's script compares), then URL.
    static func bruteForce(_ query: Query) -> [(url: String, miles: Double)] {
        let found = listings.compactMap { listing -> (Listing, Double)? in
            guard query.care.isEmpty || !listing.care.isDisjoint(with: query.care),
                  query.payment.isEmpty || !listing.payment.isDisjoint(with: query.payment) else { return nil }
            let miles = haversine(query.latitude, query.longitude, listing.latitude, listing.longitude)
            if let radius = Double(query.radius), miles > radius { return nil }
            return (listing, miles)
        }.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            if a.0.name != b.0.name { return a.0.name.utf16.lexicographicallyPrecedes(b.0.name.utf16) }
            return a.0.url.utf16.lexicographicallyPrecedes(b.0.url.utf16)
        }
        return (query.radius == "nearest" ? Array(found.prefix(25)) : found).map { ($0.0.url, $0.1) }
    }

    /// The index's cells as the search page carries them: south, north, west, east in millionths.
    static func cellBoxes() throws -> [[Int]] {
        let page = try String(contentsOf: RealContentTests.output.appendingPathComponent("rehab-centers/find/index.html"), encoding: .utf8)
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"search-index\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        return try #require(manifest["cells"] as? [[Int]]).map { Array($0.dropFirst()) }
    }

    /// 240 queries from a fixed seed: around listings, on the borders of cells, anywhere in the lower 48,
    /// and in Alaska, Hawaii and Puerto Rico; every radius; filters now and then; then ZIP codes and places.
    static func queries() throws -> [Query] {
        var random = SplitMix64(seed: 15)
        let radii = ["5", "10", "25", "50", "100", "250", "500", "nearest"]
        // The filters the page offers: the groups some listing has (few listings of the real data have any).
        let careIDs = ReaderGroup.levelsOfCare.map(\.id).filter { id in listings.contains { $0.care.contains(id) } }
        let paymentIDs = ReaderGroup.payments.map(\.id).filter { id in listings.contains { $0.payment.contains(id) } }
        func between(_ low: Double, _ high: Double) -> Double { low + (high - low) * random.unit() }
        func make(_ latitude: Double, _ longitude: Double) -> Query {
            var query = Query(latitude: latitude, longitude: longitude, radius: radii[random.next(below: radii.count)])
            if random.next(below: 8) == 0 { query.care = [careIDs[random.next(below: careIDs.count)]] }
            if random.next(below: 8) == 0 { query.payment = [paymentIDs[random.next(below: paymentIDs.count)], paymentIDs[random.next(below: paymentIDs.count)]] }
            return query
        }
        var queries: [Query] = []
        for _ in 0..<30 {
            let listing = listings[random.next(below: listings.count)]
            queries.append(make(listing.latitude + between(-0.2, 0.2), listing.longitude + between(-0.2, 0.2)))
        }
        // Around the listings that have levels of care or payments, filtered by them (any of two groups).
        let described = listings.filter { !$0.care.isEmpty || !$0.payment.isEmpty }
        for _ in 0..<20 {
            let listing = described[random.next(below: described.count)]
            var query = make(listing.latitude + between(-0.5, 0.5), listing.longitude + between(-0.5, 0.5))
            query.care = listing.care.isEmpty ? [] : [listing.care.sorted()[0], careIDs[random.next(below: careIDs.count)]]
            query.payment = listing.payment.isEmpty || random.next(below: 2) == 0 ? [] : [listing.payment.sorted()[0]]
            queries.append(query)
        }
        let boxes = try cellBoxes()
        for _ in 0..<50 {
            let box = boxes[random.next(below: boxes.count)].map { Double($0) / 1e6 }
            let nudge = between(-0.001, 0.001)
            switch random.next(below: 4) {
            case 0: queries.append(make(box[0] + nudge, between(box[2], box[3])))
            case 1: queries.append(make(box[1] + nudge, between(box[2], box[3])))
            case 2: queries.append(make(between(box[0], box[1]), box[2] + nudge))
            default: queries.append(make(between(box[0], box[1]), box[3] + nudge))
            }
        }
        for _ in 0..<40 { queries.append(make(between(25, 49), between(-124.5, -67))) }
        for _ in 0..<20 { queries.append(make(between(55, 71), between(-166, -131))) }
        for _ in 0..<20 { queries.append(make(between(18.9, 22.3), between(-160.3, -154.8))) }
        for _ in 0..<20 { queries.append(make(between(17.9, 18.5), between(-67.3, -65.6))) }
        // Typed: ZIP codes (measured from the ZIP code's point) and places named with their state.
        let zips = content.geography.zipCodes
        for _ in 0..<25 {
            let zip = zips[random.next(below: zips.count)]
            var query = make(zip.latitude, zip.longitude)
            query.text = zip.zip
            queries.append(query)
        }
        let places = content.geography.places
        for _ in 0..<15 {
            let place = places[random.next(below: places.count)]
            // A place is the largest of its name in its state.
            let largest = places.filter { $0.state == place.state && SearchIndex.fold($0.name) == SearchIndex.fold(place.name) }.max { $0.population < $1.population }!
            var query = make(largest.latitude, largest.longitude)
            query.text = "\(place.name), \(place.state)"
            queries.append(query)
        }
        return queries
    }

    func harness(_ command: String, _ arguments: [String] = []) throws -> Any {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "install Debian's chromium and chromium-driver (make test-deps does)")
        }
        let script = RealContentTests.root.appendingPathComponent("Tests/Browser/search_check.py").path
        let process = try TestResources.owner.start("python3", [script, command, "--base", try BrowserTests().serve()] + arguments)
        let status = process.wait()
        #expect(status == 0, "\(process.output)")
        let json = try #require(process.output.split(separator: "\n").last.map(String.init), "no output")
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func thePageFindsTheSameListingsInTheSameOrderAsABruteForceSearchFor240Queries() throws {
        let queries = try Self.queries()
        #expect(queries.count == 240)
        let file = try TestResources.owner.temporaryFolder().appendingPathComponent("queries.json")
        try JSONSerialization.data(withJSONObject: queries.map(\.json)).write(to: file)
        let answers = try #require(try harness("queries", ["--queries", file.path]) as? [[String: Any]])
        try #require(answers.count == queries.count)
        var nonEmpty = 0, compared = 0
        for (query, answer) in zip(queries, answers) {
            let expected = Self.bruteForce(query)
            let shown = (answer["results"] as? [[String]]) ?? []
            let label = "\(query.text ?? "(\(query.latitude), \(query.longitude))") within \(query.radius) care \(query.care) payment \(query.payment): \(answer["status"] ?? "")"
            #expect(shown.map { $0[0] } == expected.map(\.url), "\(label)")
            for (row, (_, miles)) in zip(shown, expected) {
                #expect(abs((Double(row[1]) ?? -1) - miles) <= 0.05 + 1e-9, "\(label): \(row)")
            }
            #expect((answer["console"] as? [String])?.isEmpty == true, "\(label): \(answer["console"] ?? "")")
            if !expected.isEmpty { nonEmpty += 1 }
            compared += expected.count
        }
        #expect(nonEmpty > 150, "most queries find something")
        print("Search equivalence: \(queries.count) queries, \(nonEmpty) with results, \(compared) results compared")
    }

    @Test func aNameWithOneTypoFindsTheCenter() throws {
        let file = try TestResources.owner.temporaryFolder().appendingPathComponent("names.json")
        let typed = ["Region Tan Community", "Hazelden Betty Frd", "region ten", "Nonexistent Centre Qqq"]
        try JSONSerialization.data(withJSONObject: typed.map { ["q": $0, "radius": "25"] }).write(to: file)
        let answers = try #require(try harness("queries", ["--queries", file.path]) as? [[String: Any]])
        let urls = answers.map { ($0["results"] as? [[String]] ?? []).map { $0[0] } }
        #expect(urls[0].contains("/rehab-centers/virginia/region-ten-community-services-board/"))
        #expect(urls[0] == urls[2] || urls[0].count >= urls[2].count, "a typo finds what the exact name finds")
        #expect(answers.allSatisfy { ($0["results"] as? [[String]] ?? []).allSatisfy { $0[1].isEmpty } }, "a search by name has no distance")
        #expect(urls[3].isEmpty)
        #expect(answers[3]["status"] as? String == "No place or center name matches \u{201C}Nonexistent Centre Qqq\u{201D}.")
    }

    @Test func searchWorksByKeyboardAloneAndTheBackButtonReturnsToTheResults() throws {
        let result = try #require(try harness("keyboard") as? [String: Any])
        let zip = try #require(result["zip"] as? [String: Any])
        #expect(zip["status"] as? String == "19 centers within 25 miles of 22903.")
        #expect(zip["live"] as? String == "polite")
        #expect(zip["count"] as? Int == 19)
        #expect(zip["url"] as? String == "/rehab-centers/find/?q=22903&radius=25")
        #expect(zip["enter_goes_to"] as? String == zip["link"] as? String)
        let back = try #require(result["back"] as? [String: Any])
        #expect(back["query"] as? String == "22903")
        #expect(back["count"] as? Int == 19)
        let choices = try #require(result["choices"] as? [String: Any])
        #expect((choices["count"] as? Int ?? 0) > 5)
        #expect(choices["focused"] as? String == "Springfield, MO", "the largest place first, and it has focus")
        #expect(choices["query"] as? String == "Springfield, MO")
        #expect((choices["status"] as? String)?.hasSuffix("within 25 miles of Springfield, MO.") == true)
        let location = try #require(result["location"] as? [String: Any])
        #expect((location["status"] as? String)?.hasSuffix("within 25 miles of your location.") == true)
        #expect(location["url"] as? String == "/rehab-centers/find/?near=me&radius=25", "the position is never in the URL")
        #expect((result["console"] as? [String])?.isEmpty == true, "\(result["console"] ?? "")")
    }

    @Test func withoutJavaScriptThePageSaysSoAndLinksEveryState() throws {
        let result = try #require(try harness("nojs") as? [String: Any])
        #expect(result["form_shown"] as? Bool == false)
        #expect((result["message"] as? String)?.hasPrefix("Search needs JavaScript") == true)
        #expect(result["state_links"] as? Int == 52)
    }
}
