public import SiteCore

/// Maps positions in a Markdown text to positions in the file it came from.
///
/// A Markdown body maps with `firstLine` set to its first line in the file; a Markdown field of a
/// YAML file maps with the line of its first content line and the field's indentation.
public struct SourceMap: Sendable, Hashable {
    public var path: String
    /// The file line of the Markdown text's line 1.
    public var firstLine: Int
    /// Columns to add on every line (the indentation the YAML block scalar removed).
    public var columnOffset: Int

    public init(path: String, firstLine: Int = 1, columnOffset: Int = 0) {
        self.path = path
        self.firstLine = firstLine
        self.columnOffset = columnOffset
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + line - 1, column: column + columnOffset)
    }
}
