import SiteContent
import SiteTemplates

/// A part of the guide that a shortcode places, rendered from data by a template of the same name.
///
/// The one list of components (`Component.all`) serves loading (which data files are read), validation
/// (which shortcodes exist and what each needs), rendering and dependency recording; adding a component
/// is one entry here, its view model and its template.
package struct Component: Sendable {
    /// The shortcode's name, which is also its template's (`Templates/<name>.mustache`).
    let name: String
    /// The data file of `Content/guide/data/` it shows; nil when it draws on other content.
    let data: GuideData.Part?
    /// Its template with the view model it renders.
    let binding: TemplateBinding
    /// Renders it for one page; empty when its data is absent.
    let render: @Sendable (ComponentRenderer) -> String

    var template: String { name }

    static let all: [Component] = [
        Component(name: "comparison", data: .comparison, binding: .template("comparison", renders: ComparisonView.self)) { $0.renderComparison() },
        Component(name: "schedule", data: .schedule, binding: .template("schedule", renders: ScheduleView.self)) { $0.renderSchedule() },
        Component(name: "modalities", data: .modalities, binding: .template("modalities", renders: ModalitiesView.self)) { $0.renderModalities() },
        Component(name: "faq", data: .faq, binding: .template("faq", renders: FAQView.self)) { $0.renderFAQ() },
        Component(name: "insurers", data: .insurers, binding: .template("insurers", renders: InsurersView.self)) { $0.renderInsurers() },
        Component(name: "sources", data: nil, binding: .template("sources", renders: SourcesView.self)) { $0.renderSources() },
        Component(name: "featured-centers", data: nil, binding: .template("featured-centers", renders: FeaturedCentersView.self)) { $0.renderFeaturedCenters() },
    ]

    static let byName: [String: Component] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The shortcodes guide Markdown may place.
    package static let shortcodes = Set(all.map(\.name))

    /// The data files the components show, for the loader.
    static let dataParts = all.compactMap(\.data)

    /// The templates and the view models they render.
    static let bindings = all.map(\.binding)
}
