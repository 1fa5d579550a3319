import SiteCore
package import SiteMarkdown
import Yams

extension GuideData {
    /// Reads the files of `parts` that exist, with `read` (the loader's file reader); `parse` runs each
    /// file's parse (through a long-lived process's cache when it has one).
    /// `folders` are searched in order for each part's file (a translation's folder, then the default language's).
    package static func read(parts: [Part], folders: [String] = [GuideData.folder], exists: (String) -> Bool, read: (String) -> String?,
                     options: MarkdownOptions, log: DiagnosticLog,
                     parse: (_ path: String, _ text: String, _ log: DiagnosticLog, _ make: (DiagnosticLog) -> GuideData) -> GuideData
                        = { _, _, log, make in make(log) }) -> GuideData {
        var data = GuideData()
        for part in Set(parts).sorted(by: { $0.file < $1.file }) {
            guard let path = folders.map(part.path(in:)).first(where: exists), let text = read(path) else { continue }
            data.paths.append(path)
            data.files[part] = path
            let parsed = parse(path, text, log) { log in GuideData.parse(part, path: path, text: text, options: options, log: log) }
            switch part {
            case .comparison: data.comparison = parsed.comparison
            case .schedule: data.schedule = parsed.schedule
            case .modalities: data.modalities = parsed.modalities
            case .faq: data.faq = parsed.faq
            case .insurers: data.insurers = parsed.insurers
            }
        }
        return data
    }

    /// The data of one file, alone in a `GuideData`.
    private static func parse(_ part: Part, path: String, text: String, options: MarkdownOptions, log: DiagnosticLog) -> GuideData {
        var data = GuideData()
        if part == .insurers {
            data.insurers = Insurer.readList(CSVTable(path: path, text: text), log: log)
            return data
        }
        let file = YAMLFile(path: path, text: text, log: log)
        guard let map = file.root.flatMap({ YAMLMapping($0, in: file, what: part.file, log: log) }) else { return data }
        switch part {
        case .comparison: data.comparison = Comparison.read(map, options: options)
        case .schedule: data.schedule = Schedule.read(map, options: options)
        case .modalities: data.modalities = Modality.readList(map, options: options)
        case .faq: data.faq = FAQEntry.readList(map, options: options)
        case .insurers: break
        }
        return data
    }
}

extension YAMLMapping {
    /// Each item of the list under `key` as a mapping; a missing or empty list is an error.
    func items(_ key: String, what: String) -> [YAMLMapping] {
        guard let nodes = sequence(key) else {
            if !has(key) { missing(key) }
            return []
        }
        if nodes.isEmpty { log.error("'\(key)' must not be empty", at: location) }
        return nodes.compactMap { YAMLMapping($0, in: file, what: what, log: log) }
    }

    /// The strings of the list under `key`.
    func strings(_ key: String) -> [Located<String>]? {
        guard let nodes = sequence(key) else {
            missing(key)
            return nil
        }
        return nodes.compactMap { node in
            guard let text = node.scalar?.string, !text.isEmpty else {
                log.error("'\(key)' must be a list of texts", at: file.location(of: node))
                return nil
            }
            return Located(text, at: file.location(of: node))
        }
    }
}

extension Comparison {
    static func read(_ map: YAMLMapping, options: MarkdownOptions) -> Comparison? {
        let caption = map.string("caption", required: true)
        let featureHeading = map.string("feature_heading")?.value ?? "Feature"
        let columns = map.strings("columns") ?? []
        var rows: [Row] = []
        for row in map.items("rows", what: "comparison row") {
            let feature = row.string("feature", required: true)
            var cells: [MarkdownField] = []
            if let nodes = row.sequence("cells") {
                if nodes.count != columns.count {
                    row.log.error("this row has \(nodes.count) cells but the table has \(columns.count) columns", at: row.location)
                }
                for node in nodes {
                    if let cell = MarkdownField(node: node, key: "cells", file: row.file, options: options, log: row.log) { cells.append(cell) }
                }
            } else {
                row.missing("cells")
            }
            row.finish()
            if let feature { rows.append(Row(feature: feature.value, cells: cells)) }
        }
        let note = map.markdown("note", options: options)
        map.finish()
        guard let caption, !columns.isEmpty else { return nil }
        return Comparison(caption: caption.value, featureHeading: featureHeading, columns: columns.map(\.value), rows: rows, note: note)
    }
}

extension Schedule {
    static func read(_ map: YAMLMapping, options: MarkdownOptions) -> Schedule? {
        let caption = map.string("caption", required: true)
        let before = map.markdown("before", options: options)
        var phases: [Phase] = []
        for item in map.items("phases", what: "schedule phase") {
            let name = item.string("name", required: true)
            let weeks = item.string("weeks", required: true)
            let sessions = item.string("sessions", required: true)
            let activities = item.markdown("activities", required: true, options: options)
            item.finish()
            if let name, let weeks, let sessions, let activities {
                phases.append(Phase(name: name.value, weeks: weeks.value, sessions: sessions.value, activities: activities))
            }
        }
        let after = map.markdown("after", options: options)
        map.finish()
        return caption.map { Schedule(caption: $0.value, before: before, phases: phases, after: after) }
    }
}

extension Modality {
    static func readList(_ map: YAMLMapping, options: MarkdownOptions) -> [Modality] {
        let list = map.items("modalities", what: "modality").compactMap { item -> Modality? in
            let name = item.string("name", required: true)
            let description = item.markdown("description", required: true, options: options)
            let kinds = item.has("kinds") ? item.items("kinds", what: "kind of modality").compactMap { kind -> Kind? in
                let kindName = kind.string("name", required: true)
                let kindDescription = kind.markdown("description", required: true, options: options)
                kind.finish()
                guard let kindName, let kindDescription else { return nil }
                return Kind(name: kindName.value, description: kindDescription)
            } : []
            item.finish()
            guard let name, let description else { return nil }
            return Modality(name: name.value, description: description, kinds: kinds)
        }
        map.finish()
        return list
    }
}

extension FAQEntry {
    static func readList(_ map: YAMLMapping, options: MarkdownOptions) -> [FAQEntry] {
        let list = map.items("questions", what: "question").compactMap { item -> FAQEntry? in
            let question = item.string("question", required: true)
            let answer = item.markdown("answer", required: true, options: options)
            item.finish()
            guard let question, let answer else { return nil }
            return FAQEntry(question: question.value, answer: answer)
        }
        map.finish()
        return list
    }
}

extension Insurer {
    static func readList(_ table: CSVTable, log: DiagnosticLog) -> [Insurer] {
        guard table.require(["name", "website"], log: log) else { return [] }
        return table.readableRows(log: log).compactMap { row in
            guard let name = table.value("name", in: row), let website = table.value("website", in: row) else { return nil }
            let lowered = website.value.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
                log.error("'website' must be an http or https URL, not '\(website.value)'", at: website.location)
                return nil
            }
            return Insurer(name: name.value, website: website)
        }
    }
}
