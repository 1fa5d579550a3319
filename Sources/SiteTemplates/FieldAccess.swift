/// A value a section entered (or the page's model), boxed once so that compiled code reads its fields in
/// place, through one pointer, whatever its type.
@usableFromInline
final class Box<Value>: @unchecked Sendable {
    @usableFromInline let value: Value

    @inlinable init(_ value: Value) {
        self.value = value
    }
}

/// A model as a frame holds it: a class instance as it is, any other value in a `Box`.
@inlinable
func boxed<Model>(_ value: Model) -> AnyObject {
    // Folded away where `Model` is known: a class costs no allocation.
    if Model.self is AnyObject.Type { return unsafeBitCast(value, to: AnyObject.self) }
    return Box(value)
}

/// The model a frame made by `boxed` holds.
@inlinable
func unboxed<Model>(_ object: AnyObject) -> Model {
    if Model.self is AnyObject.Type { return unsafeBitCast(object, to: Model.self) }
    return unsafeDowncast(object, to: Box<Model>.self).value
}

/// How a field is read from its model, typed: what a declaration holds, so that a shared part's fields
/// can be lifted into the models that include it.
@usableFromInline
enum TypedAccess<Model>: Sendable {
    case text(@Sendable (Model) -> String?)
    case html(@Sendable (Model) -> String?)
    case flag(@Sendable (Model) -> Bool?)
    case textList(@Sendable (Model) -> [String]?)
    /// The nested value, boxed, and its fields.
    case object(@Sendable (Model) -> AnyObject?, FieldTable)
    case list(@Sendable (Model) -> [AnyObject]?, FieldTable)

    @inlinable
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Model) -> TypedAccess<Outer> {
        switch self {
        case .text(let read): .text { read(part($0)) }
        case .html(let read): .html { read(part($0)) }
        case .flag(let read): .flag { read(part($0)) }
        case .textList(let read): .textList { read(part($0)) }
        case .object(let read, let table): .object({ read(part($0)) }, table)
        case .list(let read, let table): .list({ read(part($0)) }, table)
        }
    }

    /// The reader over a frame made by `boxed`: specialized where the declaration is, so the cast is free.
    @inlinable
    var erased: FieldAccess {
        switch self {
        case .text(let read): .text { read(unboxed($0)) }
        case .html(let read): .html { read(unboxed($0)) }
        case .flag(let read): .flag { read(unboxed($0)) }
        case .textList(let read): .textList { read(unboxed($0)) }
        case .object(let read, let table): .object({ read(unboxed($0)) }, table)
        case .list(let read, let table): .list({ read(unboxed($0)) }, table)
        }
    }
}

/// How compiled code reads one field from the boxed model that declares it. Every reader may give nil:
/// a field reached through an absent object is absent.
@usableFromInline
enum FieldAccess: Sendable {
    case text(@Sendable (AnyObject) -> String?)
    case html(@Sendable (AnyObject) -> String?)
    case flag(@Sendable (AnyObject) -> Bool?)
    case textList(@Sendable (AnyObject) -> [String]?)
    case object(@Sendable (AnyObject) -> AnyObject?, FieldTable)
    case list(@Sendable (AnyObject) -> [AnyObject]?, FieldTable)
}

/// A view model's fields by name, as compiled code reads them; shared by every field that nests the model.
@usableFromInline
final class FieldTable: Sendable {
    let name: String
    /// The model's type: boxes of it are what the entries read.
    let model: ObjectIdentifier
    let entries: [(name: String, access: FieldAccess)]
    private let positions: [String: Int]

    init(name: String, model: ObjectIdentifier, entries: [(name: String, access: FieldAccess)]) {
        self.name = name
        self.model = model
        self.entries = entries
        positions = Dictionary(entries.enumerated().map { ($1.name, $0) }) { _, last in last }
    }

    func field(_ name: String) -> FieldAccess? {
        positions[name].map { entries[$0].access }
    }

    var schema: ViewSchema {
        ViewSchema(name: name, fields: entries.map { entry in
            let field: ViewSchema.Field = switch entry.access {
            case .text: .text
            case .html: .html
            case .flag: .flag
            case .textList: .textList
            case .object(_, let table): .object(table.schema)
            case .list(_, let table): .list(table.schema)
            }
            return (entry.name, field)
        })
    }
}

/// A field resolved where a tag stands: it reads the frame (the entered value) that declares it, or through
/// an object field for dotted names. What a compiled step holds; nothing is looked up by name at run time.
enum BoundField: Sendable {
    case text(@Sendable (Frames) -> String?)
    case html(@Sendable (Frames) -> String?)
    case flag(@Sendable (Frames) -> Bool?)
    case textList(@Sendable (Frames) -> [String]?)
    case object(@Sendable (Frames) -> AnyObject?, FieldTable)
    case list(@Sendable (Frames) -> [AnyObject]?, FieldTable)

    /// `access` read from the frame at `depth`, borrowed: the section that entered it keeps it alive.
    init(_ access: FieldAccess, depth: Int) {
        switch access {
        case .text(let read): self = .text { $0[depth]._withUnsafeGuaranteedRef(read) }
        case .html(let read): self = .html { $0[depth]._withUnsafeGuaranteedRef(read) }
        case .flag(let read): self = .flag { $0[depth]._withUnsafeGuaranteedRef(read) }
        case .textList(let read): self = .textList { $0[depth]._withUnsafeGuaranteedRef(read) }
        case .object(let read, let table): self = .object({ $0[depth]._withUnsafeGuaranteedRef(read) }, table)
        case .list(let read, let table): self = .list({ $0[depth]._withUnsafeGuaranteedRef(read) }, table)
        }
    }

    /// `access` read from the value `owner` gives (nil when absent).
    init(_ access: FieldAccess, owner: @escaping @Sendable (Frames) -> AnyObject?) {
        switch access {
        case .text(let read): self = .text { owner($0).flatMap(read) }
        case .html(let read): self = .html { owner($0).flatMap(read) }
        case .flag(let read): self = .flag { owner($0).flatMap(read) }
        case .textList(let read): self = .textList { owner($0).flatMap(read) }
        case .object(let read, let table): self = .object({ owner($0).flatMap(read) }, table)
        case .list(let read, let table): self = .list({ owner($0).flatMap(read) }, table)
        }
    }

    var isList: Bool {
        switch self {
        case .list, .textList: true
        default: false
        }
    }

    /// A field of the nested model, for dotted names (`site.title`); nil for lists and unknown names.
    func member(_ name: String) -> BoundField? {
        guard case .object(let owner, let table) = self, let access = table.field(name) else { return nil }
        return BoundField(access, owner: owner)
    }

    /// The name of the nested model, for messages.
    var modelName: String? {
        switch self {
        case .object(_, let table), .list(_, let table): table.name
        default: nil
        }
    }

    /// This field, or where it is absent `other`, when both hold the same kind of value: Mustache looks a
    /// name up in the sections around a tag until a value answers, so an absent inner value lets an outer one show.
    func or(_ other: BoundField) -> BoundField? {
        switch (self, other) {
        case (.text(let first), .text(let second)): .text { first($0) ?? second($0) }
        case (.html(let first), .html(let second)): .html { first($0) ?? second($0) }
        case (.flag(let first), .flag(let second)): .flag { first($0) ?? second($0) }
        case (.textList(let first), .textList(let second)): .textList { first($0) ?? second($0) }
        case (.object(let first, let table), .object(let second, let other)) where table.model == other.model:
            .object({ first($0) ?? second($0) }, table)
        case (.list(let first, let table), .list(let second, let other)) where table.model == other.model:
            .list({ first($0) ?? second($0) }, table)
        default: nil
        }
    }
}

/// The values a render has entered, outermost (the page's model) first, unretained (see `RenderState`).
typealias Frames = [Unmanaged<AnyObject>]
