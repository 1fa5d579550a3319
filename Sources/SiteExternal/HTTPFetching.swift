/// One HTTP request the checker makes.
public struct Probe: Sendable, Hashable {
    public enum Method: String, Sendable {
        case head = "HEAD"
        case get = "GET"
    }

    public var method: Method
    public var url: String
    /// `Accept`, when the answer must be of a kind (JSON from an API).
    public var accept: String?
    /// How many bytes of the body to keep (0: none; the rest is not downloaded).
    public var bodyLimit: Int

    public init(method: Method, url: String, accept: String? = nil, bodyLimit: Int = 0) {
        self.method = method
        self.url = url
        self.accept = accept
        self.bodyLimit = bodyLimit
    }
}

/// What came back for a probe.
public enum ProbeResult: Sendable {
    case response(ProbeResponse)
    case failure(ProbeFailure)
}

public struct ProbeResponse: Sendable {
    public var status: Int
    public var reason: String
    /// Header names lowercased.
    public var headers: [String: String]
    /// Up to the probe's body limit.
    public var body: [UInt8]

    public init(status: Int, reason: String = "", headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// `404 Not Found`
    public var statusLine: String { reason.isEmpty ? String(status) : "\(status) \(reason)" }
}

/// Why no response came.
public enum ProbeFailure: Sendable, Hashable {
    /// The host's name did not resolve.
    case dns(String)
    /// The host refused the connection.
    case refused(String)
    /// No connection within the connect timeout.
    case connectTimeout
    /// No full answer within the request's time.
    case timeout
    /// TLS failed (a bad or expired certificate).
    case tls(String)
    /// A URL no request can be made for.
    case malformedURL
    /// Anything else the connection ran into.
    case other(String)
}

/// Sends probes. The checker is given one, so tests and tools can choose the client; `HTTPFetcher`
/// is the real one.
public protocol HTTPFetching: Sendable {
    func send(_ probe: Probe) async -> ProbeResult
}
