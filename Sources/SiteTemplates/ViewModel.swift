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
    @usableFromInline let entries: [ViewField<Model>]
    /// The same fields as the compiled templates read them: from a boxed `Model`, with no generic code left.
    @usableFromInline let table: FieldTable

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
        table = FieldTable(name: name, model: ObjectIdentifier(Model.self), entries: entries.map { ($0.name, $0.access) })
    }

    /// Every field of a shared part (the page head every page view has), read through `part`, then `fields`.
    @inlinable
    public init<Part>(_ name: String, including shared: ViewFields<Part>, via part: @escaping @Sendable (Model) -> Part,
                      _ fields: [ViewField<Model>] = []) {
        self.init(name, shared.entries.map { $0.lifted(part) } + fields)
    }

    /// The checker's view of these fields.
    public var schema: ViewSchema { table.schema }
}

/// One name a template may use, with how to read it from the model.
///
/// The constructors are inlinable so that the code reading a field is specialized for the model's
/// concrete type where the model declares its fields: a page renders without generic dispatch.
public struct ViewField<Model>: Sendable {
    public let name: String
    @usableFromInline let typed: TypedAccess<Model>
    /// The reader over a boxed model.
    @usableFromInline let access: FieldAccess

    @inlinable init(name: String, typed: TypedAccess<Model>) {
        self.name = name
        self.typed = typed
        access = typed.erased
    }

    /// Text, escaped where a template writes it with `{{name}}`; nil is absent.
    @inlinable
    public static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, typed: .text(get))
    }

    /// HTML the pipeline rendered and escaped itself, written with `{{{name}}}`; nil is absent.
    @inlinable
    public static func html(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, typed: .html(get))
    }

    /// A yes or no, for `{{#name}}` and `{{^name}}`.
    @inlinable
    public static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        Self(name: name, typed: .flag { get($0) })
    }

    /// A nested view model; a section on it enters it, and nil skips the section.
    @inlinable
    public static func object<Child: ViewModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        object(name, fields: Child.fields, get)
    }

    /// A nested value declared by `fields` rather than by its type (values whose fields are known only at run time).
    @inlinable
    public static func object<Child>(_ name: String, fields: ViewFields<Child>, _ get: @escaping @Sendable (Model) -> Child?) -> Self {
        Self(name: name, typed: .object({ get($0).map(boxed) }, fields.table))
    }

    /// A list of view models; a section on it repeats for each, and nil or empty skips it.
    @inlinable
    public static func list<Child: ViewModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Child]?) -> Self {
        list(name, fields: Child.fields, get)
    }

    /// A list of values declared by `fields` rather than by their type.
    @inlinable
    public static func list<Child>(_ name: String, fields: ViewFields<Child>, _ get: @escaping @Sendable (Model) -> [Child]?) -> Self {
        Self(name: name, typed: .list({ model in
            guard let list = get(model) else { return nil }
            // A list of class instances is already a list of references (folded where `Child` is known): no copy.
            if Child.self is AnyObject.Type { return unsafeBitCast(list, to: [AnyObject].self) }
            return list.map(boxed)
        }, fields.table))
    }

    /// A list of texts; inside its section `{{.}}` is the text.
    @inlinable
    public static func textList(_ name: String, _ get: @escaping @Sendable (Model) -> [String]?) -> Self {
        Self(name: name, typed: .textList(get))
    }

    /// The same field read from an outer value through `part`.
    @inlinable
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Model) -> ViewField<Outer> {
        ViewField<Outer>(name: name, typed: typed.lifted(part))
    }
}
