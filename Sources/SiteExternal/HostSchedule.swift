/// Politeness per host: one request in flight to a host at a time, and a minimum interval from the
/// end of one request to the start of the next (so the server sees them at least that far apart,
/// however long the connection took). A host that asks to wait (429 with `Retry-After`) is waited for.
///
/// Hosts are told apart by name and port (`example.org:443`), so that test servers on one loopback
/// address with different ports are separate hosts.
actor HostSchedule {
    private struct Host {
        var busy = false
        var notBefore: ContinuousClock.Instant?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let interval: Duration
    private let clock = ContinuousClock()
    private var hosts: [String: Host] = [:]
    /// Why a host could not be reached, kept so that its other URLs are not tried again.
    private var failures: [String: HostFailure] = [:]
    /// Hosts that asked for a wait longer than the run (seconds, when they said how long).
    private var deferrals: [String: Double?] = [:]

    init(interval: Duration) {
        self.interval = interval
    }

    /// Waits for the host's turn, then marks a request to it as started.
    func acquire(_ host: String) async {
        while hosts[host, default: Host()].busy {
            await withCheckedContinuation { hosts[host, default: Host()].waiters.append($0) }
        }
        hosts[host, default: Host()].busy = true
        // A wait may be lengthened while sleeping (another task's 429), so look again after it.
        while let notBefore = hosts[host]?.notBefore, notBefore > clock.now {
            try? await clock.sleep(until: notBefore)
        }
    }

    /// Marks the host's request as finished and lets the next one wait for its interval.
    func release(_ host: String) {
        let next = clock.now.advanced(by: interval)
        if hosts[host, default: Host()].notBefore.map({ $0 < next }) ?? true { hosts[host, default: Host()].notBefore = next }
        hosts[host, default: Host()].busy = false
        if !hosts[host, default: Host()].waiters.isEmpty {
            hosts[host, default: Host()].waiters.removeFirst().resume()
        }
    }

    /// Keeps the host's next request from starting before `delay` has passed (a `Retry-After`).
    func postpone(_ host: String, by delay: Duration) {
        let until = clock.now.advanced(by: delay)
        if let current = hosts[host, default: Host()].notBefore, current >= until { return }
        hosts[host, default: Host()].notBefore = until
    }

    func failure(of host: String) -> HostFailure? { failures[host] }

    /// Set when the host asked for a long wait: its other URLs are left for the next run too.
    func deferral(of host: String) -> Double?? { deferrals[host] }

    func `defer`(_ host: String, for seconds: Double?) {
        if deferrals[host] == nil { deferrals[host] = .some(seconds) }
    }

    func record(_ failure: HostFailure, for host: String) {
        if failures[host] == nil { failures[host] = failure }
    }
}
