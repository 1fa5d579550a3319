import SiteCheck
import SiteCore
import SiteLinks
import SiteContent

/// Turns verdicts into report entries: one per problem and place.
enum Report {
    static func entries(links: [ExternalTargets.Link], linkVerdicts: [Int: Verdict], dois: [ExternalTargets.DOIReference],
                        doiVerdicts: [Int: Verdict], crossref: [Int: CrossrefLookup]) -> [CheckReport.Entry] {
        var entries: [CheckReport.Entry] = []
        for (index, link) in links.enumerated() {
            guard let verdict = linkVerdicts[index] else { continue }
            for problem in problems(url: link.url, verdict) {
                entries += link.places.map { entry(problem, at: $0, href: link.url) }
            }
        }
        for (index, reference) in dois.enumerated() {
            guard let verdict = doiVerdicts[index] else { continue }
            let href = "https://doi.org/" + reference.doi.text
            if let problem = problem(doi: reference.doi, verdict) {
                entries += reference.places.map { entry(problem, at: $0, href: href) }
            }
            guard verdict.outcome == .ok else { continue }
            let uncompared: String
            switch crossref[index] {
            case .found(let work):
                for source in reference.entries {
                    entries += MetadataComparison.compare(source, with: work, doi: reference.doi)
                }
                continue
            case .notFound:
                uncompared = "DOI \(reference.doi) is not registered with Crossref (another agency holds it): its metadata was not compared"
            case .failed(let reason):
                uncompared = "the metadata of DOI \(reference.doi) was not compared: \(reason)"
            case nil:
                continue
            }
            entries += reference.entries.map {
                CheckReport.Entry(severity: .note, message: uncompared, location: $0.fieldLocations["DOI"] ?? $0.location, href: href)
            }
        }
        return entries
    }

    private struct Problem {
        var severity: Diagnostic.Severity
        var message: String
        var failsUnderStrict = true
    }

    private static func entry(_ problem: Problem, at place: ExternalTargets.Place, href: String) -> CheckReport.Entry {
        CheckReport.Entry(severity: problem.severity, message: problem.message, location: place.location, page: place.page,
                          href: href, failsUnderStrict: problem.failsUnderStrict)
    }

    private static func problems(url: String, _ verdict: Verdict) -> [Problem] {
        var found: [Problem] = []
        switch verdict.outcome {
        case .ok:
            break
        case .broken:
            found.append(Problem(severity: .error, message: "broken link '\(url)': \(verdict.detail)"))
        case .blocked:
            found.append(Problem(severity: .warning, message: "'\(url)' would not answer a link checker (\(verdict.detail)); open it in a browser to check it",
                                 failsUnderStrict: false))
        case .deferred:
            found.append(Problem(severity: .note, message: "'\(url)' was not checked: \(verdict.detail); it is left for the next run"))
        case .unreliable:
            found.append(Problem(severity: .warning, message: "'\(url)' did not answer reliably: \(verdict.detail)"))
        }
        if let movedTo = verdict.movedTo, verdict.outcome == .ok || verdict.outcome == .blocked {
            found.append(Problem(severity: .warning, message: "'\(url)' has moved permanently to '\(movedTo)'; link to the new address"))
        }
        return found
    }

    private static func problem(doi: DOI, _ verdict: Verdict) -> Problem? {
        switch verdict.outcome {
        case .ok: nil
        case .broken: Problem(severity: .error, message: verdict.detail)
        case .blocked: Problem(severity: .warning, message: "DOI \(doi) could not be checked: \(verdict.detail)", failsUnderStrict: false)
        case .deferred: Problem(severity: .note, message: "DOI \(doi) was not checked: \(verdict.detail); it is left for the next run")
        case .unreliable: Problem(severity: .warning, message: "DOI \(doi) could not be checked: \(verdict.detail)")
        }
    }
}
