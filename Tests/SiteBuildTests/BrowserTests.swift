import Foundation
import SiteTestSupport
import Testing
import SiteBuild

/// The real site in a real browser: headless Chromium, driven through chromedriver by
/// `Tests/Browser/page_check.py`, loads the built pages from a loopback HTTP server, with the pages'
/// own Content-Security-Policy in force. Every process (server, driver, browser) belongs to the test.
@Suite(.serialized, .cleansUp, .heavy) struct BrowserTests {
    static let packageRoot = RealContentTests.root
    /// axe-core 4.x as PyPI's axe-playwright-python wheel ships it (`make test-deps` puts it here).
    static let axe = packageRoot.appendingPathComponent(".build/test-deps/axe.min.js")
    /// Where the screenshots go, kept after the run so that a person can look at them.
    static let screenshots = packageRoot.appendingPathComponent(".build/screenshots")

    /// Serves the real site's output on 127.0.0.1 at a free port; returns its base URL.
    func serve() throws -> String {
        #expect(RealContentTests.result.exitCode == 0)
        let server = try TestResources.owner.start("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                                               "--directory", RealContentTests.output.path])
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let line = server.waitForOutput(containing: ") ...")
        let port = try #require(line.components(separatedBy: " port ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) },
                                "no port in: \(line)")
        return "http://127.0.0.1:\(port)/"
    }

    /// Runs one check of the harness against the served site and returns its JSON.
    func check(_ command: String, _ arguments: [String] = []) throws -> Any {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "install Debian's chromium and chromium-driver (make test-deps does)")
        }
        let script = Self.packageRoot.appendingPathComponent("Tests/Browser/page_check.py").path
        let harness = try TestResources.owner.start("python3", [script, command, "--base", try serve()] + arguments)
        let status = harness.wait()
        let output = harness.output
        #expect(status == 0, "\(output)")
        // The JSON document is the last line; anything before it is the driver's own logging.
        let json = try #require(output.split(separator: "\n").last.map(String.init), "no output")
        return try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    /// Every page kind, and the search page showing results.
    static let axePages = ValidityTests.pageKinds.map { $0.replacingOccurrences(of: "index.html", with: "") }
        + ["rehab-centers/find/?q=22903&radius=25", "es/centros-de-tratamiento/buscar/?q=22903&radius=25"]

    @Test func everyPageKindHasNoWCAG21ViolationAtPhoneAndDesktopWidthsAndNoCSPError() throws {
        try #require(FileManager.default.fileExists(atPath: Self.axe.path), "run make test-deps to fetch axe-core")
        let results = try #require(try check("axe", ["--axe", Self.axe.path, "--screenshots", Self.screenshots.path, "--widths", "390", "1280",
                                                     "--pages"] + Self.axePages) as? [[String: Any]])
        #expect(results.count == Self.axePages.count * 2)
        for result in results {
            let page = "\(result["page"] ?? "?") at \(result["width"] ?? "?") px"
            let axe = try #require(result["axe"] as? [String: Any])
            #expect((axe["version"] as? String)?.hasPrefix("4.") == true, "axe-core 4.x: \(axe)")
            #expect((axe["passes"] as? Int ?? 0) > 10, "axe ran its rules on \(page)")
            let violations = axe["violations"] as? [[String: Any]] ?? []
            #expect(violations.isEmpty, "\(page): \(violations)")
            #expect((result["console"] as? [String])?.isEmpty == true, "\(page): \(result["console"] ?? "")")
            let shot = try #require(result["screenshot"] as? String)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: shot))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 5_000, "a real PNG of \(page)")
        }
        // The Spanish search says and shows its results in Spanish, its listings' links in the Spanish directory.
        let spanishSearches = results.filter { ($0["page"] as? String)?.hasPrefix("es/") == true && $0["status"] != nil }
        #expect(spanishSearches.count == 2, "the Spanish search at both widths")
        for result in spanishSearches {
            let status = result["status"] as? String ?? ""
            #expect(status.hasSuffix(" a menos de 25 millas de 22903.") && status.contains(" centros"), "\(status)")
            let first = result["first_result"] as? String ?? ""
            #expect(first.contains(" millas") || first.contains(" milla"), "\(first)")
            #expect(first.contains("Niveles de atención: "), "\(first)")
        }
        print("Screenshots of every page kind at 390 and 1280 px: \(Self.screenshots.path)")
    }

    @Test func theMapTheFiltersAndTheCitationPreviewsWorkByKeyboardAlone() throws {
        let result = try #require(try check("keyboard") as? [String: [String: Any]])
        let map = try #require(result["map"])
        #expect(map["tiles"] as? Int == 52)
        let labels = map["labels"] as? [String] ?? []
        #expect(labels.count == 52 && Set(labels).count == 52, "Tab reaches every tile once")
        #expect(labels.first == "Alaska, 93 centers")
        #expect(map["enter_opens"] as? String == "/rehab-centers/alaska/")
        let filters = try #require(result["filters"])
        #expect(filters["tab_presses"] is Int)
        #expect(filters["shown"] as? Int == 5)
        #expect(filters["status"] as? String == "Showing 5 of 221 centers.")
        #expect(filters["live"] as? String == "polite")
        let citations = try #require(result["citations"])
        #expect(citations["tab_presses"] is Int)
        #expect((citations["preview"] as? String)?.hasPrefix("Drake, R. E., Mueser, K. T., & Brunette, M. F. (2007). Management of persons") == true)
        #expect(citations["describedby"] as? String == "citation-preview")
        #expect(citations["after_escape"] as? Int == 0, "Escape hides the preview")
        #expect(citations["enter_goes_to"] as? String == "ref-drake2007")
        for part in result.values {
            #expect((part["console"] as? [String])?.isEmpty == true, "\(part["console"] ?? "")")
        }
    }

    @Test func everyPageIsFullyUsableWithJavaScriptTurnedOff() throws {
        let result = try #require(try check("nojs") as? [String: [String: Any]])
        let state = try #require(result["state"])
        #expect(state["listings_shown"] as? Int == 221, "every listing shows")
        #expect(state["filters_shown"] as? Bool == false, "filters that could not work are not shown")
        #expect((state["console"] as? [String])?.isEmpty == true, "\(state["console"] ?? "")")
        let directory = try #require(result["directory"])
        #expect(directory["state_links"] as? Int == 52)
        #expect(directory["map_links"] as? Int == 52)
        #expect(directory["picker_shown"] as? Bool == false)
        let guide = try #require(result["guide"])
        #expect(guide["click_goes_to"] as? String == "ref-drake2007", "a citation mark is a plain link to its entry")
        #expect(guide["preview"] as? Int == 0)
        #expect(guide["details"] as? Int == 3, "the FAQ opens without script")
        #expect((guide["text_length"] as? Int ?? 0) > 5_000)
    }

    @Test func theGuideLoadsItsScriptFromTheSiteOnlyAndCarriesThePolicy() throws {
        let guide = try String(contentsOf: RealContentTests.output.appendingPathComponent("intensive-outpatient-program/index.html"), encoding: .utf8)
        #expect(guide.contains("<script src=\"/assets/citations.js\" defer></script>"))
        #expect(guide.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'\">"))
        #expect(guide.contains("<meta name=\"referrer\" content=\"no-referrer\">"))
        #expect(!guide.contains("citation-preview\""), "without JavaScript there is no preview, only the link")
        let scripts = guide.components(separatedBy: "<script").dropFirst()
        #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/assets/") || $0.hasPrefix(" type=\"application/ld+json\">") },
                "no inline script: only the site's own files and JSON-LD data blocks")
        #expect(!guide.contains(" style=\""), "no inline style")
    }
}
