import Foundation
import SiteCore

/// How the commands that write an output folder meet another iopsite writing it: they say so once and wait,
/// or, with `--no-wait`, fail with exit 2.
enum OutputLockPolicy {
    static func policy(noWait: Bool, output: URL) -> FolderLock.Policy {
        if noWait { return .fail }
        return .wait { pid in
            let who = pid.map { "another iopsite (pid \($0))" } ?? "another iopsite"
            Terminal.line("\(who) is writing '\(output.path)'; waiting for it to finish (--no-wait exits instead)")
        }
    }
}
