import Foundation
import SiteBuild
import SiteTestSupport

/// The smallest complete site: settings, one guide citing one source, a theme.
enum Fixtures {
    static let siteYAML = """
        title: Fixture Site
        base_url: https://example.org/
        disclaimer: |
          General information, not advice. See [the guide](/guide/).
        helpline:
          label: Helpline
          phone: "1-800-662-4357"
        reviewer:
          name: Jordan Lee
          credentials: MD
        navigation:
          - title: Guide
            url: /guide/
        """

    static let guide = """
        ---
        title: The Guide
        description: A guide.
        published: 2024-01-02
        reviewed: 2024-03-04
        ---
        Intro with a claim [@drake2007].

        ## Details

        More in [details](#details) and [home](/).

        ## Sources

        {{< sources >}}
        """

    static let sources = """
        references:
          - id: drake2007
            type: article-journal
            title: "Management of persons with co-occurring severe mental illness"
            DOI: 10.1002/j.2051-5545.2007.tb00004.x
            author: [{family: Drake, given: Robert E.}]
            issued: {date-parts: [[2007, 10]]}
            container-title: World Psychiatry
        """

    static let layout = """
        <!doctype html>
        <html lang="{{site.language}}"><head><title>{{title}}</title>
        <link rel="canonical" href="{{canonical}}"><link rel="stylesheet" href="{{site.root}}assets/site.css"></head>
        <body><a href="#main">Skip</a><nav>{{#site.navigation}}<a href="{{url}}">{{title}}</a>{{/site.navigation}}</nav>
        <main id="main">{{$main}}{{/main}}</main>
        <footer>{{#site.helpline}}<a href="{{tel}}">{{phone}}</a>{{/site.helpline}}{{{site.disclaimer}}}</footer></body></html>
        """

    static var files: [String: String] {
        [
            "Content/site.yaml": siteYAML,
            "Content/guide/guide.md": guide,
            "Content/sources.yaml": sources,
            "Templates/layout.mustache": layout,
            "Templates/home.mustache": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{#guides}}<a href=\"{{url}}\">{{title}}</a>{{/guides}}{{/main}}{{/layout}}",
            "Templates/guide.mustache": "{{<layout}}{{$main}}<h1>{{title}}</h1>{{#review}}{{#reviewed}}<time datetime=\"{{iso}}\">{{text}}</time>{{/reviewed}}{{/review}}{{{body}}}{{/main}}{{/layout}}",
            "Templates/404.mustache": "{{<layout}}{{$main}}<h1>{{title}}</h1><a href=\"{{site.root}}\">Home</a>{{/main}}{{/layout}}",
            "Templates/sources.mustache": "<ol>{{#entries}}<li id=\"ref-{{key}}\">{{{text}}}{{#backlinks}}<a href=\"#{{target}}\">{{letter}}</a>{{/backlinks}}</li>{{/entries}}</ol>",
            "Templates/assets/site.css": "body { color: #111; }\n",
        ]
    }

    static func site(_ changes: [String: String] = [:]) throws -> FixtureSite {
        try FixtureSite(files.merging(changes) { $1 })
    }
}

extension FixtureSite {
    func build(strict: Bool = false) -> BuildSession.Outcome {
        BuildSession.buildOnce(root: root, strict: strict)
    }
}
