import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
public import SiteBuild
import SiteCheck
import SiteCore
import SiteWatch

/// `iopsite serve`: builds the site into memory, serves it on loopback, rebuilds on every change and
/// tells open pages to reload (or to show the problems of a broken change).
public enum DevServer {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// Opens the site in the default browser once it is served.
        public var open: Bool
        /// How often an open live-reload connection gets a keep-alive line: a browser that went away without
        /// closing its connection is noticed, and its task ended, by the next one.
        public var heartbeat: Duration
        /// Connections served at once; more wait to be accepted.
        public var maximumConnections: Int
        /// How long a connection may sit between requests (or send nothing of one) before it is closed.
        public var idleTimeout: Duration

        public init(host: String = "127.0.0.1", port: Int = 1313, open: Bool = false, heartbeat: Duration = .seconds(15),
                    maximumConnections: Int = 1_024, idleTimeout: Duration = .seconds(30)) {
            self.host = host
            self.port = port
            self.open = open
            self.heartbeat = heartbeat
            self.maximumConnections = maximumConnections
            self.idleTimeout = idleTimeout
        }
    }

    /// Serves until the process is stopped; returns an exit code when it cannot serve (2: the port is
    /// taken or the folders cannot be watched). `print` gets the terminal's lines.
    public static func run(session: BuildSession, options: Options, print: @escaping @Sendable (String) -> Void) -> Int32 {
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(root: session.settings.root, folders: BuildSession.sourceFolders)
        } catch {
            print("error: \(error)")
            return 2
        }
        let state = DevState(basePath: session.basePath())
        let rebuilder = Rebuilder(session: session, watcher: watcher)
        let result = ExitBox()
        let done = DispatchSemaphore(value: 0)
        var logger = Logger(label: "iopsite serve")
        logger.logLevel = .critical
        // Bounded in count and in time: at most `maximumConnections` at once, none idle for long, and every live-reload
        // stream written to at least once a heartbeat, so that one whose browser left ends.
        let app = Application(
            responder: SiteResponder(state: state),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(options.idleTimeout.seconds * 1e9)))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "iopsite",
                                 availableConnectionsDelegate: MaximumAvailableConnections(options.maximumConnections)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let url = "http://\(options.host.contains(":") ? "[\(options.host)]" : options.host):\(port)\(state.basePath)"
                print("Serving \(session.settings.root.path) at \(url) (Ctrl-C stops)")
                if options.open { openBrowser(url) }
                let links = LinkWatch()
                rebuilder.start { outcome in
                    state.publish(outcome)
                    print(report(outcome))
                    if let metrics = session.settings.metrics {
                        metrics.lines.forEach(print)
                        metrics.reset()
                    }
                    // After the pages are out: the links of what changed are checked while the editor looks.
                    if case .success(let (snapshot, change)) = outcome.result {
                        links.submit(snapshot, change: change, isFirst: outcome.isFirst, print: print)
                    }
                }
            },
            logger: logger
        )
        let signals = StopSignals.install { state.closeAll() }
        let heartbeat = DispatchSource.makeTimerSource(queue: .global())
        heartbeat.schedule(deadline: .now() + options.heartbeat.seconds, repeating: options.heartbeat.seconds)
        heartbeat.setEventHandler { state.keepAlive() }
        heartbeat.resume()
        defer { heartbeat.cancel() }
        Task {
            do {
                try await app.run()
            } catch {
                let text = "\(error)"
                let inUse = text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98")
                print(inUse ? "error: cannot serve on \(options.host):\(options.port): the port is already in use (choose another with --port)"
                            : "error: cannot serve on \(options.host):\(options.port): \(text)")
                result.code = 2
            }
            done.signal()
        }
        withExtendedLifetime(signals) { done.wait() }
        return result.code
    }

    /// The terminal's lines for one build: its diagnostics, then one summary line.
    static func report(_ outcome: Rebuilder.Outcome) -> String {
        switch outcome.result {
        case .success(let (snapshot, change)):
            let notes = outcome.isFirst ? snapshot.diagnostics.filter { !$0.isDetail }.map(\.description) : []
            let line = outcome.isFirst
                ? "Built \(Count.text(snapshot.pages.count)) pages in \(String(format: "%.0f", outcome.milliseconds)) ms"
                : Rebuilder.summary(change, milliseconds: outcome.milliseconds)
            return (notes + [line]).joined(separator: "\n")
        case .failure(let failure):
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            return (failure.diagnostics.filter { !$0.isDetail }.map(\.description)
                + ["Build failed with \(errors) error\(errors == 1 ? "" : "s") in \(String(format: "%.0f", outcome.milliseconds)) ms; still serving the last good site."])
                .joined(separator: "\n")
        }
    }

    private static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        try? process.run()
    }
}

extension Duration {
    /// The duration in seconds, for the APIs that take a number.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The exit code the server's task sets.
private final class ExitBox: @unchecked Sendable {
    var code: Int32 = 0
}
