import Foundation
import SiteBuild
import SiteCore

/// Times rebuilds the way `iopsite serve` and `build --watch` do them, in one long-lived session:
/// a full build, then rebuilds with nothing changed, then rebuilds after one facility's phone
/// number changed (alternating between two numbers, so each rebuild has a real change).
enum SessionProbe {
    struct Timings: Codable {
        var full: Double
        var noChange: [Double]
        var oneFacility: [Double]
    }

    static func run(root: URL, output: URL, editFile: URL, runs: Int) throws -> Timings {
        let session = BuildSession(.init(root: root, today: nil))
        var seconds = 0.0
        var snapshotCount = 0
        func rebuild() throws {
            let start = DispatchTime.now().uptimeNanoseconds
            switch session.update() {
            case .failure(let failure):
                throw BenchError("the synthetic site does not build: \(failure.diagnostics.prefix(3).map(\.description))")
            case .success(let (snapshot, change)):
                _ = try session.write(snapshot, change: snapshotCount == 0 ? nil : change, to: output)
                snapshotCount += 1
            }
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        try rebuild()
        var timings = Timings(full: seconds, noChange: [], oneFacility: [])
        for _ in 0..<runs {
            try rebuild()
            timings.noChange.append(seconds)
        }
        let original = try String(contentsOf: editFile, encoding: .utf8)
        guard let range = original.range(of: "phone: \"+1-") else { throw BenchError("no phone to edit in \(editFile.path)") }
        for run in 0..<runs {
            // Another valid number each time, in the first listing of the file.
            var edited = original
            edited.replaceSubrange(range.upperBound..<original.index(range.upperBound, offsetBy: 12), with: String(format: "%03d-%03d-%04d", 212, 234, run + 1))
            try Data(edited.utf8).write(to: editFile)
            try rebuild()
            timings.oneFacility.append(seconds)
        }
        try Data(original.utf8).write(to: editFile)
        return timings
    }
}
