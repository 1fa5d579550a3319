/// What writing a build's output did: the one count of files a build, a rebuild and the summary line share.
public struct WriteReport: Sendable, Equatable {
    /// Files written anew (new or changed).
    public var written = 0
    /// Files whose bytes were already there, kept as they were (hard-linked from the previous output).
    public var unchanged = 0
    /// Files of the previous output that the build no longer has.
    public var removed = 0
    /// Warnings about the output found on the way (a manifest iopsite did not write), each a located line.
    public var warnings: [String] = []

    public init(written: Int = 0, unchanged: Int = 0, removed: Int = 0, warnings: [String] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.warnings = warnings
    }
}
