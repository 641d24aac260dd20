/*
 * Heartland embed helper, for the page that holds the map (your article).
 *
 * What it does: every <iframe data-heartland> on the page grows or shrinks
 * to the height the map asks for (it sends "heartland:height" messages), so
 * the map keeps sensible proportions on phones and wide screens. It also
 * gives you window.HeartlandEmbed to talk to a map:
 *
 *   HeartlandEmbed.send(iframe, type, payload)
 *     sends {type: "heartland:" + type, ...payload} to the map in iframe.
 *     Types: "setState" {state}, "select" {id}, "fitBounds" {bounds},
 *     "getState" {requestId} (the answer comes back as "state").
 *   HeartlandEmbed.on(iframe, type, fn)
 *     calls fn(message) for each message of that type from that iframe:
 *     "ready", "select" {feature}, "move" {center, zoom}, "state" {requestId,
 *     state}, "height" {height}. Returns a function that stops listening.
 *
 * The map only obeys pages it trusts: list your site's origin in the
 * embed URL, e.g. embed.html?origins=https://news.example. Without it the
 * map still resizes itself, but ignores send() and keeps its events private.
 *
 * Usage:
 *
 *   <iframe data-heartland src="https://maps.example/embed.html?origins=https://news.example#select=kashagan"
 *     title="Map of Central Asia" width="100%" height="520" style="border:0"
 *     loading="lazy" allow="fullscreen"></iframe>
 *   <script src="https://maps.example/embed.js"></script>
 *   <script>
 *     const map = document.querySelector("iframe[data-heartland]");
 *     HeartlandEmbed.on(map, "ready", () => HeartlandEmbed.send(map, "select", {id: "inkai"}));
 *     HeartlandEmbed.on(map, "select", (m) => console.log(m.feature));
 *   </script>
 *
 * Only resizing? Load it with async, as the Share dialog's snippet does.
 * To call HeartlandEmbed from your own script, load this file first
 * (without async, as above). It needs nothing else and adds nothing to the
 * page but window.HeartlandEmbed.
 */
(function () {
  "use strict";
  if (window.HeartlandEmbed) return; // the snippet was pasted twice

  var PREFIX = "heartland:";
  var MIN_HEIGHT = 200;
  var MAX_HEIGHT = 3000;
  var listeners = []; // {iframe, type, fn}

  // originOf is where the iframe's page lives; messages must come from there.
  function originOf(iframe) {
    try { return new URL(iframe.src, location.href).origin; } catch (e) { return null; }
  }

  function fullType(type) {
    type = String(type);
    return type.indexOf(PREFIX) === 0 ? type : PREFIX + type;
  }

  function frameFor(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    var iframe = frameFor(event.source);
    if (!iframe || event.origin !== originOf(iframe)) return;
    if (data.type === PREFIX + "height" && iframe.hasAttribute("data-heartland")) {
      var h = Number(data.height);
      if (isFinite(h) && h >= MIN_HEIGHT && h <= MAX_HEIGHT) iframe.style.height = Math.round(h) + "px";
    }
    listeners.slice().forEach(function (l) {
      if (l.iframe === iframe && l.type === data.type) {
        try { l.fn(data); } catch (err) { console.error(err); }
      }
    });
  });

  window.HeartlandEmbed = {
    send: function (iframe, type, payload) {
      var origin = originOf(iframe);
      if (!iframe || !iframe.contentWindow || !origin || origin === "null") return false;
      var msg = {};
      for (var k in payload || {}) if (Object.prototype.hasOwnProperty.call(payload, k)) msg[k] = payload[k];
      msg.type = fullType(type);
      iframe.contentWindow.postMessage(msg, origin);
      return true;
    },
    on: function (iframe, type, fn) {
      var entry = { iframe: iframe, type: fullType(type), fn: fn };
      listeners.push(entry);
      return function () {
        var i = listeners.indexOf(entry);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
  };
})();
