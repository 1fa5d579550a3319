import Foundation

/// Where a build's time goes (`iopsite build --metrics`): the wall time of each step, and the time
/// spent rendering Markdown and each template, summed over the threads that render in parallel.
public final class BuildMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(name: String, seconds: Double)] = []
    private var templates: [String: (seconds: Double, renders: Int)] = [:]
    private var markdown = (seconds: 0.0, renders: 0)
    private var writing = (seconds: 0.0, files: 0)

    public init() {}

    /// Times one step of the build (load, validate, plan, render, write).
    public func step<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Self.seconds(since: start)
            lock.withLock { steps.append((name, seconds)) }
        }
        return try work()
    }

    /// Times one render of a template (with the partials it includes).
    public func template<T>(_ name: String, _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = work()
        let seconds = Self.seconds(since: start)
        lock.withLock {
            let old = templates[name, default: (0, 0)]
            templates[name] = (old.seconds + seconds, old.renders + 1)
        }
        return value
    }

    /// Times one rendering of Markdown to HTML.
    public func markdown<T>(_ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = work()
        let seconds = Self.seconds(since: start)
        lock.withLock { markdown = (markdown.seconds + seconds, markdown.renders + 1) }
        return value
    }

    /// Times the writing of one output file, where pages are written as they render.
    public func writing<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Self.seconds(since: start)
            lock.withLock { writing = (writing.seconds + seconds, writing.files + 1) }
        }
        return try work()
    }

    /// How many times Markdown was rendered to HTML since the start (or the last `reset`).
    public var markdownRenders: Int { lock.withLock { markdown.renders } }

    /// Forgets what was collected: a long-lived build reports each rebuild on its own (`iopsite serve --metrics`).
    public func reset() {
        lock.withLock {
            steps = []
            templates = [:]
            markdown = (0, 0)
            writing = (0, 0)
        }
    }

    /// `Steps (wall time): load 180 ms, …` and `Rendering (summed over threads): Markdown …; templates …`.
    public var lines: [String] {
        lock.withLock {
            let total = steps.reduce(0) { $0 + $1.seconds }
            let stepText = steps.map { "\($0.name) \(Self.milliseconds($0.seconds))" }.joined(separator: ", ")
            let slowest = templates.sorted { $0.value.seconds > $1.value.seconds }.prefix(8)
                .map { "\($0.key) \(Self.milliseconds($0.value.seconds)) (\(Count.text($0.value.renders)))" }
            let templateTotal = templates.values.reduce(0) { $0 + $1.seconds }
            var lines = [
                "Steps (wall time): \(stepText); total \(Self.milliseconds(total))",
                "Rendering (time summed over threads; a template's includes count in it): Markdown \(Self.milliseconds(markdown.seconds)) "
                    + "(\(Count.text(markdown.renders)) renders); templates \(Self.milliseconds(templateTotal)): " + slowest.joined(separator: ", "),
            ]
            if writing.files > 0 {
                lines.append("Writing pages as they render (time summed over threads): \(Self.milliseconds(writing.seconds)) for \(Count.text(writing.files)) files")
            }
            return lines
        }
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.0f ms", seconds * 1000)
    }
}

extension Optional where Wrapped == BuildMetrics {
    /// Runs `work`, timed as a step when there are metrics to keep.
    public func step<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        guard let self else { return try work() }
        return try self.step(name, work)
    }

    public func markdown<T>(_ work: () -> T) -> T {
        guard let self else { return work() }
        return self.markdown(work)
    }

    public func writing<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
        guard let self else { return try work() }
        return try self.writing(work)
    }
}
