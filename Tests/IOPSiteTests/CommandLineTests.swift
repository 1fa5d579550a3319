import Foundation
import SiteTestSupport
import Testing

/// Runs the real `iopsite` binary, built next to the test runner, and checks exit codes and output.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return runner.deletingLastPathComponent().appendingPathComponent("iopsite")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let site: [String: String] = [
        "Content/site.yaml": "title: T\nbase_url: https://example.org/\n",
        "Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\nText.\n",
        "Templates/layout.mustache": "<html><title>{{title}}</title><body>{{$main}}{{/main}}</body></html>",
        "Templates/home.mustache": "{{<layout}}{{$main}}{{#guides}}<a href=\"{{url}}\">{{title}}</a>{{/guides}}{{/main}}{{/layout}}",
        "Templates/guide.mustache": "{{<layout}}{{$main}}{{{body}}}{{/main}}{{/layout}}",
        "Templates/404.mustache": "{{<layout}}{{$main}}Not found{{/main}}{{/layout}}",
    ]

    @Test func buildSucceedsWithExitCode0() throws {
        let site = try FixtureSite(Self.site)
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.stdout == "Built 5 pages: 5 files written, 0 unchanged, 0 removed.\n")
        #expect(site.exists("Public/g/index.html"))
    }

    @Test func contentProblemsPrintLocatedDiagnosticsAndExit1() throws {
        let site = try FixtureSite(Self.site.merging(["Content/guide/g.md": "---\ntitle: G\ndescription: D\npublished: 2024-01-01\n---\n<i>x</i>\n"]) { $1 })
        let result = try run(["build", "--root", site.root.path, "--output", site.root.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.stderr == """
            Content/guide/g.md:6:1: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)
            Content/guide/g.md:6:5: error: raw HTML is not allowed in Markdown (set allow_raw_html in site.yaml to permit it)
            Build failed: 2 errors, 0 warnings; the output was not touched.

            """)
        #expect(!site.exists("out"))
    }

    @Test func anUnknownFlagIsAUsageErrorWithExit2() throws {
        let result = try run(["build", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func aRootThatIsNotAFolderIsExit2() throws {
        let result = try run(["build", "--root", "/nonexistent/iopsite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--root '/nonexistent/iopsite' is not a folder"))
    }

    @Test func aForeignOutputFolderIsExit2() throws {
        let site = try FixtureSite(Self.site.merging(["Public/readme.txt": "mine"]) { $1 })
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not empty and has no .iopsite-manifest"))
        #expect(site.read("Public/readme.txt") == "mine")
    }
}
