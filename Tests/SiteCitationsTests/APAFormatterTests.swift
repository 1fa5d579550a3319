import Foundation
import SiteContent
import SiteCore
import SiteTestSupport
import Testing
@testable import SiteCitations

/// Golden entries: each string is what `pandoc --citeproc --csl apa.csl -t html` (pandoc 2.17) renders
/// for the entry alone, with its line breaks joined by spaces.
@Suite(.cleansUp) struct APAFormatterTests {
    static let goldens: [String: String] = [
        "drake2007": "Drake, R. E., Mueser, K. T., &amp; Brunette, M. F. (2007). Management of persons with co-occurring severe mental illness and substance use disorder: Program implications. <em>World Psychiatry</em>, <em>6</em>(3), 131–136. <a href=\"https://pmc.ncbi.nlm.nih.gov/articles/PMC2174596/\">https://pmc.ncbi.nlm.nih.gov/articles/PMC2174596/</a>",
        "mccarty2014": "McCarty, D., Braude, L., Lyman, D. R., Dougherty, R. H., Daniels, A. S., Ghose, S. S., &amp; Delphin-Rittmon, M. E. (2014). Substance abuse intensive outpatient programs: Assessing the evidence. <em>Psychiatric Services</em>, <em>65</em>(6), 718–726. <a href=\"https://doi.org/10.1176/appi.ps.201300249\">https://doi.org/10.1176/appi.ps.201300249</a>",
        "thoresen2022": "Thoresen, I. H., Auren, T. J. B., Langvik, E. O., Engesæth, C., Jensen, A. G., &amp; Klæth, J. R. (2022). Intensive outpatient treatment for post-traumatic stress disorder: A thematic analysis of patient experience. <em>European Journal of Psychotraumatology</em>, <em>13</em>(1), 2043639. <a href=\"https://doi.org/10.1080/20008198.2022.2043639\">https://doi.org/10.1080/20008198.2022.2043639</a>",
        "ncdas2024": "National Center for Drug Abuse Statistics. (2024, May 2). <em>Average cost of drug rehab [2023]: By type, state &amp; more</em>. NCDAS (Drugabusestatistics.org). <a href=\"https://drugabusestatistics.org/cost-of-rehab/\">https://drugabusestatistics.org/cost-of-rehab/</a>",
        "gottheil1998": "Gottheil, E., Weinstein, S. P., Sterling, R. C., Lundy, A., &amp; Serota, R. D. (1998). A randomized controlled study of the effectiveness of intensive outpatient treatment for cocaine dependence. <em>Psychiatric Services</em>, <em>49</em>(6), 782–787. <a href=\"https://doi.org/10.1176/ps.49.6.782\">https://doi.org/10.1176/ps.49.6.782</a>",
        "book1": "Miller, W. R., &amp; Rollnick, S. (2013). <em>Motivational interviewing: Helping people change</em> (3rd ed.). Guilford Press.",
        "chapter1": "Marlatt, G. A. (2005). Relapse prevention: Theoretical rationale and overview of the model. In G. A. Marlatt &amp; D. M. Donovan (Eds.), <em>Relapse prevention: Maintenance strategies in the treatment of addictive behaviors</em> (pp. 1–44). Guilford Press.",
        "report1": "Substance Abuse and Mental Health Services Administration. (2006). <em>Substance abuse: Clinical issues in intensive outpatient treatment</em> (47; Treatment Improvement Protocol (TIP) Series). Substance Abuse and Mental Health Services Administration. <a href=\"https://www.ncbi.nlm.nih.gov/books/NBK64093/\">https://www.ncbi.nlm.nih.gov/books/NBK64093/</a>",
        "web2": "<em>Find treatment</em>. (n.d.). Findtreatment.gov. Retrieved July 30, 2024, from <a href=\"https://findtreatment.gov/\">https://findtreatment.gov/</a>",
    ]

    /// The same entries as `pandoc --citeproc --csl apa.csl -M lang=es-ES -t html` (pandoc 2.17.1.1, Debian 12's,
    /// with the APA CSL style) renders them: Spanish terms ("s. f.", "En", "Recuperado … de"), Spanish months and
    /// ordinals, a hyphen between pages, and site names as written (citeproc title-cases English alone).
    static let spanishGoldens: [String: String] = [
        "drake2007": "Drake, R. E., Mueser, K. T., &amp; Brunette, M. F. (2007). Management of persons with co-occurring severe mental illness and substance use disorder: Program implications. <em>World Psychiatry</em>, <em>6</em>(3), 131-136. <a href=\"https://pmc.ncbi.nlm.nih.gov/articles/PMC2174596/\">https://pmc.ncbi.nlm.nih.gov/articles/PMC2174596/</a>",
        "mccarty2014": "McCarty, D., Braude, L., Lyman, D. R., Dougherty, R. H., Daniels, A. S., Ghose, S. S., &amp; Delphin-Rittmon, M. E. (2014). Substance abuse intensive outpatient programs: Assessing the evidence. <em>Psychiatric Services</em>, <em>65</em>(6), 718-726. <a href=\"https://doi.org/10.1176/appi.ps.201300249\">https://doi.org/10.1176/appi.ps.201300249</a>",
        "thoresen2022": "Thoresen, I. H., Auren, T. J. B., Langvik, E. O., Engesæth, C., Jensen, A. G., &amp; Klæth, J. R. (2022). Intensive outpatient treatment for post-traumatic stress disorder: A thematic analysis of patient experience. <em>European Journal of Psychotraumatology</em>, <em>13</em>(1), 2043639. <a href=\"https://doi.org/10.1080/20008198.2022.2043639\">https://doi.org/10.1080/20008198.2022.2043639</a>",
        "ncdas2024": "National Center for Drug Abuse Statistics. (2024, mayo 2). <em>Average cost of drug rehab [2023]: By type, state &amp; more</em>. NCDAS (drugabusestatistics.org). <a href=\"https://drugabusestatistics.org/cost-of-rehab/\">https://drugabusestatistics.org/cost-of-rehab/</a>",
        "gottheil1998": "Gottheil, E., Weinstein, S. P., Sterling, R. C., Lundy, A., &amp; Serota, R. D. (1998). A randomized controlled study of the effectiveness of intensive outpatient treatment for cocaine dependence. <em>Psychiatric Services</em>, <em>49</em>(6), 782-787. <a href=\"https://doi.org/10.1176/ps.49.6.782\">https://doi.org/10.1176/ps.49.6.782</a>",
        "book1": "Miller, W. R., &amp; Rollnick, S. (2013). <em>Motivational interviewing: Helping people change</em> (3.ª ed.). Guilford Press.",
        "chapter1": "Marlatt, G. A. (2005). Relapse prevention: Theoretical rationale and overview of the model. En G. A. Marlatt &amp; D. M. Donovan (Eds.), <em>Relapse prevention: Maintenance strategies in the treatment of addictive behaviors</em> (pp. 1-44). Guilford Press.",
        "report1": "Substance Abuse and Mental Health Services Administration. (2006). <em>Substance abuse: Clinical issues in intensive outpatient treatment</em> (47; Treatment Improvement Protocol (TIP) Series). Substance Abuse and Mental Health Services Administration. <a href=\"https://www.ncbi.nlm.nih.gov/books/NBK64093/\">https://www.ncbi.nlm.nih.gov/books/NBK64093/</a>",
        "web2": "<em>Find treatment</em>. (s. f.). findtreatment.gov. Recuperado 30 de julio de 2024, de <a href=\"https://findtreatment.gov/\">https://findtreatment.gov/</a>",
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Extra entries of the other types, written here as CSL-YAML.
    static let extraYAML = """
        - id: book1
          type: book
          author: [{family: Miller, given: William R.}, {family: Rollnick, given: Stephen}]
          issued: {date-parts: [[2013]]}
          title: "Motivational interviewing: Helping people change"
          edition: 3
          publisher: Guilford Press
        - id: chapter1
          type: chapter
          author: [{family: Marlatt, given: G. Alan}]
          editor: [{family: Marlatt, given: G. Alan}, {family: Donovan, given: Dennis M.}]
          issued: {date-parts: [[2005]]}
          title: "Relapse prevention: Theoretical rationale and overview of the model"
          container-title: "Relapse prevention: Maintenance strategies in the treatment of addictive behaviors"
          page: 1-44
          publisher: Guilford Press
        - id: report1
          type: report
          author: [{literal: Substance Abuse and Mental Health Services Administration}]
          issued: {date-parts: [[2006]]}
          title: "Substance abuse: Clinical issues in intensive outpatient treatment"
          number: "47"
          collection-title: Treatment Improvement Protocol (TIP) Series
          publisher: Substance Abuse and Mental Health Services Administration
          URL: https://www.ncbi.nlm.nih.gov/books/NBK64093/
        - id: web2
          type: webpage
          title: Find treatment
          container-title: findtreatment.gov
          URL: https://findtreatment.gov/
          accessed: {date-parts: [[2024, 7, 30]]}
        """

    static func bibliography(_ files: [String: String]) throws -> Bibliography {
        let site = try FixtureSite(files.merging(["Content/site.yaml": "title: T\nbase_url: https://e.org/\n"]) { $1 })
        return try #require(ContentLoader(root: site.root, shortcodes: []).load().content).bibliography
    }

    @Test func theFiveRealSourcesMatchPandocsAPA() throws {
        let sources = try String(contentsOf: Self.root.appendingPathComponent("Content/sources.yaml"), encoding: .utf8)
        let bibliography = try Self.bibliography(["Content/sources.yaml": sources])
        #expect(bibliography.entries.count == 5)
        for entry in bibliography.entries {
            #expect(APAFormatter.format(entry) == Self.goldens[entry.id.value], "\(entry.id.value)")
        }
    }

    @Test func booksChaptersReportsAndUndatedPagesMatchPandocsAPA() throws {
        let bibliography = try Self.bibliography(["Content/sources/extra.yaml": Self.extraYAML])
        #expect(bibliography.entries.count == 4)
        for entry in bibliography.entries {
            #expect(APAFormatter.format(entry) == Self.goldens[entry.id.value], "\(entry.id.value)")
        }
    }

    @Test func everyEntryTypeMatchesPandocsAPAInSpanish() throws {
        let sources = try String(contentsOf: Self.root.appendingPathComponent("Content/sources.yaml"), encoding: .utf8)
        let bibliography = try Self.bibliography(["Content/sources.yaml": sources, "Content/sources/extra.yaml": Self.extraYAML])
        #expect(bibliography.entries.count == 9)
        for entry in bibliography.entries {
            #expect(APAFormatter.format(entry, locale: .spanish) == Self.spanishGoldens[entry.id.value], "\(entry.id.value)")
        }
    }

    @Test func aLanguageCodeFindsItsLocaleWithOrWithoutARegion() {
        #expect(APALocale.of("es")?.language == "es")
        #expect(APALocale.of("es-US")?.language == "es")
        #expect(APALocale.of("EN")?.language == "en")
        #expect(APALocale.of("fr") == nil)
    }

    @Test func cslJSONAndCSLYAMLRenderIdentically() throws {
        let json = """
            [
            \t{"id": "web2", "type": "webpage", "title": "Find treatment", "container-title": "findtreatment.gov",
            \t "URL": "https://findtreatment.gov/", "accessed": {"date-parts": [[2024, 7, 30]]}},
            \t{"id": "book1", "type": "book", "author": [{"family": "Miller", "given": "William R."}, {"family": "Rollnick", "given": "Stephen"}],
            \t "issued": {"date-parts": [["2013"]]}, "title": "Motivational interviewing: Helping people change", "edition": 3,
            \t "publisher": "Guilford Press"},
            \t{"id": "chapter1", "type": "chapter", "author": [{"family": "Marlatt", "given": "G. Alan"}],
            \t "editor": [{"family": "Marlatt", "given": "G. Alan"}, {"family": "Donovan", "given": "Dennis M."}],
            \t "issued": {"date-parts": [[2005]]}, "title": "Relapse prevention: Theoretical rationale and overview of the model",
            \t "container-title": "Relapse prevention: Maintenance strategies in the treatment of addictive behaviors",
            \t "page": "1-44", "publisher": "Guilford Press"},
            \t{"id": "report1", "type": "report", "author": [{"literal": "Substance Abuse and Mental Health Services Administration"}],
            \t "issued": {"date-parts": [[2006]]}, "title": "Substance abuse: Clinical issues in intensive outpatient treatment",
            \t "number": "47", "collection-title": "Treatment Improvement Protocol (TIP) Series",
            \t "publisher": "Substance Abuse and Mental Health Services Administration", "URL": "https://www.ncbi.nlm.nih.gov/books/NBK64093/"}
            ]
            """
        let fromJSON = try Self.bibliography(["Content/sources/zotero.json": json])
        let fromYAML = try Self.bibliography(["Content/sources/extra.yaml": Self.extraYAML])
        #expect(fromJSON.entries.count == 4)
        let rendered = Dictionary(uniqueKeysWithValues: fromJSON.entries.map { ($0.id.value, APAFormatter.format($0)) })
        for entry in fromYAML.entries {
            #expect(rendered[entry.id.value] == APAFormatter.format(entry), "\(entry.id.value)")
        }
    }

    @Test func initialsHandleHyphensAndSeveralGivenNames() {
        #expect(APANames.initials("Jean-Paul") == "J.-P.")
        #expect(APANames.initials("Trude Julie Brynhildsvoll") == "T. J. B.")
        #expect(APANames.initials("D. Russell") == "D. R.")
    }

    @Test func moreThanTwentyAuthorsAreShortenedWithAnEllipsis() {
        let names = (1...22).map { CSLName(family: "F\($0)", given: "G") }
        let text = APANames.referenceList(names)
        #expect(text.hasPrefix("F1, G., F2, G.,"))
        #expect(text.hasSuffix("F19, G., . . . F22, G."))
    }

    @Test func titleCaseLeavesCapitalisedAndSmallWordsAlone() {
        #expect(TitleCase.apply("NCDAS (drugabusestatistics.org)") == "NCDAS (Drugabusestatistics.org)")
        #expect(TitleCase.apply("the state of the art") == "The State of the Art")
        #expect(TitleCase.apply("iPhone guide") == "iPhone Guide")
    }
}
