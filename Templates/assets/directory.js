// Directory enhancements. Without this script every listing shows and the list of states links to each page.
(function () {
  "use strict";

  // The state picker: a select box that goes to the chosen state's page.
  var picker = document.querySelector("form.state-select");
  if (picker) {
    picker.hidden = false;
    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = picker.querySelector("select").value;
      if (url) window.location.href = url;
    });
  }

  // Filters: within a group a listing needs any checked option; across groups, all groups.
  var filters = document.querySelector("form.filters");
  if (!filters) return;
  var listings = Array.prototype.slice.call(document.querySelectorAll(".listings .listing"));
  var status = document.querySelector(".filter-status");
  filters.hidden = false;

  function checked(facet) {
    return Array.prototype.slice.call(filters.querySelectorAll('input[name="' + facet + '"]:checked'))
      .map(function (box) { return box.value; });
  }

  function matches(listing, facet, wanted) {
    if (wanted.length === 0) return true;
    var has = (listing.getAttribute("data-" + facet) || "").split(" ");
    return wanted.some(function (value) { return has.indexOf(value) !== -1; });
  }

  function apply() {
    var care = checked("care");
    var payment = checked("payment");
    var shown = 0;
    listings.forEach(function (listing) {
      var visible = matches(listing, "care", care) && matches(listing, "payment", payment);
      listing.hidden = !visible;
      if (visible) shown += 1;
    });
    var filtered = care.length + payment.length > 0;
    // The sentences are the page's, in its language: %1 and %2 are the numbers.
    status.textContent = filtered
      ? status.getAttribute("data-showing").replace("%1", shown).replace("%2", listings.length)
      : status.getAttribute("data-showing-all").replace("%1", listings.length);
  }

  filters.addEventListener("change", apply);
})();
