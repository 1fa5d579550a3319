// Citation previews: hovering or focusing a citation mark shows its reference beside it.
// Progressive enhancement only: without this script every mark is a plain link to its entry.
(function () {
  "use strict";
  var preview = null;
  var owner = null;

  function referenceText(link) {
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var entry = document.getElementById(id);
    if (!entry) return null;
    var copy = entry.cloneNode(true);
    var backlinks = copy.querySelector(".backlinks");
    if (backlinks) backlinks.remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function show(link) {
    var text = referenceText(link);
    if (!text) return;
    hide();
    preview = document.createElement("div");
    preview.id = "citation-preview";
    preview.className = "citation-preview";
    preview.setAttribute("role", "tooltip");
    preview.textContent = text;
    document.body.appendChild(preview);
    var box = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    preview.style.width = width + "px";
    preview.style.left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    preview.style.top = (box.bottom + window.scrollY + 6) + "px";
    owner = link;
    link.setAttribute("aria-describedby", "citation-preview");
  }

  function hide() {
    if (preview) preview.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    preview = null;
    owner = null;
  }

  function markFrom(event) {
    return event.target.closest ? event.target.closest(".citation a") : null;
  }

  document.addEventListener("mouseover", function (event) { var link = markFrom(event); if (link) show(link); });
  document.addEventListener("mouseout", function (event) { if (markFrom(event)) hide(); });
  document.addEventListener("focusin", function (event) { var link = markFrom(event); if (link) show(link); });
  document.addEventListener("focusout", function (event) { if (markFrom(event)) hide(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
})();
