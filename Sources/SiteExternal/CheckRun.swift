import Foundation
import SiteContent
import SiteLinks

/// One run of the external check: the settings, the client, and the state every task shares
/// (the hosts' schedule and the progress).
struct CheckRun: Sendable {
    let settings: CheckSettings
    let fetcher: any HTTPFetching
    let schedule: HostSchedule
    let board: ProgressBoard
    /// Seconds before the first retry of a 5xx or a timeout; each later retry waits twice as long.
    let retryBackoff: Double
    let now: @Sendable () -> Date

    /// Tries per request before a 5xx or a timeout makes a URL unreliable.
    static let tries = 3
    /// Redirects followed from one URL.
    static let maxRedirects = 10

    /// Sends a request, politely: the host's turn is awaited, HEAD becomes GET where HEAD is refused
    /// (405, 403, 501), a short `Retry-After` is waited out, and 5xx answers and timeouts are tried
    /// again after a backoff.
    func exchange(_ url: String, method: Probe.Method = .head, accept: String? = nil, bodyLimit: Int = 0) async -> Exchange {
        let host = ExternalURL.hostKey(url)
        let name = ExternalURL.hostName(url)
        var probe = Probe(method: method, url: url, accept: accept, bodyLimit: bodyLimit)
        var failures = 0
        var waits = 0
        while true {
            if let failure = await schedule.failure(of: host) { return .unreachable(failure) }
            if let deferral = await schedule.deferral(of: host) { return .deferred(deferral) }
            await schedule.acquire(host)
            let ticket = board.started(name)
            let result = await fetcher.send(probe)
            var responded = false
            if case .response = result { responded = true }
            board.finished(ticket, responded: responded)
            await schedule.release(host)
            switch result {
            case .response(let response):
                if probe.method == .head && [403, 405, 501].contains(response.status) {
                    probe.method = .get
                    continue
                }
                if response.status == 429 {
                    let wait = RetryAfter.seconds(response.headers["retry-after"], now: now())
                    waits += 1
                    if waits < Self.tries, let delay = wait ?? Optional(backoff(after: waits)), delay <= settings.maxRetryAfter {
                        await schedule.postpone(host, by: .seconds(delay))
                        continue
                    }
                    await schedule.defer(host, for: wait)
                    return .deferred(wait)
                }
                if (500...599).contains(response.status) && !BotWall.detect(response) {
                    failures += 1
                    guard failures < Self.tries else {
                        return .unreliable("answered \(response.statusLine) \(Self.tries) times")
                    }
                    await schedule.postpone(host, by: .seconds(backoff(after: failures)))
                    continue
                }
                return .answered(response)
            case .failure(let failure):
                func unreachable(_ kind: HostFailure.Kind, _ reason: String) async -> Exchange {
                    // Kept, so that the host's other URLs are not tried again.
                    let failure = HostFailure(kind: kind, host: name, reason: reason)
                    await schedule.record(failure, for: host)
                    return .unreachable(failure)
                }
                switch failure {
                case .dns(let reason):
                    return await unreachable(.dns, reason)
                case .refused(let reason):
                    return await unreachable(.refused, reason)
                case .malformedURL:
                    return .failed("not a URL a request can be made for")
                case .tls(let reason):
                    return .failed("the secure connection failed (\(reason))")
                case .timeout, .connectTimeout, .other:
                    failures += 1
                    guard failures < Self.tries else {
                        if failure == .connectTimeout {
                            // Its other URLs would wait as long for nothing.
                            return await unreachable(.silent, Self.describe(failure, settings: settings))
                        }
                        return .unreliable(Self.describe(failure, settings: settings))
                    }
                    await schedule.postpone(host, by: .seconds(backoff(after: failures)))
                }
            }
        }
    }

    func backoff(after failures: Int) -> Double {
        retryBackoff * Double(1 << max(0, failures - 1))
    }

    static func describe(_ failure: ProbeFailure, settings: CheckSettings) -> String {
        switch failure {
        case .timeout: "no answer within \(seconds(settings.timeout)), \(tries) times"
        case .connectTimeout: "no connection within \(seconds(settings.connectTimeout)), \(tries) times"
        case .other(let reason): "the connection failed \(tries) times (\(reason))"
        case .dns(let reason), .refused(let reason), .tls(let reason): reason
        case .malformedURL: "not a URL a request can be made for"
        }
    }

    static func seconds(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) s" : "\(value) s"
    }
}
