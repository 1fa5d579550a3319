import ArgumentParser
import Foundation
import SiteBuild
import SiteCore

/// `iopsite build`: renders the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into Public/ (or --output). Exit 0 built, 1 problems in content or templates, 2 usage or environment."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder (default: Public/ under the root).")
    var output: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Keep running and rebuild whenever Content/ or Templates/ change (only the files that change are written).")
    var watch = false

    @Flag(name: .long, help: "Print where the build's time goes: each step, Markdown, and the slowest templates.")
    var metrics = false

    @Flag(name: .long, help: "When another iopsite is writing the output folder, exit with 2 instead of waiting for it.")
    var noWait = false

    func run() throws {
        let root = try site.rootURL()
        let outputURL = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        if let refusal = OutputLockPolicy.refusal(noWait: noWait, output: outputURL ?? root.appendingPathComponent("Public")) {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
            throw ExitCode(2)
        }
        if watch {
            let folder = outputURL ?? root.appendingPathComponent("Public")
            throw ExitCode(WatchBuild.run(root: root, output: folder, strict: strict, verbose: site.verbose,
                                          outputLock: OutputLockPolicy.policy(noWait: noWait, output: folder)))
        }
        let collected = metrics ? BuildMetrics() : nil
        // The links are checked by `iopsite check`; a build only writes, each page as soon as it renders.
        let folder = outputURL ?? root.appendingPathComponent("Public")
        let result = BuildSession.buildOnce(root: root, output: folder, strict: strict, today: Clock.today(), metrics: collected, keepsPages: false,
                                            freesContent: false, outputLock: OutputLockPolicy.policy(noWait: noWait, output: folder))
        DiagnosticPrinter.print(result.diagnostics, verbose: site.verbose)
        collected?.lines.forEach { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if let failure = result.failure {
            FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
        } else if result.exitCode == 0 {
            result.report.warnings.forEach(Terminal.line)
            print("Built \(result.pageCount) pages: \(result.report.written) files written, \(result.report.unchanged) unchanged, \(result.report.removed) removed.")
        } else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            FileHandle.standardError.write(Data("Build failed: \(errors) errors, \(warnings) warnings; the output was not touched.\n".utf8))
        }
        throw ExitCode(result.exitCode)
    }
}
