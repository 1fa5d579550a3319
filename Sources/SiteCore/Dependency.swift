/// Something a page reads while it renders. Recorded by the code that reads it, never listed by hand,
/// so that a long-lived build re-renders exactly the pages whose inputs changed.
public enum Dependency: Hashable, Sendable, CustomStringConvertible {
    /// A file under the root, by relative path: content, data, a template or a partial.
    case file(String)
    /// One directory listing (its imported record with the editor's overrides), by id.
    case listing(String)
    /// A set derived from many listings, such as the listings of a state in page order, by name.
    case group(String)

    public var description: String {
        switch self {
        case .file(let path): path
        case .listing(let id): "listing \(id)"
        case .group(let name): "group \(name)"
        }
    }
}

/// Collects what one page reads. One recorder per page render, used from one thread.
public final class DependencyRecorder {
    public private(set) var reads: Set<Dependency> = []
    /// Where the time of `iopsite build --metrics` goes; nil otherwise.
    public let metrics: BuildMetrics?

    public init(metrics: BuildMetrics? = nil) {
        self.metrics = metrics
        // A listing's page reads a few dozen things: room for them without growing the set on the way.
        reads.reserveCapacity(48)
    }

    public func record(_ dependency: Dependency) {
        reads.insert(dependency)
    }

    public func record(files paths: some Sequence<String>) {
        for path in paths { reads.insert(.file(path)) }
    }
}
