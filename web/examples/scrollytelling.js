// Scrollytelling example: as each step of the article reaches the middle of
// the screen, the embedded map frames that step's place and selects it.
// It talks to the map only through ../embed.js (HeartlandEmbed), as any
// news site would.
"use strict";
(function () {
  const iframe = document.getElementById("story-map");

  // The map obeys only origins it was told about, and this page's origin is
  // known only now. The iframe is not marked data-heartland: its height is
  // set by this page's CSS (a sticky panel), not by the map.
  const src = new URL("../embed.html", location.href);
  src.searchParams.set("origins", location.origin);
  iframe.src = src.href;

  // Each step: the area to frame ([[west, south], [east, north]] in degrees)
  // and the feature to select (ids from assets/layers/*.geojson). "home" is
  // the map's own opening view, read from it once it is ready.
  const steps = {
    home: { select: null },
    kashagan: { bounds: [[49.5, 44.3], [55.5, 47.8]], select: "kashagan" },
    cpc: { bounds: [[36.5, 42.5], [55, 48.5]], select: "cpc-pipeline" },
    inkai: { bounds: [[62.5, 42.5], [72.5, 48]], select: "inkai" },
    corridor: { bounds: [[47, 39.5], [82.5, 49]], select: "titr-kazakhstan-rail" },
  };

  let ready = false;
  let home = null; // the map's state when it first became ready
  let current = "home";

  function show(name) {
    current = name;
    if (!ready) return; // applied when the map is ready
    const step = steps[name];
    if (name === "home" && home) {
      HeartlandEmbed.send(iframe, "setState", { state: { center: home.center, zoom: home.zoom, selected: null } });
      return;
    }
    if (step.bounds) HeartlandEmbed.send(iframe, "fitBounds", { bounds: step.bounds });
    HeartlandEmbed.send(iframe, "select", { id: step.select });
  }

  HeartlandEmbed.on(iframe, "ready", () => {
    HeartlandEmbed.send(iframe, "getState", { requestId: "home" });
  });
  HeartlandEmbed.on(iframe, "state", (msg) => {
    if (msg.requestId !== "home" || ready) return;
    home = msg.state;
    ready = true;
    show(current);
  });

  // A step is active while it crosses the middle band of the screen.
  const sections = document.querySelectorAll(".step[data-step]");
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      for (const s of sections) s.classList.toggle("is-active", s === e.target);
      const name = e.target.dataset.step;
      if (name !== current && steps[name]) show(name);
    }
  }, { rootMargin: "-45% 0px -45% 0px" });
  sections.forEach((s) => io.observe(s));
  sections[0].classList.add("is-active");
})();
