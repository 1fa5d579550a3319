public import Foundation

/// Maps an array on all cores, keeping the order of the input.
///
/// Each result is written straight into its slot of the new array by the one iteration that owns the index (no
/// lock, no optional per slot); `concurrentPerform` returns only after every iteration, so the array is whole
/// when it is handed back. Inlinable, so that callers get code specialized for their types rather than generic
/// copies through type metadata (which were a hundredth of a directory build).
public enum ParallelMap {
    /// With `parallel` false, on the calling thread alone: work done in the background (a dev server's link
    /// check, on a thread of low priority) would otherwise take every core at the priority of Dispatch's workers.
    @inlinable
    public static func map<T: Sendable, U: Sendable>(_ items: [T], parallel: Bool = true, _ transform: @Sendable (T) -> U) -> [U] {
        guard parallel else { return items.map(transform) }
        return [U](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.fill(index, with: transform(items[index]))
            }
            initialized = items.count
        }
    }
}

extension ParallelMap {
    /// Like `map`, the costliest items started first (by `cost`), so that both cores finish together rather than
    /// one waiting on a large item taken last; the results keep the order of the input.
    @inlinable
    public static func map<T: Sendable, U: Sendable>(_ items: [T], costliestFirst cost: (T) -> Int, _ transform: @Sendable (T) -> U) -> [U] {
        let costs = items.map(cost)
        let order = items.indices.sorted { costs[$0] > costs[$1] }
        return [U](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: order.count) { position in
                let index = order[position]
                slots.fill(index, with: transform(items[index]))
            }
            initialized = items.count
        }
    }

    /// The uninitialized elements of the array being made, each filled once by the iteration that owns it.
    @usableFromInline
    struct Slots<U>: @unchecked Sendable {
        @usableFromInline let base: UnsafeMutablePointer<U>?

        @inlinable init(_ base: UnsafeMutablePointer<U>?) {
            self.base = base
        }

        @inlinable func fill(_ index: Int, with value: U) {
            (base! + index).initialize(to: value)
        }
    }
}
