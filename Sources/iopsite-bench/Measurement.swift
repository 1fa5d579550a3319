import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One timed run of a program: wall time and the peak resident memory of its process.
struct Sample: Codable {
    var seconds: Double
    var peakBytes: Int
}

enum Measure {
    /// Runs a program to its end with its output discarded (or returned), timing it and reading its
    /// peak memory from the kernel (`wait4`'s `ru_maxrss`).
    static func run(_ executable: String, _ arguments: [String], capture: Bool = false) throws -> (sample: Sample, output: String, status: Int32) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("iopsite-bench-\(getpid()).out").path
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outputFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let output = capture ? ((try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "") : ""
        if capture { unlink(outputFile) }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (Sample(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024), output, exitStatus)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
