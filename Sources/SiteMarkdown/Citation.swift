public import SiteCore

/// A bracketed citation such as `[@smith2020]`, `[see @a, p. 33; @b]`, found in a text node.
public struct Citation: Sendable, Hashable {
    /// One cited source inside the brackets.
    public struct Item: Sendable, Hashable {
        public var key: String
        /// Text before the key, e.g. "see".
        public var prefix: String
        /// Text after the key's comma, e.g. "p. 33".
        public var locator: String
        /// Where the `@key` is written.
        public var location: SourceLocation

        public init(key: String, prefix: String = "", locator: String = "", location: SourceLocation) {
            self.key = key
            self.prefix = prefix
            self.locator = locator
            self.location = location
        }
    }

    public var items: [Item]
    /// Where the opening bracket is written.
    public var location: SourceLocation

    public init(items: [Item], location: SourceLocation) {
        self.items = items
        self.location = location
    }
}
