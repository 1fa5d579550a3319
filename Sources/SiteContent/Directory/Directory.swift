import SiteCore

/// The treatment-center directory: states, the service codebook and every facility.
public struct Directory: Sendable {
    public var states: [StateInfo]
    public var codes: [ServiceCode]
    /// The listed facilities, in state order, then by id.
    public var facilities: [Facility]
    /// The retired ones (see `Facility.isRetired`): each keeps a page that says so, and nothing else shows it.
    public var retired: [Facility] = []
    /// The files read, for dependency tracking.
    public var paths: [String]
    /// Which load of a long-lived process made it: a later load that gives the same number gave this very
    /// directory (its files had not changed), so what was derived from it still holds. 0: not cached.
    public var revision = 0

    public init(states: [StateInfo] = [], codes: [ServiceCode] = [], facilities: [Facility] = [], paths: [String] = []) {
        self.states = states
        self.codes = codes
        self.facilities = facilities
        self.paths = paths
    }

    public var isEmpty: Bool { states.isEmpty }

    public func state(_ code: String) -> StateInfo? {
        states.first { $0.code == code }
    }

    public func code(_ code: String) -> ServiceCode? {
        codes.first { $0.code == code }
    }
}
