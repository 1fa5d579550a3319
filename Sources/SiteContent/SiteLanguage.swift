public import SiteCore

/// One language of the site, as `languages:` in site.yaml names it: its code (the `hreflang` and `<html lang>`
/// value), its name in itself for the switcher, and where its pages live. The first language is the default:
/// its pages are at the root; every other language's are under `/<code>/`.
public struct SiteLanguage: Sendable, Hashable {
    public let code: String
    /// The language's name in itself: "English", "Español".
    public let name: String
    /// The path of its pages under the base path: "" for the default language, else "es/".
    public let prefix: String
    /// The directory's folder: `rehab-centers` in English, e.g. `centros-de-tratamiento` in Spanish.
    public let directorySlug: String
    /// The search page's folder inside the directory's: `find`, e.g. `buscar`.
    public let searchSlug: String

    public init(code: String, name: String, prefix: String, directorySlug: String = "rehab-centers", searchSlug: String = "find") {
        self.code = code
        self.name = name
        self.prefix = prefix
        self.directorySlug = directorySlug
        self.searchSlug = searchSlug
    }

    /// A site of one language, as every site was before `languages:`.
    public static let english = SiteLanguage(code: "en", name: "English", prefix: "")

    public var isDefault: Bool { prefix.isEmpty }
    /// The language's home page: `/` or `/es/`.
    public var home: Route { Route("/" + prefix) }
    /// The directory's index: `/rehab-centers/` or `/es/centros-de-tratamiento/`.
    public var directory: Route { Route("/\(prefix)\(directorySlug)/") }
    /// The search page: `/rehab-centers/find/` or `/es/centros-de-tratamiento/buscar/`.
    public var search: Route { Route("/\(prefix)\(directorySlug)/\(searchSlug)/") }
    /// The 404 page: `/404.html` or `/es/404.html`.
    public var notFound: Route { Route("/\(prefix)404.html") }
}
