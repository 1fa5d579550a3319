public import Foundation

/// One run of a program to its end: its exit status and everything it printed.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// The products built beside the test runner (`iopsite`, `iopsite-bench`).
    public static func product(_ name: String) -> URL {
        let runner = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return runner.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `executable` with `arguments` and waits for it; both outputs are read while it runs, so a
    /// chatty program cannot fill a pipe and stall.
    public static func run(_ executable: URL, _ arguments: [String]) throws -> CommandRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = LockedBox(Data())
        let read = DispatchSemaphore(value: 0)
        Thread {
            errors.value = err.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        read.wait()
        return CommandRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: errors.value, as: UTF8.self))
    }
}
