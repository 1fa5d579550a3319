import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a loopback socket that sends the request path exactly as given (no
/// normalisation of `..` or percent escapes, which is what traversal tests need) and reads the answer.
public enum HTTPProbe {
    public struct Response {
        public let status: Int
        public let headers: [String: String]
        public let body: String
    }

    /// Connects to `host:port`; nil when the connection is refused.
    public static func connect(host: String = "127.0.0.1", port: Int) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); return nil }
        return socket
    }

    /// `GET path` (or another method); the whole answer.
    public static func request(_ path: String, method: String = "GET", host: String = "127.0.0.1", port: Int) -> Response? {
        guard let socket = connect(host: host, port: port) else { return nil }
        defer { close(socket) }
        let request = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(buffer, count: count)
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> Response? {
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<end.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[end.upperBound...]))
    }

    /// Server-Sent Events from `path`, read on a thread of its own: every `event:`/`data:` pair received.
    public final class EventStream: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [(event: String, data: String)] = []
        private let socket: Int32

        public init?(_ path: String, port: Int) {
            guard let socket = HTTPProbe.connect(port: port) else { return nil }
            self.socket = socket
            let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n"
            _ = request.withCString { send(socket, $0, strlen($0), 0) }
            let thread = Thread { [self] in read() }
            thread.start()
        }

        deinit { close(socket) }

        /// Hangs up, as a browser does when its tab closes: the reading thread ends.
        public func disconnect() {
            shutdown(socket, Int32(SHUT_RDWR))
        }

        public var events: [(event: String, data: String)] { lock.withLock { received } }

        /// Waits until an event satisfies `match` or `seconds` pass.
        public func wait(seconds: Double = 20, for match: ((event: String, data: String)) -> Bool) -> (event: String, data: String)? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let found = events.first(where: match) { return found }
                usleep(10_000)
            }
            return nil
        }

        private func read() {
            var pending = ""
            var event = ""
            var buffer = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { if errno == EAGAIN || errno == EWOULDBLOCK { continue } else { return } }
                pending += String(decoding: buffer[0..<count], as: UTF8.self)
                // By scalars: "\r\n" is one Character, so a search for "\n" among Characters would miss it.
                while let newline = pending.unicodeScalars.firstIndex(of: "\n") {
                    let line = String(pending.unicodeScalars[..<newline]).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                    pending = String(pending.unicodeScalars[pending.unicodeScalars.index(after: newline)...])
                    if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") {
                        let data = String(line.dropFirst(6))
                        lock.withLock { received.append((event, data)) }
                    }
                }
            }
        }
    }
}
