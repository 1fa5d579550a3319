/// How compiled code reads one field from the value it renders (`Env`: a view model, or a view model
/// inside the sections around it). Every reader may give nil: a field reached through an absent object is absent.
enum FieldAccess<Env>: Sendable {
    case text(@Sendable (Env) -> String?)
    case html(@Sendable (Env) -> String?)
    case flag(@Sendable (Env) -> Bool?)
    case nested(any NestedAccess<Env>)
    case textList(@Sendable (Env) -> [String]?)

    var schemaField: ViewSchema.Field {
        switch self {
        case .text: .text
        case .html: .html
        case .flag: .flag
        case .nested(let nested): nested.isList ? .list(nested.schema) : .object(nested.schema)
        case .textList: .textList
        }
    }

    /// The same field read from an outer value through `get`.
    func lifted<Outer>(_ get: @escaping @Sendable (Outer) -> Env?) -> FieldAccess<Outer> {
        switch self {
        case .text(let read): .text { get($0).flatMap(read) }
        case .html(let read): .html { get($0).flatMap(read) }
        case .flag(let read): .flag { get($0).flatMap(read) }
        case .nested(let nested): .nested(nested.lifted(get))
        case .textList(let read): .textList { get($0).flatMap(read) }
        }
    }

    /// This field, or where it is absent `other`, when both hold the same kind of value: Mustache looks a
    /// name up in the sections around a tag until a value answers, so an absent inner value lets an outer one show.
    func or(_ other: FieldAccess<Env>) -> FieldAccess<Env>? {
        switch (self, other) {
        case (.text(let first), .text(let second)): .text { first($0) ?? second($0) }
        case (.html(let first), .html(let second)): .html { first($0) ?? second($0) }
        case (.flag(let first), .flag(let second)): .flag { first($0) ?? second($0) }
        case (.textList(let first), .textList(let second)): .textList { first($0) ?? second($0) }
        case (.nested(let first), .nested(let second)): first.or(second).map { .nested($0) }
        default: nil
        }
    }
}

/// A field holding a view model or a list of them: the one place that knows the nested type.
protocol NestedAccess<Env>: Sendable {
    associatedtype Env
    var isList: Bool { get }
    var schema: ViewSchema { get }
    func lifted<Outer>(_ get: @escaping @Sendable (Outer) -> Env?) -> any NestedAccess<Outer>
    /// A field of the nested model, for dotted names (`site.title`); nil for lists and unknown names.
    func member(_ name: String) -> FieldAccess<Env>?
    func or(_ other: any NestedAccess<Env>) -> (any NestedAccess<Env>)?
    /// The section `{{#name}}…{{/name}}` (or `{{^name}}`) over this field, its body compiled for the nested type.
    func section(inverted: Bool, body: [TemplateNode], scope: Scope<Env>, compiler: inout TemplateCompiler, at place: TemplateCompiler.Place) -> Op<Env>
}

struct ObjectAccess<Env, Child>: NestedAccess {
    let get: @Sendable (Env) -> Child?
    let fields: ViewFields<Child>

    var isList: Bool { false }
    var schema: ViewSchema { fields.schema }

    func lifted<Outer>(_ outer: @escaping @Sendable (Outer) -> Env?) -> any NestedAccess<Outer> {
        let get = get
        return ObjectAccess<Outer, Child>(get: { outer($0).flatMap(get) }, fields: fields)
    }

    func member(_ name: String) -> FieldAccess<Env>? {
        fields.field(name)?.access.lifted(get)
    }

    func or(_ other: any NestedAccess<Env>) -> (any NestedAccess<Env>)? {
        guard let other = other as? ObjectAccess<Env, Child>, other.fields.name == fields.name else { return nil }
        let first = get, second = other.get
        return ObjectAccess(get: { first($0) ?? second($0) }, fields: fields)
    }

    func section(inverted: Bool, body: [TemplateNode], scope: Scope<Env>, compiler: inout TemplateCompiler, at place: TemplateCompiler.Place) -> Op<Env> {
        let get = get
        if inverted {
            let unit = compiler.unit(body, scope: scope, at: place)
            return .run { env, page in if get(env) == nil { unit.run(env, &page) } }
        }
        let unit = compiler.unit(body, scope: scope.entering(fields), at: place)
        return .run { env, page in
            if let child = get(env) { unit.run(Nested(value: child, outer: env), &page) }
        }
    }
}

struct ListAccess<Env, Child>: NestedAccess {
    let get: @Sendable (Env) -> [Child]?
    let fields: ViewFields<Child>

    var isList: Bool { true }
    var schema: ViewSchema { fields.schema }

    func lifted<Outer>(_ outer: @escaping @Sendable (Outer) -> Env?) -> any NestedAccess<Outer> {
        let get = get
        return ListAccess<Outer, Child>(get: { outer($0).flatMap(get) }, fields: fields)
    }

    func member(_ name: String) -> FieldAccess<Env>? { nil }

    func or(_ other: any NestedAccess<Env>) -> (any NestedAccess<Env>)? {
        guard let other = other as? ListAccess<Env, Child>, other.fields.name == fields.name else { return nil }
        let first = get, second = other.get
        return ListAccess(get: { first($0) ?? second($0) }, fields: fields)
    }

    func section(inverted: Bool, body: [TemplateNode], scope: Scope<Env>, compiler: inout TemplateCompiler, at place: TemplateCompiler.Place) -> Op<Env> {
        let get = get
        if inverted {
            let unit = compiler.unit(body, scope: scope, at: place)
            return .run { env, page in if get(env)?.isEmpty ?? true { unit.run(env, &page) } }
        }
        let unit = compiler.unit(body, scope: scope.entering(fields), at: place)
        return .run { env, page in
            guard let items = get(env) else { return }
            for item in items { unit.run(Nested(value: item, outer: env), &page) }
        }
    }
}

/// A value entered by a section, with the values around it.
struct Nested<Value, Outer> {
    let value: Value
    let outer: Outer
}
