// Shared by the anchor pages: reads the query (?data=region|ne10m and
// &bounds=west,south,east,north in degrees, the view Heartland opens on),
// starts fetching the data at once, and defines window.bench, which the
// benchmark reads: firstPixelsMs (once a frame showing the map has been
// drawn) and readyMs (the library's own "drawn" signal), in ms since
// navigation; ready, a promise resolved once both are known; and hit(x, y),
// what is under a CSS pixel.
"use strict";
(function () {
  const q = new URLSearchParams(location.search);
  const name = q.get("data") === "ne10m" ? "ne10m" : "region";
  const b = (q.get("bounds") || "").split(",").map(Number);
  let resolveReady;
  window.bench = {
    bounds: b.length === 4 && b.every(Number.isFinite) ? b : [44, 33, 90, 57],
    data: fetch("/data/" + name + ".geojson").then((r) => r.json()),
    firstPixelsMs: 0,
    readyMs: 0,
    ready: new Promise((res) => { resolveReady = res; }),
    markFirstPixels() { if (!this.firstPixelsMs) this.firstPixelsMs = performance.now(); this.settle(); },
    markReady() { if (!this.readyMs) this.readyMs = performance.now(); this.settle(); },
    settle() { if (this.firstPixelsMs && this.readyMs) resolveReady(); },
    hit() { return null; },
  };
})();
