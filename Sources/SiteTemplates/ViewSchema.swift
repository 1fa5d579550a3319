import Mustache

/// The names a view model offers its template, declared so templates can be checked before rendering.
public struct ViewSchema: Sendable {
    /// What a name holds, which decides how a template may use it.
    public indirect enum Field: Sendable {
        /// Text, escaped on output: `{{name}}`. May be absent (a section on it tests presence).
        case text
        /// HTML the pipeline already rendered and escaped: `{{{name}}}` only.
        case html
        /// A boolean, for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
        case flag
        /// A nested view model (possibly absent); a section on it enters it.
        case object(ViewSchema)
        /// A list of view models; a section on it repeats for each.
        case list(ViewSchema)
        /// A list of texts; inside its section `{{.}}` is the text.
        case textList
    }

    /// The view model's type name, used in diagnostics.
    public let name: String
    public let fields: [String: Field]

    public init(_ name: String, _ fields: [String: Field]) {
        self.name = name
        self.fields = fields
    }
}

/// A template's data: a `MustacheParent` that declares its names in a `ViewSchema`.
public protocol ViewModel: MustacheParent, Sendable {
    static var schema: ViewSchema { get }
}
