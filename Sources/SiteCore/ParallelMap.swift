import Foundation

/// Maps an array on all cores, keeping the order of the input.
public enum ParallelMap {
    /// With `parallel` false, on the calling thread alone: work done in the background (a dev server's link
    /// check, on a thread of low priority) would otherwise take every core at the priority of Dispatch's workers.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], parallel: Bool = true, _ transform: @Sendable (T) -> U) -> [U] {
        guard parallel else { return items.map(transform) }
        let results = ResultBuffer<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

extension ParallelMap {
    /// Like `map`, the costliest items started first (by `cost`), so that both cores finish together rather than
    /// one waiting on a large item taken last; the results keep the order of the input.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], costliestFirst cost: (T) -> Int, _ transform: @Sendable (T) -> U) -> [U] {
        let costs = items.map(cost)
        let order = items.indices.sorted { costs[$0] > costs[$1] }
        let done = map(order.map { items[$0] }, transform)
        var results = [U?](repeating: nil, count: items.count)
        for (position, index) in order.enumerated() { results[index] = done[position] }
        return results.map { $0! }
    }
}

/// Slots filled from several threads, each slot once.
private final class ResultBuffer<U>: @unchecked Sendable {
    private var slots: [U?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: U) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [U] { slots.map { $0! } }
}
