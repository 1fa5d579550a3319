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

    /// The folders a build keeps beside its output (the recycled previous output, and a staging
    /// folder an interrupted build left), for callers that remove a temporary output.
    public static func workingFolders(of output: URL) -> [URL] {
        [OutputWriter.sibling(of: output, "previous"), OutputWriter.sibling(of: output, "staging")]
    }

    /// Loads, validates and renders without writing anything.
    public func render() -> Result {
        let plan: Plan
        switch prepare() {
        case .failed(let result): return result
        case .ready(let ready): plan = ready
        }
        let pages = ParallelMap.map(plan.specs, plan.renderer.render)
        return Result(exitCode: 0, diagnostics: plan.diagnostics, pages: pages)
    }

    /// Renders and, when nothing failed, writes the output. Pages are staged as they render, on every
    /// core; the output itself changes only in the final swap.
    public func build() -> Result {
        let plan: Plan
        switch prepare() {
        case .failed(let result): return result
        case .ready(let ready): plan = ready
        }
        var result = Result(exitCode: 0, diagnostics: plan.diagnostics, pages: [])
        do {
            let staging = try OutputWriter(output: output).begin(paths: Set(plan.specs.map(\.route.outputFile) + plan.assets.map(\.path)))
            let rendered = ParallelMap.map(plan.specs) { spec -> Swift.Result<RenderedPage, OutputWriter.Failure> in
                let page = plan.renderer.render(spec)
                do {
                    try staging.put(page.file, text: page.html)
                    return .success(page)
                } catch let failure as OutputWriter.Failure {
                    return .failure(failure)
                } catch {
                    return .failure(.io("\(error)"))
                }
            }
            for asset in plan.assets { try staging.put(asset.path, asset.data) }
            result.pages = try rendered.map { try $0.get() }
            let report = try staging.commit()
            result.written = report.written
            result.unchanged = report.unchanged
            result.removed = report.removed
        } catch let failure as OutputWriter.Failure {
            result = Result(exitCode: 2, diagnostics: plan.diagnostics, failure: failure.description, pages: [])
        } catch {
            result = Result(exitCode: 2, diagnostics: plan.diagnostics, failure: "\(error)", pages: [])
        }
        return result
    }

    /// Everything rendering needs, once loading and checking succeeded.
    private struct Plan {
        let specs: [PageSpec]
        let renderer: PageRenderer
        let assets: [TemplateLibrary.Asset]
        let diagnostics: [Diagnostic]
    }

    private enum Preparation {
        case ready(Plan)
        case failed(Result)
    }

    /// Loads and checks content and templates, and plans the pages.
    private func prepare() -> Preparation {
        let loaded = ContentLoader(root: root, shortcodes: SitePlan.shortcodes, today: today).load()
        let constants = ["site.root": loaded.content?.config.basePath ?? "/"]
        let theme = TemplateLibrary.load(root: root, bindings: SitePlan.bindings,
                                         optional: SitePlan.components.merging(SitePlan.directoryTemplates) { $1 }, constants: constants)
        var diagnostics = loaded.diagnostics + theme.diagnostics
        if let content = loaded.content { diagnostics += SiteValidation.check(content, templates: theme.library) }
        diagnostics = diagnostics.sortedUnique
        guard let content = loaded.content, let templates = theme.library, !diagnostics.fails(strict: strict) else {
            return .failed(Result(exitCode: 1, diagnostics: diagnostics, pages: []))
        }
        let directory = content.directory.isEmpty ? nil : DirectoryIndex(content.directory)
        let renderer = PageRenderer(content: content, templates: templates, directory: directory)
        let specs = SitePlan.pages(for: content, directory: directory, sitemapLimit: sitemapLimit)
        return .ready(Plan(specs: specs, renderer: renderer, assets: templates.assets, diagnostics: diagnostics))
    }
}
