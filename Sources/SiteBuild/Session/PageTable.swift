public import SiteCore

/// The rendered pages by route, held in shards. A long-lived build shares its table with the server (and
/// the link check) while it makes the next one; a change then copies only the shards it touches, about
/// thirty pages each, where one dictionary would copy all 15,000 pages for a single edited listing.
public struct PageTable: Sendable {
    private static let shardCount = 512
    private var shards: [[Route: RenderedPage]] = Array(repeating: [:], count: PageTable.shardCount)

    public init() {}

    /// The shard of a route: FNV-1a of its path's bytes, which, unlike `hashValue`, costs no hasher setup.
    @inline(__always)
    private static func shard(of route: Route) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in route.path.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    public subscript(route: Route) -> RenderedPage? {
        get { shards[Self.shard(of: route)][route] }
        set { shards[Self.shard(of: route)][route] = newValue }
    }

    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    /// Every page, in no particular order.
    public var values: [RenderedPage] { shards.flatMap(\.values) }

    /// Every route, in no particular order.
    public var keys: [Route] { shards.flatMap(\.keys) }
}
