import Foundation
import Testing

/// docs/development/architecture.md's module map is what the sources import: each module's row lists exactly the
/// modules its files import (platform modules aside), every row imports only rows above it, and every library
/// and executable target of Package.swift has a row.
@Suite struct ArchitectureMapTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let platform: Set<String> = ["Foundation", "FoundationXML", "FoundationEssentials", "Dispatch", "Glibc", "Musl", "Darwin",
                                        "Synchronization", "Testing"]

    /// Where a module's sources are, when not `Sources/<module>`.
    static let folders = ["FuzzChecks": "Fuzz/Checks", "SiteLinksReference": "Tests/SiteLinksReference",
                          "SiteTestSupport": "Tests/SiteTestSupport", "SiteTestServer": "Tests/SiteTestServer"]

    /// The map's rows in order: each module and the modules it says it imports.
    static func map() throws -> [(module: String, imports: Set<String>)] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/development/architecture.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Module map").dropFirst().first)
        return section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return (names(in: cells[1]).first ?? "", Set(names(in: cells[2])))
        }
    }

    /// The names written in backticks.
    static func names(in cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The modules the Swift files under `folder` import, platform modules aside.
    static func imports(under folder: String) -> Set<String> {
        let base = root.appendingPathComponent(folder)
        let files = (FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".swift") }
        var found: Set<String> = []
        for file in files {
            let text = (try? String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") && !["public", "package", "internal"].contains($0) }
                if words.count == 2, words[0] == "import" { found.insert(String(words[1])) }
            }
        }
        return found.subtracting(platform)
    }

    /// The library and executable targets of Package.swift, fuzz executables aside.
    static func targets() throws -> Set<String> {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var found: Set<String> = []
        for kind in [".target(name: \"", ".executableTarget(name: \"", ".systemLibrary(\n            name: \""] {
            for piece in manifest.components(separatedBy: kind).dropFirst() {
                found.insert(String(piece.prefix { $0 != "\"" }))
            }
        }
        return found.filter { !$0.hasPrefix("fuzz-") }
    }

    @Test func everyModulesRowListsExactlyWhatItsFilesImport() throws {
        let map = try Self.map()
        #expect(map.count >= 20)
        for (module, declared) in map {
            let actual = Self.imports(under: Self.folders[module] ?? "Sources/\(module)")
            #expect(actual == declared, "\(module): imported but not in the map \(actual.subtracting(declared).sorted()); in the map but not imported \(declared.subtracting(actual).sorted())")
        }
    }

    @Test func everyModuleImportsOnlyModulesAboveIt() throws {
        let map = try Self.map()
        let row = Dictionary(uniqueKeysWithValues: map.enumerated().map { ($0.element.module, $0.offset) })
        for (index, (module, imports)) in map.enumerated() {
            let below = imports.filter { (row[$0] ?? -1) >= index }
            #expect(below.isEmpty, "\(module) imports \(below.sorted()), listed below it")
        }
    }

    @Test func everyTargetOfThePackageHasARow() throws {
        let listed = Set(try Self.map().map(\.module))
        let targets = try Self.targets()
        #expect(targets.count >= 20)
        #expect(targets == listed, "targets without a row: \(targets.subtracting(listed).sorted()); rows without a target: \(listed.subtracting(targets).sorted())")
    }
}
