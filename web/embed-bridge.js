// postMessage bridge of embed.html: lets the article around the iframe
// drive the map and hear from it. Every message is a plain object whose
// type starts with "heartland:".
//
// From the host page (accepted only when event.source is our parent window
// and event.origin is listed in the embed's ?origins= parameter; with no
// list, nothing is accepted):
//   {type: "heartland:setState", state: {center?, zoom?, layers?, selected?, story?, step?}}
//   {type: "heartland:select", id: "kashagan" | null}
//   {type: "heartland:fitBounds", bounds: [[west, south], [east, north]]}
//   {type: "heartland:getState", requestId}   → heartland:state {requestId, state}
// Messages that arrive before the map is ready wait for it (up to 50).
//
// To the host page:
//   heartland:height {height}          preferred iframe height in CSS px
//   heartland:ready  {protocol: 1}     the map has drawn its first frame
//   heartland:select {feature}         {id, kind, name, layer} or null
//   heartland:move   {center, zoom}    after the view settles
//   heartland:state  {requestId, state}
//
// Target origins: heartland:height and heartland:ready tell nothing about
// the reader, so they go to "*": embed.js can size the iframe on any site,
// listed or not. select, move and state (what the reader looks at) are
// never sent to "*": they go to the parent's origin when it is known to be
// listed (location.ancestorOrigins, or the origin of a message we
// accepted), else to the first listed origin (the browser drops them if
// the parent is another site); with no list they are not sent.
"use strict";
(function () {
  const PREFIX = "heartland:";
  const PROTOCOL = 1;
  const heartland = window.heartland;
  const parentWindow = window.parent;
  if (!heartland || parentWindow === window) return; // not in a frame: no host to talk to

  const warn = (msg) => console.warn("heartland: " + msg);
  const origins = (heartland.embedOptions && heartland.embedOptions.origins) || [];

  let parentOrigin = null; // verified origin of the parent, once known
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && origins.includes(ancestors[0])) parentOrigin = ancestors[0];

  // --- sending ---------------------------------------------------------------
  function targetOrigin(sensitive) {
    if (!sensitive) return "*";
    if (parentOrigin) return parentOrigin;
    return origins.length > 0 ? origins[0] : null;
  }

  function post(type, fields, sensitive) {
    const target = targetOrigin(sensitive);
    if (!target) return;
    parentWindow.postMessage(Object.assign({ type: PREFIX + type }, fields), target);
  }

  // --- receiving -------------------------------------------------------------
  let warnedNoOrigins = false;
  const warnedOrigins = new Set();
  const queue = [];
  let ready = false;

  window.addEventListener("message", (event) => {
    if (event.source !== parentWindow) return; // our own window, extensions, other frames
    if (origins.length === 0) {
      if (!warnedNoOrigins) {
        warnedNoOrigins = true;
        warn("a message from the host page was ignored: add ?origins=" + event.origin + " to the embed URL to let it drive the map");
      }
      return;
    }
    if (!origins.includes(event.origin)) {
      if (!warnedOrigins.has(event.origin)) {
        warnedOrigins.add(event.origin);
        warn("messages from " + JSON.stringify(event.origin.slice(0, 80)) + " are ignored: it is not in the origins parameter");
      }
      return;
    }
    const data = event.data;
    if (!isPlainObject(data) || typeof data.type !== "string" || !data.type.startsWith(PREFIX)) {
      warn("ignored a message that is not {type: \"heartland:…\", …}");
      return;
    }
    if (!isPlainData(data, 0)) {
      warn(clip(data.type) + ": ignored; messages must hold plain data only (objects, arrays, strings, finite numbers, booleans, null)");
      return;
    }
    parentOrigin = event.origin;
    if (ready) handle(data);
    else if (queue.length < 50) queue.push(data);
    else warn(clip(data.type) + ": ignored; too many messages before the map was ready");
  });

  function isPlainObject(v) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  }

  // isPlainData accepts JSON-like values of bounded size and depth.
  function isPlainData(v, depth) {
    if (depth > 8) return false;
    switch (typeof v) {
      case "string": return v.length <= 4096;
      case "number": return Number.isFinite(v);
      case "boolean": return true;
      case "object": {
        if (v === null) return true;
        if (Array.isArray(v)) return v.length <= 1000 && v.every((x) => isPlainData(x, depth + 1));
        if (!isPlainObject(v)) return false;
        const keys = Object.keys(v);
        return keys.length <= 100 && keys.every((k) => isPlainData(v[k], depth + 1));
      }
      default: return false;
    }
  }

  const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
  const isLonLat = (p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number" &&
    Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

  function clip(s) {
    return JSON.stringify(s.length > 40 ? s.slice(0, 40) + "…" : s);
  }

  const handlers = {
    setState(msg) {
      if (!isPlainObject(msg.state)) return "state must be an object";
      const state = {};
      for (const key of Object.keys(msg.state)) {
        if (["center", "zoom", "layers", "selected", "story", "step"].includes(key)) state[key] = msg.state[key];
        else warn("setState: unknown state field " + clip(key) + "; ignored");
      }
      heartland.setState(state); // validates each field and warns itself
    },
    select(msg) {
      if (!(msg.id === null || (typeof msg.id === "string" && ID.test(msg.id)))) return "id must be a feature id or null";
      heartland.select(msg.id);
    },
    fitBounds(msg) {
      const b = msg.bounds;
      if (!(Array.isArray(b) && b.length === 2 && isLonLat(b[0]) && isLonLat(b[1]))) {
        return "bounds must be [[west, south], [east, north]] in degrees";
      }
      heartland.fitBounds([[b[0][0], b[0][1]], [b[1][0], b[1][1]]]);
    },
    getState(msg) {
      const id = msg.requestId;
      if (!(id === undefined || (typeof id === "string" && id.length <= 128) || Number.isFinite(id))) {
        return "requestId must be a string or a number";
      }
      post("state", { requestId: id === undefined ? null : id, state: plainState(heartland.getState()) }, true);
    },
  };

  function handle(msg) {
    const name = msg.type.slice(PREFIX.length);
    const fn = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : null;
    if (!fn) {
      warn("unknown message type " + clip(msg.type) + "; ignored");
      return;
    }
    try {
      const problem = fn(msg);
      if (problem) warn(msg.type + ": " + problem + "; ignored");
    } catch (err) {
      warn(msg.type + " failed: " + err.message);
    }
  }

  // plainState copies the map's state into a structured-clone-safe object.
  function plainState(s) {
    if (!s) return null;
    return {
      center: [Number(s.center[0]), Number(s.center[1])],
      zoom: Number(s.zoom),
      layers: Array.from(s.layers || [], String),
      selected: s.selected == null ? null : String(s.selected),
      story: s.story == null ? null : String(s.story),
      step: s.step == null ? null : Number(s.step),
    };
  }

  function plainFeature(f) {
    if (!f) return null;
    return { id: String(f.id), kind: String(f.kind), name: String(f.name), layer: String(f.layer) };
  }

  heartland.ready.then(() => {
    ready = true;
    post("ready", { protocol: PROTOCOL }, false);
    for (const msg of queue.splice(0)) handle(msg);
  }, () => {});
  heartland.on("select", (f) => post("select", { feature: plainFeature(f) }, true));
  heartland.on("step", (st) => post("step", st ? { story: String(st.story), step: Number(st.step), title: String(st.title) } : { story: null, step: null }, true));
  heartland.on("move", (m) => {
    if (m && Array.isArray(m.center)) post("move", { center: [Number(m.center[0]), Number(m.center[1])], zoom: Number(m.zoom) }, true);
  });

  // --- preferred height --------------------------------------------------
  // About the poster's proportions at the article's width, plus the bottom
  // sheet when a panel is open on a narrow screen (so the map stays in
  // view). It depends on the content's height, never on the frame's, so
  // growing the frame cannot feed back into a bigger request.
  const panel = document.getElementById("panel");
  const panelBody = document.getElementById("panel-body");
  const narrow = window.matchMedia("(max-width: 600px)");
  let lastHeight = 0;

  function preferredHeight() {
    const width = document.documentElement.clientWidth;
    let h = Math.round(Math.min(720, Math.max(320, width * 0.62)));
    if (panel && !panel.hidden && narrow.matches) h += Math.min(Math.ceil(panel.scrollHeight), 480);
    return h;
  }

  function reportHeight() {
    if (document.fullscreenElement || document.webkitFullscreenElement) return; // the frame fills the screen
    const h = preferredHeight();
    if (h === lastHeight) return;
    lastHeight = h;
    post("height", { height: h }, false);
  }

  if ("ResizeObserver" in window) {
    const ro = new ResizeObserver(reportHeight);
    ro.observe(document.documentElement);
    if (panel) ro.observe(panel);
    if (panelBody) ro.observe(panelBody);
  } else {
    window.addEventListener("resize", reportHeight);
  }
  if (panel) new MutationObserver(reportHeight).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
  reportHeight();
})();
