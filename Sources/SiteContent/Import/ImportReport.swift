public import SiteCore

/// What an import did (or, with `--dry-run`, would do), per state and in total.
public struct ImportReport: Sendable {
    /// A listing the report names: its id, name and, for a change, the fields that changed.
    public struct Entry: Sendable, Equatable {
        public let id: String
        public let name: String
        public var fields: [String] = []
    }

    /// One state's part.
    public struct State: Sendable {
        public let code: String
        public var added: [Entry] = []
        public var changed: [Entry] = []
        public var unchanged = 0
        /// Listed before, absent from this full export: retired now.
        public var vanished: [Entry] = []
        /// Retired before, present again: listed again.
        public var returned: [Entry] = []
        /// The state's listings of this source that were listed before the import.
        public var listedBefore = 0
        /// Listings a row was matched to by address and a similar name, for an editor to check.
        public var unsure: [String] = []

        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && vanished.isEmpty && returned.isEmpty && unchanged == 0 }
    }

    public var diagnostics: [Diagnostic] = []
    /// Records read from the file (after `--state`).
    public var read = 0
    /// The date the export's listings take.
    public var date = ""
    public var source = ""
    /// The states the export covers: a listing of the source missing there is retired.
    public var coverage: [String] = []
    public var states: [State] = []
    public var statesWritten = 0
    /// What the report says beside its counts (why nothing was retired).
    public var notes: [String] = []
    /// Merges an editor should look at: rows taken for one site though a name differs.
    public var unsure: [String] = []
    public var dryRun = false
    /// Exit status: 0 imported, 1 content problems or a mass retirement refused, 2 unreadable input or write failure.
    public var exitCode: Int32 = 0

    public var added: Int { states.reduce(0) { $0 + $1.added.count } }
    public var changed: Int { states.reduce(0) { $0 + $1.changed.count } }
    public var unchanged: Int { states.reduce(0) { $0 + $1.unchanged } }
    public var vanished: Int { states.reduce(0) { $0 + $1.vanished.count } }
    public var returned: Int { states.reduce(0) { $0 + $1.returned.count } }

    /// The report as lines for a terminal: the total, then each state with something to say, then each
    /// listing added, changed (with its fields), vanished or returned.
    public var lines: [String] {
        func counts(_ added: Int, _ changed: Int, _ unchanged: Int, _ vanished: Int, _ returned: Int) -> String {
            "\(Count.text(added)) added, \(Count.text(changed)) changed, \(Count.text(unchanged)) unchanged, \(Count.text(vanished)) vanished (retired), \(Count.text(returned)) returned"
        }
        let written = exitCode != 0 ? "nothing written." : dryRun ? "nothing written (--dry-run)."
            : "\(statesWritten) state file\(statesWritten == 1 ? "" : "s") written."
        var lines = ["\(exitCode != 0 ? "Not imported:" : dryRun ? "Would import" : "Imported") \(Count.text(read)) records of \(source), data of \(date): "
                     + counts(added, changed, unchanged, vanished, returned) + "; " + written]
        for state in states where !state.isEmpty {
            lines.append("\(state.code): " + counts(state.added.count, state.changed.count, state.unchanged, state.vanished.count, state.returned.count))
            lines += state.added.map { "  added \($0.id) \($0.name)" }
            lines += state.changed.map { "  changed \($0.id) \($0.name): \($0.fields.joined(separator: ", "))" }
            lines += state.vanished.map { "  vanished \($0.id) \($0.name): retired \(date)" }
            lines += state.returned.map { "  returned \($0.id) \($0.name)" }
        }
        lines += notes
        let toCheck = unsure + states.flatMap(\.unsure)
        if !toCheck.isEmpty {
            lines.append("Merges to check (\(Count.text(toCheck.count))):")
            lines += toCheck.map { "  " + $0 }
        }
        return lines
    }

    /// The report for scripts (`--format json`).
    public var json: JSONValue {
        func entries(_ list: [Entry]) -> JSONValue {
            .array(list.map { entry in .object([("id", .string(entry.id)), ("name", .string(entry.name))] + (entry.fields.isEmpty ? [] : [("fields", .array(entry.fields.map(JSONValue.string)))])) })
        }
        return .object([
            ("source", .string(source)), ("date", .string(date)), ("dry_run", .bool(dryRun)), ("read", .number(read)),
            ("coverage", .array(coverage.map(JSONValue.string))),
            ("total", .object([("added", .number(added)), ("changed", .number(changed)), ("unchanged", .number(unchanged)),
                               ("vanished", .number(vanished)), ("returned", .number(returned))])),
            ("states", .array(states.filter { !$0.isEmpty }.map { state in
                .object([("state", .string(state.code)), ("added", entries(state.added)), ("changed", entries(state.changed)),
                         ("unchanged", .number(state.unchanged)), ("vanished", entries(state.vanished)), ("returned", entries(state.returned))])
            })),
            ("states_written", .number(statesWritten)), ("exit_code", .number(Int(exitCode))),
            ("notes", .array(notes.map(JSONValue.string))), ("unsure", .array((unsure + states.flatMap(\.unsure)).map(JSONValue.string))),
            ("diagnostics", .array(diagnostics.map { .string($0.description) })),
        ])
    }
}
