import SiteCore
import SiteTemplates

/// A page ready for its template: the view model made, not yet rendered, with the page's own link origins
/// (those after its template's literal links, not numbered yet).
struct PageDraft: Sendable {
    let template: String
    /// Renders the view with the library's template `template`, recording the template files it reads.
    let render: @Sendable (TemplateLibrary, DependencyRecorder) -> String
    /// Renders the view as `render` does, handing the page's bytes to the last argument instead of making a String.
    let write: @Sendable (TemplateLibrary, DependencyRecorder, (UnsafeRawBufferPointer) -> Void) -> Void
    let links: [LinkOrigin]

    /// `capacity`: the bytes the page is expected to take (see `TemplateLibrary.render`).
    init<Model: ViewModel>(_ template: String, _ view: Model, links: [LinkOrigin] = [], capacity: Int = 16_384) {
        self.template = template
        self.links = links
        render = { templates, recorder in templates.render(template, view, recorder: recorder, capacity: capacity) }
        write = { templates, recorder, body in templates.render(template, view, recorder: recorder, capacity: capacity, into: body) }
    }
}

/// A rendered page's view model, kept by a long-lived build with what making it read: after an edit of
/// templates that the view did not read (a layout or a page template), the page is the new template run on
/// the kept view. Nothing of the content is read again, no view is made again and no link found again, and the
/// page is the one a full render would make, because nothing the view was made from has changed.
struct KeptView: Sendable {
    let draft: PageDraft
    /// What the page read before its template rendered: everything the view was made from.
    let reads: Set<Dependency>
    /// The template files the page's template read when it rendered.
    let templateFiles: [String]
    /// The link origins of the template that the page's own were numbered after: while they are the same, so are
    /// the page's link origins.
    let linkPrefix: [LinkOrigin]
    /// The page's language (`PageSpec.language`), whose templates render it again.
    var language = ""
}
