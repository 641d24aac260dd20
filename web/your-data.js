// Your own data on the map: drop a GeoJSON or TopoJSON file (or a story) on the
// page, pick one with the "Add data" button, or link to one with
// ?layer=https://…/file.geojson or ?story=https://…/story.json.
// Everything goes through heartland.addGeoJSON, which validates the file and
// reports problems; messages here are set as text, never as HTML.
"use strict";
(function () {
  const api = window.heartland;
  if (!api) return;
  const MAX_BYTES = 20 * 1024 * 1024;

  // toast shows a short message in the page's live region.
  function toast(text, isError) {
    let box = document.getElementById("toast");
    if (!box) {
      box = document.createElement("div");
      box.id = "toast";
      box.className = "toast";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      document.body.append(box);
    }
    // Several messages can arrive together (two layer= links): keep the
    // last three, each on its own line.
    const line = document.createElement("p");
    line.textContent = text;
    if (isError) line.className = "toast-error";
    box.append(line);
    while (box.childElementCount > 3) box.firstElementChild.remove();
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; box.textContent = ""; }, isError ? 9000 : 5000);
  }

  function report(name, result) {
    if (!result || result.error) {
      toast(name + " could not be loaded: " + (result ? result.error : "no answer from the map") + ".", true);
      return;
    }
    let text = name + ": " + result.features + (result.features === 1 ? " feature" : " features") + " added.";
    if (result.warnings && result.warnings.length) {
      text += " " + result.warnings.length + " skipped or doubtful — the first: " + result.warnings[0];
    }
    toast(text, !!(result.warnings && result.warnings.length));
  }

  // A file with "steps" is a teacher's story; anything else a data layer.
  function isStory(text) {
    try {
      const v = JSON.parse(text);
      return !!v && typeof v === "object" && Array.isArray(v.steps);
    } catch (e) {
      return false;
    }
  }

  async function addText(name, text) {
    await api.ready;
    if (isStory(text)) {
      const r = api.loadStory(text);
      if (r.error) toast(name + " is not a story the map can play: " + r.error + ".", true);
      else toast(name + ": a story of " + r.steps + " steps." + (r.warnings && r.warnings.length ? " " + r.warnings[0] : ""), !!(r.warnings && r.warnings.length));
      return;
    }
    report(name, api.addGeoJSON(text, { name: name }));
  }

  function addFile(file) {
    if (file.size > MAX_BYTES) {
      toast(file.name + " is " + (file.size / 1048576).toFixed(1) + " MB; the limit is 20 MB.", true);
      return;
    }
    file.text().then((text) => addText(file.name, text), () => toast(file.name + " could not be read.", true));
  }

  // Drag and drop anywhere on the page. Capture phase: Ebiten's canvas has
  // drop handlers of its own that would swallow the file.
  window.addEventListener("dragover", (e) => {
    if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
  window.addEventListener("drop", (e) => {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    e.stopPropagation();
    for (const f of e.dataTransfer.files) addFile(f);
  }, true);

  // A file picker, as a button beside the map controls.
  const controls = document.querySelector(".controls");
  if (controls) {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".geojson,.topojson,.json,application/geo+json,application/json";
    input.multiple = true;
    input.hidden = true;
    input.id = "data-file";
    const button = document.createElement("button");
    button.type = "button";
    button.id = "data-add";
    button.className = "data-add";
    // An "upload" icon: a tray with an arrow rising out of it.
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M10 13V3M6 7l4-4 4 4M3 12v5h14v-5");
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "currentColor");
    path.setAttribute("stroke-width", "2");
    path.setAttribute("stroke-linecap", "round");
    path.setAttribute("stroke-linejoin", "round");
    svg.append(path);
    button.append(svg);
    button.title = "Add your own GeoJSON data";
    button.setAttribute("aria-label", "Add your own data (GeoJSON file)");
    button.addEventListener("click", () => input.click());
    input.addEventListener("change", () => { for (const f of input.files) addFile(f); input.value = ""; });
    controls.append(button, input);
  }

  // ?layer=URL and ?story=URL: fetched with CORS; only http(s) addresses
  // are tried.
  const params = new URLSearchParams(location.search);
  for (const raw of params.getAll("layer").concat(params.getAll("story"))) {
    let url;
    try { url = new URL(raw, location.href); } catch (e) { url = null; }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      console.warn("heartland: layer= is not an http(s) address; ignored");
      toast("The layer address in the link is not a web address; it was ignored.", true);
      continue;
    }
    const name = decodeURIComponent(url.pathname.split("/").pop() || url.hostname);
    fetch(url.href, { mode: "cors", credentials: "omit" })
      .then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        const size = Number(r.headers.get("Content-Length") || 0);
        if (size > MAX_BYTES) throw new Error("the file is over 20 MB");
        return r.text();
      })
      .then((text) => addText(name, text))
      .catch((err) => toast(name + " could not be loaded from " + url.host + " (" + err.message + ").", true));
  }
})();
