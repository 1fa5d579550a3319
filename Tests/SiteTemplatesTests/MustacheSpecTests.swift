import Foundation
import SiteCore
import Testing
@testable import SiteTemplates

/// A view of a spec test's JSON data, declared field by field from the data itself: a JSON object's
/// keys become fields (text, flag, object, list, text list), as a view model's declaration would.
indirect enum SpecValue: Sendable, Decodable {
    case text(String)
    case flag(Bool)
    case null
    case list([SpecValue])
    case object([String: SpecValue])

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let flag = try? value.decode(Bool.self) { self = .flag(flag) }
        else if let number = try? value.decode(Double.self) {
            self = .text(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        } else if let text = try? value.decode(String.self) { self = .text(text) }
        else if let list = try? value.decode([SpecValue].self) { self = .list(list) }
        else { self = .object(try value.decode([String: SpecValue].self)) }
    }

    subscript(_ key: String) -> SpecValue? {
        if case .object(let values) = self { return values[key] }
        return nil
    }

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The declaration of an object's fields (of the union of a list's objects).
    /// `markup` names the keys a template writes unescaped (`{{{name}}}`, `{{& name}}`): a view model declares those HTML.
    static func fields(_ name: String, for objects: [[String: SpecValue]], markup: Set<String>) -> ViewFields<SpecValue> {
        var kinds: [String: [SpecValue]] = [:]
        for object in objects { for (key, value) in object { kinds[key, default: []].append(value) } }
        var fields: [ViewField<SpecValue>] = []
        for (key, values) in kinds.sorted(by: { $0.key < $1.key }) {
            let objectValues = values.compactMap { (value: SpecValue) -> [String: SpecValue]? in if case .object(let o) = value { o } else { nil } }
            switch values.first! {
            case .text, .null:
                fields.append(markup.contains(key) ? .html(key) { $0[key]?.text } : .text(key) { $0[key]?.text })
            case .flag: fields.append(.flag(key) { if case .flag(let flag)? = $0[key] { flag } else { false } })
            case .object:
                fields.append(.object(key, fields: Self.fields("\(name).\(key)", for: objectValues, markup: markup)) { $0[key] })
            case .list(let items):
                let texts = items.allSatisfy { if case .text = $0 { true } else { false } }
                if texts && !items.isEmpty {
                    fields.append(.textList(key) { if case .list(let items)? = $0[key] { items.compactMap(\.text) } else { nil } })
                } else {
                    let objects = values.flatMap { (value: SpecValue) -> [SpecValue] in if case .list(let items) = value { items } else { [] } }
                        .compactMap { (item: SpecValue) -> [String: SpecValue]? in if case .object(let o) = item { o } else { nil } }
                    fields.append(.list(key, fields: Self.fields("\(name).\(key)[]", for: objects, markup: markup)) { if case .list(let items)? = $0[key] { items } else { nil } })
                }
            }
        }
        return ViewFields(name, fields)
    }
}

/// The Mustache specification's suites (comments, interpolation, sections, inverted, partials,
/// delimiters, inheritance) through the template compiler: every test renders exactly the expected
/// text, or is one the compiler refuses on purpose, with an error at a template position.
@Suite struct MustacheSpecTests {
    struct Suite: Decodable {
        let tests: [Case]
    }

    struct Case: Decodable {
        let name: String
        let template: String
        let expected: String
        let partials: [String: String]?
        let data: SpecValue
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec")
    static let suites = ["comments", "interpolation", "sections", "inverted", "partials", "delimiters", "~inheritance"]

    /// Tests the compiler refuses, by suite and name, with why (docs/templates.md lists the same).
    static let refused: [String: String] = [
        "interpolation: Basic Context Miss Interpolation": strict,
        "interpolation: Triple Mustache Context Miss Interpolation": strict,
        "interpolation: Ampersand Context Miss Interpolation": strict,
        "interpolation: Dotted Names - Broken Chains": strict,
        "interpolation: Dotted Names - Broken Chain Resolution": strict,
        "interpolation: Dotted Names - Context Precedence": strict,
        "interpolation: Dotted Names are never single keys": strict,
        "sections: Context Misses": strict,
        "sections: Dotted Names - Broken Chains": strict,
        "inverted: Context": strict,
        "inverted: List": strict,
        "inverted: Context Misses": strict,
        "inverted: Dotted Names - Broken Chains": strict,
        "~inheritance: Negative Sections": strict,
        "interpolation: Implicit Iterators - Basic Interpolation": dot,
        "interpolation: Implicit Iterators - HTML Escaping": dot,
        "interpolation: Implicit Iterators - Triple Mustache": dot,
        "interpolation: Implicit Iterators - Ampersand": dot,
        "interpolation: Implicit Iterators - Basic Integer Interpolation": dot,
        "sections: Implicit Iterator - Array": dot,
        "sections: Implicit Iterator - Triple mustache": dot,
        "sections: Implicit Iterator - Ampersand": dot,
        "sections: Implicit Iterator - Root-level": dot,
        "partials: Failed Lookup": "a partial that does not exist is an error",
        "partials: Recursion": "a partial may not include itself: templates are compiled whole",
    ]
    static let strict = "a name must be a field where it is written: a miss is an error, not an empty string"
    static let dot = "'.' is the text of a section over a text or a list of texts, and is escaped; the root view is a view model"

    struct Outcome {
        let id: String
        let rendered: String?
        let expected: String
        let diagnostics: [Diagnostic]
    }

    static func run(_ suite: String) throws -> [Outcome] {
        let url = folder.appendingPathComponent("\(suite).json")
        let tests = try JSONDecoder().decode(Suite.self, from: Data(contentsOf: url)).tests
        return tests.map { test in
            let value = test.data
            let objects: [[String: SpecValue]] = if case .object(let o) = value { [o] } else { [] }
            var files = [("page", "Templates/page.mustache", test.template)]
            for (name, text) in (test.partials ?? [:]).sorted(by: { $0.key < $1.key }) {
                files.append((name, "Templates/\(name).mustache", text))
            }
            let texts = [test.template] + (test.partials ?? [:]).values
            let markup = Set(texts.flatMap(Self.unescapedNames))
            let checked = TemplateLibrary.check(files, bindings: [.template("page", fields: SpecValue.fields("data", for: objects, markup: markup))])
            let rendered = checked.checked.map { TemplateLibrary($0).render("page", value, recorder: DependencyRecorder()) }
            return Outcome(id: "\(suite): \(test.name)", rendered: rendered, expected: test.expected, diagnostics: checked.diagnostics)
        }
    }

    /// The last part of each name a text writes with `{{{…}}}` or `{{&…}}` (default delimiters only).
    static func unescapedNames(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{(?:\{|&)\s*([\w.?-]+)"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0].split(separator: ".").last ?? "") }
        }
    }

    @Test(arguments: suites) func everyTestRendersAsSpecifiedOrIsRefusedAtATag(_ suite: String) throws {
        for outcome in try Self.run(suite) {
            if let rendered = outcome.rendered {
                #expect(Self.refused[outcome.id] == nil, "\(outcome.id) is listed as refused but compiles")
                #expect(rendered == outcome.expected, "\(outcome.id)")
            } else {
                #expect(Self.refused[outcome.id] != nil, "\(outcome.id) refused: \(outcome.diagnostics.map(\.description))")
                #expect(outcome.diagnostics.contains { $0.severity == .error && $0.location.path.hasPrefix("Templates/") })
            }
        }
    }
}
