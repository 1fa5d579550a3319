import SiteCore

/// Checks across facilities: unique slugs per state, featured listings, the age of verifications.
struct DirectoryValidation {
    let log: DiagnosticLog
    let today: ContentDate?
    let maxAgeDays: Int

    func check(_ directory: Directory) {
        var slugs: [String: SourceLocation] = [:]
        var unverified: [String: (count: Int, total: Int)] = [:]
        for facility in directory.facilities {
            let key = facility.state + "/" + facility.slug.value
            if let first = slugs[key] {
                log.error("duplicate slug '\(facility.slug.value)' in \(facility.state) (first at \(first))", at: facility.slug.location)
            } else {
                slugs[key] = facility.slug.location
            }
            if facility.featured && !facility.levelsOfCare.contains("OIT") {
                log.warning("featured facility '\(facility.name.value)' does not list intensive outpatient treatment (OIT)",
                            at: facility.featuredLocation ?? facility.id.location)
            }
            unverified[facility.state, default: (0, 0)].total += 1
            if let verified = facility.verified {
                if let today, let age = today.days(since: verified.value), age > maxAgeDays {
                    log.warning("listing was verified on \(verified.value), \(age) days ago (more than \(maxAgeDays)); confirm it again", at: verified.location)
                }
            } else {
                unverified[facility.state]!.count += 1
                if facility.featured {
                    log.warning("featured facility '\(facility.name.value)' has never been verified by an editor",
                                at: facility.featuredLocation ?? facility.id.location)
                }
            }
        }
        // One line for the whole directory; the per-state lines are details, printed with --verbose.
        var total = 0, states = 0
        for state in directory.states {
            guard let counts = unverified[state.code], counts.count > 0 else { continue }
            total += counts.count
            states += 1
            log.note("\(counts.count) of \(counts.total) listings in \(state.name) have not been verified by an editor",
                     at: SourceLocation(path: "\(DirectoryLoader.folder)/imported/\(state.code.lowercased()).yaml", line: 1, column: 1),
                     detail: true)
        }
        if total > 0 {
            log.note("\(Count.text(total)) listing\(total == 1 ? "" : "s") not verified by an editor, in \(states) state\(states == 1 ? "" : "s")"
                     + " (--verbose lists them by state)",
                     at: SourceLocation(path: DirectoryLoader.folder, line: 1, column: 1))
        }
    }
}
