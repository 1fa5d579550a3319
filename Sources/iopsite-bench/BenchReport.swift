import Foundation

/// The figures of one tool and phase over several runs.
struct PhaseFigures: Codable {
    var tool: String
    var phase: String
    var runs: Int
    var medianSeconds: Double
    var minSeconds: Double
    var maxSeconds: Double
    /// Peak resident memory of the process (the largest over the runs), when measured per process.
    var peakMiB: Double?

    enum CodingKeys: String, CodingKey {
        case tool, phase, runs, medianSeconds, minSeconds, maxSeconds
        case peakMiB = "peak_mib"
    }

    init(tool: String, phase: String, seconds: [Double], peakBytes: [Int]?) {
        self.tool = tool
        self.phase = phase
        runs = seconds.count
        let sorted = seconds.sorted()
        medianSeconds = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        minSeconds = sorted.first ?? 0
        maxSeconds = sorted.last ?? 0
        peakMiB = peakBytes.flatMap { $0.max() }.map { Double($0) / 1_048_576 }
    }
}

/// Everything one benchmark size measured.
struct BenchResult: Codable {
    var facilities: Int
    var pages: Int?
    var commit: String
    var hugoVersion: String?
    var phases: [PhaseFigures]

    /// A Markdown table: phase, iopsite, Hugo, and how many times faster iopsite is.
    var table: String {
        func time(_ figures: PhaseFigures?) -> String {
            guard let figures else { return "–" }
            return String(format: "%.3f s (%.3f–%.3f)", figures.medianSeconds, figures.minSeconds, figures.maxSeconds)
        }
        func memory(_ figures: PhaseFigures?) -> String { figures?.peakMiB.map { String(format: "%.0f MiB", $0) } ?? "–" }
        var lines = ["\(facilities) facilities, commit \(commit), median of \(phases.first?.runs ?? 0) runs (min–max)\(hugoVersion.map { ", Hugo \($0)" } ?? "")", "",
                     "| phase | iopsite | peak | Hugo | peak | Hugo ÷ iopsite |", "|---|---|---|---|---|---|"]
        for phase in ["full build", "no-change rebuild", "one-facility rebuild", "check --site"] {
            let ours = phases.first { $0.tool == "iopsite" && $0.phase == phase }
            let hugo = phases.first { $0.tool == "hugo" && $0.phase == phase }
            let ratio = ours.flatMap { ours in hugo.map { String(format: "%.1f×", $0.medianSeconds / ours.medianSeconds) } } ?? "–"
            lines.append("| \(phase) | \(time(ours)) | \(memory(ours)) | \(time(hugo)) | \(memory(hugo)) | \(ratio) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }
}
