import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends probes with AsyncHTTPClient: no redirects followed (the checker follows them itself, to see
/// each hop), a connect timeout and a total timeout per request, and no retries of its own.
public final class HTTPFetcher: HTTPFetching {
    private let client: HTTPClient
    private let timeout: TimeAmount
    private let userAgent: String

    /// - Parameters:
    ///   - connectTimeout: seconds to wait for a connection.
    ///   - timeout: seconds a whole request may take.
    ///   - userAgent: how the checker names itself to servers.
    public init(connectTimeout: Double, timeout: Double, userAgent: String) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(connectTimeout * 1000)), read: .milliseconds(Int64(timeout * 1000))))
        // A host that cannot be reached should say so at once, not after the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = .milliseconds(Int64(timeout * 1000))
        self.userAgent = userAgent
    }

    /// Closes every connection; call once, when done.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func send(_ probe: Probe) async -> ProbeResult {
        guard let url = ExternalURL.requestable(probe.url) else { return .failure(.malformedURL) }
        var request = HTTPClientRequest(url: url)
        request.method = probe.method == .head ? .HEAD : .GET
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: probe.accept ?? "text/html,application/xhtml+xml,*/*;q=0.8")
        do {
            let response = try await client.execute(request, timeout: timeout)
            var body: [UInt8] = []
            if probe.bodyLimit > 0 {
                for try await chunk in response.body {
                    body += chunk.readableBytesView.prefix(probe.bodyLimit - body.count)
                    if body.count >= probe.bodyLimit { break }
                }
            }
            // The rest of a body is never read: dropping the response closes the request.
            var headers: [String: String] = [:]
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            return .response(ProbeResponse(status: Int(response.status.code), reason: response.status.reasonPhrase,
                                           headers: headers, body: body))
        } catch {
            return .failure(Self.classify(error))
        }
    }

    /// Sorts the client's and the system's errors into what the checker needs to know.
    static func classify(_ error: any Error) -> ProbeFailure {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .connectTimeout
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timeout
            case .tlsHandshakeTimeout: return .connectTimeout
            case .invalidURL, .emptyHost, .emptyScheme: return .malformedURL
            default: return .other(String(describing: error))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty {
                let lookup = [error.dnsAError, error.dnsAAAAError].compactMap { $0 }.first
                return .dns(lookup.map(describe) ?? "no address found")
            }
            if let refused = error.connectionErrors.first(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                return .refused("nothing listens at \(refused.target)")
            }
            return .other(error.connectionErrors.map { describe($0.error) }.joined(separator: "; "))
        }
        if let error = error as? SocketAddressError.UnknownHost {
            return .dns(describe(error))
        }
        if let error = error as? SocketAddressError {
            return .dns(describe(error))
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
            return .refused("")
        }
        let text = String(describing: error)
        if text.contains("SSL") || text.contains("TLS") || text.contains("certificate") { return .tls(text) }
        return .other(text)
    }

    /// The resolver's own words ("Name or service not known"), without the types around them.
    private static func describe(_ error: any Error) -> String {
        if let unknown = error as? SocketAddressError.UnknownHost {
            return unknown.errorDescription
        }
        if let error = error as? SocketAddressError, case .unknown = error {
            return "no address found"
        }
        return String(describing: error)
    }
}
