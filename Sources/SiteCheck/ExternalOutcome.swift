/// What checking one outside URL or DOI came to (`iopsite check --external`).
public enum ExternalOutcome: String, Sendable, CaseIterable, Codable {
    /// The page or DOI is there.
    case ok
    /// 404, 410, a host that does not exist, a refused connection, a redirect loop, an unregistered DOI: an error.
    case broken
    /// 403, another refusal to answer a program, or a bot wall: a warning that never fails a run.
    case blocked
    /// 429 with a long `Retry-After`: left for the next run; a note, never a failure.
    case deferred
    /// 5xx or a timeout after three tries: a warning (so an error only under `--strict`).
    case unreliable
}

/// The numbers of an external check, for the summary.
public struct ExternalSummary: Sendable, Equatable {
    /// A host that could not be reached at all, with why.
    public struct UnreachableHost: Sendable, Equatable {
        public var host: String
        public var reason: String
        /// How many of the checked URLs are on it.
        public var urls: Int

        public init(host: String, reason: String, urls: Int) {
            self.host = host
            self.reason = reason
            self.urls = urls
        }
    }

    /// Distinct URLs checked (DOIs not included).
    public var urls = 0
    /// Distinct DOIs checked.
    public var dois = 0
    /// URLs and DOIs by outcome.
    public var counts: [ExternalOutcome: Int] = [:]
    /// URLs matched by `check.exclude`.
    public var skipped = 0
    /// URLs and DOIs whose result came from the cache, without a request.
    public var cached = 0
    public var unreachableHosts: [UnreachableHost] = []
    /// No outside host answered at all: the results say nothing about the links.
    public var offline = false

    public init() {}

    public func count(_ outcome: ExternalOutcome) -> Int { counts[outcome, default: 0] }

    /// `external: 50 URLs and 3 DOIs: 48 ok, 1 broken, 1 blocked, 0 deferred, 3 unreliable; 2 skipped, 40 from cache`
    public var line: String {
        let outcomes = ExternalOutcome.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        return "external: \(urls) URL\(urls == 1 ? "" : "s") and \(dois) DOI\(dois == 1 ? "" : "s"): \(outcomes); "
            + "\(skipped) skipped, \(cached) from cache"
    }
}
