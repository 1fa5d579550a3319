/// The files the dev server adds to every page it serves (never to `iopsite build` output): a script
/// that listens for changes and a stylesheet for its error overlay. Both are same-origin files, so the
/// pages' Content-Security-Policy (`script-src 'self'; style-src 'self'`) holds; the overlay is built
/// with DOM calls and `textContent`, never markup.
enum LiveReloadScript {
    static let folder = "__iopsite/"

    /// The tag inserted before `</head>` of every served page; `notFound` marks the 404 page served for a
    /// missing path, which reloads when that path gets a page.
    static func tag(basePath: String, notFound: Bool = false) -> String {
        "<script src=\"\(basePath)\(folder)live.js\" defer\(notFound ? " data-not-found" : "")></script>"
    }

    static let script = #"""
    (function () {
      "use strict";
      var me = document.currentScript;
      var base = me.src.replace(/live\.js(\?.*)?$/, "");
      var source = new EventSource(base + "events");
      var overlay = null;

      function here() {
        var path = decodeURI(location.pathname);
        return path.replace(/index\.html$/, "");
      }

      function showProblems(problems) {
        hideProblems();
        if (!problems.length) { return; }
        if (!document.querySelector("link[data-iopsite-overlay]")) {
          var style = document.createElement("link");
          style.rel = "stylesheet";
          style.href = base + "live.css";
          style.setAttribute("data-iopsite-overlay", "");
          document.head.appendChild(style);
        }
        overlay = document.createElement("section");
        overlay.id = "iopsite-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "Build problems");
        var heading = document.createElement("h2");
        heading.textContent = "The last change broke the build; this page shows the last good version.";
        overlay.appendChild(heading);
        var list = document.createElement("ul");
        problems.forEach(function (problem) {
          var item = document.createElement("li");
          var where = document.createElement("code");
          where.textContent = problem.location;
          item.appendChild(where);
          item.appendChild(document.createTextNode(" " + problem.severity + ": " + problem.message));
          list.appendChild(item);
        });
        overlay.appendChild(list);
        document.body.appendChild(overlay);
      }

      function hideProblems() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function swapStyles(styles) {
        var links = document.querySelectorAll("link[rel=stylesheet]");
        Array.prototype.forEach.call(links, function (link) {
          var url = new URL(link.href, location.href);
          if (url.origin === location.origin && styles.indexOf(url.pathname) >= 0) {
            url.searchParams.set("iopsite", Date.now());
            link.href = url.pathname + url.search;
          }
        });
      }

      source.addEventListener("problems", function (event) {
        showProblems(JSON.parse(event.data).problems);
      });

      source.addEventListener("change", function (event) {
        var change = JSON.parse(event.data);
        hideProblems();
        var path = here();
        var notFound = me.hasAttribute("data-not-found");
        var mine = change.routes.some(function (route) {
          return route === path || (notFound && /\/404\.html$/.test(route));
        });
        if (change.reload || mine) {
          location.reload();
        } else if (change.styles.length) {
          swapStyles(change.styles);
        }
      });
    })();

    """#

    static let stylesheet = #"""
    #iopsite-overlay {
      position: fixed; inset: auto 0 0 0; z-index: 2147483647; max-height: 60vh; overflow: auto;
      margin: 0; padding: 1rem 1.25rem; background: #fff4f4; color: #3b0a0a;
      border-top: 4px solid #b00020; font: 15px/1.45 system-ui, sans-serif;
      box-shadow: 0 -4px 16px rgba(0, 0, 0, 0.2);
    }
    #iopsite-overlay h2 { margin: 0 0 0.5rem; font-size: 1rem; }
    #iopsite-overlay ul { margin: 0; padding-left: 1.25rem; }
    #iopsite-overlay code { font: 14px/1.45 ui-monospace, monospace; font-weight: bold; }

    """#
}
