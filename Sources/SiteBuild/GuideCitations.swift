import SiteContent
import SiteMarkdown

/// A guide's citations in reading order: the body's, with each component's at the place of its shortcode.
enum GuideCitations {
    static func inOrder(_ guide: GuidePage, data: GuideData) -> [Citation] {
        guide.body.collect { node -> [Citation]? in
            switch node.kind {
            case .citation(let citation): [citation]
            case .shortcode(let name): Component.byName[name]?.data.map { data.markdownFields(of: $0).flatMap(\.document.citations) }
            default: nil
            }
        }.flatMap { $0 }
    }
}
