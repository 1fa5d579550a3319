import SiteContent
import SiteTemplates

/// A part of the guide that a shortcode places, rendered from data by a template of the same name.
///
/// The one list of components (`Component.all`) serves loading (which data files are read), validation
/// (which shortcodes exist and what each needs), rendering and dependency recording; adding a component
/// is one entry here, its view model and its template.
struct Component: Sendable {
    /// The shortcode's name, which is also its template's (`Templates/<name>.mustache`).
    let name: String
    /// The data file of `Content/guide/data/` it shows; nil when it draws on other content.
    let data: GuideData.Part?
    /// The view model its template is checked against.
    let schema: ViewSchema
    /// Renders it for one page; empty when its data is absent.
    let render: @Sendable (ComponentRenderer) -> String

    var template: String { name }

    static let all: [Component] = [
        Component(name: "comparison", data: .comparison, schema: ComparisonView.schema) { $0.renderComparison() },
        Component(name: "schedule", data: .schedule, schema: ScheduleView.schema) { $0.renderSchedule() },
        Component(name: "modalities", data: .modalities, schema: ModalitiesView.schema) { $0.renderModalities() },
        Component(name: "faq", data: .faq, schema: FAQView.schema) { $0.renderFAQ() },
        Component(name: "insurers", data: .insurers, schema: InsurersView.schema) { $0.renderInsurers() },
        Component(name: "sources", data: nil, schema: SourcesView.schema) { $0.renderSources() },
        Component(name: "featured-centers", data: nil, schema: FeaturedCentersView.schema) { $0.renderFeaturedCenters() },
    ]

    static let byName: [String: Component] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The shortcodes guide Markdown may place.
    static let shortcodes = Set(all.map(\.name))

    /// The data files the components show, for the loader.
    static let dataParts = all.compactMap(\.data)

    /// The templates and the view models they are checked against.
    static let schemas = Dictionary(uniqueKeysWithValues: all.map { ($0.template, $0.schema) })
}
