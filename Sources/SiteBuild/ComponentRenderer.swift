import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Renders the components a guide's shortcodes place, and records the origin of each link they emit
/// and every file and listing they read.
///
/// One value per page render: citation marks inside components share the page's numbering and
/// must be rendered in reading order.
final class ComponentRenderer {
    let templates: TemplateLibrary
    let data: GuideData
    let numbering: CitationNumbering
    let basePath: String
    let directory: DirectoryIndex?
    let recorder: DependencyRecorder
    private(set) var links: [LinkOrigin] = []

    /// The words of the page's language (back-link labels, dates, the references' locale).
    let words: Words

    init(templates: TemplateLibrary, data: GuideData, numbering: CitationNumbering, basePath: String, directory: DirectoryIndex? = nil,
         recorder: DependencyRecorder, words: Words) {
        self.words = words
        self.templates = templates
        self.data = data
        self.numbering = numbering
        self.basePath = basePath
        self.directory = directory
        self.recorder = recorder
    }

    /// Markdown hooks that number citations and place components.
    var hooks: MarkdownRenderer.Hooks {
        let basePath = basePath
        return MarkdownRenderer.Hooks(shortcode: { [unowned self] in self.render($0) },
                                      citation: { [numbering] in numbering.mark($0) },
                                      url: { InternalURL.resolve($0, basePath: basePath) })
    }

    func render(_ shortcode: String) -> String {
        guard let component = Component.byName[shortcode] else { return "" }
        links += templates.literalLinks(of: component.template).map { LinkOrigin(href: $0.href, ordinal: 0, kind: .template, origin: $0.location) }
        if let part = component.data { recorder.record(.file(data.path(of: part))) }
        return component.render(self)
    }

    private func render(_ template: String, _ model: some ViewModel) -> String {
        templates.render(template, model, recorder: recorder)
    }

    private func html(_ field: MarkdownField, inline: Bool = false) -> String {
        links += field.document.links.map {
            LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
        }
        let renderer = MarkdownRenderer()
        return recorder.metrics.markdown {
            inline ? renderer.renderInline(field.document, hooks: hooks) : renderer.render(field.document, hooks: hooks)
        }
    }

    func renderComparison() -> String {
        guard let comparison = data.comparison else { return "" }
        let rows = comparison.rows.map { row in
            ComparisonRowView(feature: row.feature, cells: zip(comparison.columns, row.cells).map { column, cell in
                ComparisonCellView(column: column, html: html(cell, inline: true))
            })
        }
        return render("comparison", ComparisonView(comparison: comparison, rows: rows, note: comparison.note.map { html($0) }))
    }

    func renderSchedule() -> String {
        guard let schedule = data.schedule else { return "" }
        let before = schedule.before.map { html($0) }
        let phases = schedule.phases.enumerated().map { index, phase in
            PhaseView(number: index + 1, phase: phase, activities: html(phase.activities))
        }
        return render("schedule", ScheduleView(caption: schedule.caption, before: before, phases: phases,
                                                         after: schedule.after.map { html($0) }))
    }

    func renderModalities() -> String {
        guard let modalities = data.modalities else { return "" }
        let views = modalities.map { modality in
            ModalityView(name: modality.name, description: html(modality.description, inline: true),
                         kinds: modality.kinds.map { ModalityKindView(name: $0.name, description: html($0.description, inline: true)) })
        }
        return render("modalities", ModalitiesView(modalities: views))
    }

    func renderFAQ() -> String {
        guard let entries = data.faq else { return "" }
        return render("faq", FAQView(questions: entries.map { QuestionView(question: $0.question, answer: html($0.answer)) }))
    }

    func renderInsurers() -> String {
        guard let insurers = data.insurers else { return "" }
        links += insurers.map { LinkOrigin(href: $0.website.value, ordinal: 0, kind: .data, origin: $0.website.location) }
        return render("insurers", InsurersView(insurers: insurers))
    }

    /// The directory's featured listings, from their records; nothing when there are none.
    func renderFeaturedCenters() -> String {
        guard let directory = directory?.reading(into: recorder) else { return "" }
        let featured = directory.featured()
        guard !featured.isEmpty else { return "" }
        for facility in featured {
            let url = directory.route(facility).prefixed(by: basePath)
            links.append(LinkOrigin(href: url, ordinal: 0, kind: .data, origin: facility.featuredLocation ?? facility.slug.location))
            if let phone = facility.phone { links.append(LinkOrigin(href: phone.value.telURL, ordinal: 0, kind: .data, origin: phone.location)) }
            if let website = facility.website { links.append(LinkOrigin(href: website.value, ordinal: 0, kind: .data, origin: website.location)) }
        }
        return render("featured-centers", FeaturedCentersView(centers: featured.map {
            ListingView(facility: $0, url: directory.route($0).prefixed(by: basePath), words: words)
        }))
    }

    func renderSources() -> String {
        let locale = APALocale.of(words.language) ?? .english
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let entries = numbering.listEntries.map { item in
            let key = item.entry.id.value
            let backlinks = (1...item.occurrences).map { n in
                BackLinkView(target: "cite-\(key)-\(n)", label: words.text("page.backlink", ["n": String(n), "number": String(item.number)]),
                             letter: item.occurrences == 1 ? "↩" : "↩\u{00A0}" + String(letters[(n - 1) % 26]))
            }
            return SourceItemView(key: key, number: item.number, text: APAFormatter.format(item.entry, locale: locale), backlinks: backlinks)
        }
        links += numbering.citedEntries.compactMap { entry in
            guard let link = entry.link else { return nil }
            let field = entry.fields["DOI"] != nil ? "DOI" : "URL"
            return LinkOrigin(href: link, ordinal: 0, kind: .data, origin: entry.fieldLocations[field] ?? entry.id.location)
        }
        let retrieved = numbering.citedEntries.compactMap { $0.dates["accessed"]?.contentDate }.max()
        return render("sources", SourcesView(entries: entries, retrieved: retrieved, words: words))
    }
}
