import SiteContent
import SiteCore

extension SearchIndex {
    /// What the search page's script needs before it fetches anything: the site's root, each cell's count
    /// and box (millionths of a degree: south, north, west, east), the states' codes, slugs and names, the
    /// filter groups in bit order, and which ZIP code and place shards exist (so that a miss is known
    /// without a request).
    func manifest(states: [StateInfo], basePath: String) -> JSONValue {
        .object([
            ("root", .string(basePath)),
            ("cells", .array(cells.map { .array([.number($0.entries.count), .number($0.south), .number($0.north), .number($0.west), .number($0.east)]) })),
            ("states", .array(states.sorted { $0.code < $1.code }.map { .array([.string($0.code), .string($0.slug), .string($0.name)]) })),
            ("care", .array(ReaderGroup.levelsOfCare.map { .array([.string($0.id), .string($0.label)]) })),
            ("payment", .array(ReaderGroup.payments.map { .array([.string($0.id), .string($0.label)]) })),
            ("zip", .string(zipShards.map(\.prefix).joined())),
            ("places", .string(placeShards.map(\.key).joined(separator: " "))),
        ])
    }

    /// The listings placed, all cells together.
    var count: Int { cells.reduce(0) { $0 + $1.entries.count } }
}
