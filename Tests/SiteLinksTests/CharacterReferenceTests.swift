import SiteLinks
import SiteTestSupport
import Testing

/// Character references in attribute values, as the HTML standard's tokenizer reads them.
@Suite(.cleansUp) struct CharacterReferenceTests {
    func href(_ value: String) -> String? {
        HTMLScanner.extract("<a href=\"\(value)\">x</a>").links.first?.href
    }

    @Test func namedReferencesComeFromTheStandardsWholeList() {
        #expect(href("/caf&eacute;/") == "/café/")
        #expect(href("&notin;&NotNestedGreaterGreater;") == "∉\u{2AA2}\u{0338}")
        #expect(href("/a/?x=1&amp y") == "/a/?x=1& y") // a legacy name needs no ";"
        #expect(href("/a/?x&unknown;") == "/a/?x&unknown;")
        #expect(href("/a/&") == "/a/&")
    }

    @Test func aLegacyNameBeforeEqualsOrALetterIsTextInAnAttribute() {
        #expect(href("/a/?x=1&copy=2") == "/a/?x=1&copy=2")
        #expect(href("/a/?x&notit;") == "/a/?x&notit;")
        #expect(href("/a/?x&copy;=2") == "/a/?x©=2")
    }

    @Test func numericReferencesFollowTheStandardsReplacements() {
        #expect(href("a&#38b&#x26;c") == "a&b&c")
        #expect(href("&#x80;&#150;") == "€–") // windows-1252 for 0x80–0x9F
        #expect(href("&#0;&#xD800;&#x110000;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(href("&#;&#xZ;") == "&#;&#xZ;")
    }
}
