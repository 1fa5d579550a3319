import SiteCitations
import SiteContent
import SiteCore
import SiteMarkdown
import SiteTemplates

/// Renders the components a guide's shortcodes place, and records the origin of each link they emit.
///
/// One value per page render: citation marks inside components share the page's numbering and
/// must be rendered in reading order.
final class ComponentRenderer {
    let templates: TemplateLibrary
    let data: GuideData
    let numbering: CitationNumbering
    let basePath: String
    let directory: DirectoryIndex?
    private(set) var links: [LinkOrigin] = []

    init(templates: TemplateLibrary, data: GuideData, numbering: CitationNumbering, basePath: String, directory: DirectoryIndex? = nil) {
        self.templates = templates
        self.data = data
        self.numbering = numbering
        self.basePath = basePath
        self.directory = directory
    }

    /// Markdown hooks that number citations and place components.
    var hooks: MarkdownRenderer.Hooks {
        let basePath = basePath
        return MarkdownRenderer.Hooks(shortcode: { [unowned self] in self.render($0) },
                                      citation: { [numbering] in numbering.mark($0) },
                                      url: { InternalURL.resolve($0, basePath: basePath) })
    }

    func render(_ shortcode: String) -> String {
        links += templates.literalLinks(of: shortcode).map { LinkOrigin(href: $0.href, ordinal: 0, kind: .template, origin: $0.location) }
        switch shortcode {
        case "comparison": return data.comparison.map(renderComparison) ?? ""
        case "schedule": return data.schedule.map(renderSchedule) ?? ""
        case "modalities": return data.modalities.map(renderModalities) ?? ""
        case "faq": return data.faq.map(renderFAQ) ?? ""
        case "insurers": return data.insurers.map(renderInsurers) ?? ""
        case "sources": return renderSources()
        case "featured-centers": return renderFeaturedCenters()
        default: return ""
        }
    }

    private func html(_ field: MarkdownField, inline: Bool = false) -> String {
        links += field.document.links.map {
            LinkOrigin(href: InternalURL.resolve($0.url, basePath: basePath), ordinal: 0, kind: .markdown, origin: $0.location)
        }
        let renderer = MarkdownRenderer()
        return inline ? renderer.renderInline(field.document, hooks: hooks) : renderer.render(field.document, hooks: hooks)
    }

    private func renderComparison(_ comparison: Comparison) -> String {
        let rows = comparison.rows.map { row in
            ComparisonRowView(feature: row.feature, cells: zip(comparison.columns, row.cells).map { column, cell in
                ComparisonCellView(column: column, html: html(cell, inline: true))
            })
        }
        return templates.render("comparison", ComparisonView(comparison: comparison, rows: rows, note: comparison.note.map { html($0) }))
    }

    private func renderSchedule(_ schedule: Schedule) -> String {
        let before = schedule.before.map { html($0) }
        let phases = schedule.phases.enumerated().map { index, phase in
            PhaseView(number: index + 1, phase: phase, activities: html(phase.activities))
        }
        return templates.render("schedule", ScheduleView(caption: schedule.caption, before: before, phases: phases,
                                                         after: schedule.after.map { html($0) }))
    }

    private func renderModalities(_ modalities: [Modality]) -> String {
        let views = modalities.map { modality in
            ModalityView(name: modality.name, description: html(modality.description, inline: true),
                         kinds: modality.kinds.map { ModalityView(name: $0.name, description: html($0.description, inline: true), kinds: []) })
        }
        return templates.render("modalities", ModalitiesView(modalities: views))
    }

    private func renderFAQ(_ entries: [FAQEntry]) -> String {
        templates.render("faq", FAQView(questions: entries.map { QuestionView(question: $0.question, answer: html($0.answer)) }))
    }

    private func renderInsurers(_ insurers: [Insurer]) -> String {
        links += insurers.map { LinkOrigin(href: $0.website.value, ordinal: 0, kind: .data, origin: $0.website.location) }
        return templates.render("insurers", InsurersView(insurers: insurers))
    }

    /// The directory's featured listings, from their records; nothing when there are none.
    private func renderFeaturedCenters() -> String {
        guard let directory else { return "" }
        let featured = directory.directory.facilities.filter(\.featured)
        guard !featured.isEmpty else { return "" }
        for facility in featured {
            let url = directory.route(facility).prefixed(by: basePath)
            links.append(LinkOrigin(href: url, ordinal: 0, kind: .data, origin: facility.featuredLocation ?? facility.slug.location))
            if let phone = facility.phone { links.append(LinkOrigin(href: phone.value.telURL, ordinal: 0, kind: .data, origin: phone.location)) }
            if let website = facility.website { links.append(LinkOrigin(href: website.value, ordinal: 0, kind: .data, origin: website.location)) }
        }
        return templates.render("featured-centers", FeaturedCentersView(centers: featured.map {
            ListingView(facility: $0, url: directory.route($0).prefixed(by: basePath))
        }))
    }

    private func renderSources() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let entries = numbering.listEntries.map { item in
            let key = item.entry.id.value
            let backlinks = (1...item.occurrences).map { n in
                ["target": "cite-\(key)-\(n)", "label": "Back to citation \(n) of source \(item.number)",
                 "letter": item.occurrences == 1 ? "↩" : "↩\u{00A0}" + String(letters[(n - 1) % 26])]
            }
            return SourceItemView(key: key, number: item.number, text: APAFormatter.format(item.entry), backlinks: backlinks)
        }
        links += numbering.citedEntries.compactMap { entry in
            guard let link = entry.link else { return nil }
            let field = entry.fields["DOI"] != nil ? "DOI" : "URL"
            return LinkOrigin(href: link, ordinal: 0, kind: .data, origin: entry.fieldLocations[field] ?? entry.id.location)
        }
        let retrieved = numbering.citedEntries.compactMap { $0.dates["accessed"]?.contentDate }.max()
        return templates.render("sources", SourcesView(entries: entries, retrieved: retrieved))
    }
}
