// Heartland loader: defines window.heartland (ready, on, config, start),
// starts the wasm (web/boot.js may have begun its download), and shows a clear message if
// anything fails.
//
// It starts the map as soon as the page is parsed, unless its script tag
// says data-autostart="false" (embed.html, which waits until the map is
// scrolled into view): then a page script calls heartland.start(). Before
// that, the page may change heartland.config, which the wasm reads at start.
"use strict";
(function () {
  const script = document.currentScript;
  const autostart = !script || script.dataset.autostart !== "false";
  const listeners = {};
  let started = null;
  let resolveReady, rejectReady;
  const api = {
    ready: new Promise((res, rej) => { resolveReady = res; rejectReady = rej; }),
    on(event, fn) { (listeners[event] = listeners[event] || []).push(fn); return api; },
    off(event, fn) { listeners[event] = (listeners[event] || []).filter((f) => f !== fn); return api; },
    _emit(event, payload) {
      for (const fn of listeners[event] || []) {
        try { fn(payload); } catch (e) { console.error(e); }
      }
    },
    timing: {}, // start-up milestones, ms since navigation
    // Read by the wasm when it starts; cooperative is also read on each
    // gesture, as embed.html turns it off in fullscreen.
    config: { theme: "light", legend: true, search: true, cooperative: false },
    // start downloads and runs the map once; later calls do nothing. It
    // returns heartland.ready.
    start() {
      if (!started) started = whenParsed().then(loadGo).then(start);
      return api.ready;
    },
    _ready() {
      api.timing.readyMs = performance.now();
      document.getElementById("loader").hidden = true;
      resolveReady(api);
      fadeHomePoster();
    },
    _fail(message) {
      document.getElementById("loader").hidden = true;
      document.getElementById("error-text").textContent = message;
      document.getElementById("error").hidden = false;
      rejectReady(new Error(message));
    },
  };
  api.ready.catch(() => {}); // failures are shown on the page
  window.heartland = api;

  // index.html's poster of the home view (web/home-poster.js, style.css).
  // A link followed to another view before the map runs hides it.
  window.addEventListener("hashchange", () => {
    if (/(?:^#|&)(?:map|story)=/.test(location.hash)) document.documentElement.classList.add("no-home-poster");
  });

  // fadeHomePoster fades the poster out over the live map, first sliding it
  // onto the live map's framing: data-refs names two places and the poster
  // pixels they are drawn at, and heartland.project says where the map has
  // them. With the fonts the build measured, nothing moves.
  function fadeHomePoster() {
    const poster = document.getElementById("home-poster");
    if (!poster || poster.hidden) return;
    const imgs = poster.querySelectorAll("img"); // the preview, then the poster over it
    const img = imgs[imgs.length - 1];
    const refs = (poster.dataset.refs || "").split(" ").map((r) => r.split(",").map(Number));
    try {
      const box = img.getBoundingClientRect();
      const k = img.naturalWidth > 0 ? box.width / img.naturalWidth : 0;
      const [p, q] = refs.map(([lon, lat]) => api.project([lon, lat]));
      const [a, b] = refs.map(([, , x, y]) => [box.left + x * k, box.top + y * k]);
      const m = Math.hypot(q[0] - p[0], q[1] - p[1]) / Math.hypot(b[0] - a[0], b[1] - a[1]);
      const dx = p[0] - box.left - m * (a[0] - box.left), dy = p[1] - box.top - m * (a[1] - box.top);
      if (refs.length === 2 && k > 0 && Number.isFinite(m + dx + dy) && (Math.abs(m - 1) > 0.002 || Math.hypot(dx, dy) > 0.5)) {
        const t = "translate(" + dx.toFixed(2) + "px," + dy.toFixed(2) + "px) scale(" + m.toFixed(5) + ")";
        for (const i of imgs) i.style.transform = t;
      }
    } catch (e) { /* no correction: the fade still hides any difference */ }
    poster.classList.add("is-fading");
    const done = () => { poster.hidden = true; };
    if (window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches) done();
    else {
      poster.addEventListener("transitionend", (e) => { if (e.target === poster) done(); });
      setTimeout(done, 800); // transitionend never fires in a hidden tab
    }
  }

  // loading shows how far start-up has come: the download and compile, then
  // the first drawing. The browser compiles the wasm as it streams in, from
  // the network straight to the compiler; counting bytes on the way would put
  // a JavaScript stream between them and cost the main thread hundreds of
  // milliseconds on a slow machine.
  function loading(text, percent) {
    document.getElementById("loader-text").textContent = text;
    document.getElementById("progress-bar").style.width = percent + "%";
  }

  // begin starts the download and compile of the wasm and the data, unless
  // web/boot.js already has (index.html).
  function begin() {
    if (window.heartlandBoot) return window.heartlandBoot;
    const startMs = performance.now();
    const boot = {
      wasm: fetch("heartland.wasm").then((r) => {
        if (!r.ok) throw new Error("heartland.wasm: HTTP " + r.status);
        boot.responseMs = performance.now();
        return WebAssembly.compileStreaming(r);
      }),
      data: fetch("heartland-data.bin"),
      startMs,
    };
    return boot;
  }

  // painted resolves once the browser has shown a frame: Go's start-up runs
  // without a break, and the poster and loader should be on screen first.
  function painted() {
    return new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  }

  // A cheap test: creating a WebGL context just to probe costs hundreds of
  // milliseconds in software rendering. If WebGL 2 exists but is disabled,
  // Ebiten's start fails and the Go side reports it with the same message.
  function hasWebGL2() {
    return typeof WebGL2RenderingContext === "function";
  }

  function whenParsed() {
    if (document.readyState !== "loading") return Promise.resolve();
    return new Promise((res) => document.addEventListener("DOMContentLoaded", res, { once: true }));
  }

  // loadGo adds wasm_exec.js (next to this script) unless the page has
  // already loaded it, so a deferred start fetches nothing until needed.
  function loadGo() {
    if (typeof Go === "function") return Promise.resolve();
    return new Promise((res) => {
      const s = document.createElement("script");
      s.src = new URL("wasm_exec.js", script ? script.src : location.href).href;
      s.onload = s.onerror = () => res(); // start() reports a missing Go
      document.head.appendChild(s);
    });
  }

  // Ebiten asks navigator.getGamepads() on every frame it draws. Once a
  // page has called it, Chromium keeps a gamepad-polling thread running,
  // which cost 22 ms of CPU a second here while the map stood still; over
  // plain http (a classroom LAN) the method is missing and Ebiten warns in
  // the console on every frame. The map takes no gamepad input, so it gets
  // none. Ebiten treats a null answer as "no gamepads".
  function withoutGamepads() {
    try {
      Object.defineProperty(navigator, "getGamepads", { value: () => null, configurable: true });
    } catch (e) { /* a browser that refuses keeps its own */ }
  }

  async function start() {
    withoutGamepads();
    document.getElementById("loader").hidden = false;
    document.getElementById("error-reload").addEventListener("click", () => location.reload());
    if (typeof Go !== "function") {
      api._fail("wasm_exec.js did not load; the page may be incomplete.");
      return;
    }
    // The download starts first: creating a WebGL context to probe for
    // support takes hundreds of milliseconds in software rendering.
    const boot = begin();
    api.timing.startMs = boot.startMs;
    // The map's data comes beside the wasm, in parallel with compiling it.
    api._data = boot.data.then((r) => {
      if (!r.ok) throw new Error("heartland-data.bin: HTTP " + r.status);
      return r.arrayBuffer();
    });
    api._data.catch(() => {}); // the wasm reports it
    if (!hasWebGL2()) {
      api._fail("This browser has WebGL 2 turned off or unavailable, and the map needs it to draw. Try another browser or enable hardware acceleration.");
      return;
    }
    try {
      loading("Loading the map…", 15);
      const go = new Go();
      const module = await boot.wasm;
      api.timing.responseMs = boot.responseMs;
      const instance = await WebAssembly.instantiate(module, go.importObject);
      api.timing.compiledMs = performance.now();
      loading("Drawing the map…", 70);
      await painted();
      go.run(instance).then(() => api._fail("The map stopped unexpectedly. Reload to start it again."));
    } catch (err) {
      api._fail("The map could not be downloaded or started (" + err.message + "). Check your connection and reload.");
    }
  }
  if (autostart) api.start();
})();
