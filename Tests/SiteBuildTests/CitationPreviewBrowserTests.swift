import Foundation
import SiteBuild
import Testing

/// The citation preview in a real browser: headless Chromium loads the built guide from a loopback
/// HTTP server, a citation mark takes focus, and the page must show that source's reference.
@Suite(.serialized) struct CitationPreviewBrowserTests {
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

    /// Serves `folder` on 127.0.0.1 at a free port with Python's http.server; returns the process and port.
    func serve(_ folder: URL) throws -> (Process, Int) {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        var line = ""
        while !line.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let port = line.components(separatedBy: " port ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        return (server, try #require(port, "no port in: \(line)"))
    }

    @Test func focusingACitationMarkShowsItsReference() throws {
        let chromium = "/usr/bin/chromium"
        try #require(FileManager.default.isExecutableFile(atPath: chromium), "install Debian's chromium to run the browser tests (make test does)")
        let output = RealContentTests.output
        #expect(RealContentTests.result.exitCode == 0)
        let guide = try String(contentsOf: output.appendingPathComponent("intensive-outpatient-program/index.html"), encoding: .utf8)
        // The page under test plus one line that focuses the first citation mark once the page has loaded.
        let harness = guide.replacingOccurrences(of: "</body>", with:
            "<script>addEventListener('load', function () { document.querySelector('.citation a').focus(); });</script></body>")
        try Data(harness.utf8).write(to: output.appendingPathComponent("preview-test.html"))
        let (server, port) = try serve(output)
        defer { server.terminate() }
        let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
                                     "--dump-dom", "http://127.0.0.1:\(port)/preview-test.html"])
        #expect(dom.contains("<div id=\"citation-preview\" class=\"citation-preview\" role=\"tooltip\""))
        #expect(dom.contains("role=\"tooltip\" style=") && dom.contains(">Drake, R. E., Mueser, K. T., &amp; Brunette, M. F. (2007). Management of persons"))
        #expect(dom.contains("aria-describedby=\"citation-preview\""))
        #expect(guide.contains("<script src=\"/assets/citations.js\" defer></script>"))
        #expect(!guide.contains("citation-preview\""), "without JavaScript there is no preview, only the link")
    }
}
