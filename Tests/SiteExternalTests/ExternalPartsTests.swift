import Foundation
@testable import SiteExternal
import Testing

/// The small pieces: URL patterns, DOIs, `Retry-After`, URLs as keys and requests, titles folded.
@Suite struct ExternalPartsTests {
    @Test func aPatternWithoutAStarMatchesURLsThatStartWithIt() {
        let pattern = URLPattern("https://www.linkedin.com/")
        #expect(pattern.matches("https://www.linkedin.com/in/someone"))
        #expect(pattern.matches("HTTPS://WWW.LINKEDIN.COM/"))
        #expect(!pattern.matches("https://linkedin.com/"))
    }

    @Test func aStarMatchesAnyRunAndTheLastPartMustEndTheURL() {
        let pattern = URLPattern("https://*.example.org/*.pdf")
        #expect(pattern.matches("https://a.example.org/files/x.pdf"))
        #expect(pattern.matches("https://a.b.example.org/.pdf"))
        #expect(!pattern.matches("https://a.example.org/x.pdf?download=1"))
        #expect(!pattern.matches("https://example.org/x.pdf"))
        #expect(URLPattern("https://www.openstreetmap.org/?mlat=*").matches("https://www.openstreetmap.org/?mlat=38.1&mlon=-78.4#map=17/38.1/-78.4"))
        #expect(URLPattern("*").matches("http://anything/"))
    }

    @Test func doisAreReadFromFieldsAndResolverLinksAndComparedWithoutCase() throws {
        #expect(DOI("10.1176/appi.ps.201300249")?.text == "10.1176/appi.ps.201300249")
        #expect(DOI("doi:10.1/x") == nil)
        #expect(DOI("10.1/") == nil)
        #expect(DOI("10./x") == nil)
        #expect(DOI(link: "https://doi.org/10.1080/ABC.2022#section")?.text == "10.1080/ABC.2022")
        #expect(DOI(link: "http://dx.doi.org/10.1002/%28SICI%29")?.text == "10.1002/(SICI)")
        #expect(DOI(link: "https://doi.org/") == nil)
        #expect(DOI(link: "https://example.org/10.1/x") == nil)
        #expect(DOI("10.1080/ABC") == DOI("10.1080/abc"))
        #expect(try #require(DOI("10.1002/(SICI)1097-4679<3.0.CO;2-#")).pathEncoded == "10.1002/%28SICI%291097-4679%3C3.0.CO%3B2-%23")
    }

    @Test func retryAfterIsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:15:00 GMT", now: now) == 100)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0, "a date in the past means now")
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }

    @Test func urlsAreKeyedWithoutFragmentAndWithTheirHostLowercased() {
        #expect(ExternalURL.normalized("HTTPS://Example.ORG/Path?q=A#frag") == "https://example.org/Path?q=A")
        #expect(ExternalURL.normalized("http://example.org") == "http://example.org/")
        #expect(ExternalURL.hostKey("https://Example.org/x") == "example.org:443")
        #expect(ExternalURL.hostKey("http://example.org:8080/") == "example.org:8080")
    }

    @Test func spacesAndNonASCIIAreEncodedForTheRequestAsABrowserDoes() {
        #expect(ExternalURL.requestable("https://example.org/a b/é") == "https://example.org/a%20b/%C3%A9")
        #expect(ExternalURL.requestable("ftp://example.org/") == nil)
        #expect(ExternalURL.requestable("https:///nohost") == nil)
        #expect(ExternalURL.resolve("/x", against: "https://example.org/a/b") == "https://example.org/x")
        #expect(ExternalURL.resolve("c?d=1", against: "https://example.org/a/b") == "https://example.org/a/c?d=1")
        #expect(ExternalURL.resolve("//other.org/", against: "https://example.org/") == "https://other.org/")
        #expect(ExternalURL.resolve("javascript:alert(1)", against: "https://example.org/") == nil)
    }

    @Test func titlesAreComparedWithoutCaseAccentsMarkupOrPunctuation() {
        #expect(MetadataComparison.fold("Substance abuse: <i>Intensive</i> Outpatient—Programs") == "substance abuse intensive outpatient programs")
        #expect(MetadataComparison.fold("Café & Co.") == "cafe and co")
    }
}
