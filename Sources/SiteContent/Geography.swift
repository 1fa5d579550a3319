import SiteCore

/// The reference points search measures from: ZIP codes and populated places, from `Content/geo/`.
///
/// Coordinates keep the exact decimal text of their file (as a `Double` parsed from it): the search
/// index writes them in units of the file's precision, so that the page measures from the very point
/// the file gives.
public struct Geography: Sendable, Equatable {
    /// One ZIP code's point (`Content/geo/us-zip-centroids.csv`).
    public struct ZIPPoint: Sendable, Equatable {
        public let zip: String
        public let latitude: Double
        public let longitude: Double
        /// The USPS city name and state of the ZIP code.
        public var city = ""
        public var state = ""
    }

    /// A populated place (`Content/geo/us-places.csv`).
    public struct Place: Sendable, Equatable {
        public let name: String
        /// USPS code of its state.
        public let state: String
        public let latitude: Double
        public let longitude: Double
        public let population: Int
    }

    public static let folder = "Content/geo"
    public static let zipFile = "Content/geo/us-zip-centroids.csv"
    public static let placesFile = "Content/geo/us-places.csv"

    /// Every ZIP code, sorted by code.
    public var zipCodes: [ZIPPoint]
    /// Every place, in file order.
    public var places: [Place]
    /// The files read, for the pages that depend on them.
    public var paths: [String]
    private var byZIP: [String: Int]

    public init(zipCodes: [ZIPPoint] = [], places: [Place] = [], paths: [String] = []) {
        self.zipCodes = zipCodes.sorted { $0.zip < $1.zip }
        self.places = places + Self.towns(of: self.zipCodes, missingFrom: places)
        self.paths = paths
        byZIP = Dictionary(self.zipCodes.enumerated().map { ($1.zip, $0) }) { first, _ in first }
    }

    public var isEmpty: Bool { zipCodes.isEmpty && places.isEmpty }

    /// For a state the table of places has no place in (GeoNames lists Puerto Rico apart from the US), the
    /// ZIP codes' city names become places, each at the mean of its ZIP codes' points (in millionths of a
    /// degree) and with no population, in the order of their first ZIP code.
    static func towns(of zipCodes: [ZIPPoint], missingFrom places: [Place]) -> [Place] {
        let covered = Set(places.map(\.state))
        var order: [String] = [], points: [String: [ZIPPoint]] = [:]
        for point in zipCodes where !point.state.isEmpty && !point.city.isEmpty && !covered.contains(point.state) {
            let key = point.city + "\t" + point.state
            if points[key] == nil { order.append(key) }
            points[key, default: []].append(point)
        }
        return order.map { key in
            let group = points[key]!
            let mean = { (values: [Double]) in (values.reduce(0, +) / Double(values.count) * 1e6).rounded() / 1e6 }
            return Place(name: group[0].city, state: group[0].state, latitude: mean(group.map(\.latitude)),
                         longitude: mean(group.map(\.longitude)), population: 0)
        }
    }

    /// The point of a five-digit ZIP code, when the table has it.
    public func point(ofZIP zip: String) -> ZIPPoint? {
        byZIP[String(zip.prefix(5))].map { zipCodes[$0] }
    }

    public static func == (a: Geography, b: Geography) -> Bool {
        a.zipCodes == b.zipCodes && a.places == b.places && a.paths == b.paths
    }
}
