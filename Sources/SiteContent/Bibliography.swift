public import SiteCore

/// One entry of the bibliography (CSL-YAML or CSL-JSON), with where each variable is written.
public struct SourceEntry: Sendable {
    public var id: Located<String>
    public var type: String
    /// Standard and number variables as text (`title`, `DOI`, `volume`…).
    public var fields: [String: String]
    public var names: [String: [CSLName]]
    public var dates: [String: CSLDate]
    /// Where each variable's value is written.
    public var fieldLocations: [String: SourceLocation]
    /// The fields `x-unverified` lists.
    public var unverified: [String]
    /// Where the entry starts.
    public var location: SourceLocation

    public init(id: Located<String>, type: String, fields: [String: String] = [:], names: [String: [CSLName]] = [:],
                dates: [String: CSLDate] = [:], fieldLocations: [String: SourceLocation] = [:], unverified: [String] = [],
                location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.fields = fields
        self.names = names
        self.dates = dates
        self.fieldLocations = fieldLocations
        self.unverified = unverified
        self.location = location ?? id.location
    }

    public var title: String { fields["title"] ?? id.value }

    /// Whether the entry has a value for a variable of any kind.
    public func has(_ variable: String) -> Bool {
        !(fields[variable] ?? "").isEmpty || !(names[variable] ?? []).isEmpty || dates[variable] != nil
    }

    /// The link an entry resolves to: its DOI as a URL, else its URL.
    public var link: String? {
        if let doi = fields["DOI"] { return "https://doi.org/" + doi }
        return fields["URL"]
    }
}

/// The sources the guide may cite.
public struct Bibliography: Sendable {
    public var entries: [SourceEntry]
    /// The files the entries come from, for dependency tracking.
    public var paths: [String]

    public init(entries: [SourceEntry] = [], paths: [String] = []) {
        self.entries = entries
        self.paths = paths
    }

    public func entry(_ key: String) -> SourceEntry? {
        entries.first { $0.id.value == key }
    }
}
