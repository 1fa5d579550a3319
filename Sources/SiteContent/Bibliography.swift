import SiteCore

/// One source of `Content/sources.yaml` (CSL-YAML), as far as the pipeline reads it so far.
public struct SourceEntry: Sendable {
    public var id: Located<String>
    public var type: String
    public var title: String
    /// Scalar CSL variables (`DOI`, `URL`, `container-title`…), verbatim.
    public var fields: [String: String]
    /// Where each scalar field's value is written.
    public var fieldLocations: [String: SourceLocation]

    public init(id: Located<String>, type: String, title: String, fields: [String: String],
                fieldLocations: [String: SourceLocation] = [:]) {
        self.id = id
        self.type = type
        self.title = title
        self.fields = fields
        self.fieldLocations = fieldLocations
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
