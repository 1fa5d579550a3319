public import ArgumentParser
import Foundation
import SiteBuild
import SiteCheck
import SiteContent
import SiteCore
import SiteExternal
import SiteLinks

extension ReportFormat: ExpressibleByArgument {}

/// `iopsite check`: validates content, builds, and checks every internal link and anchor, and with
/// `--external` every outside URL and DOI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content, build, and check internal links and anchors (and outside ones with --external).",
        discussion: """
            Problems are reported where an editor fixes them (Markdown, YAML field or template) and on the \
            output page. Exit 0 clean, 1 problems (warnings only under --strict), 2 usage or environment \
            (with --external, also when no outside host could be reached at all).
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "Report format: text, json or github.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Build into this folder and keep it (default: a temporary folder).")
    var output: String?

    @Option(name: .customLong("site"), help: "Check an already built folder, without building.")
    var builtSite: String?

    @Flag(name: .long, help: "Also check every outside URL and DOI (cached in .iopsite-cache/external.json).")
    var external = false

    func validate() throws {
        if builtSite != nil && output != nil { throw ValidationError("--site and --output cannot be used together") }
    }

    func run() throws {
        let root = try site.rootURL()
        var report: CheckReport
        let outside: Outside?
        if let builtSite {
            (report, outside) = try checkBuilt(URL(fileURLWithPath: builtSite, relativeTo: Self.currentFolder).standardizedFileURL,
                                               label: builtSite, root: root)
        } else {
            (report, outside) = try buildAndCheck(root: root)
        }
        if let outside {
            let result = ExternalRun(root: root, settings: outside.settings, baseURL: outside.baseURL).check(outside.targets)
            report.external = result.entries
            report.externalSummary = result.summary
        }
        FileHandle.standardOutput.write(Data(format.render(report).utf8))
        if report.externalSummary?.offline == true {
            Terminal.line("error: no outside host could be reached; is this machine offline? (the outside links were not judged)")
            Foundation.exit(2)
        }
        // Exit here rather than unwinding: tearing down the hundreds of thousands of extracted links
        // would take longer than checking a tenth of them.
        Foundation.exit(report.fails(strict: strict) ? 1 : 0)
    }

    /// What `--external` checks, and how.
    private struct Outside {
        var targets: ExternalTargets
        var settings: CheckSettings
        var baseURL: String
    }

    private static var currentFolder: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// `--site DIR`: links are located in the output pages only.
    private func checkBuilt(_ folder: URL, label: String, root: URL) throws -> (CheckReport, Outside?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site '\(label)' is not a folder")
        }
        // The base URL tells which absolute links are internal; without a site.yaml, only relative ones are.
        let config = BuildSession(.init(root: root)).loadSettings()
        let prefix = label.hasSuffix("/") ? label : label + "/"
        let checker = LinkChecker(baseURL: config?.baseURL ?? "", basePath: config?.basePath ?? "/", pagePrefix: prefix)
        let checked = checker.checkSite(folder)
        let outside = external ? Outside(targets: ExternalTargets.collect(checker.outsideLinks(in: checked.site)),
                                         settings: config?.check ?? CheckSettings(), baseURL: config?.baseURL ?? "") : nil
        return (CheckReport(diagnostics: [], links: checked.report), outside)
    }

    private func buildAndCheck(root: URL) throws -> (CheckReport, Outside?) {
        let temporary = output == nil
        let folder = output.map { URL(fileURLWithPath: $0, relativeTo: Self.currentFolder).standardizedFileURL }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("iopsite-check-\(UUID().uuidString)")
        defer {
            if temporary {
                for url in [folder, FolderLock.file(of: folder)] + BuildSession.workingFolders(of: folder) { try? FileManager.default.removeItem(at: url) }
            }
        }
        let outcome = BuildSession.buildOnce(root: root, output: folder, strict: strict, today: Clock.today(),
                                             outputLock: OutputLockPolicy.policy(noWait: false, output: folder))
        let diagnostics = outcome.diagnostics.filter { site.verbose || !$0.isDetail }
        if let failure = outcome.failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
            throw ExitCode(2)
        }
        guard let snapshot = outcome.snapshot else { return (CheckReport(diagnostics: diagnostics, links: LinkChecker.Report()), nil) }
        // The folder's own listing: a link may name a file the build kept beside its own (one iopsite did not write).
        let files = Set(FileTree.entries(under: folder.path).filter { $0.kind != .folder }.map(\.path))
        var links = SiteLinkCheck()
        let report = CheckReport(diagnostics: diagnostics, links: links.check(snapshot, files: files))
        let config = snapshot.content.config
        let outside = external ? Outside(targets: ExternalTargets.collect(links.outsideLinks(of: snapshot), bibliography: snapshot.content.bibliography),
                                         settings: config.check, baseURL: config.baseURL) : nil
        return (report, outside)
    }
}
