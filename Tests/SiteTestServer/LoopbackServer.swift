import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// A real HTTP server on 127.0.0.1 (a free port) whose answers a test scripts, and which records
/// every request it gets: method, path and when it came. Its handlers run on a thread of their own,
/// so that it answers in time even while other tests keep Swift's cooperative pool busy.
public final class LoopbackServer: @unchecked Sendable {
    /// What the server answers to one request.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
        /// Waits this long before answering (a slow server).
        public var delay: Duration?

        public init(_ status: Int, headers: [String: String] = [:], body: String = "", delay: Duration? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        public static func redirect(_ status: Int, to location: String) -> Reply { Reply(status, headers: ["Location": location]) }
        public static func json(_ status: Int = 200, _ body: String) -> Reply { Reply(status, headers: ["Content-Type": "application/json"], body: body) }
    }

    /// A request as the server saw it.
    public struct Hit: Sendable {
        public var method: String
        /// With the query.
        public var path: String
        public var at: ContinuousClock.Instant
    }

    /// Answers a request: its method, its path (with the query) and how many times that method and
    /// path were asked before (0 the first time).
    public typealias Script = @Sendable (_ method: String, _ path: String, _ previous: Int) -> Reply

    public private(set) var port = 0
    private let lock = NSLock()
    private var log: [Hit] = []
    private var task: Task<Void, any Error>?

    /// `http://127.0.0.1:<port>`
    public var origin: String { "http://127.0.0.1:\(port)" }

    /// Every request so far, in the order they came.
    public var hits: [Hit] { lock.withLock { log } }

    public func hits(_ path: String) -> [Hit] { hits.filter { $0.path == path } }

    private init() {}

    /// Starts a server and waits until it listens.
    public static func start(_ script: @escaping Script) async throws -> LoopbackServer {
        let server = LoopbackServer()
        var logger = Logger(label: "loopback")
        logger.logLevel = .critical
        let ready = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: Responder(server: server, script: script),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "loopback"),
            onServerRunning: { channel in
                ready.continuation.yield(channel.localAddress?.port ?? 0)
                ready.continuation.finish()
            },
            logger: logger)
        // Its own thread: see `ThreadExecutor`. Hummingbird handles each connection in a child task,
        // which keeps the preference.
        let executor = ThreadExecutor(name: "loopback server")
        server.task = Task(executorPreference: executor) {
            defer { executor.shutdown() }
            try await app.runService()
        }
        for await port in ready.stream { server.port = port }
        return server
    }

    /// Stops listening.
    public func stop() {
        task?.cancel()
    }

    fileprivate func record(_ method: String, _ path: String) -> Int {
        lock.withLock {
            let previous = log.filter { $0.method == method && $0.path == path }.count
            log.append(Hit(method: method, path: path, at: .now))
            return previous
        }
    }

    private struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let server: LoopbackServer
        let script: Script

        func respond(to request: Request, context: Context) async throws -> Response {
            let method = request.method.rawValue
            let path = request.uri.description
            let reply = script(method, path, server.record(method, path))
            if let delay = reply.delay { try? await Task.sleep(for: delay) }
            var headers = HTTPFields()
            for (name, value) in reply.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            let body = method == "HEAD" ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: reply.body))
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        }
    }
}
