// embed.html's own behaviour: reads its query parameters into
// heartland.config and heartland.embedOptions, starts the map when the embed
// scrolls into view (or on the first click or key press with ?start=click),
// fades the poster out once the map has drawn, shows the cooperative-gesture
// hint, and runs the fullscreen button.
//
// Query parameters (anything else, or a malformed value, is ignored with a
// console warning):
//   theme=light|dark|auto    colours; auto follows the reader's system (default auto)
//   legend=0|1               the layer legend (default 1)
//   search=0|1               the search box (default 0: an article embed tells one story)
//   start=visible|click      when to download the map (default visible)
//   origins=https://a.example,https://b.example
//                            sites allowed to drive the map by postMessage (embed-bridge.js)
// The URL hash holds the view exactly as in index.html (#map=…&layers=…&select=…).
"use strict";
(function () {
  const heartland = window.heartland;
  const warn = (msg) => console.warn("heartland: " + msg);

  const inIframe = (() => {
    try { return window.self !== window.top; } catch (_) { return true; }
  })();

  // parseOptions validates the query string; it never throws.
  function parseOptions(search) {
    const opts = { theme: "auto", legend: true, search: false, start: "visible", origins: [] };
    const flag = (key, v) => {
      if (v === "0" || v === "1") return v === "1";
      warn(key + "=" + clip(v) + " is not 0 or 1; ignored");
      return opts[key];
    };
    const seen = new Set();
    for (const [key, value] of new URLSearchParams(search)) {
      if (key === "layer" || key === "story") continue; // may repeat; your-data.js loads them
      if (seen.has(key)) { warn("query parameter " + clip(key) + " given twice; the first is used"); continue; }
      seen.add(key);
      switch (key) {
        case "theme":
          if (["light", "dark", "auto"].includes(value)) opts.theme = value;
          else warn("theme=" + clip(value) + " is not light, dark or auto; ignored");
          break;
        case "legend": opts.legend = flag(key, value); break;
        case "search": opts.search = flag(key, value); break;
        case "start":
          if (value === "visible" || value === "click") opts.start = value;
          else warn("start=" + clip(value) + " is not visible or click; ignored");
          break;
        case "origins": opts.origins = parseOrigins(value); break;
        default: warn("unknown query parameter " + clip(key) + "; ignored");
      }
    }
    return opts;
  }

  // parseOrigins keeps each entry that is exactly an https origin
  // (scheme://host[:port], no path). Plain http is accepted only for
  // localhost and 127.0.0.1, so an article can be tested locally.
  function parseOrigins(value) {
    const out = [];
    for (const raw of value.split(",")) {
      const s = raw.trim();
      if (!s) continue;
      let u = null;
      try { u = new URL(s); } catch (_) { /* reported below */ }
      const local = u && u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
      if (!u || (u.protocol !== "https:" && !local) || u.origin !== s.replace(/\/$/, "")) {
        warn("origins: " + clip(s) + " is not an https origin such as https://news.example; ignored");
        continue;
      }
      if (!out.includes(u.origin)) out.push(u.origin);
    }
    return out;
  }

  function clip(s) {
    s = String(s);
    return JSON.stringify(s.length > 40 ? s.slice(0, 40) + "…" : s);
  }

  function resolveTheme(theme) {
    if (theme !== "auto") return theme;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function isFullscreen() {
    return Boolean(document.fullscreenElement || document.webkitFullscreenElement);
  }

  const opts = parseOptions(location.search);
  Object.freeze(opts.origins);
  heartland.embedOptions = Object.freeze(opts); // embed-bridge.js reads origins
  const theme = resolveTheme(opts.theme);
  document.documentElement.dataset.theme = theme;
  // The wasm reads this when it starts, and cooperative on every gesture.
  Object.assign(heartland.config, {
    theme,
    legend: opts.legend,
    search: opts.search,
    cooperative: inIframe && !isFullscreen(),
  });
  if (opts.search) document.querySelector(".search").hidden = false;
  if (!opts.legend) document.querySelector(".legend").hidden = true;

  // --- links to the full map carry the current view -----------------------
  const fullLinks = [document.getElementById("open-full"), document.getElementById("brand")];
  function syncLinks() {
    for (const a of fullLinks) a.href = "index.html" + (location.hash.length > 1 ? location.hash : "");
  }
  syncLinks();
  window.addEventListener("hashchange", syncLinks);
  // The map writes the hash with history.replaceState, which fires no event.
  heartland.on("move", syncLinks).on("select", syncLinks).on("layers", syncLinks);

  // --- poster framed on the configured view ----------------------------------
  // poster.svg shows the home view; poster.json (written with it by
  // `heartland poster -view`) says how its pixels map to the projection, so a
  // link to another view shows the same picture moved and scaled to that view
  // — the vector poster stays sharp — until the live map takes over.
  function albersForward(al, R, lon, lat) {
    const rad = Math.PI / 180;
    const p1 = al.lat1 * rad, p2 = al.lat2 * rad, p0 = al.lat0 * rad;
    const n = (Math.sin(p1) + Math.sin(p2)) / 2;
    const c = Math.cos(p1) * Math.cos(p1) + 2 * n * Math.sin(p1);
    const rho0 = Math.sqrt(c - 2 * n * Math.sin(p0)) / n;
    const rho = Math.sqrt(c - 2 * n * Math.sin(lat * rad)) / n;
    const theta = n * (lon - al.lon0) * rad;
    return [R * rho * Math.sin(theta), R * (rho0 - rho * Math.cos(theta))];
  }

  async function reframePoster() {
    const m = /(?:^#|&)map=([0-9.]+)\/(-?[0-9.]+)\/(-?[0-9.]+)/.exec(location.hash);
    if (!m) return; // the home view: the poster as drawn
    const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!(zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return;
    let view;
    try {
      const r = await fetch("poster.json");
      if (!r.ok) return;
      view = await r.json();
    } catch (e) { return; }
    if (!(view && view.a > 0 && view.albers)) return;
    const [wx, wy] = albersForward(view.albers, view.earthRadius, lon, lat);
    const a = view.tileWorld * Math.pow(2, zoom) / (2 * Math.PI * view.earthRadius);
    const k = a / view.a;
    const W = window.innerWidth, H = window.innerHeight;
    // Poster pixel p lands at k·(p − t) + t', with t' centring the view.
    const dx = (W / 2 - wx * a) - k * view.tx, dy = (H / 2 + wy * a) - k * view.ty;
    posterImg.style.objectFit = "fill";
    posterImg.style.width = view.width + "px";
    posterImg.style.height = view.height + "px";
    posterImg.style.transformOrigin = "0 0";
    posterImg.style.transform = "matrix(" + [k, 0, 0, k, dx, dy].map((v) => v.toFixed(4)).join(",") + ")";
  }

  // --- poster and start ---------------------------------------------------
  const poster = document.getElementById("poster");
  const posterImg = document.getElementById("poster-img");
  posterImg.addEventListener("error", () => poster.classList.add("poster-missing"));
  reframePoster();

  function start() {
    document.documentElement.classList.add("is-loading");
    heartland.start();
  }

  if (opts.start === "click") {
    const button = document.getElementById("poster-start");
    button.hidden = false;
    const onEvent = (e) => {
      // Links and the share dialog keep their own meaning; Tab and the
      // modifier keys only move focus.
      if (e.type === "click" && e.target.closest && e.target.closest("a, dialog, #share, #fullscreen")) return;
      if (e.type === "keydown" && (["Tab", "Shift", "Control", "Alt", "Meta", "Escape"].includes(e.key) || e.target.closest("a, dialog"))) return;
      window.removeEventListener("click", onEvent, true);
      window.removeEventListener("keydown", onEvent, true);
      button.hidden = true;
      start();
    };
    window.addEventListener("click", onEvent, true);
    window.addEventListener("keydown", onEvent, true);
  } else if ("IntersectionObserver" in window) {
    // With the implicit root, the observer measures against the top-level
    // viewport, so it sees the iframe itself scrolling into the article.
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        start();
      }
    }, { threshold: 0.01 });
    io.observe(poster);
  } else {
    start();
  }

  heartland.ready.then(() => {
    const root = document.documentElement;
    root.classList.remove("is-loading");
    root.classList.add("is-live");
    // The poster fades (or, with reduced motion, goes at once); it is removed
    // from hit-testing immediately so the map takes the first click.
    poster.classList.add("poster-fading");
    const done = () => { poster.hidden = true; };
    const reduced = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (reduced) done();
    else {
      poster.addEventListener("transitionend", done, { once: true });
      setTimeout(done, 800); // in case transitionend never fires (hidden tab)
    }
  }, () => { /* the loader shows the error; the poster stays as the fallback */ });

  // --- cooperative-gesture hint ------------------------------------------
  // The map emits "gesturehint" when a plain wheel or a one-finger swipe over
  // it scrolled the article instead. Which words to show depends on the last
  // input: a touch shortly before means a finger.
  const hint = document.getElementById("gesture-hint");
  const hintText = document.getElementById("gesture-hint-text");
  const isMac = /Mac|iPhone|iPad/.test((navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "");
  let lastTouch = -Infinity;
  let hintTimer = 0;
  // Capture on window, added before the wasm's own listeners, so it runs first.
  window.addEventListener("touchstart", () => { lastTouch = performance.now(); }, { capture: true, passive: true });
  heartland.on("gesturehint", (payload) => {
    const input = payload && typeof payload === "object" ? payload.input : payload;
    const touch = input === "touch" || (input !== "wheel" && performance.now() - lastTouch < 1500);
    const message = touch ? "Use two fingers to move the map" : "Use " + (isMac ? "⌘" : "Ctrl") + " + scroll to zoom the map";
    // Setting the same text again would make some screen readers repeat it.
    if (hintText.textContent !== message || !hint.classList.contains("is-shown")) hintText.textContent = message;
    hint.classList.add("is-shown");
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => {
      hint.classList.remove("is-shown");
      hintText.textContent = "";
    }, 1500);
  });

  // --- fullscreen ----------------------------------------------------------
  const fsButton = document.getElementById("fullscreen");
  const root = document.documentElement;
  const canFullscreen = document.fullscreenEnabled || document.webkitFullscreenEnabled;
  if (canFullscreen) {
    fsButton.hidden = false;
    fsButton.addEventListener("click", () => {
      if (isFullscreen()) (document.exitFullscreen || document.webkitExitFullscreen).call(document);
      else {
        const req = root.requestFullscreen || root.webkitRequestFullscreen;
        const p = req && req.call(root);
        if (p && p.catch) p.catch((err) => warn("full screen was refused: " + err.message));
      }
    });
    const onChange = () => {
      const full = isFullscreen();
      heartland.config.cooperative = inIframe && !full;
      root.classList.toggle("is-fullscreen", full);
      fsButton.setAttribute("aria-pressed", String(full));
      fsButton.setAttribute("aria-label", full ? "Exit full screen" : "Full screen");
      fsButton.title = full ? "Exit full screen (Esc)" : "Full screen";
    };
    document.addEventListener("fullscreenchange", onChange);
    document.addEventListener("webkitfullscreenchange", onChange);
  }
})();
