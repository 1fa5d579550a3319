public import SiteCore

/// A state, DC or Puerto Rico, from `Content/directory/_states.csv`.
public struct StateInfo: Sendable, Hashable {
    /// USPS code, e.g. `VA`.
    public let code: String
    public let name: String
    public let fips: String
    /// The route segment, e.g. `virginia`.
    public let slug: String
    /// Position on the tile-grid map (1-based; row 1 is the top).
    public let tileRow: Int
    public let tileColumn: Int
    /// Where the state's slug is written, the origin of links to its page.
    public let location: SourceLocation
}

/// A SAMHSA locator service code from `Content/directory/_service-codes.csv`.
public struct ServiceCode: Sendable, Hashable {
    public let code: String
    public let category: String
    public let label: String
}
