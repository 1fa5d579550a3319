import Foundation
import SiteTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `iopsite serve` on loopback under load: 200 readers fetching pages and 50 live-reload listeners while 50 edits
/// are saved, every fifth breaking the build. Every answer is a whole page of the last good site, every listener
/// still connected hears of every change, and listeners that hang up leave no connection or memory behind.
@Suite(.cleansUp, .faults, .serialized) struct ServeLoadTests {
    static let readers = 200, listeners = 50, edits = 50, leaving = 10, warmUp = 5

    @Test func twoHundredReadersAndFiftyListenersThroughFiftyEditsGetWholePagesAndHearOfEveryChange() throws {
        let site = try FaultSite.directorySite()
        let guide = site.appendingPathComponent("Content/guide/intensive-outpatient-program.md")
        let original = try String(contentsOf: guide, encoding: .utf8)
        let server = try TestResources.owner.start(FaultSite.iopsite.path, ["serve", "--root", site.path, "--port", "0", "--live-heartbeat", "1"])
        let started = server.waitForOutput(containing: "Built ", seconds: 60)
        let port = try #require(started.components(separatedBy: "at http://127.0.0.1:").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) },
                                "no address in: \(started)")
        let pages = ["/", "/intensive-outpatient-program/", "/rehab-centers/", "/rehab-centers/alabama/",
                     "/rehab-centers/alabama/synthetic-recovery-center-00001/", "/assets/site.css", "/no/such/page/"]
        for path in pages { try #require(Self.problem(with: HTTPProbe.request(path, port: port), for: path) == nil, "\(path)") }
        let sockets = Self.sockets(of: server.pid)
        let first = try #require(Self.residentKB(of: server.pid))
        var memory = 0

        var streams: [HTTPProbe.EventStream] = []
        for _ in 0..<Self.listeners {
            let stream = try #require(HTTPProbe.EventStream("/__iopsite/events", port: port))
            try #require(stream.wait { $0.event == "hello" } != nil)
            streams.append(stream)
        }

        // The readers: each fetches a page, checks it, pauses a little and goes on until the edits are done.
        let stop = LockedBox(false), problems = LockedBox<[String]>([]), answered = LockedBox(0)
        let finished = DispatchSemaphore(value: 0)
        for reader in 0..<Self.readers {
            let thread = Thread {
                var turn = reader
                while !stop.value {
                    let path = pages[turn % pages.count]
                    turn += 1
                    if let problem = Self.problem(with: HTTPProbe.request(path, port: port), for: path) {
                        problems.mutate { $0.append("reader \(reader), \(path): \(problem)") }
                    }
                    answered.mutate { $0 += 1 }
                    usleep(useconds_t(20_000 + (turn * 7_919 + reader * 104_729) % 80_000))
                }
                finished.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }

        var connected = Array(streams.indices)
        for edit in 1...Self.edits {
            let breaking = edit.isMultiple(of: 5)
            let heard = streams.map { $0.events.count }
            let text = breaking ? original + "\nA <b>raw</b> tag breaks edit \(edit).\n" : original + "\nEdit \(edit) of the fault suite.\n"
            try Data(text.utf8).write(to: guide, options: .atomic)
            let expected = breaking ? "problems" : "change"
            for index in connected {
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline, !(streams[index].events.count > heard[index] && streams[index].events.last?.event == expected) {
                    usleep(10_000)
                }
                #expect(streams[index].events.count > heard[index] && streams[index].events.last?.event == expected,
                        "edit \(edit): listener \(index) heard \(streams[index].events.dropFirst(heard[index]).map(\.event)), not \(expected)")
            }
            // The memory to hold to is measured once the load is on and the first rebuilds have filled the caches
            // (about 13 MB on a 1,000-listing site, which stay); from there, 200 edits added 1 MB.
            if edit == Self.warmUp { memory = try #require(Self.residentKB(of: server.pid)) }
            if edit == Self.edits / 2 {
                for index in connected.prefix(Self.leaving) { streams[index].disconnect() }
                connected.removeFirst(Self.leaving)
            }
        }
        stop.value = true
        // Bounded: every request has a 10-second receive limit, so every reader ends.
        for _ in 0..<Self.readers { #expect(finished.wait(timeout: .now() + 30) == .success) }
        #expect(problems.value.isEmpty, "\(problems.value.count) bad answers, first: \(problems.value.prefix(5))")
        #expect(answered.value >= Self.readers * 5, "only \(answered.value) answers")

        // Every listener hangs up; within a few heartbeats the server holds no more connections than before.
        for index in connected { streams[index].disconnect() }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, Self.sockets(of: server.pid) > sockets { usleep(100_000) }
        #expect(Self.sockets(of: server.pid) <= sockets, "\(Self.sockets(of: server.pid)) sockets open, \(sockets) before")
        let after = try #require(Self.residentKB(of: server.pid))
        #expect(Double(after) <= Double(memory) * 1.10, "resident memory \(after) KB after the run, \(memory) KB after the warm-up")
        FaultReport.line("serve: \(answered.value) answers to \(Self.readers) readers; resident memory \(first) KB after the first build, "
            + "\(memory) KB after the warm-up, \(after) KB after the run")
    }

    @Test func aConnectionThatSendsNothingOrHalfARequestIsClosedWhenIdleButAListenerIsNot() throws {
        let site = try FixtureSite(FixtureSite.minimal)
        let server = try TestResources.owner.start(FaultSite.iopsite.path, ["serve", "--root", site.root.path, "--port", "0", "--idle-timeout", "1"])
        let started = server.waitForOutput(containing: "Built ", seconds: 60)
        let port = try #require(started.components(separatedBy: "at http://127.0.0.1:").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) },
                                "no address in: \(started)")
        let silent = try #require(HTTPProbe.connect(port: port))
        let half = try #require(HTTPProbe.connect(port: port))
        defer { close(silent); close(half) }
        _ = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".withCString { send(half, $0, strlen($0), 0) }
        let listener = try #require(HTTPProbe.EventStream("/__iopsite/events", port: port))
        try #require(listener.wait { $0.event == "hello" } != nil)

        // Well past the idle limit (the sockets wait at most 10 s for a byte, and get none but the close).
        sleep(3)
        var byte: UInt8 = 0
        #expect(recv(silent, &byte, 1, 0) == 0, "a connection that sent nothing is still open")
        let answer = recv(half, &byte, 1, 0), reason = errno
        // Closed or reset, not the socket's own 10-second wait running out.
        #expect(answer == 0 || (answer < 0 && reason == ECONNRESET), "a connection that sent half a request is still open")
        try site.write(["Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\nOther text.\n"])
        #expect(listener.wait { $0.event == "change" } != nil, "the listener was closed as idle: \(server.output)")
    }

    /// What is wrong with an answer for `path`, or nil: a status other than the page's, a length other than
    /// announced, a page that does not end, or a guide with the text of two edits.
    static func problem(with answer: HTTPProbe.Response?, for path: String) -> String? {
        guard let answer else { return "no answer" }
        let expected = path == "/no/such/page/" ? 404 : 200
        guard answer.status == expected else { return "status \(answer.status)" }
        guard let length = answer.headers["content-length"].flatMap(Int.init), length == answer.body.utf8.count else {
            return "\(answer.body.utf8.count) bytes, announced \(answer.headers["content-length"] ?? "none")"
        }
        if path.hasSuffix(".css") { return nil }
        guard answer.body.hasSuffix("</html>\n") else { return "the page does not end: …\(answer.body.suffix(40))" }
        let edits = answer.body.components(separatedBy: " of the fault suite.").count - 1
        return edits <= 1 ? nil : "\(edits) edits in one page"
    }

    /// The process's resident memory in KiB (VmRSS).
    static func residentKB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// The sockets the process holds open (listening and connected).
    static func sockets(of pid: pid_t) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return entries.filter { ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) ?? "").hasPrefix("socket:") }.count
    }
}
