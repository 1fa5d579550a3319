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
}
