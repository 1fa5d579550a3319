public import Foundation

/// A child process started in a process group of its own, so that stopping it stops everything it started
/// (a shell script that runs python, a browser and its helpers).
public final class ManagedProcess: @unchecked Sendable {
    public let pid: pid_t
    private let outputFile: URL?
    private let lock = NSLock()
    private var exitStatus: Int32?
    private var peakKB: Int?

    init(_ executable: String, _ arguments: [String], captureOutput: Bool) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child would inherit the calling thread's signal mask, and the threads Swift runs tasks on
        // block nearly every signal: a child that cannot see SIGTERM can only be killed. It starts with
        // no signal blocked and every signal at its default action instead.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var file: URL?
        if captureOutput {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("iopsite-process-\(UUID().uuidString).log")
            file = url
            posix_spawn_file_actions_addopen(&actions, 1, url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
        outputFile = file
    }

    /// What the process wrote to standard output and error so far.
    public var output: String {
        guard let outputFile, let data = FileManager.default.contents(atPath: outputFile.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until the output contains `text` or `seconds` pass; the output at that point.
    public func waitForOutput(containing text: String, seconds: Double = 20) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = output
            if current.contains(text) || hasExited { return current }
            usleep(20_000)
        }
        return output
    }

    /// Waits for the process to end by itself and returns its exit status.
    @discardableResult
    public func wait() -> Int32 {
        lock.withLock {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
            let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            exitStatus = code
            peakKB = usage.ru_maxrss
            return code
        }
    }

    /// The process's peak resident memory in KiB, once `wait()` has returned.
    public var peakMemoryKB: Int? { lock.withLock { peakKB } }

    var hasExited: Bool {
        lock.withLock {
            if exitStatus != nil { return true }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return false }
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return true
        }
    }

    /// True while any process of the group is running: a process in `/proc` whose group is this one and
    /// that is not a zombie (an orphan's zombie waits for whichever process reaps orphans here).
    public var groupIsAlive: Bool {
        guard kill(-pid, 0) == 0 else { return false }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.contains { entry in
            guard Int32(entry) != nil, let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.range(of: ")", options: .backwards) else { return false }
            // After "pid (name) ": state, ppid, pgrp.
            let fields = stat[close.upperBound...].split(separator: " ")
            return fields.count > 2 && fields[0] != "Z" && Int32(fields[2]) == pid
        }
    }

    /// Kills the process with SIGKILL, as a crash or the out-of-memory killer would (it gets no chance to clean up),
    /// and reaps it; its exit status (137).
    @discardableResult
    public func killAbruptly() -> Int32 {
        kill(pid, SIGKILL)
        return wait()
    }

    /// Stops the whole process group: SIGTERM, then SIGKILL after a grace period; reaps the leader.
    public func stop() {
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(3)
        while groupIsAlive && Date() < deadline {
            _ = hasExited
            usleep(20_000)
        }
        if groupIsAlive {
            kill(-pid, SIGKILL)
            // A killed process lingers until the kernel next schedules it, which on a loaded machine
            // takes a while; the group is only stopped once none of it runs.
            let killDeadline = Date().addingTimeInterval(10)
            while groupIsAlive && Date() < killDeadline {
                _ = hasExited
                usleep(20_000)
            }
        }
        _ = hasExited
        if !hasExited { wait() }
        if let outputFile { try? FileManager.default.removeItem(at: outputFile) }
    }
}
