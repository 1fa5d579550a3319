/// A template's data. Its fields are declared once, in `fields`: the checker's schema and the compiled
/// templates' accessors both come from that declaration.
public protocol ViewModel: Sendable {
    static var fields: ViewFields<Self> { get }
}

/// The fields a view model offers its templates, in declaration order. A later field of the same name
/// replaces an earlier one, so a page view can redefine a field it takes from a shared part.
public struct ViewFields<Model>: Sendable {
    /// The view model's name, used in diagnostics.
    public let name: String
    let entries: [ViewField<Model>]
    private let positions: [String: Int]

    public init(_ name: String, _ fields: [ViewField<Model>]) {
        self.name = name
        var entries: [ViewField<Model>] = []
        var positions: [String: Int] = [:]
        for field in fields {
            if let position = positions[field.name] { entries[position] = field } else {
                positions[field.name] = entries.count
                entries.append(field)
            }
        }
        self.entries = entries
        self.positions = positions
    }

    /// Every field of a shared part (the page head every page view has), read through `part`, then `fields`.
    public init<Part>(_ name: String, including shared: ViewFields<Part>, via part: @escaping @Sendable (Model) -> Part,
                      _ fields: [ViewField<Model>] = []) {
        self.init(name, shared.entries.map { ViewField(name: $0.name, access: $0.access.lifted { part($0) }) } + fields)
    }

    func field(_ name: String) -> ViewField<Model>? {
        positions[name].map { entries[$0] }
    }

    /// The checker's view of these fields.
    public var schema: ViewSchema {
        ViewSchema(name: name, fields: entries.map { ($0.name, $0.access.schemaField) })
    }
}

/// One name a template may use, with how to read it from the model.
public struct ViewField<Model>: Sendable {
    public let name: String
    let access: FieldAccess<Model>

    /// Text, escaped where a template writes it with `{{name}}`; nil is absent.
    public static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, access: .text(get))
    }

    /// HTML the pipeline rendered and escaped itself, written with `{{{name}}}`; nil is absent.
    public static func html(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, access: .html(get))
    }

    /// A yes or no, for `{{#name}}` and `{{^name}}`.
    public static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, access: .flag { get($0) })
    }

    /// A nested view model; a section on it enters it, and nil skips the section.
    public static func object<Child: ViewModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        object(name, fields: Child.fields, get)
    }

    /// A nested value declared by `fields` rather than by its type (values whose fields are known only at run time).
    public static func object<Child>(_ name: String, fields: ViewFields<Child>, _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        Self(name: name, access: .nested(ObjectAccess(get: get, fields: fields)))
    }

    /// A list of view models; a section on it repeats for each, and nil or empty skips it.
    public static func list<Child: ViewModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Child]?) -> Self {
        list(name, fields: Child.fields, get)
    }

    /// A list of values declared by `fields` rather than by their type.
    public static func list<Child>(_ name: String, fields: ViewFields<Child>, _ get: @escaping @Sendable (Model) -> [Child]?) -> Self {
        Self(name: name, access: .nested(ListAccess(get: get, fields: fields)))
    }

    /// A list of texts; inside its section `{{.}}` is the text.
    public static func textList(_ name: String, _ get: @escaping @Sendable (Model) -> [String]?) -> Self {
        Self(name: name, access: .textList(get))
    }
}
