import Foundation

/// The same synthetic content as a Hugo site: one Markdown file per facility under its state's
/// section, state list pages, and templates that show what iopsite's pages show (details, hours,
/// JSON-LD, the other centers of the city, the guide).
enum HugoSite {
    static func write(_ site: SyntheticSite, to root: URL, guide: URL) throws {
        let files = FileManager.default
        try? files.removeItem(at: root)
        func put(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try put("hugo.toml", """
            baseURL = "https://iop-guide.example.org/"
            languageCode = "en"
            title = "IOP Guide"
            disableKinds = ["taxonomy", "term", "RSS"]

            """)
        try put("content/_index.md", "---\ntitle: IOP Guide\n---\n")
        // The guide without iopsite's shortcodes (Hugo has its own), its citations left as text.
        let guideText = try String(contentsOf: guide, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("{{<") }.joined(separator: "\n")
        try put("content/intensive-outpatient-program.md", guideText)
        try put("content/rehab-centers/_index.md", "---\ntitle: Treatment centers\n---\n")
        for state in site.states {
            try put("content/rehab-centers/\(state.slug)/_index.md", "---\ntitle: \"Treatment centers in \(state.name)\"\n---\n")
        }
        for listing in site.listings {
            try put("content/rehab-centers/\(listing.state.slug)/\(listing.slug).md", markdown(listing))
        }
        try put("layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} | {{ .Site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"><link rel="stylesheet" href="/assets/site.css"></head>
            <body><header><a href="/">{{ .Site.Title }}</a> <nav><a href="/intensive-outpatient-program/">IOP guide</a> <a href="/rehab-centers/">Treatment centers</a></nav></header>
            <main>{{ block "main" . }}{{ end }}</main>
            <footer><p>SAMHSA's National Helpline: <a href="tel:+18006624357">1-800-662-4357</a></p></footer></body></html>

            """)
        try put("layouts/index.html", """
            {{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}{{ if not .Params.city }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
            <p><a href="/rehab-centers/">Treatment centers</a></p>{{ end }}

            """)
        try put("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ range .Sections }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</p>{{ end }}
            <ol>{{ range .Pages.ByTitle }}{{ if .Params.city }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
            <p>{{ .Params.street }}, {{ .Params.city }} {{ .Params.zip }}</p><p><a href="tel:{{ .Params.phone }}">{{ .Params.phone }}</a></p>
            <ul>{{ range .Params.levels }}<li>{{ . }}</li>{{ end }}</ul></li>{{ end }}{{ end }}</ol>{{ end }}

            """)
        try put("layouts/_default/single.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ if .Params.city }}<p>{{ .Params.street }}, {{ .Params.city }} {{ .Params.zip }}</p>
            <p><a href="tel:{{ .Params.phone }}">{{ .Params.phone }}</a> <a href="{{ .Params.website }}">Website</a></p>
            <h2>Levels of care</h2><ul>{{ range .Params.levels }}<li>{{ . }}</li>{{ end }}</ul>
            <h2>Payment</h2><ul>{{ range .Params.payment }}<li>{{ . }}</li>{{ end }}</ul>
            <h2>Hours</h2><table>{{ range $day, $time := .Params.hours }}<tr><th>{{ $day }}</th><td>{{ $time }}</td></tr>{{ end }}</table>
            {{ .Content }}
            <script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "MedicalClinic" "name" .Title "telephone" .Params.phone "url" .Permalink | jsonify | safeJS }}</script>
            {{ $city := .Params.city }}{{ $self := .Permalink }}<h2>Other centers in {{ $city }}</h2><ul>
            {{ range first 5 (where (where .CurrentSection.Pages "Params.city" $city) "Permalink" "ne" $self) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            {{ else }}{{ .Content }}{{ end }}{{ end }}

            """)
    }

    static func markdown(_ listing: SyntheticSite.Listing) -> String {
        """
        ---
        title: "\(listing.name)"
        street: "\(listing.street)"
        city: "\(listing.city)"
        zip: "\(listing.zip)"
        phone: "\(listing.phone)"
        website: "\(listing.website)"
        latitude: \(String(format: "%.6f", listing.latitude))
        longitude: \(String(format: "%.6f", listing.longitude))
        levels: [\(listing.levels.map { "\"\($0)\"" }.joined(separator: ", "))]
        payment: [\(listing.payment.map { "\"\($0)\"" }.joined(separator: ", "))]
        hours: {\(listing.hours.map { "\($0.0): \"\($0.1)\"" }.joined(separator: ", "))}
        ---
        \(listing.description)

        """
    }
}
