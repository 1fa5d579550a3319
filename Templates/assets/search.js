// Find a center: search by ZIP code, place, name or the device's position over the static index the build
// writes under the default language's search folder (see docs/search.md). Every sentence it shows is the page's,
// in the page's language (#search-words). Without this script the page links the states.
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var form = document.querySelector("form.search-form");
  if (!data || !form) return;
  var index = JSON.parse(data.textContent);
  var words = document.getElementById("search-words");
  var base = words.getAttribute("data-index");
  var listingsRoot = words.getAttribute("data-listings");
  // A sentence of the page with its %1, %2, %3 filled in.
  function say(name) {
    var text = words.getAttribute("data-" + name), values = arguments;
    return text.replace(/%([1-3])/g, function (match, n) { return String(values[Number(n)]); });
  }
  var EARTH_MILES = 3958.8;
  var NEAREST = 25;
  var NAME_LIMIT = 100;
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  var input = form.querySelector("#search-q");
  var radiusBox = form.querySelector("#search-radius");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var choices = document.querySelector(".search-choices");
  document.querySelector(".search-needs-script").hidden = true;
  form.hidden = false;

  var states = {};
  var stateByName = {};
  index.states.forEach(function (s) {
    states[s[0]] = { code: s[0], slug: s[1], name: s[2] };
    stateByName[fold(s[2])] = s[0];
    stateByName[s[0].toLowerCase()] = s[0];
  });
  var zipPrefixes = {};
  for (var z = 0; z < index.zip.length; z += 3) zipPrefixes[index.zip.substr(z, 3)] = true;
  var placeKeys = {};
  index.places.split(" ").forEach(function (key) { if (key) placeKeys[key] = true; });
  // The first listing of each cell in the names file, which lists the cells' listings in order.
  var cellStart = [];
  index.cells.reduce(function (start, cell) { cellStart.push(start); return start + cell[0]; }, 0);

  // A name as the index folds it: accents dropped, lowercase letters and digits only.
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
  }

  var requests = {};
  function fetchText(path) {
    if (!requests[path]) {
      requests[path] = fetch(base + path).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.text();
      });
      requests[path].catch(function () { delete requests[path]; });
    }
    return requests[path];
  }

  function readNumber(text, at) {
    var value = 0, scale = 1, digit;
    do {
      digit = DIGITS.indexOf(text.charAt(at++));
      if (digit < 0) throw new Error("bad index data");
      value += (digit & 31) * scale;
      scale *= 32;
    } while (digit & 32);
    return [value % 2 ? -(value - 1) / 2 : value / 2, at];
  }

  var cells = [];
  function cell(number) {
    if (!cells[number]) {
      var box = index.cells[number];
      cells[number] = fetchText("cells/" + number + ".tsv").then(function (text) {
        return text.split("\n").filter(Boolean).map(function (line) {
          var f = line.split("\t");
          var state = states[f[5]] || { slug: f[5].toLowerCase() };
          var lat = readNumber(f[6], 0), lon = readNumber(f[6], lat[1]);
          return { name: f[1], street: f[2], city: f[3], zip: f[4], state: f[5], lat: (box[1] + lat[0]) / 1e6, lon: (box[3] + lon[0]) / 1e6,
                   phone: f[7] || "", care: parseInt(f[8] || "0", 10), payment: parseInt(f[9] || "0", 10),
                   url: listingsRoot + state.slug + "/" + f[0] + "/" };
        });
      });
      cells[number].catch(function () { delete cells[number]; });
    }
    return cells[number];
  }

  function zipPoint(zip) {
    var prefix = zip.substr(0, 3);
    if (!zipPrefixes[prefix]) return Promise.resolve(null);
    return fetchText("zip/" + prefix + ".txt").then(function (text) {
      text = text.trim();
      var at = 0, lat = 0, lon = 0, read;
      while (at < text.length) {
        var suffix = text.substr(at, 2);
        read = readNumber(text, at + 2); lat += read[0];
        read = readNumber(text, read[1]); lon += read[0];
        at = read[1];
        if (prefix + suffix === zip) return { lat: lat / 1e6, lon: lon / 1e6, label: zip };
      }
      return null;
    });
  }

  // Places named `name` (folded), the largest of each state first, largest first; in `state` only when given.
  function places(name, state) {
    var key = fold(name).substr(0, 2) || "_";
    if (!placeKeys[key]) return Promise.resolve([]);
    return fetchText("places/" + key + ".tsv").then(function (text) {
      var wanted = fold(name), seen = {}, found = [];
      text.split("\n").forEach(function (line) {
        var f = line.split("\t");
        if (f.length < 3 || fold(f[0]) !== wanted || (state && f[1] !== state) || seen[f[1]]) return;
        seen[f[1]] = true;
        var lat = readNumber(f[2], 0), lon = readNumber(f[2], lat[1]);
        found.push({ lat: lat[0] / 1e6, lon: lon[0] / 1e6, label: f[0] + ", " + f[1], order: found.length });
      });
      return found;
    });
  }

  function haversine(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180;
    var a = Math.sin((lat2 - lat1) * r / 2), b = Math.sin((lon2 - lon1) * r / 2);
    var h = a * a + Math.cos(lat1 * r) * Math.cos(lat2 * r) * b * b;
    return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // A lower bound of the distance from a point to any point of a cell's box: the larger of the distance in
  // latitude and the distance to the great circle of the nearer meridian edge.
  function boundToCell(point, box) {
    var r = Math.PI / 180;
    var south = box[1] / 1e6, north = box[2] / 1e6, west = box[3] / 1e6, east = box[4] / 1e6;
    var byLatitude = point.lat < south ? south - point.lat : point.lat > north ? point.lat - north : 0;
    var byLongitude = 0;
    if (point.lon < west || point.lon > east) {
      var apart = Math.min(((west - point.lon) % 360 + 360) % 360, ((point.lon - east) % 360 + 360) % 360);
      if (apart < 90) byLongitude = Math.asin(Math.cos(point.lat * r) * Math.sin(apart * r)) / r;
    }
    return Math.max(byLatitude, byLongitude) * r * EARTH_MILES;
  }

  function wanted(facet) {
    var mask = 0;
    index[facet].forEach(function (group, bit) {
      if (form.querySelector('input[name="' + facet + '"][value="' + group[0] + '"]:checked')) mask |= 1 << bit;
    });
    return mask;
  }

  function matchesFilters(listing, care, payment) {
    return (!care || (listing.care & care)) && (!payment || (listing.payment & payment));
  }

  function byDistance(a, b) {
    return a.distance - b.distance || (a.listing.name < b.listing.name ? -1 : a.listing.name > b.listing.name ? 1 : 0)
      || (a.listing.url < b.listing.url ? -1 : a.listing.url > b.listing.url ? 1 : 0);
  }

  // Every listing within `radius` miles of `point` (or the 25 nearest), fetching only cells that can hold one.
  function near(point, radius, care, payment) {
    var order = index.cells.map(function (box, number) { return { number: number, bound: boundToCell(point, box) }; })
      .sort(function (a, b) { return a.bound - b.bound || a.number - b.number; });
    function collect(loaded) {
      var found = [];
      loaded.forEach(function (listings) {
        listings.forEach(function (listing) {
          if (!matchesFilters(listing, care, payment)) return;
          var distance = haversine(point.lat, point.lon, listing.lat, listing.lon);
          if (radius === "nearest" || distance <= radius) found.push({ listing: listing, distance: distance });
        });
      });
      return found.sort(byDistance);
    }
    if (radius !== "nearest") {
      var due = order.filter(function (entry) { return entry.bound <= radius; });
      return Promise.all(due.map(function (entry) { return cell(entry.number); })).then(collect);
    }
    // The nearest: cells in order of their bound, until the next cannot hold anything nearer than the 25th.
    var loaded = [];
    function step(at) {
      var found = collect(loaded);
      if (at >= order.length || (found.length >= NEAREST && order[at].bound > found[NEAREST - 1].distance)) {
        return found.slice(0, NEAREST);
      }
      return cell(order[at].number).then(function (listings) { loaded.push(listings); return step(at + 1); });
    }
    return Promise.resolve(step(0));
  }

  // Listings whose folded name holds the folded query, or holds it with one letter added, left out or changed.
  function named(query, care, payment) {
    var wantedName = fold(query);
    return fetchText("names.txt").then(function (text) {
      var names = text.split("\n"), hits = [];
      for (var i = 0; i < names.length; i++) {
        var name = fold(names[i]);
        if (!name) continue;
        var rank = name.indexOf(wantedName) >= 0 ? 0 : wantedName.length >= 4 && withinOneEdit(wantedName, name) ? 1 : -1;
        if (rank >= 0) hits.push({ at: i, rank: rank });
      }
      return hits;
    }).then(function (hits) {
      var numbers = {};
      hits.forEach(function (hit) { hit.cell = cellOf(hit.at); numbers[hit.cell] = true; });
      var wantedCells = Object.keys(numbers).map(Number);
      return Promise.all(wantedCells.map(cell)).then(function () {
        return Promise.all(hits.map(function (hit) {
          return cell(hit.cell).then(function (listings) { return { listing: listings[hit.at - cellStart[hit.cell]], rank: hit.rank }; });
        }));
      });
    }).then(function (found) {
      return found.filter(function (hit) { return matchesFilters(hit.listing, care, payment); }).sort(function (a, b) {
        return a.rank - b.rank || byDistance({ distance: 0, listing: a.listing }, { distance: 0, listing: b.listing });
      });
    });
  }

  function cellOf(at) {
    var number = 0;
    while (number + 1 < cellStart.length && cellStart[number + 1] <= at) number++;
    return number;
  }

  // Whether `pattern` matches some part of `text` with at most one edit (an approximate substring match).
  function withinOneEdit(pattern, text) {
    var previous = [], current = [], i, j;
    for (j = 0; j <= text.length; j++) previous[j] = 0;
    for (i = 1; i <= pattern.length; i++) {
      current[0] = i;
      var best = i;
      for (j = 1; j <= text.length; j++) {
        current[j] = Math.min(previous[j - 1] + (pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1), previous[j] + 1, current[j - 1] + 1);
        if (current[j] < best) best = current[j];
      }
      if (best > 1) return false;
      var swap = previous; previous = current; current = swap;
    }
    for (j = 0; j <= text.length; j++) if (previous[j] <= 1) return true;
    return false;
  }

  function labels(facet, bits) {
    // The page's own label of each group (its filter's), in the page's language.
    return index[facet].filter(function (group, bit) { return bits & (1 << bit); }).map(function (group) {
      var box = form.querySelector('input[name="' + facet + '"][value="' + group[0] + '"]');
      return box ? box.parentNode.textContent.trim() : group[1];
    });
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Each drawing is counted on the list (`data-run`), so that a test knows which search it sees.
  var drawings = 0;
  // Text for HTML: the five characters that could end a text or an attribute value are written as references.
  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // The results are written as one piece of markup (every value escaped), which a browser builds much faster
  // than element by element: the list of a dense city appears at once, even on an old phone.
  function draw(results, message) {
    var html = "";
    results.forEach(function (result) {
      var listing = result.listing;
      var distance = result.distance === undefined ? "" : result.distance.toFixed(1);
      html += '<li class="result" data-distance-miles="' + distance + '">';
      if (distance) {
        var shown = distance.replace(".", words.getAttribute("data-decimal"));
        html += '<p class="result-distance">' + escape(say(distance === "1.0" ? "mile" : "miles", shown)) + "</p>";
      }
      html += '<h2 class="result-name"><a href="' + escape(listing.url) + '">' + escape(listing.name) + "</a></h2>"
        + '<p class="result-address">' + escape(listing.street + ", " + listing.city + ", " + listing.state + " " + listing.zip) + "</p>";
      if (listing.phone) {
        var tel = "tel:+1" + listing.phone.replace(/,.*$/, "").replace(/[^0-9]/g, "");
        html += '<p class="result-phone"><a href="' + escape(tel) + '">' + escape(listing.phone) + "</a></p>";
      }
      var care = labels("care", listing.care);
      if (care.length) html += '<p class="result-care">' + escape(say("levels", care.join(", "))) + "</p>";
      html += "</li>";
    });
    list.innerHTML = html;
    status.textContent = message;
    drawings += 1;
    list.setAttribute("data-run", String(drawings));
    list.setAttribute("data-state", "done");
    if (window.performance && performance.mark) {
      // For the benchmark: the results are in the document, then (after the next frame) on the screen.
      performance.mark("search-drawn");
      requestAnimationFrame(function () { setTimeout(function () { performance.mark("search-painted"); }, 0); });
    }
  }

  // "1 center", "308 centers", "1,366 centers", grouped as the page's language groups numbers (written out: a
  // locale's formatter is slow to load the first time).
  function count(n) {
    if (n === 1) return say("one-center");
    var digits = String(n);
    if (digits.length >= Number(words.getAttribute("data-group-from"))) digits = digits.replace(/\B(?=(\d{3})+$)/g, words.getAttribute("data-group"));
    return say("centers", digits);
  }

  function describe(results, point, radius) {
    if (radius === "nearest") return results.length ? say("nearest", count(results.length), point.label) : say("no-match");
    return results.length ? say("within", count(results.length), radius, point.label) : say("none-within", radius, point.label);
  }

  function searchFrom(point, radius, care, payment) {
    return near(point, radius, care, payment).then(function (results) {
      if (window.performance && performance.mark) performance.mark("search-data");
      draw(results, describe(results, point, radius));
    });
  }

  function offerChoices(found, query) {
    choices.replaceChildren();
    var heading = element("p", "", say("which-place", query));
    var options = element("ul", "choice-list");
    found.forEach(function (place) {
      var item = element("li");
      var button = element("button", "", place.label);
      button.type = "button";
      button.addEventListener("click", function () {
        input.value = place.label;
        choices.hidden = true;
        run(true);
      });
      item.appendChild(button);
      options.appendChild(item);
    });
    choices.appendChild(heading);
    choices.appendChild(options);
    choices.hidden = false;
    draw([], say("choose-place"));
    var first = options.querySelector("button");
    if (first) first.focus();
  }

  // Reads the query: a ZIP code, a place ("Charlottesville, VA", "Charlottesville"), else a center's name.
  function search(query, radius, care, payment) {
    choices.hidden = true;
    list.setAttribute("data-state", "loading");
    if (/^\d{5}(-\d{4})?$/.test(query)) {
      return zipPoint(query.substr(0, 5)).then(function (point) {
        if (point) return searchFrom(point, radius, care, payment);
        draw([], say("unknown-zip", query.substr(0, 5)));
      });
    }
    var parts = query.split(","), state = null, name = query;
    if (parts.length > 1 && stateByName[fold(parts[parts.length - 1])]) {
      state = stateByName[fold(parts.pop())];
      name = parts.join(",");
    } else {
      var tokens = query.trim().split(/\s+/);
      if (tokens.length > 1 && tokens[tokens.length - 1].length === 2 && stateByName[tokens[tokens.length - 1].toLowerCase()]) {
        state = stateByName[tokens.pop().toLowerCase()];
        name = tokens.join(" ");
      }
    }
    return places(name, state).then(function (found) {
      if (found.length === 1) return searchFrom(found[0], radius, care, payment);
      if (found.length > 1) return offerChoices(found, name.trim());
      return named(query, care, payment).then(function (results) {
        var shown = results.slice(0, NAME_LIMIT);
        var message = results.length === 0 ? say("no-name", query)
          : results.length > shown.length ? say("named-first", count(results.length), query, shown.length) : say("named", count(results.length), query);
        draw(shown, message);
      });
    });
  }

  function locate(radius, care, payment) {
    if (!navigator.geolocation) {
      draw([], say("no-geolocation"));
      return;
    }
    list.setAttribute("data-state", "loading");
    status.textContent = say("locating");
    navigator.geolocation.getCurrentPosition(function (position) {
      searchFrom({ lat: position.coords.latitude, lon: position.coords.longitude, label: say("your-location") }, radius, care, payment).catch(failed);
    }, function () {
      draw([], say("unavailable"));
    }, { maximumAge: 600000, timeout: 20000 });
  }

  function failed() {
    draw([], say("failed"));
  }

  function currentRadius() {
    var value = radiusBox.value;
    return value === "nearest" ? value : Number(value);
  }

  // The form's state as a URL: the query, the distance and the filters; a position is never written in it.
  function stateURL(near) {
    var params = new URLSearchParams();
    if (near) params.set("near", "me"); else params.set("q", input.value.trim());
    params.set("radius", radiusBox.value);
    ["care", "payment"].forEach(function (facet) {
      form.querySelectorAll('input[name="' + facet + '"]:checked').forEach(function (box) { params.append(facet, box.value); });
    });
    return "?" + params.toString();
  }

  var lastNear = false;
  function run(push, near) {
    lastNear = !!near;
    var url = stateURL(lastNear);
    if (push && url !== window.location.search) history.pushState(null, "", url);
    else if (!push) history.replaceState(null, "", url);
    var radius = currentRadius(), care = wanted("care"), payment = wanted("payment");
    if (lastNear) return locate(radius, care, payment);
    var query = input.value.trim();
    if (!query) { draw([], say("empty")); return; }
    return search(query, radius, care, payment).catch(failed);
  }

  // Sets the form from the URL and runs the search it describes.
  function fromURL() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    var radius = params.get("radius");
    if (radius && radiusBox.querySelector('option[value="' + radius + '"]')) radiusBox.value = radius;
    ["care", "payment"].forEach(function (facet) {
      var chosen = params.getAll(facet);
      form.querySelectorAll('input[name="' + facet + '"]').forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    });
    if (params.get("near") === "me") run(false, true);
    else if (input.value) run(false);
    else { list.replaceChildren(); status.textContent = ""; choices.hidden = true; }
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  form.querySelector(".search-locate").addEventListener("click", function () { run(true, true); });
  form.addEventListener("change", function (event) {
    if (event.target === input) return;
    if (lastNear || input.value.trim()) run(false, lastNear);
  });
  window.addEventListener("popstate", fromURL);
  fromURL();
})();
