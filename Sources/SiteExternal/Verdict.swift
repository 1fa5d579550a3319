import SiteCheck
import SiteLinks

/// What one URL or DOI came to, with what the report needs to say about it.
struct Verdict: Sendable, Codable, Equatable {
    var outcome: ExternalOutcome
    /// What happened, for the message: "404 Not Found", "answered 503 Service Unavailable 3 times".
    var detail: String
    /// Where a chain of permanent redirects (301, 308) from the URL leads.
    var movedTo: String?
    /// Set when the URL's host could not be reached at all.
    var unreachable: HostFailure?
    /// Seconds the result stays good, when its source says (a DOI record's TTL).
    var ttl: Double?

    init(_ outcome: ExternalOutcome, _ detail: String, movedTo: String? = nil, unreachable: HostFailure? = nil, ttl: Double? = nil) {
        self.outcome = outcome
        self.detail = detail
        self.movedTo = movedTo
        self.unreachable = unreachable
        self.ttl = ttl
    }
}
