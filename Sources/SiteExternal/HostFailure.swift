/// Why a host could not be reached at all.
public struct HostFailure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The name does not resolve.
        case dns
        /// Nothing listens on the port.
        case refused
        /// No connection within the connect timeout, on every try: the host is down or drops packets.
        case silent
    }

    public var kind: Kind
    /// The host's name as in the URL.
    public var host: String
    /// The system's words for it.
    public var reason: String

    public init(kind: Kind, host: String, reason: String) {
        self.kind = kind
        self.host = host
        self.reason = reason
    }

    /// For messages: "DNS lookup failed (Name or service not known)".
    public var description: String {
        switch kind {
        case .dns: "DNS lookup failed" + (reason.isEmpty ? "" : " (\(reason))")
        case .refused: "connection refused" + (reason.isEmpty ? "" : " (\(reason))")
        case .silent: reason.isEmpty ? "no connection" : reason
        }
    }

    /// Whether the host's URLs are broken (it does not exist, or refuses), rather than unreliable.
    public var isBroken: Bool { kind != .silent }
}
