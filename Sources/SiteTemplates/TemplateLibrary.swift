public import Foundation
public import SiteContent
public import SiteCore

/// The theme: every template of `Templates/`, checked against the view models that render them,
/// plus the static assets. The only reader of Templates/: templates are parsed, checked and compiled here.
public struct TemplateLibrary: Sendable {
    /// A file of `Templates/assets/`, copied to `assets/` in the output.
    public struct Asset: Sendable {
        public var path: String
        public var data: Data
    }

    /// One language the theme is compiled for: its code and the names whose value is the same on each of its pages.
    public struct Edition: Sendable, Equatable {
        public var language: String
        public var constants: [String: String]

        public init(language: String, constants: [String: String]) {
            self.language = language
            self.constants = constants
        }
    }

    /// Per page template: its compiled program.
    private let programs: [String: TemplateProgram]
    /// Per page template: its literal links in render order.
    private let linksByTemplate: [String: [TemplateLink]]
    /// Per page template: the template files it reads (itself, partials, layouts).
    private let filesByTemplate: [String: [String]]
    public let assets: [Asset]
    /// The language these templates were compiled for.
    public let language: String
    /// The language's string table (`Templates/i18n/<language>.yaml`), for the words the build writes itself.
    public let strings: StringTable?
    /// The theme compiled for each language of the site, this one's included.
    public private(set) var editions: [String: TemplateLibrary] = [:]

    /// The theme compiled for `language` (asked of the library `load` returned); this library when it has no such edition.
    public func edition(_ language: String) -> TemplateLibrary {
        language == self.language ? self : editions[language] ?? self
    }

    /// Loads `Templates/` under `root`, checks each page template in `bindings` against its view model and compiles it,
    /// once per edition (the first is this library's; the others are its `editions`), with the edition's string table.
    /// Templates in `optional` (components) are checked when present; a missing one is not an error here.
    /// `constants` are names whose value is the same on every page (e.g. `root`), filled into literal links; a site
    /// of one language may give them instead of `editions`. `buildKeys` are the keys the build reads from each string
    /// table itself (a page's title, a crumb): each must be in every table. `cache` keeps the files' texts for a long-lived process.
    public static func load(root: URL, bindings: [TemplateBinding], optional: [TemplateBinding] = [],
                            constants: [String: String] = [:], editions: [Edition]? = nil, buildKeys: [String] = [],
                            cache: TextCache? = nil)
        -> (library: TemplateLibrary?, diagnostics: [Diagnostic]) {
        let folder = root.appendingPathComponent("Templates")
        var diagnostics: [Diagnostic] = []
        let reader = SourceFileReader(root: root, cache: cache)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var files: [(name: String, path: String, text: String)] = []
        for file in names {
            let path = "Templates/\(file)"
            switch reader.text(path) {
            case .success(let text): files.append((String(file.dropLast(".mustache".count)), path, text))
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let editions = editions ?? [Edition(language: "en", constants: constants)]
        var libraries: [TemplateLibrary] = []
        let assets = loadAssets(folder.appendingPathComponent("assets"), reader: reader, diagnostics: &diagnostics)
        for edition in editions {
            let tablePath = "Templates/i18n/\(edition.language).yaml"
            var table: StringTable?
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(tablePath).path) {
                switch reader.text(tablePath) {
                case .success(let text):
                    let log = DiagnosticLog()
                    table = StringTable.read(language: edition.language, path: tablePath, text: text, log: log)
                    diagnostics += log.diagnostics
                case .failure(let problem): diagnostics.append(problem)
                }
            }
            let checked = check(files, bindings: bindings, optional: optional, constants: edition.constants, strings: table,
                                language: edition.language, buildKeys: buildKeys)
            diagnostics += checked.diagnostics
            if let parts = checked.checked { libraries.append(TemplateLibrary(parts, assets: assets, language: edition.language, strings: table)) }
        }
        let unique = diagnostics.sortedUnique
        guard !unique.hasErrors, libraries.count == editions.count, var first = libraries.first else { return (nil, unique) }
        let all = Dictionary(libraries.map { ($0.language, $0) }) { first, _ in first }
        first.editions = all
        return (first, unique)
    }

    /// Parses template texts, checks each bound one against its view model and compiles it: everything `load`
    /// does but reading the files (so texts from anywhere, a fuzzer's included, go through the same checks).
    /// With a string table, a key no template uses (and not among `buildKeys`) is a warning, and a key of
    /// `buildKeys` the table lacks an error.
    package static func check(_ files: [(name: String, path: String, text: String)], bindings: [TemplateBinding],
                      optional: [TemplateBinding] = [], constants: [String: String] = [:], strings: StringTable? = nil,
                      language: String = "en", buildKeys: [String] = [])
        -> (checked: Checked?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [String: TemplateSource] = [:]
        for (name, path, text) in files {
            sources[name] = TemplateSource(name: name, path: path, text: text, constants: constants, diagnostics: &diagnostics)
        }
        var programs: [String: TemplateProgram] = [:]
        var links: [String: [TemplateLink]] = [:]
        var read: [String: [String]] = [:]
        var chosen: [String: TemplateBinding] = [:]
        var used = Set(buildKeys)
        for binding in optional where sources[binding.template] != nil { chosen[binding.template] = binding }
        for binding in bindings { chosen[binding.template] = binding }
        for (name, binding) in chosen.sorted(by: { $0.key < $1.key }) {
            var compiler = TemplateCompiler(templates: sources, strings: strings, language: language)
            let program = binding.compile(&compiler)
            diagnostics += compiler.diagnostics
            programs[name] = program
            links[name] = compiler.links
            read[name] = compiler.files.sorted()
            used.formUnion(compiler.usedKeys)
        }
        if let strings {
            let start = SourceLocation(path: strings.path, line: 1, column: 1)
            for key in buildKeys where !key.hasSuffix(".") && strings.entries[key] == nil {
                diagnostics.append(.error("'\(key)', which iopsite writes on the pages itself, is not in \(strings.path)", at: start))
            }
            // A key under a prefix the build reads as a family (`service.`, one per code of the directory's codebook) is its to check.
            for (key, entry) in strings.entries where !used.contains(key) && !buildKeys.contains(where: { $0.hasSuffix(".") && key.hasPrefix($0) }) {
                diagnostics.append(.warning("'\(key)' is used by no template", at: entry.location))
            }
            // Every file a page reads is a dependency: the table is one of every template's when it has one.
            for name in read.keys { read[name]?.append(strings.path) }
        }
        return (diagnostics.hasErrors ? nil : Checked(programs: programs, links: links, files: read), diagnostics)
    }

    /// Compiled templates whose names all passed the checker.
    package struct Checked {
        let programs: [String: TemplateProgram]
        let links: [String: [TemplateLink]]
        let files: [String: [String]]
    }

    /// A library of checked templates, without assets.
    package init(_ checked: Checked, assets: [Asset] = [], language: String = "en", strings: StringTable? = nil) {
        programs = checked.programs
        linksByTemplate = checked.links
        filesByTemplate = checked.files
        self.assets = assets
        self.language = language
        self.strings = strings
    }

    /// The names of the checked page templates.
    public var names: [String] { Array(filesByTemplate.keys) }

    /// Whether a template was loaded and checked.
    public func has(_ template: String) -> Bool {
        filesByTemplate[template] != nil
    }

    /// Renders a checked template with its view model, recording every template file it reads. `capacity` is
    /// what the page is expected to take (a listing's card, a few kilobytes; a state's page, its listings'
    /// HTML and more): room made once instead of grown by copies.
    public func render<Model>(_ template: String, _ model: Model, recorder: DependencyRecorder, capacity: Int = 16_384) -> String {
        recorder.record(files: filesByTemplate[template] ?? ["Templates/\(template).mustache"])
        guard let metrics = recorder.metrics else { return render(template, model, capacity: capacity) }
        return metrics.template(template) { render(template, model, capacity: capacity) }
    }

    /// Renders as `render` does, handing the page's bytes to `body` in place instead of making a String of them:
    /// a build that writes each page and lets it go has no use for the copy.
    public func render<Model>(_ template: String, _ model: Model, recorder: DependencyRecorder, capacity: Int = 16_384,
                              into body: (UnsafeRawBufferPointer) -> Void) {
        recorder.record(files: filesByTemplate[template] ?? ["Templates/\(template).mustache"])
        guard let metrics = recorder.metrics else { return page(template, model, capacity: capacity).withBytes(body) }
        metrics.template(template) { page(template, model, capacity: capacity) }.withBytes(body)
    }

    private func render<Model>(_ template: String, _ model: Model, capacity: Int) -> String {
        page(template, model, capacity: capacity).text
    }

    /// The page's bytes, as the compiled template writes them.
    private func page<Model>(_ template: String, _ model: Model, capacity: Int) -> PageBuffer {
        guard let program = programs[template] else { return PageBuffer(capacity: 0) }
        // The compiled steps read the frames by the types they were compiled for: this check makes that safe.
        precondition(program.model == ObjectIdentifier(Model.self), "template '\(template)' was not compiled for \(Model.self)")
        let root = boxed(model)
        var frames: Frames = [Unmanaged.passUnretained(root)]
        frames.reserveCapacity(8)
        var state = RenderState(page: PageBuffer(capacity: capacity), frames: frames)
        withExtendedLifetime(root) { program.unit.run(&state) }
        return state.page
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
