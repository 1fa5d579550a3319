import Foundation

/// A value shared between a test and a `@Sendable` closure or another thread.
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    public var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Changes the value in place under the lock: a read and a write that no other thread comes between
    /// (`value += 1` from two threads can lose one of them).
    public func mutate(_ change: (inout Value) -> Void) {
        lock.withLock { change(&stored) }
    }
}
