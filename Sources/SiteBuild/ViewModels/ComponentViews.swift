import SiteContent
import SiteCore
import SiteTemplates

/// `comparison.mustache`: the comparison table.
struct ComparisonView: ViewModel {
    static let fields = ViewFields<ComparisonView>("ComparisonView", [
        .text("caption") { $0.comparison.caption },
        .text("feature_heading") { $0.comparison.featureHeading },
        .textList("columns") { $0.comparison.columns },
        .list("rows") { $0.rows },
        .html("note") { $0.note },
    ])
    let comparison: Comparison
    let rows: [ComparisonRowView]
    let note: String?
}

/// One feature of the comparison with a cell per program.
struct ComparisonRowView: ViewModel {
    static let fields = ViewFields<ComparisonRowView>("ComparisonRowView", [
        .text("feature") { $0.feature },
        .list("cells") { $0.cells },
    ])
    let feature: String
    let cells: [ComparisonCellView]
}

/// A cell with its column name, which small screens show as a label.
struct ComparisonCellView: ViewModel {
    static let fields = ViewFields<ComparisonCellView>("ComparisonCellView", [
        .text("column") { $0.column },
        .html("html") { $0.html },
    ])
    let column: String
    let html: String
}

/// `schedule.mustache`: the phases of a typical program.
struct ScheduleView: ViewModel {
    static let fields = ViewFields<ScheduleView>("ScheduleView", [
        .text("caption") { $0.caption },
        .html("before") { $0.before },
        .list("phases") { $0.phases },
        .html("after") { $0.after },
    ])
    let caption: String
    let before: String?
    let phases: [PhaseView]
    let after: String?
}

/// One phase: its weeks, sessions per week and activities.
struct PhaseView: ViewModel {
    static let fields = ViewFields<PhaseView>("PhaseView", [
        .text("number") { String($0.number) },
        .text("name") { $0.phase.name },
        .text("weeks") { $0.phase.weeks },
        .text("sessions") { $0.phase.sessions },
        .html("activities") { $0.activities },
    ])
    let number: Int
    let phase: Schedule.Phase
    let activities: String
}

/// `modalities.mustache`: treatment approaches.
struct ModalitiesView: ViewModel {
    static let fields = ViewFields<ModalitiesView>("ModalitiesView", [.list("modalities") { $0.modalities }])
    let modalities: [ModalityView]
}

/// A treatment approach with its rendered description and its kinds.
struct ModalityView: ViewModel {
    static let fields = ViewFields<ModalityView>("ModalityView", [
        .text("name") { $0.name },
        .html("description") { $0.description },
        .flag("has_kinds") { !$0.kinds.isEmpty },
        .list("kinds") { $0.kinds },
    ])
    let name: String
    let description: String
    let kinds: [ModalityKindView]
}

/// A kind of a treatment approach.
struct ModalityKindView: ViewModel {
    static let fields = ViewFields<ModalityKindView>("ModalityKindView", [
        .text("name") { $0.name },
        .html("description") { $0.description },
    ])
    let name: String
    let description: String
}

/// `faq.mustache`: questions and answers.
struct FAQView: ViewModel {
    static let fields = ViewFields<FAQView>("FAQView", [.list("questions") { $0.questions }])
    let questions: [QuestionView]
}

/// One question with its rendered answer.
struct QuestionView: ViewModel {
    static let fields = ViewFields<QuestionView>("QuestionView", [
        .text("question") { $0.question },
        .html("answer") { $0.answer },
    ])
    let question: String
    let answer: String
}

/// `insurers.mustache`: the largest private insurers.
struct InsurersView: ViewModel {
    static let fields = ViewFields<InsurersView>("InsurersView", [.list("insurers") { $0.insurers.map(InsurerView.init) }])
    let insurers: [Insurer]
}

/// One insurer and its website.
struct InsurerView: ViewModel {
    static let fields = ViewFields<InsurerView>("InsurerView", [
        .text("name") { $0.insurer.name },
        .text("website") { $0.insurer.website.value },
    ])
    let insurer: Insurer
}

/// `sources.mustache`: the numbered list of the sources a page cites.
struct SourcesView: ViewModel {
    static let fields = ViewFields<SourcesView>("SourcesView", [
        .list("entries") { $0.entries },
        .object("retrieved") { view in view.retrieved.map { DateView(date: $0, words: view.words) } },
    ])
    let entries: [SourceItemView]
    /// The latest `accessed` date of the listed sources.
    let retrieved: ContentDate?
    let words: Words
}

/// One entry of the sources list, with back-links to every mark citing it.
struct SourceItemView: ViewModel {
    static let fields = ViewFields<SourceItemView>("SourceItemView", [
        .text("key") { $0.key },
        .text("number") { String($0.number) },
        .html("text") { $0.text },
        .list("backlinks") { $0.backlinks },
    ])
    let key: String
    let number: Int
    let text: String
    let backlinks: [BackLinkView]
}

/// A link from a source back to one mark citing it.
struct BackLinkView: ViewModel {
    static let fields = ViewFields<BackLinkView>("BackLinkView", [
        .text("target") { $0.target },
        .text("label") { $0.label },
        .text("letter") { $0.letter },
    ])
    let target: String
    let label: String
    let letter: String
}
