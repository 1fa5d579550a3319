import SiteCore
package import SiteMarkdown

extension GuidePage {
    /// Reads a guide file. Its body is parsed and returned even when the front matter has errors, so that
    /// every problem of the file (a bad date and an unknown citation key alike) is reported in one run;
    /// nil only when the file has no front matter at all (the problems are in `log`).
    /// `siteHasReviewer` tells whether site.yaml names a default reviewer, which a `reviewed` date needs.
    /// A translation (`translation` true) names its own URL with `slug`; an original's URL is its file name.
    package static func read(path: String, text: String, options: MarkdownOptions, siteHasReviewer: Bool, translation: Bool = false,
                             log: DiagnosticLog) -> GuidePage? {
        guard let parts = FrontMatter(text) else {
            log.error("a guide file must start with front matter between '---' lines", at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let file = YAMLFile(path: path, text: parts.yaml, lineOffset: parts.yamlFirstLine - 1, log: log)
        let map = file.root.flatMap { YAMLMapping($0, in: file, what: "front matter", log: log) }
        let title = map?.string("title", required: true)
        let description = map?.string("description", required: true)
        let reviewer = map?.mapping("reviewed_by", what: "reviewed_by").flatMap(SiteConfig.Reviewer.read)
        let published = map?.date("published", required: true)
        let reviewed = map?.date("reviewed")
        let updated = map?.date("updated")
        let ownSlug = translation ? map?.string("slug", required: true) : nil
        map?.finish()
        if let published, let updated, updated.value < published.value {
            log.error("'updated' (\(updated.value)) is before 'published' (\(published.value))", at: updated.location)
        }
        if let map, reviewer == nil, !map.has("reviewed_by"), !siteHasReviewer {
            if let reviewed {
                log.error("'reviewed' claims a medical review, but no reviewer is named (set 'reviewed_by' here or 'reviewer' in site.yaml)",
                          at: reviewed.location)
            }
            if let description { SiteConfig.checkNoReviewClaim(description.value, in: map, key: "description", log: log) }
            if let title { SiteConfig.checkNoReviewClaim(title.value, in: map, key: "title", log: log) }
        }
        let body = MarkdownParser.parse(parts.body, source: SourceMap(path: path, firstLine: parts.bodyFirstLine), options: options)
        log.append(contentsOf: body.diagnostics)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let slug = ownSlug?.value ?? String(name.dropLast(name.hasSuffix(".md") ? 3 : 0))
        if let ownSlug, ownSlug.value.isEmpty || Slug.make(ownSlug.value) != ownSlug.value {
            log.error("a slug is the page's URL and must be lowercase letters, digits and single hyphens (e.g. '\(Slug.make(ownSlug.value))')",
                      at: ownSlug.location)
        } else if translation {
            // The file name pairs a translation with its original, whose name was checked.
        } else if slug.isEmpty || Slug.make(slug) != slug {
            // The file name is the guide's URL, so it follows the rule of facility slugs.
            let suggestion = Slug.make(slug).isEmpty ? "guide" : Slug.make(slug)
            log.error("a guide's file name is its URL and must be lowercase letters, digits and single hyphens (e.g. '\(suggestion).md')",
                      at: SourceLocation(path: path, line: 1, column: 1))
        }
        // Missing fields were reported above; the stand-ins only let the body's checks run, and nothing renders.
        return GuidePage(path: path, slug: slug, title: title?.value ?? "", description: description?.value ?? "", reviewedBy: reviewer,
                         published: published?.value ?? ContentDate(dayNumber: 0), reviewed: reviewed?.value, updated: updated?.value, body: body)
    }
}
