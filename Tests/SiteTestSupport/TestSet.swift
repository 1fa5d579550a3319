import Foundation
public import Testing

/// Which tests a run takes, by one rule: `IOPSITE_TESTS=fast` (`make test-fast`) leaves out every suite or test
/// marked `.heavy`; any other run (`make test`, `swift test`) takes them all.
public enum TestSet {
    /// Whether this run is the contributors' fast one.
    public static let isFast = ProcessInfo.processInfo.environment["IOPSITE_TESTS"] == "fast"
    /// Whether this run is the fault suite's (`make test-faults`, `IOPSITE_TESTS=faults`).
    public static let isFaults = ProcessInfo.processInfo.environment["IOPSITE_TESTS"] == "faults"
}

extension Trait where Self == ConditionTrait {
    /// Marks a suite or test that builds the repository's real site, drives a browser or the Nu checker's JVM, starts
    /// a child process, or runs hundreds of seeded builds: `make test` runs it, `make test-fast` leaves it out.
    public static var heavy: Self {
        .enabled(if: !TestSet.isFast, "heavy: left out of the fast run (IOPSITE_TESTS=fast)")
    }
}

extension Trait where Self == ConditionTrait {
    /// Marks the fault suite: it mounts small file systems, fills them and kills processes, so it runs only when
    /// asked for (`make test-faults`); `make test` lists it as skipped with this reason.
    public static var faults: Self {
        .enabled(if: TestSet.isFaults, "faults: run by make test-faults (IOPSITE_TESTS=faults), as root")
    }
}
