import SiteCore

/// A state file as read: its path, text (nil when it could not be read) and records.
struct StateFile: Sendable {
    let path: String
    let text: String?
    let records: [FacilityRecord]

    /// The state it is named for: `va` for `va.yaml`.
    var code: String { String(path.split(separator: "/").last!.dropLast(".yaml".count)) }
}

/// An imported record made a listing (nil when it lacks a required field), with what making it reported.
struct CompletedRecord: Sendable {
    let facility: Facility?
    let diagnostics: [Diagnostic]
}

/// One state's imported listings with its editor's overrides applied, and the overrides whose id is not
/// imported in that state (additions, or mistakes the directory-wide pass reports).
struct StateMerge: Sendable {
    var facilities: [Facility] = []
    /// The state's slugs and where each is first set, for the editors' additions to the state.
    var slugs: [String: SourceLocation] = [:]
    var counts = DirectoryValidation.Counts()
    /// Each imported id and where it is first written, to find the same id in two states.
    var ids: [(id: String, location: SourceLocation)] = []
    var leftovers: [FacilityRecord] = []
}

extension DirectoryLoader {
    /// Applies overrides to imported records by id, state by state (a state whose two files did not change
    /// keeps its merge, and its listings stay the very same values). Listings are in the order of the
    /// imported files, then the editors' additions in the order of their files.
    func merge(imported: [StateFile], overrides: [StateFile], states: [StateInfo]) -> [Facility] {
        let overridesByState = Dictionary(overrides.map { ($0.code, $0) }) { first, _ in first }
        // The states are merged on every core, each into a log of its own.
        let mergeState = mergeState, completeImported = completeImported, today = today, maxAgeDays = maxAgeDays
        let tasks = imported.map { (file: $0, own: overridesByState[$0.code]) }
        let results = ParallelMap.map(tasks, costliestFirst: { $0.file.records.count }) { task -> (StateMerge, [Diagnostic]) in
            let stateLog = DiagnosticLog()
            let inputs = [task.file.path, task.file.text ?? "\u{0}", task.own?.text ?? "\u{0}"]
            let merge = mergeState(task.file.code, inputs, stateLog) { log in
                // A state with an editor's file: its imported records made listings apart, kept while the import is.
                let completed = task.own == nil ? nil : task.file.text.map { completeImported(task.file.path, $0) { Self.completeEach(task.file.records) } }
                return Self.mergeState(imported: task.file.records, overrides: task.own?.records ?? [], completed: completed,
                                       validation: DirectoryValidation(log: log, today: today, maxAgeDays: maxAgeDays))
            }
            return (merge, stateLog.diagnostics)
        }
        for result in results { log.append(contentsOf: result.1) }
        let merges = results.map(\.0)
        // In the order of the override files; in a state with nothing imported, every override is left over.
        let mergeByState = Dictionary(zip(imported.map(\.code), merges)) { first, _ in first }
        // Not flattened into one array: an editors' directory adds thousands.
        let sources = overrides.map { mergeByState[$0.code]?.leftovers ?? $0.records }
        // Which state file imports each id (by its position in `imported`), to find an id imported twice.
        var first: [String: Int] = [:]
        first.reserveCapacity(merges.reduce(0) { $0 + $1.ids.count })
        var duplicates: Set<SourceLocation> = []
        for (position, merge) in merges.enumerated() {
            for (id, location) in merge.ids {
                if let earlier = first.updateValue(position, forKey: id) {
                    first[id] = earlier
                    let at = merges[earlier].ids.first { $0.id == id }!.location
                    log.error("duplicate facility id '\(id)' (first at \(at))", at: location)
                    duplicates.insert(location)
                }
            }
        }
        var facilities = merges.flatMap(\.facilities)
        if !duplicates.isEmpty { facilities.removeAll { duplicates.contains($0.id.location) } }
        // The additions by place (file, record); one an editor writes twice is merged into a new record.
        var additions: [(file: Int, record: Int)] = []
        var merged: [Int: FacilityRecord] = [:]
        var additionIndex: [String: Int] = [:]
        for (file, records) in sources.enumerated() {
            for index in records.indices {
                guard let id = records[index].id else { continue }
                if first[id.value] == nil, !id.value.hasPrefix("samhsa:") { Self.checkEditorRetirement(records[index], log: log) }
                if let position = first[id.value] {
                    log.error("override of '\(id.value)' is in the wrong state file (the facility is in \(imported[position].code.uppercased()))", at: id.location)
                } else if id.value.hasPrefix("samhsa:") {
                    log.error("override '\(id.value)' matches no imported facility", at: id.location)
                } else if let position = additionIndex[id.value] {
                    let place = additions[position]
                    merged[position] = (merged[position] ?? sources[place.file][place.record]).overridden(by: records[index])
                } else {
                    additionIndex[id.value] = additions.count
                    additions.append((file, index))
                }
            }
        }
        // An editors' directory (no import) may add thousands: completed on every core, a chunk at a time.
        let chunks = stride(from: 0, to: additions.count, by: 512).map { $0..<min($0 + 512, additions.count) }
        let completed = ParallelMap.map(chunks) { [additions, merged] chunk -> ([Facility], [Diagnostic]) in
            let chunkLog = DiagnosticLog()
            return (chunk.compactMap { position in
                let place = additions[position]
                return Self.complete(merged[position] ?? sources[place.file][place.record], log: chunkLog)
            }, chunkLog.diagnostics)
        }
        for chunk in completed { log.append(contentsOf: chunk.1) }
        let added = completed.flatMap(\.0)
        facilities += added
        // The additions are checked against the listings of their state, a state per core (an editors' directory
        // may add them all), each into a log of its own read in the states' order; then the directory is summed up.
        var counts = Dictionary(zip(imported.map { $0.code.uppercased() }, merges.map(\.counts))) { first, _ in first }
        let slugs = Dictionary(zip(imported.map { $0.code.uppercased() }, merges.map(\.slugs))) { first, _ in first }
        let byState = Dictionary(grouping: added, by: \.state).sorted(by: { $0.key < $1.key })
        let checked = ParallelMap.map(byState, costliestFirst: { $0.value.count }) { entry -> (DirectoryValidation.Counts, [Diagnostic]) in
            let stateLog = DiagnosticLog()
            var taken = slugs[entry.key] ?? [:]
            let more = DirectoryValidation(log: stateLog, today: today, maxAgeDays: maxAgeDays).check(entry.value, slugs: &taken)
            return (more, stateLog.diagnostics)
        }
        for ((state, _), (more, diagnostics)) in zip(byState, checked) {
            log.append(contentsOf: diagnostics)
            counts[state, default: .init()].unverified += more.unverified
            counts[state, default: .init()].total += more.total
        }
        DirectoryValidation(log: log, today: today, maxAgeDays: maxAgeDays).summarize(counts, states: states)
        return facilities
    }

    /// Each record made a listing on its own, with what making it reported.
    static func completeEach(_ records: [FacilityRecord]) -> [CompletedRecord] {
        records.map { record in
            let log = DiagnosticLog()
            return CompletedRecord(facility: complete(record, log: log), diagnostics: log.diagnostics)
        }
    }

    /// One state's merge: overrides applied by id to its imported records. `completed`, when given, holds each
    /// imported record already made a listing: a record no override touches is that listing, the very same value.
    static func mergeState(imported: [FacilityRecord], overrides: [FacilityRecord], completed: [CompletedRecord]? = nil,
                           validation: DirectoryValidation) -> StateMerge {
        let log = validation.log
        var merge = StateMerge()
        // The positions of the imported records kept (those with an id, each id once), and each id's place among them.
        var index: [String: Int] = [:]
        var kept: [Int] = []
        kept.reserveCapacity(imported.count)
        for (position, record) in imported.enumerated() {
            guard let id = record.id else { continue }
            if let first = index[id.value] {
                log.error("duplicate facility id '\(id.value)' (first at \(imported[kept[first]].id!.location))", at: id.location)
                continue
            }
            index[id.value] = kept.count
            kept.append(position)
            merge.ids.append((id.value, id.location))
        }
        // The overridden records apart, by place: the imported records are never copied one by one.
        var overridden: [Int: FacilityRecord] = [:]
        for override in overrides {
            checkEditorRetirement(override, log: log)
            guard let id = override.id else { continue }
            if let place = index[id.value] {
                overridden[place] = (overridden[place] ?? imported[kept[place]]).overridden(by: override)
            } else {
                merge.leftovers.append(override)
            }
        }
        merge.facilities = kept.indices.compactMap { place in
            if let record = overridden[place] { return complete(record, log: log) }
            guard let completed else { return complete(imported[kept[place]], log: log) }
            let made = completed[kept[place]]
            log.append(contentsOf: made.diagnostics)
            return made.facility
        }
        merge.counts = validation.check(merge.facilities, slugs: &merge.slugs)
        return merge
    }

    /// An editor who retires a listing says why.
    static func checkEditorRetirement(_ record: FacilityRecord, log: DiagnosticLog) {
        if let retired = record.retired, record.retiredReason == nil {
            log.error("a listing an editor retires needs 'retired_reason', the reason readers are shown", at: retired.location)
        }
    }

    /// A facility from a merged record, or nil (with errors) when a required field is missing.
    static func complete(_ record: FacilityRecord, log: DiagnosticLog) -> Facility? {
        if let keep = record.keep, keep.value, record.verified == nil {
            log.error("'keep: true' needs 'verified', the date an editor confirmed the listing is still open", at: keep.location)
        }
        guard let id = record.id, let state = record.state,
              let name = record.name, let address = record.address, let source = record.source, let sourceDate = record.sourceDate else {
            let missing = [("name", record.name == nil), ("address", record.address == nil), ("source", record.source == nil),
                           ("source_date", record.sourceDate == nil)].filter(\.1).map(\.0)
            if let id = record.id, !missing.isEmpty {
                log.error("facility '\(id.value)' is missing \(missing.joined(separator: ", "))", at: record.location)
            }
            return nil
        }
        let slug = record.slug ?? Located(Slug.make(name.value), at: name.location)
        return Facility(id: id, slug: slug, state: state.value, name: name, name2: record.name2, address: address,
                        latitude: record.latitude, longitude: record.longitude, phone: record.phone, intakePhone: record.intakePhone,
                        website: record.website, levelsOfCare: record.levelsOfCare ?? [], payment: record.payment ?? [],
                        services: record.services ?? [], languages: record.languages ?? [],
                        facilityTypes: record.facilityTypes ?? [], hours: record.hours,
                        description: record.description, featured: record.featured?.value ?? false,
                        featuredLocation: record.featured?.location, verified: record.verified,
                        source: source, sourceDate: sourceDate.value, retired: record.retired, retiredReason: record.retiredReason?.value,
                        keep: record.keep?.value ?? false, changed: record.changed?.value)
    }
}
