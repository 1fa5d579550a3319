import SiteCore
import SiteMarkdown

extension GuidePage {
    /// Reads a guide file; nil when its front matter is unusable (the problems are in `log`).
    static func read(path: String, text: String, options: MarkdownOptions, log: DiagnosticLog) -> GuidePage? {
        guard let parts = FrontMatter(text) else {
            log.error("a guide file must start with front matter between '---' lines", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let file = YAMLFile(path: path, text: parts.yaml, lineOffset: parts.yamlFirstLine - 1, log: log)
        guard let root = file.root, let map = YAMLMapping(root, in: file, what: "front matter", log: log) else { return nil }
        let title = map.string("title", required: true)
        let description = map.string("description", required: true)
        let reviewer = map.mapping("reviewed_by", what: "reviewed_by").flatMap(SiteConfig.Reviewer.read)
        let published = map.date("published", required: true)
        let reviewed = map.date("reviewed")
        let updated = map.date("updated")
        map.finish()
        if let published, let updated, updated.value < published.value {
            log.error("'updated' (\(updated.value)) is before 'published' (\(published.value))", at: updated.location)
        }
        let body = MarkdownParser.parse(parts.body, source: SourceMap(path: path, firstLine: parts.bodyFirstLine), options: options)
        log.append(contentsOf: body.diagnostics)
        guard let title, let description, let published else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let slug = String(name.dropLast(name.hasSuffix(".md") ? 3 : 0))
        return GuidePage(path: path, slug: slug, title: title.value, description: description.value, reviewedBy: reviewer,
                         published: published.value, reviewed: reviewed?.value, updated: updated?.value, body: body)
    }
}
