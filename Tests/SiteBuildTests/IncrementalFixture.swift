import Foundation
import SiteBuild
import SiteCore
import SiteTestSupport

/// A small site that has every kind of page and input: the real theme and guide data, a guide that
/// places every component, a bibliography, and a directory of two states whose listings share cities,
/// with an editor's file that features and overrides some. The listings are made up for tests.
enum IncrementalFixture {
    static let guide = """
        ---
        title: The Guide
        description: A guide to programs.
        published: 2024-01-02
        ---
        Programs help [@drake2007]. See [a center](/rehab-centers/virginia/alpha-house/).

        ## Compare

        {{< comparison >}}

        ## Week by week

        {{< schedule >}}

        ## Approaches

        {{< modalities >}}

        ## Paying

        {{< insurers >}}

        ## Centers

        {{< featured-centers >}}

        ## Questions

        {{< faq >}}

        ## Sources

        {{< sources >}}
        """

    /// The guide's Spanish translation: the same file name under `Content/guide/es/`, its own slug.
    static var spanishGuide: String {
        guide.replacingOccurrences(of: "title: The Guide\ndescription: A guide to programs.\n",
                                   with: "title: La guía\ndescription: Una guía sobre los programas.\nslug: la-guia\n")
            .replacingOccurrences(of: "Programs help", with: "Los programas ayudan")
            .replacingOccurrences(of: "(/rehab-centers/virginia/alpha-house/)", with: "(/es/centros-de-tratamiento/virginia/alpha-house/)")
    }

    static func listing(_ number: Int, state: String, city: String) -> String {
        let id = String(format: "samhsa:%012x", number)
        let name = ["Alpha House", "Birch Clinic", "Cedar Center", "Dogwood Recovery", "Elm Program", "Fir Counseling"][number % 6]
        return """
              - id: "\(id)"
                slug: \(Slug.make(name))-\(number)
                name: \(name)
                address: {street1: \(number) Main St, city: \(city), zip: "2\(String(format: "%04d", number))"}
                phone: "804-555-\(String(format: "%04d", 100 + number))"
                levels_of_care: [\(number % 2 == 0 ? "OIT" : "SA")]
                payment: [MD]
            \(coordinates(number, moved: false))    source: SAMHSA locator
                source_date: "2020-04-09"

            """
    }

    /// Every third listing has coordinates of its own; the others are placed at their ZIP code's point, or not
    /// at all (the ZIP codes 20014 to 20017 have none).
    static func coordinates(_ number: Int, moved: Bool) -> String {
        guard number % 3 == 0 else { return "" }
        return "    latitude: \(moved ? 36.9 : 37.5)\n    longitude: \(String(format: "%.2f", -77.4 + Double(number) / 100))\n"
    }

    /// ZIP code points for the fixture's listings, and a few places.
    static let zipCodes = "zip,city,state,latitude,longitude\n" + (0..<14).map { "2\(String(format: "%04d", $0)),Town,VA,\(String(format: "%.1f", 37 + Double($0) / 10)),-77.5\n" }.joined()
        + "23220,Richmond,VA,37.55,-77.46\n"
    static let places = "geonameid,name,state,latitude,longitude,population\n1,Richmond,VA,37.55376,-77.46026,226610\n2,Richmond,IN,39.82894,-84.89024,35720\n3,Towson,MD,39.4015,-76.60191,55197\n4,\"Olinda, CDP\",HI,20.82368,-156.29236,1188\n"

    static func files() throws -> [String: String] {
        let real = RealContentTests.root
        var files: [String: String] = [:]
        for folder in ["Templates", "Content/guide/data", "Content/guide/es/data"] {
            for entry in FileTree.entries(under: real.appendingPathComponent(folder).path) where entry.kind == .file {
                files["\(folder)/\(entry.path)"] = try String(contentsOf: real.appendingPathComponent("\(folder)/\(entry.path)"), encoding: .utf8)
            }
        }
        for path in ["Content/site.yaml", "Content/sources.yaml", "Content/directory/_service-codes.csv"] {
            files[path] = try String(contentsOf: real.appendingPathComponent(path), encoding: .utf8)
        }
        files["Content/guide/the-guide.md"] = guide
        files["Content/guide/es/the-guide.md"] = spanishGuide
        files["Content/geo/us-zip-centroids.csv"] = zipCodes
        files["Content/geo/us-places.csv"] = places
        files["Content/directory/_states.csv"] = "code,name,fips,slug,tile_row,tile_col\nVA,Virginia,51,virginia,5,8\nMD,Maryland,24,maryland,5,9\n"
        let cities = ["Richmond", "Richmond", "Richmond", "Norfolk", "Norfolk", "Roanoke"]
        files["Content/directory/imported/va.yaml"] = "facilities:\n" + (0..<12).map { listing($0, state: "VA", city: cities[$0 % 6]) }.joined()
        files["Content/directory/imported/md.yaml"] = "facilities:\n" + (12..<18).map { listing($0, state: "MD", city: $0 % 2 == 0 ? "Baltimore" : "Towson") }.joined()
        files["Content/directory/va.yaml"] = """
            facilities:
              - id: "samhsa:000000000000"
                featured: true
                slug: alpha-house
              - id: "samhsa:000000000002"
                featured: true
              - id: local:willow-place
                name: Willow Place
                address: {street1: 7 Oak St, city: Richmond, zip: "23220"}
                description: |
                  A made-up center that cites a source [@drake2007].
                source: editor
                source_date: "2026-11-02"

            """
        return files
    }

    static func site() throws -> FixtureSite {
        try FixtureSite(files())
    }
}
