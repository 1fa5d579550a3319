import SiteCore

/// A page template and the view model it renders: what `TemplateLibrary.load` checks and compiles.
public struct TemplateBinding: Sendable {
    /// The template's name (`Templates/<name>.mustache`).
    public let template: String
    /// The view model's fields, for the checker's messages and the field reference.
    public let schema: ViewSchema
    let compile: @Sendable (inout TemplateCompiler) -> TemplateProgram?

    /// `template` renders values of `Model`.
    public static func template<Model: ViewModel>(_ template: String, renders model: Model.Type) -> TemplateBinding {
        self.template(template, fields: Model.fields)
    }

    /// `template` renders values declared by `fields` (values whose fields are known only at run time).
    public static func template<Model>(_ template: String, fields: ViewFields<Model>) -> TemplateBinding {
        TemplateBinding(template: template, schema: fields.schema) { compiler in
            compiler.compile(template, fields: fields, at: SourceLocation(path: "Templates/\(template).mustache", line: 1, column: 1))
                .map { TemplateProgram(unit: $0, model: ObjectIdentifier(Model.self)) }
        }
    }
}

/// A compiled page template and the type of view model it was compiled for.
struct TemplateProgram: Sendable {
    let unit: Unit
    let model: ObjectIdentifier
}
