// Your own data on the map: drop a file (GeoJSON, TopoJSON, CSV, KML, KMZ,
// GPX, or a story) on the page, pick one with the "Add data" button, or link
// to one with ?layer=https://…/file.geojson or ?story=https://…/story.json.
// Everything goes through heartland.addData, which reads the file and
// reports problems, one line per kind with counts; messages here are set as
// text, never as HTML.
"use strict";
(function () {
  const api = window.heartland;
  if (!api) return;
  const MAX_BYTES = 20 * 1024 * 1024;

  // toast shows a message in the page's live region; details (a file's
  // warnings, one line per kind) are listed under it. A message with
  // details stays until closed, so there is time to read it.
  function toast(text, isError, details) {
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
    // last three, each its own entry.
    const entry = document.createElement("div");
    entry.className = "toast-entry";
    const line = document.createElement("p");
    line.textContent = text;
    if (isError) line.className = "toast-error";
    entry.append(line);
    const lasting = !!(details && details.length);
    if (lasting) {
      const list = document.createElement("ul");
      list.className = "toast-details";
      // Set here rather than in style.css, property by property (the CSSOM,
      // which a content security policy allows).
      Object.assign(list.style, { margin: "2px 0 6px", paddingLeft: "18px", maxHeight: "40vh", overflowY: "auto", fontSize: "13px" });
      for (const d of details) {
        const li = document.createElement("li");
        li.textContent = d;
        list.append(li);
      }
      entry.append(list);
    }
    box.append(entry);
    const entries = box.querySelectorAll(".toast-entry");
    for (let i = 0; i < entries.length - 3; i++) entries[i].remove();
    let close = box.querySelector(".toast-close");
    if (!close) {
      close = document.createElement("button");
      close.type = "button";
      close.className = "toast-close";
      close.setAttribute("aria-label", "Close the message");
      close.textContent = "×";
      Object.assign(close.style, { float: "right", margin: "-4px -8px 0 8px", border: "0", background: "none", color: "inherit", fontSize: "20px", lineHeight: "1", cursor: "pointer" });
      close.addEventListener("click", () => { box.hidden = true; box.textContent = ""; });
    }
    box.prepend(close);
    box.hidden = false;
    clearTimeout(toast.timer);
    if (!lasting && !box.querySelector(".toast-details")) {
      toast.timer = setTimeout(() => { box.hidden = true; box.textContent = ""; }, isError ? 9000 : 5000);
    }
  }

  function report(name, result) {
    const details = (result && result.warnings) || [];
    if (!result || result.error) {
      toast(name + " could not be loaded: " + (result ? result.error : "no answer from the map") + ".", true, details);
      return;
    }
    let text = name + ": " + result.features + (result.features === 1 ? " feature" : " features") + " added";
    if (result.format) text += " (" + result.format + ")";
    text += ".";
    if (details.length) text += " Repaired or skipped:";
    toast(text, details.length > 0, details);
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

  // The formats the map reads, by extension; anything else is sniffed.
  const DATA_EXT = /\.(geojson|topojson|json|csv|tsv|txt|kml|kmz|gpx)$/i;

  function extension(name) {
    const m = DATA_EXT.exec(name || "");
    return m ? m[1].toLowerCase() : "";
  }

  // add hands a file's bytes to the map; JSON that is a story goes to the
  // story player instead.
  async function add(name, bytes) {
    await api.ready;
    const ext = extension(name);
    if ((ext === "json" || ext === "") && bytes.length < 2 * 1024 * 1024) {
      const text = new TextDecoder().decode(bytes);
      if (isStory(text)) {
        const r = api.loadStory(text);
        if (r.error) toast(name + " is not a story the map can play: " + r.error + ".", true);
        else toast(name + ": a story of " + r.steps + " steps." + (r.warnings && r.warnings.length ? " " + r.warnings[0] : ""), !!(r.warnings && r.warnings.length));
        return;
      }
    }
    report(name, api.addData(bytes, { name: name, format: ext || name }));
  }

  function addFile(file) {
    if (file.size > MAX_BYTES) {
      toast(file.name + " is " + (file.size / 1048576).toFixed(1) + " MB; the limit is 20 MB.", true);
      return;
    }
    file.arrayBuffer().then((buf) => add(file.name, new Uint8Array(buf)), () => toast(file.name + " could not be read.", true));
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
    input.accept = ".geojson,.topojson,.json,.csv,.tsv,.txt,.kml,.kmz,.gpx,application/geo+json,application/json,text/csv," +
      "application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/gpx+xml";
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
    button.title = "Add your own data: GeoJSON, TopoJSON, CSV, KML, KMZ or GPX";
    button.setAttribute("aria-label", "Add your own data (GeoJSON, TopoJSON, CSV, KML, KMZ or GPX file)");
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
        return r.arrayBuffer();
      })
      .then((buf) => add(name, new Uint8Array(buf)))
      .catch((err) => toast(name + " could not be loaded from " + url.host + " (" + err.message + ").", true));
  }
})();
