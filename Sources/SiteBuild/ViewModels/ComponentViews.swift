import SiteContent
import SiteCore
import SiteTemplates

/// `comparison.mustache`: the comparison table.
struct ComparisonView: ViewModel {
    static let schema = ViewSchema("ComparisonView", [
        "caption": .text, "feature_heading": .text, "columns": .textList,
        "rows": .list(ComparisonRowView.schema), "note": .html,
    ])
    let comparison: Comparison
    let rows: [ComparisonRowView]
    let note: String?

    func child(named name: String) -> Any? {
        switch name {
        case "caption": comparison.caption
        case "feature_heading": comparison.featureHeading
        case "columns": comparison.columns
        case "rows": rows
        case "note": note
        default: nil
        }
    }
}

/// One feature of the comparison with a cell per program.
struct ComparisonRowView: ViewModel {
    static let schema = ViewSchema("ComparisonRowView", ["feature": .text, "cells": .list(ComparisonCellView.schema)])
    let feature: String
    let cells: [ComparisonCellView]

    func child(named name: String) -> Any? {
        switch name {
        case "feature": feature
        case "cells": cells
        default: nil
        }
    }
}

/// A cell with its column name, which small screens show as a label.
struct ComparisonCellView: ViewModel {
    static let schema = ViewSchema("ComparisonCellView", ["column": .text, "html": .html])
    let column: String
    let html: String

    func child(named name: String) -> Any? {
        switch name {
        case "column": column
        case "html": html
        default: nil
        }
    }
}

/// `schedule.mustache`: the phases of a typical program.
struct ScheduleView: ViewModel {
    static let schema = ViewSchema("ScheduleView", [
        "caption": .text, "before": .html, "phases": .list(PhaseView.schema), "after": .html,
    ])
    let caption: String
    let before: String?
    let phases: [PhaseView]
    let after: String?

    func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "before": before
        case "phases": phases
        case "after": after
        default: nil
        }
    }
}

/// One phase: its weeks, sessions per week and activities.
struct PhaseView: ViewModel {
    static let schema = ViewSchema("PhaseView", ["number": .text, "name": .text, "weeks": .text, "sessions": .text, "activities": .html])
    let number: Int
    let phase: Schedule.Phase
    let activities: String

    func child(named name: String) -> Any? {
        switch name {
        case "number": String(number)
        case "name": phase.name
        case "weeks": phase.weeks
        case "sessions": phase.sessions
        case "activities": activities
        default: nil
        }
    }
}

/// `modalities.mustache`: treatment approaches.
struct ModalitiesView: ViewModel {
    static let schema = ViewSchema("ModalitiesView", ["modalities": .list(ModalityView.schema)])
    let modalities: [ModalityView]

    func child(named name: String) -> Any? { name == "modalities" ? modalities : nil }
}

/// A named item with a rendered description (a modality, or a kind of one).
struct ModalityView: ViewModel {
    static let schema = ViewSchema("ModalityView", [
        "name": .text, "description": .html, "has_kinds": .flag,
        "kinds": .list(ViewSchema("ModalityKindView", ["name": .text, "description": .html])),
    ])
    let name: String
    let description: String
    let kinds: [ModalityView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "description": description
        case "has_kinds": !kinds.isEmpty
        case "kinds": kinds
        default: nil
        }
    }
}

/// `faq.mustache`: questions and answers.
struct FAQView: ViewModel {
    static let schema = ViewSchema("FAQView", ["questions": .list(QuestionView.schema)])
    let questions: [QuestionView]

    func child(named name: String) -> Any? { name == "questions" ? questions : nil }
}

/// One question with its rendered answer.
struct QuestionView: ViewModel {
    static let schema = ViewSchema("QuestionView", ["question": .text, "answer": .html])
    let question: String
    let answer: String

    func child(named name: String) -> Any? {
        switch name {
        case "question": question
        case "answer": answer
        default: nil
        }
    }
}

/// `insurers.mustache`: the largest private insurers.
struct InsurersView: ViewModel {
    static let schema = ViewSchema("InsurersView", ["insurers": .list(ViewSchema("InsurerView", ["name": .text, "website": .text]))])
    let insurers: [Insurer]

    func child(named name: String) -> Any? {
        guard name == "insurers" else { return nil }
        return insurers.map { ["name": $0.name, "website": $0.website.value] as [String: String] }
    }
}

/// `sources.mustache`: the numbered list of the sources a page cites.
struct SourcesView: ViewModel {
    static let schema = ViewSchema("SourcesView", ["entries": .list(SourceItemView.schema), "retrieved": .object(DateView.schema)])
    let entries: [SourceItemView]
    /// The latest `accessed` date of the listed sources.
    let retrieved: ContentDate?

    func child(named name: String) -> Any? {
        switch name {
        case "entries": entries
        case "retrieved": retrieved.map(DateView.init)
        default: nil
        }
    }
}

/// One entry of the sources list, with back-links to every mark citing it.
struct SourceItemView: ViewModel {
    static let schema = ViewSchema("SourceItemView", [
        "key": .text, "number": .text, "text": .html,
        "backlinks": .list(ViewSchema("BackLinkView", ["target": .text, "label": .text, "letter": .text])),
    ])
    let key: String
    let number: Int
    let text: String
    let backlinks: [[String: String]]

    func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "number": String(number)
        case "text": text
        case "backlinks": backlinks
        default: nil
        }
    }
}
