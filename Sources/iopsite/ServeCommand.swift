import ArgumentParser
import Foundation
import SiteBuild
import SiteCore
import SiteServer

/// `iopsite serve`: the editor's loop. Builds into memory, serves on loopback, rebuilds on change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site locally, rebuild on every change of Content/ or Templates/, and reload open pages.",
        discussion: """
            Pages are served from memory under the path of base_url, with a live-reload script that \
            `iopsite build` never writes. When a change breaks the build, the last good site stays up and \
            open pages show the problems. Exit 2 when the port is taken.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on (default: loopback only).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 1313

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    /// For the fault suite, which cannot wait 15 seconds to see a gone browser's stream end.
    @Option(name: .customLong("live-heartbeat"), help: ArgumentHelp("Seconds between keep-alive lines on live-reload connections.", visibility: .hidden))
    var heartbeat: Double = 15

    /// For the fault suite, which cannot wait 30 seconds to see an idle connection closed.
    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds a connection may stay idle before it is closed.", visibility: .hidden))
    var idleTimeout: Double = 30

    @Flag(name: .long, help: "After each build, print where its time went: each step's wall time, Markdown's and each template's.")
    var metrics = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard heartbeat >= 0.1 else { throw ValidationError("--live-heartbeat must be at least 0.1 seconds") }
        guard idleTimeout >= 0.1 else { throw ValidationError("--idle-timeout must be at least 0.1 seconds") }
    }

    func run() throws {
        let root = try site.rootURL()
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            Terminal.line("warning: serving on \(host): other machines on the network can read the site")
        }
        let session = BuildSession(.init(root: root, strict: strict, today: Clock.today(), metrics: metrics ? BuildMetrics() : nil))
        let code = DevServer.run(session: session, options: .init(host: host, port: port, open: open, heartbeat: .milliseconds(Int(heartbeat * 1000)),
                                                                    idleTimeout: .milliseconds(Int(idleTimeout * 1000)))) { Terminal.line($0) }
        throw ExitCode(code)
    }
}

/// Lines for the terminal, written whole (the rebuild thread and the server both print).
enum Terminal {
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
