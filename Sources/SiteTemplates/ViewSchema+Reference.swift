/// The field reference of `docs/templates.md`, made from the view models' own declarations so that the
/// documentation cannot drift from what the checker accepts.
extension ViewSchema {
    /// A Markdown reference: a table of the templates and the view model each renders, then one section per view
    /// model (those the templates render, then the ones nested in them), each described once however often it is reached.
    public static func reference(for bindings: [TemplateBinding]) -> String {
        var out = "| template | renders |\n|---|---|\n"
        var queue: [ViewSchema] = []
        for binding in bindings.sorted(by: { $0.template < $1.template }) {
            out += "| `\(binding.template).mustache` | [`\(binding.schema.name)`](#\(anchor(binding.schema.name))) |\n"
            queue.append(binding.schema)
        }
        out += "\n"
        var described: Set<String> = []
        var index = 0
        while index < queue.count {
            let schema = queue[index]
            index += 1
            guard described.insert(schema.name).inserted else { continue }
            out += "### `\(schema.name)`\n\n" + table(schema, collecting: &queue)
        }
        return out
    }

    private static func table(_ schema: ViewSchema, collecting nested: inout [ViewSchema]) -> String {
        var rows = "| field | holds | written |\n|---|---|---|\n"
        for (name, field) in schema.fields {
            rows += "| `\(name)` | \(describe(field, named: name, collecting: &nested)) |\n"
        }
        return rows + "\n"
    }

    private static func describe(_ field: Field, named name: String, collecting nested: inout [ViewSchema]) -> String {
        switch field {
        case .text: return "text, escaped | `{{\(name)}}`"
        case .html: return "HTML the pipeline rendered | `{{{\(name)}}}`"
        case .flag: return "a flag | `{{#\(name)}}…{{/\(name)}}`, `{{^\(name)}}…{{/\(name)}}`"
        case .object(let schema):
            nested.append(schema)
            return "a [`\(schema.name)`](#\(anchor(schema.name))), may be absent | `{{#\(name)}}…{{/\(name)}}`"
        case .list(let schema):
            nested.append(schema)
            return "a list of [`\(schema.name)`](#\(anchor(schema.name))) | `{{#\(name)}}…{{/\(name)}}`, once each"
        case .textList: return "a list of texts | `{{#\(name)}}{{.}}{{/\(name)}}`"
        }
    }

    /// The id GitHub and iopsite's checker give the heading "`Name`": its lowercased letters and digits.
    private static func anchor(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
