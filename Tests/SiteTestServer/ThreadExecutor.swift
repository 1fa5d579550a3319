import Foundation

/// Runs the jobs of tasks that prefer it on one thread of its own, outside Swift's cooperative pool.
///
/// The test suite runs every test at once on two cores, and many tests block a pool thread while
/// they wait for a child process (a browser, a release build). A loopback server whose handlers
/// ran on that pool could then stay silent for longer than a client's timeout; on this thread it
/// answers whatever the pool is doing.
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Lets the thread end once the jobs already queued have run.
    func shutdown() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func run() {
        while true {
            let next: [UnownedJob] = condition.withLock {
                while jobs.isEmpty && !stopped { condition.wait() }
                defer { jobs.removeAll() }
                return jobs
            }
            if next.isEmpty { return }
            for job in next { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
