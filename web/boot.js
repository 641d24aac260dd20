// index.html's first script, run before the body is parsed (it is tiny and
// cached for good under its hashed name).
//
// It starts the map's download and compile at once: the browser compiles the
// wasm off the main thread as it streams in, so the page and its poster still
// paint first. heartland.js, which runs once the page is parsed, picks both
// promises up (window.heartlandBoot) and reports any failure.
//
// index.html's poster shows the home view before anything else loads: when
// the URL names another view or a story, the poster would show the wrong
// place, so the page keeps the plain sea colour until the map draws.
// heartland.js fades the poster out.
"use strict";
if (/(?:^#|&)(?:map|story)=/.test(location.hash)) document.documentElement.classList.add("no-home-poster");
if (typeof WebAssembly === "object" && typeof WebAssembly.compileStreaming === "function") {
  window.heartlandBoot = {
    wasm: fetch("heartland.wasm").then((r) => {
      if (!r.ok) throw new Error("heartland.wasm: HTTP " + r.status);
      window.heartlandBoot.responseMs = performance.now();
      return WebAssembly.compileStreaming(r);
    }),
    data: fetch("heartland-data.bin"),
    startMs: performance.now(),
  };
  window.heartlandBoot.wasm.catch(() => {}); // heartland.js reports it
  window.heartlandBoot.data.catch(() => {});
}
