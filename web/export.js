// Export and print: heartland.exportPNG() and heartland.download(), used by
// the Share dialog's Download buttons, and the handout printed with the
// print stylesheet. The picture is the wasm's heartland.exportSVG() — the
// same poster code as `heartland poster` — with the Go fonts embedded, so
// the PNG (a 2× canvas) and the printout show the labels as measured.
"use strict";
(function () {
  const api = window.heartland;
  if (!api) return;

  function svgText(options) {
    if (typeof api.exportSVG !== "function") throw new Error("The map has not started yet.");
    const svg = api.exportSVG(options);
    if (typeof svg !== "string") throw new Error((svg && svg.error) || "The map could not draw this view.");
    return svg;
  }

  // exportPNG draws the view's SVG onto a canvas `scale` times its CSS size
  // (2 by default) and resolves to a PNG Blob. A same-origin blob: image
  // does not taint the canvas.
  api.exportPNG = async function (options) {
    const scale = Math.min(4, Math.max(1, Number((options && options.scale) || 2)));
    const t0 = performance.now();
    const svg = svgText(options);
    const t1 = performance.now();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const t2 = performance.now();
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
      const t3 = performance.now();
      const out = await new Promise((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The browser could not make a PNG."))), "image/png"));
      // How long each step took, in ms, for the tests and for tuning.
      api.lastExportTiming = { svg: t1 - t0, decode: t2 - t1, draw: t3 - t2, encode: performance.now() - t3 };
      return out;
    } finally {
      URL.revokeObjectURL(url);
    }
  };

  // fileName is heartland-<view>: the selection, else zoom, latitude and
  // longitude, reduced to characters every file system accepts.
  function fileName(ext) {
    const s = api.getState();
    const view = s.selected || [s.zoom.toFixed(1), s.center[1].toFixed(2), s.center[0].toFixed(2)].join("_");
    return "heartland-" + String(view).replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) + "." + ext;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // download("svg" | "png") saves the current view and resolves to the
  // file's name; it rejects with a message a person can read.
  api.download = async function (format) {
    if (format === "png") {
      const blob = await api.exportPNG();
      save(blob, fileName("png"));
      return fileName("png");
    }
    save(new Blob([svgText()], { type: "image/svg+xml" }), fileName("svg"));
    return fileName("svg");
  };

  // preparePrint puts the current view, as SVG, where the print stylesheet
  // shows it (the WebGL canvas may print blank), with the view's address.
  // The SVG is parsed as XML and inserted as nodes: it holds no script, and
  // nothing goes through innerHTML.
  api.preparePrint = function () {
    let sheet = document.getElementById("print-sheet");
    if (!sheet) {
      sheet = document.createElement("figure");
      sheet.id = "print-sheet";
      sheet.className = "print-only";
      document.body.insertBefore(sheet, document.getElementById("panel"));
    }
    sheet.replaceChildren();
    try {
      // Light for paper, sized like the screen so labels keep their size.
      const doc = new DOMParser().parseFromString(svgText({ theme: "light" }), "image/svg+xml");
      const svg = doc.documentElement;
      if (svg.nodeName !== "svg") throw new Error("The map could not draw this view.");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "Map of the view printed");
      svg.removeAttribute("width");
      svg.removeAttribute("height");
      sheet.appendChild(document.importNode(svg, true));
    } catch (e) {
      sheet.appendChild(Object.assign(document.createElement("p"), { textContent: String(e.message || e) }));
    }
    const link = document.createElement("figcaption");
    link.textContent = "This view: " + location.href;
    sheet.appendChild(link);
  };

  window.addEventListener("beforeprint", () => api.preparePrint());
})();
