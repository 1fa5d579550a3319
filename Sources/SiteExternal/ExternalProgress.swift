import Foundation
public import SiteCheck
import SiteLinks

/// How far an external check has come, for a progress line.
public struct ExternalProgress: Sendable {
    /// URLs and DOIs to check (skipped ones not counted).
    public var total = 0
    public var done = 0
    public var counts: [ExternalOutcome: Int] = [:]
    /// The host whose request has been in flight longest: what the check is waiting on.
    public var waitingOn: String?
}

/// Keeps the progress and the request tallies of one run, from every task.
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var progress = ExternalProgress()
    private var inFlight: [(host: String, id: Int)] = []
    private var nextID = 0
    /// Responses received from any host: zero at the end means nothing could be reached.
    private var responses = 0
    private let report: (@Sendable (ExternalProgress) -> Void)?

    init(total: Int, report: (@Sendable (ExternalProgress) -> Void)?) {
        progress.total = total
        self.report = report
    }

    func started(_ host: String) -> Int {
        update { board in
            board.nextID += 1
            board.inFlight.append((host, board.nextID))
            return board.nextID
        }
    }

    func finished(_ id: Int, responded: Bool) {
        update { board in
            board.inFlight.removeAll { $0.id == id }
            if responded { board.responses += 1 }
        }
    }

    func done(_ outcome: ExternalOutcome) {
        update { board in
            board.progress.done += 1
            board.progress.counts[outcome, default: 0] += 1
        }
    }

    var anyResponse: Bool { lock.withLock { responses > 0 } }

    private func update<T>(_ change: (ProgressBoard) -> T) -> T {
        let (value, snapshot) = lock.withLock { () -> (T, ExternalProgress) in
            let value = change(self)
            progress.waitingOn = inFlight.first?.host
            return (value, progress)
        }
        report?(snapshot)
        return value
    }
}
