import Foundation
import HTTPTypes
import Hummingbird
import SiteBuild
import SiteCore
import SiteTemplates

/// Answers the dev server's requests from the snapshot in memory: pages with the live-reload script,
/// assets, the site's 404 page, a 503 page until the first build is done, and the live-reload files.
/// Only what the snapshot holds can be served, and a path that tries to leave the site is refused.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: DevState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n")
        }
        let response = answer(path: request.uri.path)
        if request.method == .head {
            var headers = response.headers
            headers[.contentLength] = nil
            return Response(status: response.status, headers: headers, body: ResponseBody())
        }
        return response
    }

    /// The answer for a raw (percent-encoded) request path.
    func answer(path raw: String) -> Response {
        guard let path = DevPath.resolve(raw, basePath: state.basePath) else {
            return Self.text(.badRequest, "Refused: the path leaves the site or is not a valid path.\n")
        }
        switch path {
        case .outside(let decoded):
            if decoded == "/" { return Self.redirect(state.basePath) }
            return notFound()
        case .live(let name):
            return live(name)
        case .site(let relative):
            return site(relative)
        }
    }

    private func live(_ name: String) -> Response {
        switch name {
        case "live.js": return Self.body(.ok, type: "text/javascript; charset=utf-8", LiveReloadScript.script)
        case "live.css": return Self.body(.ok, type: "text/css; charset=utf-8", LiveReloadScript.stylesheet)
        case "events":
            let stream = state.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                for await event in stream { try await writer.write(ByteBuffer(string: event)) }
                                try await writer.finish(nil)
                            })
        default: return notFound()
        }
    }

    private func site(_ relative: String) -> Response {
        guard let snapshot = state.site else {
            // Before the first good build: the build is running, or its problems are listed in the overlay.
            let text = state.problems.isEmpty ? "The site is being built; this page reloads when it is ready."
                                              : "The site cannot be built yet; fix the problems listed and this page reloads."
            let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building…</title>"
                + LiveReloadScript.tag(basePath: state.basePath) + "</head><body><main><p>\(text)</p></main></body></html>\n"
            return Self.body(.serviceUnavailable, type: "text/html; charset=utf-8", page)
        }
        if let page = snapshot.page(at: relative) { return html(.ok, page.html, relative: relative) }
        if let asset = snapshot.assets.first(where: { $0.path == relative }) {
            return Response(status: .ok, headers: Self.headers(type: ContentType.of(relative), length: asset.data.count),
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.data)))
        }
        if !relative.isEmpty, !relative.hasSuffix("/"), snapshot.page(at: relative + "/") != nil {
            return Self.redirect(state.basePath + relative + "/")
        }
        return notFound(under: relative)
    }

    /// The 404 page, in the language of the missing path's folder when it has one (`es/…` → `es/404.html`).
    private func notFound(under relative: String = "") -> Response {
        let folder = relative.split(separator: "/", maxSplits: 1).first.map { "\($0)/404.html" }
        guard let (file, page) = [folder, "404.html"].compactMap({ $0 }).lazy
            .compactMap({ file in self.state.site?.page(at: file).map { (file, $0) } }).first
        else { return Self.text(.notFound, "Not found.\n") }
        return html(.notFound, page.html, relative: file, notFound: true)
    }

    private func html(_ status: HTTPResponse.Status, _ html: String, relative: String, notFound: Bool = false) -> Response {
        guard ContentType.of(relative).hasPrefix("text/html") else {
            return Self.body(status, type: ContentType.of(relative), html)
        }
        let tag = LiveReloadScript.tag(basePath: state.basePath, notFound: notFound)
        let served = html.range(of: "</head>").map { html.replacingCharacters(in: $0.lowerBound..<$0.lowerBound, with: tag) } ?? tag + html
        return Self.body(status, type: "text/html; charset=utf-8", served)
    }

    static func headers(type: String, length: Int) -> HTTPFields {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(length)]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    static func body(_ status: HTTPResponse.Status, type: String, _ text: String) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(status: status, headers: headers(type: type, length: buffer.readableBytes), body: ResponseBody(byteBuffer: buffer))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        body(status, type: "text/plain; charset=utf-8", text)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store", .contentLength: "0"])
    }
}
