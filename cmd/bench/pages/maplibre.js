// MapLibre anchor: the exported features as one GeoJSON source, drawn by
// data-driven layers in the live map's paint order (areas, water, borders,
// cased lines, point symbols as circles). No tiles, no glyphs.
import * as maplibregl from "/maplibre/maplibre-gl.mjs";

const bench = window.bench;
const [w, s, e, n] = bench.bounds;
const z = (op, v) => [op, ["get", "_z"], v];
const map = new maplibregl.Map({
  container: "map",
  style: { version: 8, sources: {}, layers: [{ id: "water", type: "background", paint: { "background-color": "#c6dce8" } }] },
  bounds: [[w, s], [e, n]],
  attributionControl: false,
  fadeDuration: 0,
});
bench.hit = (x, y) => map.queryRenderedFeatures([x, y])[0] || null;
map.on("load", async () => {
  map.addSource("region", { type: "geojson", data: await bench.data });
  const add = (id, type, filter, paint) => map.addLayer({ id, type, source: "region", filter, paint });
  add("areas", "fill", z("<=", 1), { "fill-color": ["get", "_fill"] });
  add("outlines", "line", ["all", z("<=", 1), [">", ["get", "_width"], 0]], { "line-color": ["get", "_stroke"], "line-width": ["get", "_width"] });
  add("borders", "line", z("==", 2), { "line-color": ["get", "_stroke"], "line-width": ["get", "_width"] });
  add("casing", "line", z("==", 3), { "line-color": "#ffffff", "line-width": ["+", ["get", "_width"], 2] });
  add("lines", "line", z("==", 3), { "line-color": ["get", "_fill"], "line-width": ["get", "_width"] });
  add("points", "circle", z("==", 4), {
    "circle-radius": ["get", "_radius"], "circle-color": ["get", "_fill"],
    "circle-stroke-color": ["get", "_stroke"], "circle-stroke-width": 1,
  });
  // A click on a country opens a popup with its name from the layer's click
  // handler, as MapLibre's examples do.
  let popup = null;
  map.on("click", "areas", (e) => {
    const f = e.features.find((g) => g.properties._layer === "countries");
    if (!f) return;
    if (popup) popup.remove();
    popup = new maplibregl.Popup({ closeButton: false }).setLngLat(e.lngLat).setText(f.properties.name).addTo(map);
  });
  bench.countryAt = (x, y) => {
    const f = map.queryRenderedFeatures([x, y], { layers: ["areas"] }).find((g) => g.properties._layer === "countries");
    return f ? f.properties.id : null;
  };
  bench.project = (lonLat) => { const p = map.project(lonLat); return [p.x, p.y]; };
  bench.closePopup = () => { if (popup) popup.remove(); popup = null; };
  // render fires after drawing into the canvas; the pixels show with the next frame.
  map.on("render", () => { if (map.isSourceLoaded("region")) __bench.afterNextPaint(() => bench.markFirstPixels()); });
  map.once("idle", () => { bench.markReady(); __bench.afterNextPaint(() => bench.markFirstPixels()); });
});
