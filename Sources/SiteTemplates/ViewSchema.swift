/// The names a view model offers its templates and what each holds: the checker's view of a
/// `ViewFields` declaration, derived from it (never written by hand).
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
    /// The fields in the order they are declared.
    public let fields: [(name: String, field: Field)]

    public subscript(_ name: String) -> Field? {
        fields.first { $0.name == name }?.field
    }
}
