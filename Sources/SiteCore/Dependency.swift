/// Something a page reads while it renders. Recorded by the code that reads it, never listed by hand,
/// so that a long-lived build re-renders exactly the pages whose inputs changed.
public enum Dependency: Hashable, Sendable, CustomStringConvertible {
    /// A file under the root, by relative path: content, data, a template or a partial.
    case file(String)
    /// One directory listing (its imported record with the editor's overrides), by id.
    case listing(String)
    /// A set derived from many values, such as the listings of a state in page order.
    case group(DependencyGroup)

    public var description: String {
        switch self {
        case .file(let path): path
        case .listing(let id): "listing \(id)"
        case .group(let group): "group \(group)"
        }
    }
}

/// A set a page reads as a whole, derived from many values: a page that shows it is rendered again when its
/// members change, even if none of the members did.
public enum DependencyGroup: Hashable, Sendable, CustomStringConvertible {
    /// The guides' paths (the navigation and the home page list them).
    case guides
    /// The sitemap's entries.
    case sitemap
    /// The search index's layout: its cells and shards.
    case search
    /// The names search by name reads.
    case searchNames
    /// The listings marked featured.
    case featured
    /// The directory's counts and dates.
    case directory
    /// A state's listings in page order, by state code.
    case state(String)
    /// A city's listings, by state code and folded city name (`VA|richmond`).
    case city(String)

    public var description: String {
        switch self {
        case .guides: "guides"
        case .sitemap: "sitemap"
        case .search: "search"
        case .searchNames: "search names"
        case .featured: "featured"
        case .directory: "directory"
        case .state(let code): "state \(code)"
        case .city(let key): "city \(key)"
        }
    }
}

/// Collects what one page reads. One recorder per page render, used from one thread.
///
/// A one-shot build never asks what a page read, so its recorder is inactive: it keeps nothing, and a
/// dependency's value (often a string made for it) is not even made.
public final class DependencyRecorder {
    public private(set) var reads: Set<Dependency> = []
    /// Where the time of `iopsite build --metrics` goes; nil otherwise.
    public let metrics: BuildMetrics?
    /// Whether reads are kept.
    public let isActive: Bool

    public init(metrics: BuildMetrics? = nil, active: Bool = true) {
        self.metrics = metrics
        isActive = active
        // A listing's page reads a few dozen things: room for them without growing the set on the way.
        if active { reads.reserveCapacity(48) }
    }

    /// A recorder like this one (the same metrics, active or not) for a part rendered on its own.
    public func fresh() -> DependencyRecorder {
        DependencyRecorder(metrics: metrics, active: isActive)
    }

    @inline(__always)
    public func record(_ dependency: @autoclosure () -> Dependency) {
        guard isActive else { return }
        reads.insert(dependency())
    }

    public func record(files paths: @autoclosure () -> some Sequence<String>) {
        guard isActive else { return }
        for path in paths() { reads.insert(.file(path)) }
    }
}
