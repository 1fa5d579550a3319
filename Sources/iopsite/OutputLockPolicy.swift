import Foundation
import SiteCore

/// How the commands that write a folder (an output, `Content/directory/imported/`) meet another iopsite writing
/// it: they say so once and wait, or, with `--no-wait`, fail with exit 2.
enum OutputLockPolicy {
    /// `purpose` says what the other process is doing to `folder`, as `FolderLock` words it ("writing").
    static func policy(noWait: Bool, output: URL, purpose: String = "writing") -> FolderLock.Policy {
        if noWait { return .fail }
        return .wait { pid in
            let who = pid.map { "another iopsite (pid \($0))" } ?? "another iopsite"
            Terminal.line("\(who) is \(purpose) '\(output.path)'; waiting for it to finish (--no-wait exits instead)")
        }
    }

    /// With `--no-wait`, why `folder` cannot be written now (another iopsite holds it, or its lock cannot be made), or
    /// nil: tried before anything is loaded, so a refused build says so at once rather than after rendering the site.
    /// The lock is let go again; the write takes it as usual.
    static func refusal(noWait: Bool, output: URL) -> String? {
        guard noWait else { return nil }
        do {
            try FolderLock.acquire(output, purpose: "writing", policy: .fail).release()
            return nil
        } catch {
            return error.description
        }
    }
}
