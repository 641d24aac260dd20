// Added by the benchmark to every page before the page's own scripts.
// window.__bench records the wasm memories the page instantiates (for the
// memory figure), when embed.html's poster image is first painted, and
// requestAnimationFrame intervals between startFrames and stopFrames.
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
  document.addEventListener("DOMContentLoaded", () => {
    const img = document.getElementById("poster-img");
    if (!img) return;
    const shown = () => rec.afterNextPaint(() => { rec.posterMs = performance.now(); });
    img.decode().then(shown, shown);
  });
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
