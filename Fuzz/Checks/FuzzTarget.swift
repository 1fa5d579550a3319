import Foundation

/// One fuzz target: a name and the invariants it checks on an input of arbitrary bytes.
///
/// The same checks run three ways: under libFuzzer (`make fuzz`), on the files named on a replay
/// binary's command line, and in the test suite on every input in `Fuzz/Regressions/<name>/`.
public struct FuzzTarget: Sendable {
    /// The target's name: the executable is `fuzz-<name>`, its inputs are under `Fuzz/*/<name>/`.
    public let name: String
    /// What the target feeds and what it promises, for `--help` and docs/development/fuzzing.md.
    public let summary: String
    /// The invariants `input` breaks, each as a sentence; empty when the entry point behaved.
    public let check: @Sendable (_ input: [UInt8]) -> [String]

    public static let all: [FuzzTarget] = [.markdown, .content, .locator, .html, .templates]

    /// The target called `name`, if any.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }

    /// libFuzzer's entry point: a broken invariant is reported and aborts, which libFuzzer records as a crash
    /// (with the input saved) exactly as it does a trap or a sanitizer's report.
    public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let input = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let problems = check(input)
        if !problems.isEmpty {
            FileHandle.standardError.write(Data(("fuzz-\(name): invariant broken:\n" + problems.map { "  - \($0)\n" }.joined()).utf8))
            abort()
        }
        return 0
    }

    /// Runs the check on each file named in `arguments` (a build without libFuzzer); exit code 1 when any breaks an invariant.
    public func replay(_ arguments: [String]) -> Never {
        let paths = Array(arguments.dropFirst())
        guard !paths.isEmpty, !paths.contains("--help") else {
            print("usage: fuzz-\(name) FILE...\n\(summary)\nBuilt without libFuzzer: runs the target's checks on each file.")
            exit(paths.isEmpty ? 1 : 0)
        }
        var failed = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                failed = true
                continue
            }
            let problems = check(Array(data))
            print("\(path): " + (problems.isEmpty ? "ok" : problems.joined(separator: "; ")))
            failed = failed || !problems.isEmpty
        }
        exit(failed ? 1 : 0)
    }
}
