import SiteCore

/// One piece of a parsed template, with the line and column (Unicode scalars) where it starts.
///
/// Text is split at line ends, as the Mustache specification's standalone-line rules need: a tag alone
/// on its line (a section, a comment, a partial) takes the whole line with it, and an indented standalone
/// partial indents each line it renders.
struct TemplateNode {
    indirect enum Kind {
        case text(String)
        /// `{{name}}`: escaped.
        case variable(String)
        /// `{{@key}}`: the text of `key` in the string table of the language the template is compiled for.
        case translated(String)
        /// `{{{name}}}` or `{{& name}}`: as it is.
        case unescaped(String)
        case section(String, inverted: Bool, [TemplateNode])
        /// `{{> name}}`; a standalone partial carries the indentation its lines get.
        case partial(String, indentation: String?)
        /// `{{< name}}…{{/name}}`: render `name` with these block definitions.
        case parent(String, indentation: String, definitions: [TemplateNode])
        /// `{{$ name}}…{{/name}}` inside a parent call: what the block becomes.
        case definition(String, [TemplateNode])
        /// `{{$ name}}…{{/name}}` anywhere else: a block, its content the default. When the tag stands alone,
        /// `intrinsic` is the indentation of the default's first line, which an override's lines get.
        case block(String, indentation: String, intrinsic: String, [TemplateNode])
    }

    let kind: Kind
    let line: Int
    let column: Int
}
