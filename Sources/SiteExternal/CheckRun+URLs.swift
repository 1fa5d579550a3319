import SiteLinks
import SiteCheck

extension CheckRun {
    /// Checks one outside URL: redirects followed one hop at a time (up to ten, loops detected, a
    /// chain of permanent ones remembered), then the last answer classified.
    func check(url: String) async -> Verdict {
        var current = url
        var seen: Set<String> = [ExternalURL.normalized(url)]
        var chain = [url]
        var movedTo: String?
        var permanentSoFar = true
        var hop = 0
        while true {
            switch await exchange(current) {
            case .answered(let response):
                let status = response.status
                if (300...399).contains(status) && status != 304 {
                    guard let location = response.headers["location"], let next = ExternalURL.resolve(location, against: current) else {
                        return Verdict(.broken, "\(after(chain))answered \(response.statusLine) without a usable Location", movedTo: movedTo)
                    }
                    if permanentSoFar && (status == 301 || status == 308) {
                        movedTo = next
                    } else {
                        permanentSoFar = false
                    }
                    chain.append(next)
                    guard seen.insert(ExternalURL.normalized(next)).inserted else {
                        return Verdict(.broken, "redirect loop: " + chain.joined(separator: " → "))
                    }
                    guard hop < Self.maxRedirects else {
                        return Verdict(.broken, "more than \(Self.maxRedirects) redirects (\(url) → … → \(next))")
                    }
                    current = next
                    hop += 1
                    continue
                }
                return classify(response, chain: chain, movedTo: movedTo)
            case .deferred(let seconds):
                return Verdict(.deferred, Self.deferral(seconds), movedTo: movedTo)
            case .unreliable(let detail):
                return Verdict(.unreliable, after(chain) + detail, movedTo: movedTo)
            case .unreachable(let failure):
                return Verdict(failure.isBroken ? .broken : .unreliable, after(chain) + "\(failure.host): \(failure.description)",
                               unreachable: failure)
            case .failed(let detail):
                return Verdict(.broken, after(chain) + detail, movedTo: movedTo)
            }
        }
    }

    /// The outcome of the answer a URL (or the end of its redirects) gave.
    func classify(_ response: ProbeResponse, chain: [String], movedTo: String?) -> Verdict {
        let prefix = after(chain)
        switch response.status {
        case 200...299, 304:
            return Verdict(.ok, response.statusLine, movedTo: movedTo)
        case 404, 410:
            return Verdict(.broken, prefix + response.statusLine, movedTo: movedTo)
        case _ where BotWall.detect(response):
            let wall = response.status == 403 ? "" : " (a bot wall)"
            return Verdict(.blocked, prefix + response.statusLine + wall, movedTo: movedTo)
        case 400...499:
            return Verdict(.blocked, prefix + response.statusLine, movedTo: movedTo)
        default:
            return Verdict(.unreliable, prefix + "answered \(response.statusLine)", movedTo: movedTo)
        }
    }

    /// "after redirects to https://…: " when the answer came from elsewhere than the URL itself.
    private func after(_ chain: [String]) -> String {
        chain.count > 1 ? "after redirects to \(chain.last!): " : ""
    }

    static func deferral(_ seconds: Double?) -> String {
        guard let seconds else { return "the server asked to slow down (429 Too Many Requests)" }
        return "the server asked to wait \(Int(seconds.rounded())) s (429 Too Many Requests)"
    }
}
