import Foundation
import SiteTestSupport
import Testing

/// `iopsite serve` and `iopsite build --watch` end to end: the real binary on a loopback port, a raw
/// HTTP client that sends paths exactly as written, a Server-Sent Events client, and headless Chromium.
@Suite(.cleansUp, .heavy) struct ServeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let guide = "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\nFirst words.\n"

    /// A site with the real theme (its Content-Security-Policy, scripts and styles) and one short guide.
    static func site(base: String = "https://example.org/") throws -> FixtureSite {
        var files: [String: String] = [:]
        let templates = packageRoot.appendingPathComponent("Templates")
        for case let path as String in FileManager.default.enumerator(atPath: templates.path)! where path.contains(".") {
            files["Templates/" + path] = try String(contentsOf: templates.appendingPathComponent(path), encoding: .utf8)
        }
        let settings = try String(contentsOf: packageRoot.appendingPathComponent("Content/site.yaml"), encoding: .utf8)
        files["Content/site.yaml"] = settings.replacingOccurrences(of: #"(?m)^base_url: .*$"#, with: "base_url: \(base)", options: .regularExpression)
        files["Content/guide/g.md"] = guide
        return try FixtureSite(files)
    }

    /// Starts `iopsite serve` on a free port and waits for its first build; the process and its port.
    func serve(_ site: FixtureSite, _ arguments: [String] = []) throws -> (ManagedProcess, Int) {
        let server = try TestResources.owner.start(CommandLineTests.binary.path, ["serve", "--root", site.root.path, "--port", "0"] + arguments)
        let output = server.waitForOutput(containing: "Built ")
        let port = try #require(output.components(separatedBy: "at http://127.0.0.1:").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) },
                                "no address in: \(output)")
        return (server, port)
    }

    @Test func pagesAssetsAndThe404PageAreServedWithTheirTypesAndNoCaching() throws {
        let (_, port) = try serve(try Self.site())
        let page = try #require(HTTPProbe.request("/g/", port: port))
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.body.contains("First words."))
        #expect(page.body.contains("<script src=\"/__iopsite/live.js\" defer></script></head>"))
        #expect(HTTPProbe.request("/", port: port)?.status == 200)
        #expect(HTTPProbe.request("/index.html", port: port)?.status == 200)
        #expect(HTTPProbe.request("/assets/site.css", port: port)?.headers["content-type"] == "text/css; charset=utf-8")
        #expect(HTTPProbe.request("/assets/citations.js", port: port)?.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(HTTPProbe.request("/assets/favicon.svg", port: port)?.headers["content-type"] == "image/svg+xml")
        #expect(HTTPProbe.request("/sitemap.xml", port: port)?.headers["content-type"] == "application/xml; charset=utf-8")
        #expect(HTTPProbe.request("/robots.txt", port: port)?.headers["content-type"] == "text/plain; charset=utf-8")
        let redirect = try #require(HTTPProbe.request("/g", port: port))
        #expect(redirect.status == 301 && redirect.headers["location"] == "/g/")
        let missing = try #require(HTTPProbe.request("/no/such/page/", port: port))
        #expect(missing.status == 404)
        #expect(missing.body.contains("<title>Page not found"))
        // Under a language's folder, that language's 404 page.
        let missingSpanish = try #require(HTTPProbe.request("/es/no/existe/", port: port))
        #expect(missingSpanish.status == 404)
        #expect(missingSpanish.body.contains("<html lang=\"es\">") && missingSpanish.body.contains("<title>Página no encontrada"))
        #expect(HTTPProbe.request("/g/", method: "POST", port: port)?.status == 405)
    }

    @Test(arguments: ["/../Content/site.yaml", "/%2e%2e/Content/site.yaml", "/assets/%2E%2E/%2e%2e/Content/site.yaml",
                      "/..%2fContent%2fsite.yaml", "/assets/..%5c..%5cContent/site.yaml", "/%252e%252e/Content/site.yaml",
                      "/assets/%00", "/assets/./site.css"])
    func pathsThatTryToLeaveTheSiteAreRefused(path: String) throws {
        let site = try Self.site()
        // Also a link in the theme to a file outside the root: the build refuses it, so it is never served.
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Templates/assets/outside.txt").path,
                                                   withDestinationPath: "/etc/hostname")
        let server = try TestResources.owner.start(CommandLineTests.binary.path, ["serve", "--root", site.root.path, "--port", "0"])
        let output = server.waitForOutput(containing: "Build failed")
        #expect(output.contains("Templates/assets/outside.txt:1:1: error: symbolic link resolves outside the site root"))
        let port = try #require(output.components(separatedBy: "at http://127.0.0.1:").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) })
        let answer = try #require(HTTPProbe.request(path, port: port))
        #expect([400, 404, 503].contains(answer.status), "\(path): \(answer.status)")
        #expect(!answer.body.contains("base_url"), "\(path) leaked site.yaml")
        #expect(HTTPProbe.request("/assets/outside.txt", port: port)?.status != 200)
    }

    @Test func theSiteIsServedUnderThePathOfItsBaseURL() throws {
        let (_, port) = try serve(try Self.site(base: "https://example.org/sub/"))
        let page = try #require(HTTPProbe.request("/sub/g/", port: port))
        #expect(page.status == 200)
        #expect(page.body.contains("<script src=\"/sub/__iopsite/live.js\" defer></script>"))
        #expect(HTTPProbe.request("/sub/assets/site.css", port: port)?.status == 200)
        #expect(HTTPProbe.request("/", port: port)?.headers["location"] == "/sub/")
        #expect(HTTPProbe.request("/g/", port: port)?.status == 404)
    }

    @Test func theServerListensOnLoopbackOnlyAndStopsCleanlyOnCtrlC() throws {
        let (server, port) = try serve(try Self.site())
        for address in Self.nonLoopbackAddresses() {
            #expect(HTTPProbe.connect(host: address, port: port) == nil, "reachable on \(address)")
        }
        kill(server.pid, SIGINT)
        #expect(server.wait() == 0)
        #expect(server.output.contains("Stopped."))
        #expect(HTTPProbe.connect(port: port) == nil)
    }

    @Test func aTakenPortIsExit2WithAPlainMessage() throws {
        let (_, port) = try serve(try Self.site())
        let second = try TestResources.owner.start(CommandLineTests.binary.path, ["serve", "--root", try Self.site().root.path, "--port", String(port)])
        #expect(second.wait() == 2)
        #expect(second.output.contains("error: cannot serve on 127.0.0.1:\(port): the port is already in use"), "\(second.output)")
    }

    @Test func aBrowserListeningForChangesIsToldWhichRoutesChangedAndAboutProblems() throws {
        let site = try Self.site()
        let (server, port) = try serve(site)
        let events = try #require(HTTPProbe.EventStream("/__iopsite/events", port: port))
        #expect(events.wait { $0.event == "hello" } != nil)
        try site.write(["Content/guide/g.md": Self.guide.replacingOccurrences(of: "First words.", with: "Second words.")])
        let change = try #require(events.wait { $0.event == "change" }, "\(server.output)")
        #expect(change.data == #"{"routes":["/g/"],"styles":[],"reload":false}"#)
        #expect(HTTPProbe.request("/g/", port: port)?.body.contains("Second words.") == true)
        try site.write(["Templates/assets/site.css": "body { color: #222; }\n"])
        #expect(events.wait { $0.data.contains("\"styles\":[\"/assets/site.css\"]") } != nil)
        try site.write(["Content/guide/g.md": Self.guide + "See [a page that is not there](/nowhere/).\n"])
        // The theme's navigation points at pages this small site lacks: those four are reported from the first build.
        #expect(server.waitForOutput(containing: "Links: 5 broken").contains(
            "Content/guide/g.md:7:32: error: broken link '/nowhere/': no file nowhere/index.html in the output"), "\(server.output)")
        try site.write(["Content/guide/g.md": Self.guide + "Cites [@nobody].\n"])
        // The watcher may see the file while it is being written (empty, so without front matter): that build fails
        // too and is reported; the citation's problem comes with the build after it.
        #expect(events.wait { $0.event == "problems" && $0.data.contains("Content/guide/g.md:7:7") } != nil)
        #expect(HTTPProbe.request("/g/", port: port)?.body.contains("/nowhere/") == true, "still the last good page")
        #expect(server.waitForOutput(containing: "g.md:7:7: error:").contains("still serving the last good site"))
    }

    @Test func buildWatchWritesOnlyWhatChangedAndKeepsTheOutputOnErrors() throws {
        let site = try Self.site()
        let watch = try TestResources.owner.start(CommandLineTests.binary.path, ["build", "--watch", "--root", site.root.path])
        #expect(watch.waitForOutput(containing: "Watching for changes").contains("Built "))
        #expect(site.read("Public/g/index.html")?.contains("First words.") == true)
        let homeInode = site.inode("Public/index.html")
        try site.write(["Content/guide/g.md": Self.guide.replacingOccurrences(of: "First words.", with: "Second words.")])
        #expect(watch.waitForOutput(containing: "g.md changed").contains("1 file updated"))
        #expect(site.read("Public/g/index.html")?.contains("Second words.") == true)
        #expect(site.inode("Public/index.html") == homeInode, "an unchanged page is not rewritten")
        try site.write(["Content/guide/g.md": "no front matter"])
        #expect(watch.waitForOutput(containing: "the output was not touched").contains("error:"))
        #expect(site.read("Public/g/index.html")?.contains("Second words.") == true)
    }

    @Test func aPageOpenInChromiumFollowsEditsAndShowsProblemsInAnOverlay() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "install Debian's chromium and chromium-driver (make test-deps does)")
        }
        let site = try Self.site()
        let (_, port) = try serve(site)
        let script = Self.packageRoot.appendingPathComponent("Tests/Browser/page_check.py").path
        let browser = try TestResources.owner.start("python3", ["-u", script, "live", "--base", "http://127.0.0.1:\(port)/",
                                                                "--pages", "g/", "--expect", "Edited in the test."])
        #expect(browser.waitForOutput(containing: "STEP loaded", seconds: 60).contains("STEP loaded"), "\(browser.output)")
        try site.write(["Content/guide/g.md": Self.guide.replacingOccurrences(of: "First words.", with: "Edited in the test.")])
        #expect(browser.waitForOutput(containing: "STEP shown", seconds: 30).contains("STEP shown"), "\(browser.output)")
        try site.write(["Content/guide/g.md": Self.guide + "Cites [@nobody].\n"])
        #expect(browser.waitForOutput(containing: "STEP overlay", seconds: 30).contains("STEP overlay"), "\(browser.output)")
        try site.write(["Content/guide/g.md": Self.guide.replacingOccurrences(of: "First words.", with: "Edited in the test, then fixed.")])
        #expect(browser.wait() == 0, "\(browser.output)")
        let json = try #require(browser.output.split(separator: "\n").last.map(String.init))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(result["before"] as? Bool == false)
        #expect(result["shown"] as? Bool == true)
        #expect(result["reloaded_itself"] as? Bool == true, "the page reloaded by itself; the test never reloaded it")
        #expect((result["overlay"] as? String)?.contains("Content/guide/g.md:7:7") == true, "\(result)")
        #expect(result["overlay_role"] as? String == "alertdialog")
        #expect(result["overlay_gone"] as? Bool == true)
        #expect((result["console"] as? [String])?.isEmpty == true, "no CSP violation or script error: \(result["console"] ?? "")")
    }

    /// The machine's IPv4 addresses other than loopback.
    static func nonLoopbackAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var current: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = current {
            if let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                    let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if !text.hasPrefix("127.") { addresses.append(text) }
                }
            }
            current = entry.pointee.ifa_next
        }
        return addresses
    }
}
