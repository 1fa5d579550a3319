import SiteContent
import SiteCore

/// The static index of `/rehab-centers/find/`: the placed listings split into geographic cells of at most
/// `cellCapacity` listings (a balanced k-d tree over their points), the names in cell order, and the ZIP
/// code and place lookups split by prefix. Planned once per change of the directory or of `Content/geo/`;
/// its files are rendered like pages (see `SearchFile`).
struct SearchIndex: Sendable {
    /// A listing with the point search measures to.
    struct Entry: Sendable {
        let facility: Facility
        let latitude: Double
        let longitude: Double
        /// True when the point is its ZIP code's, for want of coordinates of its own.
        let fromZIP: Bool
        /// Its place among the placed listings, in directory order: a later index finds it there first.
        let position: Int

        /// Whether `other` is this listing at the same point.
        func isPlaced(like other: Entry) -> Bool {
            latitude == other.latitude && longitude == other.longitude && fromZIP == other.fromZIP
        }
    }

    /// One cell: its listings (sorted by id) and the box around their points, in millionths of a degree,
    /// rounded outwards so that the box never excludes a point it holds.
    struct Cell: Sendable {
        let entries: [Entry]
        let south: Int, north: Int, west: Int, east: Int
    }

    /// At most this many listings share a cell: a cell of the densest city stays near 30 KB.
    static let cellCapacity = 350
    static let root = Route("/rehab-centers/find/")

    let cells: [Cell]
    /// Listings without coordinates whose ZIP code has no point either: not placed, counted in a note.
    let unplaced: [Facility]
    let lookups: Lookups
    var geography: Geography { lookups.geography }
    /// ZIP codes by their first three digits, each group sorted.
    var zipShards: [(prefix: String, points: [Geography.ZIPPoint])] { lookups.zipShards }
    /// Places by the first two letters of their folded name (see `placeKey(folded:)`).
    var placeShards: [(key: String, places: [Geography.Place])] { lookups.placeShards }
    /// The revision of the directory it was made from (see `Directory.revision`).
    let revision: Int
    /// The newest date of the placed listings (see `SitePlan.newest`), the search page's in the sitemap.
    let newest: String?

    /// The ZIP code and place lookups, which depend on the geography alone: a directory edit keeps them,
    /// and a build makes them while it plans the directory.
    struct Lookups: Sendable {
        let geography: Geography
        let zipShards: [(prefix: String, points: [Geography.ZIPPoint])]
        let placeShards: [(key: String, places: [Geography.Place])]

        init(_ geography: Geography) {
            self.geography = geography
            zipShards = Self.zipShards(geography.zipCodes)
            placeShards = Self.placeShards(geography.places)
        }

        /// The ZIP code points by their first three digits, each shard in ZIP code order.
        static func zipShards(_ points: [Geography.ZIPPoint]) -> [(prefix: String, points: [Geography.ZIPPoint])] {
            // The loader lets only five-digit ZIP codes in, so their numeric order is their text order.
            let keyed = points.map { (key: Int($0.zip) ?? -1, point: $0) }
            guard !keyed.contains(where: { $0.key < 0 }) else {
                return Dictionary(grouping: points) { String($0.zip.prefix(3)) }
                    .map { (prefix: $0.key, points: $0.value.sorted { $0.zip < $1.zip }) }.sorted { $0.prefix < $1.prefix }
            }
            var shards: [(prefix: String, points: [Geography.ZIPPoint])] = []
            var lastPrefix = -1
            for (key, point) in keyed.sorted(by: { $0.key < $1.key }) {
                if key / 100 != lastPrefix {
                    lastPrefix = key / 100
                    shards.append((String(point.zip.prefix(3)), []))
                }
                shards[shards.count - 1].points.append(point)
            }
            return shards
        }

        /// The places by the first two characters of their folded names, in order of name, then largest first;
        /// within a state a name means its largest place, so the smaller ones of the same name are left out.
        static func placeShards(_ places: [Geography.Place]) -> [(key: String, places: [Geography.Place])] {
            let folds = places.map { SearchIndex.fold($0.name) }
            let keys = folds.map { SearchIndex.placeKey(folded: $0) }
            // Key and folded name as one byte string (a zero between: neither holds one), so that they compare as
            // the pair does; its first eight bytes as a number decide most comparisons of the sort.
            let names = places.indices.map { Array(keys[$0].utf8) + [0] + Array(folds[$0].utf8) }
            let leads = names.map { $0.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - min(8, $0.count))) }
            let order = places.indices.sorted { a, b in
                if leads[a] != leads[b] { return leads[a] < leads[b] }
                if names[a] != names[b] { return names[a].lexicographicallyPrecedes(names[b]) }
                let (first, second) = (places[a], places[b])
                return (second.population, first.state, first.latitude, first.longitude) < (first.population, second.state, second.latitude, second.longitude)
            }
            var shards: [(key: String, places: [Geography.Place])] = []
            var statesOfFold: [String] = []
            for (position, index) in order.enumerated() {
                if position == 0 || keys[index] != keys[order[position - 1]] { shards.append((keys[index], [])) }
                if position == 0 || folds[index] != folds[order[position - 1]] { statesOfFold = [] }
                guard !statesOfFold.contains(places[index].state) else { continue }
                statesOfFold.append(places[index].state)
                shards[shards.count - 1].places.append(places[index])
            }
            return shards
        }
    }

    /// `reusing` the index of an earlier version of the directory keeps its cells when the placed listings
    /// are the same ids at the same points (an edit of a name or a phone number): the cells depend on nothing else.
    init(facilities: [Facility], lookups: Lookups, revision: Int, reusing previous: SearchIndex? = nil) {
        let geography = lookups.geography
        self.lookups = lookups
        self.revision = revision
        var entries: [Entry] = [], unplaced: [Facility] = []
        for facility in facilities {
            if let latitude = facility.latitude, let longitude = facility.longitude {
                entries.append(Entry(facility: facility, latitude: latitude, longitude: longitude, fromZIP: false, position: entries.count))
            } else if let point = geography.point(ofZIP: facility.address.value.zip) {
                entries.append(Entry(facility: facility, latitude: point.latitude, longitude: point.longitude, fromZIP: true,
                                     position: entries.count))
            } else {
                unplaced.append(facility)
            }
        }
        self.unplaced = unplaced
        if let previous, let kept = Self.cells(of: previous, placing: entries) {
            cells = kept.cells
            // The same ids in the same cells: the layout is the previous one, and so are the names unless one changed.
            layout = previous.layout
            names = kept.sameNames ? previous.names : Self.names(kept.cells)
        } else {
            let leaves = (entries.count + Self.cellCapacity - 1) / Self.cellCapacity
            cells = Self.split(entries, into: max(1, leaves)).filter { !$0.isEmpty }.map(Self.cell)
            layout = Self.layout(cells)
            names = Self.names(cells)
        }
        newest = SitePlan.newest(entries.map(\.facility))
    }

    /// `previous`'s cells holding `entries` instead of its own, when they are the same ids at the same points; else nil.
    /// A cell whose listings are all the very same values is kept whole. Each listing is looked for at its
    /// position first; only when the order changed are the new listings looked up by id.
    private static func cells(of previous: SearchIndex, placing entries: [Entry]) -> (cells: [Cell], sameNames: Bool)? {
        guard previous.cells.reduce(0, { $0 + $1.entries.count }) == entries.count else { return nil }
        var byID: [String: Entry]?
        func entry(replacing old: Entry) -> Entry? {
            if old.position < entries.count, entries[old.position].facility.id.value == old.facility.id.value { return entries[old.position] }
            if byID == nil {
                byID = Dictionary(entries.map { ($0.facility.id.value, $0) }) { first, _ in first }
                guard byID!.count == entries.count else { return nil }
            }
            return byID![old.facility.id.value]
        }
        var cells: [Cell] = []
        cells.reserveCapacity(previous.cells.count)
        var sameNames = true
        for cell in previous.cells {
            if cell.entries.allSatisfy({ old in
                old.position < entries.count && entries[old.position].facility === old.facility && entries[old.position].isPlaced(like: old)
            }) {
                cells.append(cell)
                continue
            }
            var replaced: [Entry] = []
            replaced.reserveCapacity(cell.entries.count)
            for old in cell.entries {
                guard let new = entry(replacing: old), new.isPlaced(like: old) else { return nil }
                if new.facility.name.value != old.facility.name.value { sameNames = false }
                replaced.append(new)
            }
            cells.append(Cell(entries: replaced, south: cell.south, north: cell.north, west: cell.west, east: cell.east))
        }
        return (cells, sameNames)
    }

    /// Splits points into `leaves` groups of sizes as equal as possible: each split halves the number of
    /// leaves and cuts across the longer side of the group's box (in miles), at the matching rank.
    static func split(_ entries: [Entry], into leaves: Int) -> [[Entry]] {
        guard leaves > 1, entries.count > 1 else { return [entries] }
        let south = entries.map(\.latitude).min()!, north = entries.map(\.latitude).max()!
        let west = entries.map(\.longitude).min()!, east = entries.map(\.longitude).max()!
        let middle = (south + north) / 2 * .pi / 180
        let byLatitude = north - south >= (east - west) * Foundation.cos(middle)
        let sorted = entries.sorted { a, b in
            let keyA = byLatitude ? (a.latitude, a.longitude) : (a.longitude, a.latitude)
            let keyB = byLatitude ? (b.latitude, b.longitude) : (b.longitude, b.latitude)
            return keyA != keyB ? keyA < keyB : a.facility.id.value < b.facility.id.value
        }
        let left = leaves / 2
        let cut = sorted.count * left / leaves
        return split(Array(sorted[..<cut]), into: left) + split(Array(sorted[cut...]), into: leaves - left)
    }

    private static func cell(_ entries: [Entry]) -> Cell {
        let micro = { (value: Double, up: Bool) in Int(up ? (value * 1e6).rounded(.up) : (value * 1e6).rounded(.down)) }
        return Cell(entries: entries.sorted { $0.facility.id.value < $1.facility.id.value },
                    south: micro(entries.map(\.latitude).min()!, false), north: micro(entries.map(\.latitude).max()!, true),
                    west: micro(entries.map(\.longitude).min()!, false), east: micro(entries.map(\.longitude).max()!, true))
    }

    /// A name as search compares it: accents folded, lowercase ASCII letters and digits only.
    static func fold(_ name: String) -> String {
        // ASCII (nearly every name) needs no Unicode folding.
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return Slug.make(name).replacingOccurrences(of: "-", with: "") }
        var folded: [UInt8] = []
        folded.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded.append(byte + 32)
            default: break
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The shard of a folded place name: its first two characters (`_` for a name with none).
    static func placeKey(folded: String) -> String {
        folded.isEmpty ? "_" : String(folded.prefix(2))
    }

    /// What pages of the index depend on as a whole: each cell's box, and which listing is in which cell, in
    /// order (a listing that moves within its cell changes its own record, and the box when it moves it).
    let layout: [String]

    /// What the names file holds, in its order: it depends on these and on `layout`, not on each listing whole
    /// (so that an edit of a listing's phone number does not write the 14,000 names again).
    let names: [String]

    private static func layout(_ cells: [Cell]) -> [String] {
        cells.enumerated().flatMap { number, cell in
            ["cell \(number) \(cell.south) \(cell.north) \(cell.west) \(cell.east)"] + cell.entries.map(\.facility.id.value)
        }
    }

    private static func names(_ cells: [Cell]) -> [String] {
        cells.flatMap { $0.entries.map(\.facility.name.value) }
    }

    /// Every file of the index, in route order.
    var files: [SearchFile] {
        (cells.indices.map(SearchFile.cell) + [.names] + zipShards.map { .zipCodes($0.prefix) } + placeShards.map { .places($0.key) })
            .sorted { $0.route < $1.route }
    }
}

import Foundation

extension SearchIndex {
    /// The note that counts the listings search cannot place, at the first of them.
    static func notes(_ index: SearchIndex) -> [Diagnostic] {
        guard let first = index.unplaced.first else { return [] }
        let count = index.unplaced.count
        return [Diagnostic(.note, "\(Count.text(count)) \(count == 1 ? "listing has" : "listings have") no coordinates and a ZIP code without a point in \(Geography.zipFile): not in search (the first: \(first.name.value))",
                      at: first.slug.location)]
    }
}
