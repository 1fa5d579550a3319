import Foundation
@testable import SiteBuild
import SiteTemplates
import Testing

/// docs/templates.md's field reference is the view models' declarations written out: a field added, renamed or
/// retyped without the reference made again fails here. `IOPSITE_RECORD_GOLDEN=1` writes it again.
@Suite struct TemplateReferenceTests {
    static let begin = "<!-- The field reference below is generated from the view models (TemplateReferenceTests); do not edit it by hand. -->\n"
    static let end = "<!-- End of the generated field reference. -->\n"

    @Test func theDocumentedFieldsAreTheViewModelsDeclarations() throws {
        let file = RealContentTests.root.appendingPathComponent("docs/templates.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let reference = ViewSchema.reference(for: SitePlan.bindings + SitePlan.directoryTemplates + Component.bindings)
        let start = try #require(text.range(of: Self.begin), "docs/templates.md has no generated field reference")
        let stop = try #require(text.range(of: Self.end, range: start.upperBound..<text.endIndex))
        let documented = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["IOPSITE_RECORD_GOLDEN"] == "1" {
            try (text[..<start.upperBound] + "\n" + reference + text[stop.lowerBound...]).write(to: file, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == "\n" + reference, "docs/templates.md's field reference is stale: run the test with IOPSITE_RECORD_GOLDEN=1")
    }

    @Test func everyTemplateAndNestedViewModelHasItsSection() {
        let reference = ViewSchema.reference(for: SitePlan.bindings + Component.bindings)
        #expect(reference.contains("| `guide.mustache` | [`GuideView`](#guideview) |"))
        #expect(reference.components(separatedBy: "### `GuideView`").count == 2)
        #expect(reference.contains("| `body` | HTML the pipeline rendered | `{{{body}}}` |"))
        // GuideView's review line is a nested view model: described once, in its own section, linked from the field.
        #expect(reference.contains("| `review` | a [`ReviewLineView`](#reviewlineview), may be absent | `{{#review}}…{{/review}}` |"))
        #expect(reference.components(separatedBy: "### `ReviewLineView`").count == 2)
    }
}
