import Foundation
import SiteContent
import SiteCore
import SiteTemplates

/// Builds a site: load and validate everything, plan, render in parallel, then write atomically.
public struct SiteBuilder: Sendable {
    /// How a build ended, with every diagnostic and the CLI's exit code.
    public struct Result: Sendable {
        /// 0 success, 1 problems in content or templates, 2 environment (output folder unusable).
        public var exitCode: Int32
        public var diagnostics: [Diagnostic]
        /// Environment problem, for exit code 2.
        public var failure: String?
        public var pages: [RenderedPage]
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let root: URL
    public let output: URL
    public let strict: Bool
    /// Today, for checks that depend on it (the age of directory verifications); never written to the output.
    public let today: ContentDate?
    /// URLs per sitemap file; above it `/sitemap.xml` becomes an index (a parameter so tests can reach it).
    public let sitemapLimit: Int

    public init(root: URL, output: URL? = nil, strict: Bool = false, today: ContentDate? = nil, sitemapLimit: Int = 50_000) {
        self.sitemapLimit = sitemapLimit
        self.root = root
        self.output = output ?? root.appendingPathComponent("Public")
        self.strict = strict
        self.today = today
    }

    /// Loads, validates and renders without writing anything.
    public func render() -> Result {
        renderWithAssets().result
    }

    private func renderWithAssets() -> (result: Result, assets: [TemplateLibrary.Asset]) {
        let loaded = ContentLoader(root: root, shortcodes: SitePlan.shortcodes, today: today).load()
        let constants = ["site.root": loaded.content?.config.basePath ?? "/"]
        let theme = TemplateLibrary.load(root: root, bindings: SitePlan.bindings,
                                         optional: SitePlan.components.merging(SitePlan.directoryTemplates) { $1 }, constants: constants)
        var diagnostics = loaded.diagnostics + theme.diagnostics
        if let content = loaded.content { diagnostics += SiteValidation.check(content, templates: theme.library) }
        diagnostics = diagnostics.sortedUnique
        guard let content = loaded.content, let templates = theme.library, !diagnostics.fails(strict: strict) else {
            return (Result(exitCode: 1, diagnostics: diagnostics, pages: []), [])
        }
        let directory = content.directory.isEmpty ? nil : DirectoryIndex(content.directory)
        let renderer = PageRenderer(content: content, templates: templates, directory: directory)
        let pages = ParallelMap.map(SitePlan.pages(for: content, directory: directory, sitemapLimit: sitemapLimit), renderer.render)
        return (Result(exitCode: 0, diagnostics: diagnostics, pages: pages), templates.assets)
    }

    /// Renders and, when nothing failed, writes the output.
    public func build() -> Result {
        var (result, assets) = renderWithAssets()
        guard result.exitCode == 0 else { return result }
        var files: [String: Data] = [:]
        for page in result.pages { files[page.file] = Data(page.html.utf8) }
        for asset in assets { files[asset.path] = asset.data }
        do {
            let report = try OutputWriter(output: output).write(files)
            result.written = report.written
            result.unchanged = report.unchanged
            result.removed = report.removed
        } catch {
            result.exitCode = 2
            result.failure = error.description
        }
        return result
    }
}
