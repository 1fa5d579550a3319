import Foundation
@testable import SiteBuild
import SiteContent
import SiteCore
import SiteTestSupport
import Testing

/// The search index the build writes under `/rehab-centers/find/`: its cells, lookups, limits and errors.
@Suite(.cleansUp) struct SearchIndexTests {
    static let find = RealContentTests.output.appendingPathComponent("rehab-centers/find")

    /// Every regular file under a folder, with its size.
    static func files(under folder: URL) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for entry in FileTree.entries(under: folder.path) where entry.kind == .file {
            sizes[entry.path] = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(entry.path).path)[.size] as? Int) ?? 0
        }
        return sizes
    }

    @Test(.heavy) func everyRealListingIsInExactlyOneCellOfAtMost350AndLinksToItsPage() throws {
        let directory = RealContentTests.directory
        let slugs = Dictionary(directory.states.map { ($0.code, $0.slug) }) { first, _ in first }
        let expected = Set(directory.facilities.map { "/rehab-centers/\(slugs[$0.state]!)/\($0.slug.value)/" })
        var found: [String] = []
        let cells = try FileManager.default.contentsOfDirectory(atPath: Self.find.appendingPathComponent("cells").path)
        #expect(cells.count == 41, "14,324 listings in cells of at most 350: \(cells.count)")
        for cell in cells {
            let lines = try String(contentsOf: Self.find.appendingPathComponent("cells/\(cell)"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count <= SearchIndex.cellCapacity && lines.count >= 300, "\(cell): \(lines.count)")
            for line in lines {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                #expect((7...10).contains(fields.count), "\(line)")
                found.append("/rehab-centers/\(slugs[fields[5]] ?? "?")/\(fields[0])/")
            }
        }
        #expect(found.count == 14324)
        #expect(Set(found) == expected, "each listing once, linked to its page")
        let names = try String(contentsOf: Self.find.appendingPathComponent("names.txt"), encoding: .utf8).split(separator: "\n")
        #expect(names.count == 14324)
        // GeoNames lists Puerto Rico apart: its towns come from the ZIP code table's city names.
        let towns = SearchBrowserTests.content.geography.places.filter { $0.state == "PR" }
        #expect(towns.count == 103 && towns.allSatisfy { $0.population == 0 })
        let sa = try String(contentsOf: Self.find.appendingPathComponent("places/sa.tsv"), encoding: .utf8).split(separator: "\n")
        #expect(sa.filter { $0.hasPrefix("San Juan\t") }.map { $0.split(separator: "\t")[1] } == ["TX", "NM", "PR"])
    }

    @Test(.heavy) func theWholeIndexStaysUnder2000FilesAnd3MBAndThePageUnder40KB() throws {
        let sizes = Self.files(under: Self.find)
        let total = sizes.values.reduce(0, +)
        #expect(sizes.count <= 2000, "\(sizes.count) files")
        #expect(total <= 3_000_000, "\(total) bytes")
        #expect(sizes["index.html"]! < 40_000)
        #expect(sizes.count == 1 + 41 + 1 + 940 + 261, "the page, the cells, the names, 940 ZIP code prefixes, 261 place shards")
        print("Search index: \(sizes.count) files, \(total) bytes; the page \(sizes["index.html"]!) bytes")
    }

    @Test(.heavy) func vlqNumbersRoundTripAndAZIPShardDecodesToTheTablesPoints() throws {
        let values = [0, 1, -1, 15, -16, 31, 32, 1_000_000, -180_000_000, 90_000_000, Int(Int32.max)]
        #expect(VLQ.decode(Substring(values.map(VLQ.encode).joined())) == values)
        #expect(VLQ.encode(0) == "A" && VLQ.encode(-1) == "D" && VLQ.encode(16) == "gB", "the source-map alphabet and order")
        #expect(VLQ.decode("g") == nil, "a number cut short")
        #expect(VLQ.decode("A*") == nil)
        // Decoded as the page's script decodes: two digits of ZIP code, then the point's change in millionths.
        let text = try String(contentsOf: Self.find.appendingPathComponent("zip/229.txt"), encoding: .utf8).trimmingCharacters(in: .newlines)
        let geography = SearchBrowserTests.content.geography
        var rest = Substring(text), latitude = 0, longitude = 0, count = 0
        while !rest.isEmpty {
            let zip = "229" + rest.prefix(2)
            rest = rest.dropFirst(2)
            var numbers: [Int] = []
            while numbers.count < 2 {
                let end = try #require(rest.firstIndex { VLQ.digits.firstIndex(of: $0).map { $0 & 32 == 0 } ?? true })
                numbers += try #require(VLQ.decode(rest[...end]))
                rest = rest[rest.index(after: end)...]
            }
            latitude += numbers[0]; longitude += numbers[1]
            let point = try #require(geography.point(ofZIP: zip), "\(zip)")
            #expect(Double(latitude) / 1e6 == point.latitude && Double(longitude) / 1e6 == point.longitude, "\(zip)")
            count += 1
        }
        #expect(count == geography.zipCodes.filter { $0.zip.hasPrefix("229") }.count)
    }

    @Test func aListingWithoutCoordinatesTakesItsZIPCodesPointAndOneWithNeitherIsCountedInANote() throws {
        let site = try IncrementalFixture.site()
        let result = site.build()
        #expect(result.exitCode == 0)
        let notes = result.diagnostics.filter { $0.message.contains("not in search") }.map(\.description)
        #expect(notes == ["Content/directory/imported/md.yaml:23:11: note: 3 listings have no coordinates and a ZIP code without a point in Content/geo/us-zip-centroids.csv: not in search (the first: Cedar Center)"])
        let cell = try #require(site.read("Public/rehab-centers/find/cells/0.tsv")).split(separator: "\n")
        #expect(cell.count == 18 - 3 + 1, "the listings with a point (14, 16 and 17 have none), and the editor's Willow Place at 23220's")
        let willow = try #require(cell.first { $0.hasPrefix("willow-place\t") })
        #expect(willow.hasPrefix("willow-place\tWillow Place\t7 Oak St\tRichmond\t23220\tVA\t"))
        let page = try #require(site.read("Public/rehab-centers/find/index.html"))
        #expect(page.contains("\"cells\":[[16,"))
        #expect(page.contains("ZIP code locations: CivicSpace US ZIP Code Database (2004), CC BY-SA 2.0. Place names: GeoNames, CC BY 4.0."))
        #expect(try #require(site.read("Public/rehab-centers/find/places/ri.tsv")).split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: ",") }
                == ["Richmond,VA", "Richmond,IN"], "the larger first")
        #expect(try #require(site.read("Public/rehab-centers/find/places/ol.tsv")).hasPrefix("Olinda, CDP\tHI\t"), "a quoted name with a comma")
        #expect(try #require(site.read("Public/.iopsite-manifest")).contains("rehab-centers/find/zip/200.txt\n"), "the index is in the manifest")
    }

    @Test func badRowsOfTheGeographicTablesAreAllReportedAndNothingIsWritten() throws {
        let site = try IncrementalFixture.site()
        #expect(site.build().exitCode == 0)
        let before = site.snapshot("Public")
        try site.write([
            Geography.zipFile: "zip,city,state,latitude,longitude\n2200,A,VA,37.1,-77.5\n22001,A,VA,91,-77.5\n22002,A,VA,37.1234567,-77.5\n22003,A,VA,37.1,-77.5\n22003,A,VA,37.2,-77.5\n22004,A,VA,37.1\n",
            Geography.placesFile: "geonameid,name,state,latitude,longitude,population\n1,\"Open, \"quote,VA,37,-77,5\n2,Here,VA,37,-77,5\n",
        ])
        let result = site.build()
        #expect(result.exitCode == 1)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "Content/geo/us-places.csv:2:1: error: broken quoting at column 11",
            "Content/geo/us-zip-centroids.csv:2:1: error: ZIP code '2200' is not five digits",
            "Content/geo/us-zip-centroids.csv:3:12: error: latitude '91' is not a decimal number from -90 to 90 with at most 6 decimals",
            "Content/geo/us-zip-centroids.csv:4:12: error: latitude '37.1234567' is not a decimal number from -90 to 90 with at most 6 decimals",
            "Content/geo/us-zip-centroids.csv:6:1: error: ZIP code 22003 is listed twice (first on line 5)",
            "Content/geo/us-zip-centroids.csv:7:1: error: wrong column count: 4 fields, the header has 5",
        ])
        let after = site.snapshot("Public")
        #expect(after.keys.sorted() == before.keys.sorted() && after.allSatisfy { before[$0.key]?.0 == $0.value.0 }, "the output is untouched")
    }

    @Test func aStateWhoseSlugIsFindCollidesWithTheSearchPage() throws {
        var files = try IncrementalFixture.files()
        files["Content/directory/_states.csv"] = "code,name,fips,slug,tile_row,tile_col\nVA,Virginia,51,find,5,8\nMD,Maryland,24,maryland,5,9\n"
        let result = try FixtureSite(files).build()
        #expect(result.exitCode == 1)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.message).contains {
            $0.hasPrefix("/rehab-centers/find/ is written to rehab-centers/find/index.html, as is the page from ")
        }, "\(result.diagnostics.filter { $0.severity == .error })")
    }
}
