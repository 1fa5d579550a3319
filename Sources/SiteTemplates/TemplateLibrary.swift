import Foundation
import Mustache
import SiteCore

/// The theme: every template of `Templates/`, checked against the view models that render them,
/// plus the static assets. The only importer of Mustache and reader of Templates/.
public struct TemplateLibrary: Sendable {
    /// A file of `Templates/assets/`, copied to `assets/` in the output.
    public struct Asset: Sendable {
        public var path: String
        public var data: Data
    }

    private let mustache: MustacheLibrary
    /// Per page template: its literal links in render order.
    private let linksByTemplate: [String: [TemplateLink]]
    /// Per page template: the template files it reads (itself, partials, layouts).
    private let filesByTemplate: [String: [String]]
    public let assets: [Asset]

    /// Loads `Templates/` under `root` and checks each page template in `bindings` against its view model.
    /// Templates in `optional` (components) are checked when present; a missing one is not an error here.
    /// `constants` are names whose value is the same on every page (e.g. `root`), filled into literal links.
    /// `cache` keeps the files' texts for a long-lived process.
    public static func load(root: URL, bindings: [String: ViewSchema], optional: [String: ViewSchema] = [:],
                            constants: [String: String] = [:], cache: TextCache? = nil)
        -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        let folder = root.appendingPathComponent("Templates")
        var diagnostics: [Diagnostic] = []
        var sources: [String: TemplateSource] = [:]
        var mustache = MustacheLibrary()
        EscapingContentType.register()
        let reader = SourceFileReader(root: root, cache: cache)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let path = "Templates/\(file)"
            let text: String
            switch reader.text(path) {
            case .success(let read): text = read
            case .failure(let problem): diagnostics.append(problem); continue
            }
            sources[name] = TemplateSource(name: name, path: path, text: text, constants: constants, diagnostics: &diagnostics)
            do {
                mustache.register(try MustacheTemplate(string: EscapingContentType.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits in front of line 1: columns there are shifted by its length.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - EscapingContentType.pragma.count) : error.context.columnNumber
                diagnostics.append(.error("template syntax: \(error.error)", at: SourceLocation(path: path, line: line, column: column)))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        var links: [String: [TemplateLink]] = [:]
        var files: [String: [String]] = [:]
        let present = optional.filter { sources[$0.key] != nil }
        for (name, schema) in bindings.merging(present, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            var checker = TemplateChecker(templates: sources)
            checker.check(template: name, with: schema, at: SourceLocation(path: "Templates/\(name).mustache", line: 1, column: 1))
            diagnostics += checker.diagnostics
            links[name] = checker.links
            files[name] = checker.files.sorted()
        }
        let assets = loadAssets(folder.appendingPathComponent("assets"), reader: reader, diagnostics: &diagnostics)
        let unique = diagnostics.sortedUnique
        guard !unique.hasErrors else { return (nil, unique) }
        return (TemplateLibrary(mustache: mustache, linksByTemplate: links, filesByTemplate: files, assets: assets), unique)
    }

    /// Whether a template was loaded and checked.
    public func has(_ template: String) -> Bool {
        filesByTemplate[template] != nil
    }

    /// Renders a checked template with its view model, recording every template file it reads.
    public func render(_ template: String, _ model: some ViewModel, recorder: DependencyRecorder) -> String {
        recorder.record(files: filesByTemplate[template] ?? ["Templates/\(template).mustache"])
        guard let metrics = recorder.metrics else { return mustache.render(model, withTemplate: template) ?? "" }
        return metrics.template(template) { mustache.render(model, withTemplate: template) ?? "" }
    }

    /// The links written literally in a page template and what it includes, in render order.
    public func literalLinks(of template: String) -> [TemplateLink] {
        linksByTemplate[template] ?? []
    }

    /// The template files a page template reads, for dependency tracking.
    public func files(of template: String) -> [String] {
        filesByTemplate[template] ?? []
    }

    /// Every file under `Templates/assets/`, read through `reader` (a link out of the root is an error).
    private static func loadAssets(_ folder: URL, reader: SourceFileReader, diagnostics: inout [Diagnostic]) -> [Asset] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var assets: [Asset] = []
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            switch reader.data("Templates/assets/" + path) {
            case .success(let data): assets.append(Asset(path: "assets/" + path, data: data))
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return assets.sorted { $0.path < $1.path }
    }
}
