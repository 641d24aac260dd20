// Added by the benchmark to every page before the page's own scripts.
// window.__bench records the wasm memories the page instantiates (for the
// memory figure), when embed.html's poster image is first painted, and
// requestAnimationFrame intervals between startFrames and stopFrames, and
// the latency of one click, tap or hover (probe).
(() => {
  const rec = { memories: [], frames: [], recording: false, posterMs: 0 };
  window.__bench = rec;
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const v of Object.values((instance && instance.exports) || {})) {
        if (v instanceof WebAssembly.Memory) rec.memories.push(v);
      }
      return result;
    };
  }
  rec.wasmBytes = () => rec.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  // Headless Chromium on SwiftShader reports no paint timing entries (no
  // FCP, no LCP), so "painted" is: decoded, then the next frame's
  // animation callback, then the task after it (once that frame is drawn).
  rec.afterNextPaint = (mark) => requestAnimationFrame(() => setTimeout(mark, 0));
  // A poster (embed.html's #poster-img, index.html's #home-poster img) is
  // watched from the moment the parser adds it, not from DOMContentLoaded,
  // which waits for the deferred scripts.
  const watchPoster = (img) => {
    if (rec.posterWatched) return;
    rec.posterWatched = true;
    const shown = () => rec.afterNextPaint(() => { rec.posterMs = performance.now(); });
    img.decode().then(shown, shown);
  };
  const findPoster = () => {
    const img = document.querySelector("#poster-img, #home-poster img");
    if (img && img.getAttribute("src")) watchPoster(img);
    return !!img;
  };
  const posterWatch = new MutationObserver(() => { if (findPoster()) posterWatch.disconnect(); });
  posterWatch.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => { findPoster(); posterWatch.disconnect(); });

  // probe measures one interaction: from the timeStamp of the next event of
  // type (pointerdown for a click or tap, pointermove for a hover) to the
  // first animation frame after check() is true, checked on every DOM
  // change; -1 if that has not happened timeoutMs after arming. The result
  // lands in probeResult, which the benchmark polls.
  rec.probe = (type, check, timeoutMs) => {
    rec.probeResult = null;
    rec.probeFromUp = null; // the same, from the pointerup, for a click
    let t0 = 0, up = 0, done = false;
    const onEvent = (e) => { if (!t0) t0 = e.timeStamp; };
    const onUp = (e) => { if (t0 && !up) up = e.timeStamp; };
    const finish = (ms) => {
      if (ms >= 0 && up) rec.probeFromUp = ms - (up - t0);
      window.removeEventListener(type, onEvent, true);
      window.removeEventListener("pointerup", onUp, true);
      observer.disconnect();
      clearTimeout(timer);
      rec.probeResult = ms;
    };
    const observer = new MutationObserver(() => {
      if (done || !t0 || !check()) return;
      done = true;
      requestAnimationFrame(() => finish(performance.now() - t0));
    });
    window.addEventListener(type, onEvent, true);
    window.addEventListener("pointerup", onUp, true);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { if (!done) { done = true; finish(-1); } }, timeoutMs);
    return true;
  };
  rec.startFrames = () => {
    rec.frames = [];
    rec.recording = true;
    let last = 0;
    const tick = (t) => {
      if (!rec.recording) return;
      if (last) rec.frames.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  rec.stopFrames = () => { rec.recording = false; return rec.frames; };
})();
