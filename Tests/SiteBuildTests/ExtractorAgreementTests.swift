import Foundation
import SiteCore
import SiteLinks
import SiteLinksReference
import SiteTestSupport
import Testing
import SiteBuild
import SiteCheck

/// The fast scanner and libxml2's HTML parser must extract the same links and targets from every page
/// of the real site: libxml2 is the reference the scanner is measured against.
@Suite(.cleansUp, .heavy) struct ExtractorAgreementTests {
    @Test func theScannerAgreesWithLibxml2OnEveryRealPage() throws {
        #expect(RealContentTests.result.exitCode == 0)
        let pages = RealContentTests.result.pages.filter { $0.file.hasSuffix(".html") }
        #expect(pages.count > 14_000)
        let disagreements = ParallelMap.map(pages) { page -> String? in
            let fast = HTMLScanner.extract(page.html)
            let reference = HTMLExtractor.extract(page.html)
            guard fast.links.map(\.href) == reference.links.map(\.href) else { return "\(page.file): links differ" }
            guard fast.links.map(\.line) == reference.links.map(\.line) else { return "\(page.file): lines differ" }
            // libxml2 gives no columns; the reference finds the attribute's text on the line, which can land
            // on an earlier link with the same value. The scanner counts from the attribute's own offset.
            for (a, b) in zip(fast.links, reference.links) where a.column != b.column {
                let line = page.html.split(separator: "\n", omittingEmptySubsequences: false)[a.line - 1]
                let atFast = String(line.unicodeScalars.dropFirst(a.column - 1)).hasPrefix(a.attributeName + "=")
                if !atFast { return "\(page.file):\(a.line):\(a.column): the scanner's column is not at '\(a.attributeName)='" }
            }
            guard fast.targets == reference.targets else { return "\(page.file): targets differ" }
            return nil
        }.compactMap { $0 }
        #expect(disagreements.prefix(5) == [])
    }

    @Test func theScannerHandlesMarkupThatIsNotALink() {
        let html = """
            <!-- <a href="/in-comment/"> --><script>var s = "<a href='/in-script/'>";</script>
            <style>a[href="/in-style/"] {}</style><title>"<a href='/in-title/'>"</title>
            <textarea><a href="/in-textarea/"></textarea><![CDATA[ <a href="/in-cdata/"> ]]>
            <A HREF=/upper/ ID=Top>x</A><a href='/single/' href="/duplicate/">y</a><img alt="1 > 0" src="/after-gt.png">
            <a href="/x?a=1&amp;b=2&#38;c=&#x33;&lt;">z</a></SCRIPT>
            """
        let fast = HTMLScanner.extract(html)
        // As the HTML standard says: title and textarea hold text, CDATA is a bogus comment outside SVG.
        #expect(fast.links.map(\.href) == ["/upper/", "/single/", "/after-gt.png", "/x?a=1&b=2&c=3<"])
        #expect(fast.targets == ["Top"])
        // libxml2 2.9's parser predates HTML5 there and reads tags inside title, textarea and CDATA.
        let reference = HTMLExtractor.extract(html)
        #expect(reference.links.map(\.href).filter { !["/in-title/", "/in-textarea/", "/in-cdata/"].contains($0) } == fast.links.map(\.href))
    }
}
