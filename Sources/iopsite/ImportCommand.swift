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

/// `iopsite import samhsa FILE…`: merges SAMHSA locator files, as one export, into Content/directory/imported/.
struct SAMHSAImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samhsa",
        abstract: "Import a SAMHSA locator export: FindTreatment.gov's facility listing (.csv), its JSON, or the 2020 nationwide CSV.",
        discussion: """
            Prints what the import changes, per state: listings added, changed (with their fields), unchanged, vanished (retired: \
            missing from a full export of their source) and returned. Skipped rows and service labels without a code are \
            warnings. Several files are parts of one export (a national download comes in two or three). Only the 2020 \
            nationwide export retires listings on its own; a search export retires listings only in the states --complete \
            names. Exit 0 imported, 1 content problems or a mass retirement refused, 2 unreadable input or write failure.
            """
    )

    @Argument(help: "The locator files of one export (.csv or .json), read together.")
    var files: [String]

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Import only this state (USPS code, e.g. VA); only its listings can be retired.")
    var state: String?

    @Option(name: .long, help: "The day the export was downloaded (YYYY-MM-DD): its listings' source_date, and the date listings missing from it are retired.")
    var date: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: "The states the export covers completely (USPS codes, or all): a listing of its source missing there is retired.")
    var complete: [String] = []

    @Flag(name: .long, help: "Print the report and write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Retire more than 20% of a state's listings of the source (a truncated download looks like that, so it is refused without this).")
    var allowMassRetire = false

    @Option(name: .long, help: "text, or json for scripts.")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "When another import is writing Content/directory/imported/, exit with 2 instead of waiting for it.")
    var noWait = false

    enum ReportFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() throws {
        let root = try site.rootURL()
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let inputs = files.map { LocatorImporter.InputFile(url: URL(fileURLWithPath: $0, relativeTo: here).standardizedFileURL, displayPath: $0) }
        let lock = OutputLockPolicy.policy(noWait: noWait, output: root.appendingPathComponent("Content/directory/imported"), purpose: "importing into")
        let options = LocatorImporter.Options(state: state?.uppercased(), date: date, dryRun: dryRun, allowMassRetire: allowMassRetire,
                                              complete: complete.flatMap { $0.split(separator: ",").map(String.init) }, lock: lock)
        let report = LocatorImporter(root: root).run(files: inputs, options: options)
        switch format {
        case .json:
            print(report.json.serialized())
        case .text:
            DiagnosticPrinter.print(report.diagnostics, verbose: site.verbose)
            if report.exitCode == 0 || (report.exitCode == 1 && !report.states.isEmpty) {
                for line in report.lines { print(line) }
            }
        }
        throw ExitCode(report.exitCode)
    }
}
