import Foundation

/// A value made on another thread while the caller goes on; `value` waits for it. For work that does not
/// depend on what the caller does meanwhile (the geography's tables while the directory loads).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the block, read only after `group.wait()`: the group orders the two.
    private var made: Value?

    public init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.made = make() }
    }

    public var value: Value {
        group.wait()
        return made!
    }
}
