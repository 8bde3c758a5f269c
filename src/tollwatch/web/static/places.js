// The event page's place correction: suggestions from /api/places fill the form's
// place, province, country, lat and lon together. Text only (no HTML is built).
(function () {
  "use strict";
  var box = document.getElementById("place-search");
  var list = document.getElementById("place-options");
  if (!box || !list) { return; }
  var form = box.form;
  var found = new Map();
  var timer = null;

  function label(p) {
    var where = [p.name, p.admin1, p.country].filter(Boolean).join(", ");
    return where + " (" + p.feature + "; " + p.lat + ", " + p.lon + ")";
  }

  function fill(p) {
    form.elements.place_location.value = p.name;
    form.elements.place_admin1.value = p.admin1 || "";
    form.elements.place_country.value = p.country || "";
    form.elements.place_lat.value = p.lat;
    form.elements.place_lon.value = p.lon;
    form.elements.place_place_precision.value = p.precision || "";
  }

  function show(places) {
    found = new Map();
    list.replaceChildren();
    places.forEach(function (p) {
      var option = document.createElement("option");
      option.value = label(p);
      found.set(option.value, p);
      list.appendChild(option);
    });
  }

  box.addEventListener("input", function () {
    var chosen = found.get(box.value);
    if (chosen) { fill(chosen); return; }
    window.clearTimeout(timer);
    var q = box.value.trim();
    if (q.length < 2) { return; }
    timer = window.setTimeout(function () {
      var url = "/api/places?" + new URLSearchParams({ q: q, limit: "20" }).toString();
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(show)
        .catch(function () { show([]); });
    }, 200);
  });
})();
