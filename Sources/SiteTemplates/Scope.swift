/// The names a tag can reach where it stands: the fields of the value entered last, then of the values
/// around it, innermost first. Known only while compiling; each name resolves to the frame that holds it.
struct Scope: Sendable {
    /// The view models' names, innermost first, for diagnostics.
    let models: [String]
    /// The frame of the value entered last (0: the page's model).
    let depth: Int
    /// The text `{{.}}` stands for, inside a section over a text or a list of texts.
    let item: (@Sendable (Frames) -> String?)?
    /// Every field of that name, innermost first.
    let lookup: @Sendable (String) -> [BoundField]

    static func root(_ table: FieldTable) -> Scope {
        Scope(models: [table.name], depth: 0, item: nil, lookup: { name in
            table.field(name).map { [BoundField($0, depth: 0)] } ?? []
        })
    }

    /// Inside a section over a value of `table`'s model, which the section pushes as the next frame.
    func entering(_ table: FieldTable) -> Scope {
        let outer = lookup, depth = depth + 1
        return Scope(models: [table.name] + models, depth: depth, item: nil, lookup: { name in
            (table.field(name).map { [BoundField($0, depth: depth)] } ?? []) + outer(name)
        })
    }

    /// Inside a section over a text (or each text of a list), pushed as a frame: `{{.}}` is that text;
    /// other names are the outer ones.
    func enteringText() -> Scope {
        let depth = depth + 1
        return Scope(models: models, depth: depth, item: { unsafeDowncast($0[depth], to: Box<String>.self).value }, lookup: lookup)
    }
}

/// What a compiled template changes while it renders: the page's bytes and the values entered so far.
struct RenderState {
    var page: PageBuffer
    var frames: Frames

    /// Runs `body` with `value` entered (a section's object, list item or text).
    mutating func entering(_ value: AnyObject, _ body: Unit) {
        frames.append(value)
        body.run(&self)
        frames.removeLast()
    }
}

/// One step of a compiled template: bytes known when it was compiled, or code that reads the value.
enum Op: Sendable {
    case bytes([UInt8])
    case run(@Sendable (inout RenderState) -> Void)
}

/// The steps of one template body, section body or block, as Mustache renders one: with the indentation
/// of the standalone partials around it, which each line it starts gets.
struct Unit: Sendable {
    let ops: [Op]
    let indentation: [UInt8]

    func run(_ state: inout RenderState) {
        guard !indentation.isEmpty else {
            for op in ops {
                switch op {
                case .bytes(let bytes): state.page.append(bytes)
                case .run(let step): step(&state)
                }
            }
            return
        }
        // A step whose output is not empty and follows a line break of this body's own output is indented.
        let start = state.page.count
        for op in ops {
            let before = state.page.count
            switch op {
            case .bytes(let bytes): state.page.append(bytes)
            case .run(let step): step(&state)
            }
            if state.page.count > before, before > start, state.page.byte(at: before - 1) == 0x0A {
                state.page.insert(indentation, at: before)
            }
        }
    }
}
