public import SiteCore

/// A data file of the search index, fetched by the search page's script.
public enum SearchFile: Sendable, Hashable {
    /// `cells/<n>.tsv`: the listings of cell n.
    case cell(Int)
    /// `names.txt`: every placed listing's name, in cell order (for search by name).
    case names
    /// `zip/<first three digits>.txt`: the points of those ZIP codes.
    case zipCodes(String)
    /// `places/<first two letters>.tsv`: the places whose folded name starts so.
    case places(String)

    public var route: Route {
        let root = SearchIndex.root.path
        switch self {
        case .cell(let number): return Route(root + "cells/\(number).tsv")
        case .names: return Route(root + "names.txt")
        case .zipCodes(let prefix): return Route(root + "zip/\(prefix).txt")
        case .places(let key): return Route(root + "places/\(key).tsv")
        }
    }
}
