import ArgumentParser
import Foundation
import SiteContent
import SiteCore

/// `iopsite import`: brings outside data into Content/.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import outside data into Content/.",
        subcommands: [SAMHSAImportCommand.self]
    )
}

/// `iopsite import samhsa FILE`: merges a SAMHSA locator file into Content/directory/imported/.
struct SAMHSAImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samhsa",
        abstract: "Import a SAMHSA locator file: the nationwide CSV export or a FindTreatment JSON export.",
        discussion: "Skipped rows and service labels without a code are reported as warnings. Exit 0 imported, 1 content problems, 2 unreadable input or write failure."
    )

    @Argument(help: "The locator file (.csv or .json).")
    var file: String

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Import only this state (USPS code, e.g. VA).")
    var state: String?

    func run() throws {
        let root = try site.rootURL()
        let url = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        let report = LocatorImporter(root: root).run(file: url, displayPath: file, state: state?.uppercased())
        DiagnosticPrinter.print(report.diagnostics, verbose: site.verbose)
        if report.exitCode == 0 {
            print("Imported \(report.read) records: \(report.added) new, \(report.updated) updated, \(report.unchanged) unchanged; \(report.statesWritten) state files written.")
        }
        throw ExitCode(report.exitCode)
    }
}
