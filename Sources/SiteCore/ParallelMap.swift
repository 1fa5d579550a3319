import Foundation

/// Maps an array on all cores, keeping the order of the input.
public enum ParallelMap {
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let results = ResultBuffer<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
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
