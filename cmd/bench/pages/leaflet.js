// Leaflet anchor: the exported features drawn as SVG paths (Leaflet's
// default renderer) in their paint order, lines with a white casing as the
// live map draws them, points as circle markers.
"use strict";
(async function () {
  const bench = window.bench;
  const [w, s, e, n] = bench.bounds;
  const map = L.map("map", { zoomControl: false, attributionControl: false, zoomSnap: 0 });
  map.fitBounds([[s, w], [n, e]], { animate: false });
  const data = await bench.data;
  const group = (z) => ({ type: "FeatureCollection", features: data.features.filter((f) => f.properties._z === z) });
  const style = (casing) => (f) => {
    const p = f.properties;
    if (p._z <= 1) { // areas: fill, and an outline only where the data has one (raw Natural Earth)
      return { fillColor: p._fill, fillOpacity: 1, stroke: p._width > 0, color: p._stroke, weight: p._width, opacity: 1 };
    }
    return { fill: false, color: casing ? "#ffffff" : p._stroke, weight: p._width + (casing ? 2 : 0), opacity: 1 };
  };
  // Countries open a popup with their name on click (Leaflet's bindPopup),
  // and carry a class naming them, so the benchmark can tell which one is
  // under a pixel.
  const areaStyle = style(false);
  const countryPopups = {
    style: (f) => Object.assign(areaStyle(f), f.properties._layer === "countries" ? { className: "country-" + f.properties.id } : {}),
    onEachFeature: (f, layer) => {
      if (f.properties._layer !== "countries") return;
      layer.bindPopup(() => { const el = document.createElement("span"); el.textContent = f.properties.name; return el; });
    },
  };
  L.geoJSON(group(0), countryPopups).addTo(map);
  for (const z of [1, 2]) L.geoJSON(group(z), { style: style(false) }).addTo(map);
  L.geoJSON(group(3), { style: style(true) }).addTo(map);
  L.geoJSON(group(3), { style: (f) => ({ fill: false, color: f.properties._fill, weight: f.properties._width, opacity: 1 }) }).addTo(map);
  L.geoJSON(group(4), {
    pointToLayer: (f, ll) => L.circleMarker(ll, {
      radius: f.properties._radius, fillColor: f.properties._fill, fillOpacity: 1, color: f.properties._stroke, weight: 1,
    }),
  }).addTo(map);
  // Leaflet's hit test is the DOM's: the SVG path under the pixel.
  bench.hit = (x, y) => {
    const el = document.elementFromPoint(x, y);
    return el && el.classList.contains("leaflet-interactive") ? el : null;
  };
  // Which country is under a pixel, and where a place is drawn, for the
  // click benchmark; closePopup readies the next click.
  bench.countryAt = (x, y) => {
    const el = document.elementFromPoint(x, y);
    const c = el && [...el.classList].find((k) => k.startsWith("country-"));
    return c ? c.slice("country-".length) : null;
  };
  bench.project = ([lon, lat]) => { const p = map.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; };
  bench.closePopup = () => map.closePopup();
  bench.markReady(); // Leaflet has drawn the SVG: it is interactive now
  __bench.afterNextPaint(() => bench.markFirstPixels());
})();
