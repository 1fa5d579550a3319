/// The names a tag can reach where it stands: the fields of the value entered last, then of the values
/// around it, innermost first.
struct Scope<Env>: Sendable {
    /// The view models' names, innermost first, for diagnostics.
    let models: [String]
    /// The text `{{.}}` stands for, inside a section over a text or a list of texts.
    let item: (@Sendable (Env) -> String?)?
    /// Every field of that name, innermost first.
    let lookup: @Sendable (String) -> [FieldAccess<Env>]

    static func root(_ fields: ViewFields<Env>) -> Scope<Env> {
        Scope(models: [fields.name], item: nil, lookup: { name in fields.field(name).map { [$0.access] } ?? [] })
    }

    /// Inside a section over a `Child`.
    func entering<Child>(_ fields: ViewFields<Child>) -> Scope<Nested<Child, Env>> {
        let outer = lookup
        return Scope<Nested<Child, Env>>(models: [fields.name] + models, item: nil, lookup: { name in
            (fields.field(name).map { [$0.access.lifted { $0.value }] } ?? []) + outer(name).map { $0.lifted { $0.outer } }
        })
    }

    /// Inside a section over a text (or each text of a list): `{{.}}` is that text; other names are the outer ones.
    func enteringText() -> Scope<Nested<String, Env>> {
        let outer = lookup
        return Scope<Nested<String, Env>>(models: models, item: { $0.value }, lookup: { name in
            outer(name).map { $0.lifted { $0.outer } }
        })
    }
}

/// One step of a compiled template: bytes known when it was compiled, or code that reads the value.
enum Op<Env>: Sendable {
    case bytes([UInt8])
    case run(@Sendable (Env, inout PageBuffer) -> Void)
}

/// The steps of one template body, section body or block, as Mustache renders one: with the indentation
/// of the standalone partials around it, which each line it starts gets.
struct Unit<Env>: Sendable {
    let ops: [Op<Env>]
    let indentation: [UInt8]

    func run(_ env: Env, _ page: inout PageBuffer) {
        guard !indentation.isEmpty else {
            for op in ops {
                switch op {
                case .bytes(let bytes): page.append(bytes)
                case .run(let step): step(env, &page)
                }
            }
            return
        }
        // A step whose output is not empty and follows a line break of this body's own output is indented.
        let start = page.count
        for op in ops {
            let before = page.count
            switch op {
            case .bytes(let bytes): page.append(bytes)
            case .run(let step): step(env, &page)
            }
            if page.count > before, before > start, page.byte(at: before - 1) == 0x0A {
                page.insert(indentation, at: before)
            }
        }
    }
}
