/// A link as an HTML page writes it: the attribute's value (entities decoded) and where it is.
public struct ExtractedLink: Sendable, Hashable {
    public var href: String
    /// The element and the attribute (kept apart: both come from fixed tables, joining them would
    /// allocate a string per link).
    public var element: String
    public var attributeName: String
    public var line: Int
    public var column: Int

    public init(href: String, element: String, attribute: String, line: Int, column: Int) {
        self.href = href
        self.element = element
        self.attributeName = attribute
        self.line = line
        self.column = column
    }

    /// The element and attribute, e.g. `a href`, `img srcset`.
    public var attribute: String { "\(element) \(attributeName)" }
}

/// What the link checker needs of one HTML page: its links in document order, and its fragment targets.
public struct ExtractedPage: Sendable {
    public var links: [ExtractedLink]
    /// `id` attributes and `<a name>` values.
    public var targets: Set<String>

    public init(links: [ExtractedLink] = [], targets: Set<String> = []) {
        self.links = links
        self.targets = targets
    }
}
