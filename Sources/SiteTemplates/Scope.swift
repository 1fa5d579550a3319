/// The names a tag can reach where it stands: the fields of the value entered last, then of the values
/// around it, innermost first. Known only while compiling; each name resolves to the frame that holds it.
struct Scope: Sendable {
    /// The view models' names, innermost first, for diagnostics.
    let models: [String]
    /// The frame of the value entered last (0: the page's model).
    let depth: Int
    /// The reader of the text `{{.}}` stands for, inside a section over a text or a list of texts.
    let item: (@Sendable () -> @Sendable (Frames) -> String?)?
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
    /// other names are the outer ones. `use` learns whether the body names `{{.}}`.
    func enteringText(_ use: ItemUse) -> Scope {
        let depth = depth + 1
        return Scope(models: models, depth: depth, item: { [use] in
            use.named = true
            return { frames in frames[depth]._withUnsafeGuaranteedRef { unsafeDowncast($0, to: Box<String>.self).value } }
        }, lookup: lookup)
    }
}

/// What a compiled template changes while it renders: the page's bytes and the values entered so far.
struct RenderState {
    let page: PageBuffer
    /// Held unretained: each value is kept alive by the section that entered it, for as long as it is entered.
    var frames: Frames

    /// Runs `body` with `value` entered (a section's object, list item or text).
    mutating func entering(_ value: AnyObject, _ body: Unit) {
        withExtendedLifetime(value) {
            frames.append(Unmanaged.passUnretained(value))
            body.run(&self)
            frames.removeLast()
        }
    }

    /// Runs `body` with the value entered last entered again: a section over a text whose body never names `{{.}}`
    /// needs a frame for the scopes compiled inside it, not the text.
    mutating func reentering(_ body: Unit) {
        frames.append(frames[frames.count - 1])
        body.run(&self)
        frames.removeLast()
    }
}

/// One step of a compiled template: bytes known when it was compiled, or code that reads the value.
enum Op: Sendable {
    case bytes([UInt8])
    case run(@Sendable (inout RenderState) -> Void)
}

/// An `Op` as a unit keeps it: a class, so that a unit runs its steps through borrowed references instead of
/// retaining and releasing each one (which took half the time of a page's template).
final class Step: Sendable {
    let bytes: [UInt8]
    /// Not optional: unwrapping an optional closure to call it retained and released its context every time.
    let code: @Sendable (inout RenderState) -> Void
    let isCode: Bool

    init(_ op: Op) {
        switch op {
        case .bytes(let bytes): self.bytes = bytes; code = { _ in }; isCode = false
        case .run(let code): bytes = []; self.code = code; isCode = true
        }
    }

    func run(_ state: inout RenderState) {
        if isCode { code(&state) } else { state.page.append(bytes) }
    }
}

/// The steps of one template body, section body or block, as Mustache renders one: with the indentation
/// of the standalone partials around it, which each line it starts gets.
struct Unit: Sendable {
    /// Owns the steps that `order` refers to.
    private let steps: [Step]
    private let order: [Unmanaged<Step>]
    let indentation: [UInt8]

    init(ops: [Op], indentation: [UInt8]) {
        steps = ops.map(Step.init)
        order = steps.map { Unmanaged.passUnretained($0) }
        self.indentation = indentation
    }

    func run(_ state: inout RenderState) {
        guard !indentation.isEmpty else {
            for step in order { step._withUnsafeGuaranteedRef { $0.run(&state) } }
            return
        }
        // A step whose output is not empty and follows a line break of this body's own output is indented.
        let start = state.page.count
        for step in order {
            let before = state.page.count
            step._withUnsafeGuaranteedRef { $0.run(&state) }
            if state.page.count > before, before > start, state.page.byte(at: before - 1) == 0x0A {
                state.page.insert(indentation, at: before)
            }
        }
    }
}

/// Whether a text section's body names `{{.}}`, learnt while it compiles: if not, the section needs no box for its text.
final class ItemUse: @unchecked Sendable {
    var named = false
}
