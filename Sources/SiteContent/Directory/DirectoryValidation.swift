import SiteCore

/// Checks across facilities: unique slugs per state, featured listings, the age of verifications.
///
/// The checks of one state's listings (`check(_:slugs:)`) run inside that state's merge, so a long-lived
/// process repeats them only for the state that changed; `summarize` adds the directory-wide note.
struct DirectoryValidation {
    let log: DiagnosticLog
    let today: ContentDate?
    let maxAgeDays: Int

    /// How many of a set of listings are unverified, of how many.
    struct Counts: Sendable {
        var unverified = 0
        var total = 0
    }

    /// Checks listings of one state, in order; `slugs` holds the slugs already taken in the state.
    func check(_ facilities: [Facility], slugs: inout [String: SourceLocation]) -> Counts {
        var counts = Counts()
        for facility in facilities {
            if let first = slugs[facility.slug.value] {
                log.error("duplicate slug '\(facility.slug.value)' in \(facility.state) (first at \(first))", at: facility.slug.location)
            } else {
                slugs[facility.slug.value] = facility.slug.location
            }
            if let retired = facility.retired, facility.isRetired {
                let since = facility.retiredReason.map { "\(retired.value) (\($0))" } ?? "\(retired.value), gone from its source's data"
                if facility.featured {
                    log.warning("featured facility '\(facility.name.value)' is retired since \(since): it is no longer shown", at: facility.featuredLocation ?? retired.location)
                }
                if let verified = facility.verified {
                    log.warning("facility '\(facility.name.value)', verified on \(verified.value), is retired since \(since): confirm it closed, or keep it listed with keep: true",
                                at: retired.location)
                }
                continue
            }
            if let verified = facility.verified, let changed = facility.changed, ContentDate(changed).map({ $0 > verified.value }) == true {
                log.warning("'\(facility.name.value)' was changed by the import of \(changed) after it was verified on \(verified.value): re-verify",
                            at: verified.location)
            }
            if facility.featured && !facility.levelsOfCare.contains("OIT") {
                log.warning("featured facility '\(facility.name.value)' does not list intensive outpatient treatment (OIT)",
                            at: facility.featuredLocation ?? facility.id.location)
            }
            counts.total += 1
            if let verified = facility.verified {
                if let today, let age = today.days(since: verified.value), age > maxAgeDays {
                    log.warning("listing was verified on \(verified.value), \(age) days ago (more than \(maxAgeDays)); confirm it again", at: verified.location)
                }
            } else {
                counts.unverified += 1
                if facility.featured {
                    log.warning("featured facility '\(facility.name.value)' has never been verified by an editor",
                                at: facility.featuredLocation ?? facility.id.location)
                }
            }
        }
        return counts
    }

    /// One line for the whole directory; the per-state lines are details, printed with --verbose.
    func summarize(_ counts: [String: Counts], states: [StateInfo]) {
        var total = 0, stateCount = 0
        for state in states {
            guard let count = counts[state.code], count.unverified > 0 else { continue }
            total += count.unverified
            stateCount += 1
            log.note("\(count.unverified) of \(count.total) listings in \(state.name) have not been verified by an editor",
                     at: SourceLocation(path: "\(DirectoryLoader.folder)/imported/\(state.code.lowercased()).yaml", line: 1, column: 1),
                     detail: true)
        }
        if total > 0 {
            log.note("\(Count.text(total)) listing\(total == 1 ? "" : "s") not verified by an editor, in \(stateCount) state\(stateCount == 1 ? "" : "s")"
                     + " (--verbose lists them by state)",
                     at: SourceLocation(path: DirectoryLoader.folder, line: 1, column: 1))
        }
    }
}
