import Foundation
import SiteBuild
import SiteTestSupport
import Testing

/// Page behaviour in a real browser: headless Chromium loads the built site from a loopback HTTP
/// server; a line of script added to a copy of the page acts, and the resulting DOM is checked.
@Suite(.serialized, .cleansUp) struct BrowserTests {
    static let chromium = "/usr/bin/chromium"

    /// Loads `page` with `script` run after load, and returns the DOM Chromium ends with.
    func dom(of page: String, running script: String) throws -> String {
        try #require(FileManager.default.isExecutableFile(atPath: Self.chromium), "install Debian's chromium to run the browser tests (make test does)")
        let output = RealContentTests.output
        #expect(RealContentTests.result.exitCode == 0)
        let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        let harness = html.replacingOccurrences(of: "</body>", with: "<script>addEventListener('load', function () { \(script) });</script></body>")
        let name = "harness-\(UUID().uuidString).html"
        let folder = output.appendingPathComponent(page).deletingLastPathComponent()
        try Data(harness.utf8).write(to: folder.appendingPathComponent(name))
        let port = try serve(output)
        let route = (page.split(separator: "/").dropLast() + [Substring(name)]).joined(separator: "/")
        return try run(Self.chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                                       "--dump-dom", "http://127.0.0.1:\(port)/\(route)"])
    }

    @Test func everyMapTileTakesKeyboardFocusInReadingOrder() throws {
        let dom = try dom(of: "rehab-centers/index.html", running: """
            var tiles = Array.prototype.slice.call(document.querySelectorAll('svg a'));
            var focusable = tiles.filter(function (a) { a.focus(); return document.activeElement === a && a.tabIndex >= 0; });
            document.body.setAttribute('data-focusable', String(focusable.length));
            document.body.setAttribute('data-first', tiles[0].getAttribute('aria-label'));
            """)
        #expect(dom.contains("data-focusable=\"52\""))
        #expect(dom.contains("data-first=\"Alaska, 93 centers\""))
    }

    @Test func checkingAFilterShowsMatchingCentersAndAnnouncesTheCount() throws {
        let dom = try dom(of: "rehab-centers/virginia/index.html", running: """
            var box = document.querySelector('input[value="iop"]');
            box.checked = true;
            box.dispatchEvent(new Event('change', { bubbles: true }));
            var shown = document.querySelectorAll('.listings .listing:not([hidden])').length;
            document.body.setAttribute('data-shown', String(shown));
            """)
        #expect(dom.contains("data-shown=\"5\""))
        #expect(dom.contains("<p class=\"filter-status\" aria-live=\"polite\">Showing 5 of 221 centers.</p>"))
        #expect(dom.contains("<form class=\"filters\" aria-label=\"Filter centers\">"), "the script reveals the filters")
    }
    /// Runs a program and returns its standard output.
    func run(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Serves `folder` on 127.0.0.1 at a free port with Python's http.server, owned by the test; returns the port.
    func serve(_ folder: URL) throws -> Int {
        let server = try TestResources.owner.start("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path])
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = server.waitForOutput(containing: ") ...")
        let port = line.components(separatedBy: " port ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        return try #require(port, "no port in: \(line)")
    }

    @Test func focusingACitationMarkShowsItsReference() throws {
        let dom = try dom(of: "intensive-outpatient-program/index.html", running: "document.querySelector('.citation a').focus();")
        #expect(dom.contains("<div id=\"citation-preview\" class=\"citation-preview\" role=\"tooltip\""))
        #expect(dom.contains(">Drake, R. E., Mueser, K. T., &amp; Brunette, M. F. (2007). Management of persons"))
        #expect(dom.contains("aria-describedby=\"citation-preview\""))
        let guide = try String(contentsOf: RealContentTests.output.appendingPathComponent("intensive-outpatient-program/index.html"), encoding: .utf8)
        #expect(guide.contains("<script src=\"/assets/citations.js\" defer></script>"))
        #expect(!guide.contains("citation-preview\""), "without JavaScript there is no preview, only the link")
    }
}
