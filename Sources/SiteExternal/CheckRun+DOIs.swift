import Foundation
import SiteLinks
import SiteCheck
import SiteContent

extension CheckRun {
    /// Asks the DOI resolver's handle API whether a DOI is registered, and with a URL; the publisher
    /// the DOI leads to is never asked.
    func check(doi: DOI) async -> Verdict {
        let url = settings.doiResolver + "/api/handles/" + doi.pathEncoded + "?type=URL"
        switch await exchange(url, method: .get, accept: "application/json", bodyLimit: 1 << 20) {
        case .answered(let response):
            guard [200, 404].contains(response.status) else {
                let verdict = classify(response, chain: [url], movedTo: nil)
                return Verdict(verdict.outcome == .ok ? .unreliable : verdict.outcome,
                               "the DOI resolver answered \(response.statusLine)")
            }
            guard let record = HandleRecord(json: response.body) else {
                return Verdict(.unreliable, "the DOI resolver's answer (\(response.statusLine)) was not a handle record")
            }
            switch record.responseCode {
            case 1 where record.url != nil:
                return Verdict(.ok, "registered", ttl: record.ttl)
            case 1, 200:
                return Verdict(.broken, "DOI \(doi) is registered without a URL, so it leads readers nowhere")
            case 100:
                return Verdict(.broken, "DOI \(doi) is not registered: the DOI resolver knows no such DOI")
            default:
                return Verdict(.unreliable, "the DOI resolver answered with response code \(record.responseCode)")
            }
        case .deferred(let seconds):
            return Verdict(.deferred, "the DOI resolver: " + Self.deferral(seconds))
        case .unreliable(let detail):
            return Verdict(.unreliable, "the DOI resolver " + detail)
        case .unreachable(let failure):
            // The resolver out of reach says nothing about the DOI.
            return Verdict(.unreliable, "the DOI resolver \(failure.host): \(failure.description)", unreachable: failure)
        case .failed(let detail):
            return Verdict(.unreliable, "the DOI resolver: " + detail)
        }
    }

    /// The work Crossref has for a DOI: `.notFound` for a DOI another agency registered.
    func crossrefWork(_ doi: DOI) async -> CrossrefLookup {
        let url = settings.crossref + "/works/" + doi.pathEncoded
        switch await exchange(url, method: .get, accept: "application/json", bodyLimit: 4 << 20) {
        case .answered(let response):
            if response.status == 404 { return .notFound }
            guard response.status == 200 else { return .failed("Crossref answered \(response.statusLine)") }
            guard let work = CrossrefWork(json: response.body) else { return .failed("Crossref's answer was not a work record") }
            return .found(work)
        case .deferred(let seconds):
            return .failed("Crossref: " + Self.deferral(seconds))
        case .unreliable(let detail), .failed(let detail):
            return .failed("Crossref: " + detail)
        case .unreachable(let failure):
            return .failed("Crossref \(failure.host): \(failure.description)")
        }
    }
}
