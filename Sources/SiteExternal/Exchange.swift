/// What one request came to, once HEAD was swapped for GET where refused, short waits were waited
/// out and failures retried.
enum Exchange: Sendable {
    case answered(ProbeResponse)
    /// 429 with a wait longer than this run will take (seconds, when the server said).
    case deferred(Double?)
    /// 5xx or a timeout on every try.
    case unreliable(String)
    case unreachable(HostFailure)
    /// Nothing a retry would change (a malformed URL, a TLS failure).
    case failed(String)
}
