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
        self.places = places
        self.paths = paths
        byZIP = Dictionary(self.zipCodes.enumerated().map { ($1.zip, $0) }) { first, _ in first }
    }

    public var isEmpty: Bool { zipCodes.isEmpty && places.isEmpty }

    /// The point of a five-digit ZIP code, when the table has it.
    public func point(ofZIP zip: String) -> ZIPPoint? {
        byZIP[String(zip.prefix(5))].map { zipCodes[$0] }
    }

    public static func == (a: Geography, b: Geography) -> Bool {
        a.zipCodes == b.zipCodes && a.places == b.places && a.paths == b.paths
    }
}
