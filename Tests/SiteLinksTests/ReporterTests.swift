import SiteCheck
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteLinks

/// The exact output of each reporter on one small report.
@Suite(.cleansUp) struct ReporterTests {
    static let report = CheckReport(
        diagnostics: [
            .warning("source 'a' is cited nowhere", at: SourceLocation(path: "Content/sources.yaml", line: 2, column: 7)),
            Diagnostic(.note, "3 of 3 listings in Virginia have not been verified", at: SourceLocation(path: "Content/directory/imported/va.yaml", line: 1, column: 1)),
        ],
        links: LinkChecker.Report(checked: 12, problems: [
            LinkProblem(severity: .error, message: "broken link '/nope/': no file nope/index.html in the output", href: "/nope/",
                        page: SourceLocation(path: "guide/index.html", line: 40, column: 12),
                        source: SourceLocation(path: "Content/guide/guide.md", line: 8, column: 73)),
            LinkProblem(severity: .error, message: "no element with id 'x, y' on this page (link '#x, y')", href: "#x, y",
                        page: SourceLocation(path: "Public/a:b/index.html", line: 3, column: 5), source: nil),
        ]))

    @Test func textGroupsByFileSortedByLineWithASummary() {
        #expect(ReportFormat.text.render(Self.report) == """
            Content/guide/guide.md:8:73: error: broken link '/nope/': no file nope/index.html in the output (in guide/index.html:40:12)

            Content/sources.yaml:2:7: warning: source 'a' is cited nowhere

            Public/a:b/index.html:3:5: error: no element with id 'x, y' on this page (link '#x, y')

            12 links checked, 2 broken, 1 warnings

            """)
    }

    @Test func jsonFollowsTheDocumentedSchema() {
        #expect(ReportFormat.json.render(Self.report) == """
            {"version":1,"summary":{"links_checked":12,"broken":2,"errors":2,"warnings":1},"problems":[\
            {"severity":"note","message":"3 of 3 listings in Virginia have not been verified","location":{"file":"Content/directory/imported/va.yaml","line":1,"column":1}},\
            {"severity":"error","message":"broken link '/nope/': no file nope/index.html in the output","location":{"file":"Content/guide/guide.md","line":8,"column":73},"page":{"file":"guide/index.html","line":40,"column":12},"href":"/nope/"},\
            {"severity":"warning","message":"source 'a' is cited nowhere","location":{"file":"Content/sources.yaml","line":2,"column":7}},\
            {"severity":"error","message":"no element with id 'x, y' on this page (link '#x, y')","location":{"file":"Public/a:b/index.html","line":3,"column":5},"href":"#x, y"}]}

            """)
    }

    @Test func githubWritesOneEscapedAnnotationPerProblem() {
        #expect(ReportFormat.github.render(Self.report) == """
            ::error file=Content/guide/guide.md,line=8,col=73::broken link '/nope/': no file nope/index.html in the output (in guide/index.html:40:12)
            ::warning file=Content/sources.yaml,line=2,col=7::source 'a' is cited nowhere
            ::error file=Public/a%3Ab/index.html,line=3,col=5::no element with id 'x, y' on this page (link '#x, y')
            12 links checked, 2 broken, 1 warnings

            """)
    }

    @Test func warningsFailOnlyUnderStrictAndNotesNever() {
        let notes = CheckReport(diagnostics: [Diagnostic(.note, "n", at: SourceLocation(path: "a", line: 1, column: 1))], links: .init())
        #expect(!notes.fails(strict: true))
        let warnings = CheckReport(diagnostics: [.warning("w", at: SourceLocation(path: "a", line: 1, column: 1))], links: .init())
        #expect(!warnings.fails(strict: false))
        #expect(warnings.fails(strict: true))
    }
}
