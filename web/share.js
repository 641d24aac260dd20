// Share dialog, used by index.html and embed.html: the #share button opens
// a dialog with a link to the current view and an iframe snippet for
// articles, each with a Copy button. The view is whatever the URL hash
// holds when the dialog opens (the map keeps the hash up to date).
"use strict";
(function () {
  const button = document.getElementById("share");
  if (!button) return;

  // embedParams keeps the embed's validated look (theme, legend, search,
  // start) in a shared snippet, writing only what differs from the
  // defaults. origins is left out: it names the sharer's site, not the
  // site the snippet will be pasted into.
  function embedParams(url) {
    const o = window.heartland && window.heartland.embedOptions;
    if (!o) return;
    if (o.theme !== "auto") url.searchParams.set("theme", o.theme);
    if (!o.legend) url.searchParams.set("legend", "0");
    if (o.search) url.searchParams.set("search", "1");
    if (o.start !== "visible") url.searchParams.set("start", o.start);
  }

  let dialog = null;
  let fields = null;

  function pageURL(name) {
    return new URL(name, location.href);
  }

  // keepData copies the reader's own layers and story that came from a web
  // address (?layer=, ?story=) into a shared link, so it shows them too.
  function keepData(url) {
    const here = new URLSearchParams(location.search);
    for (const key of ["layer", "story"]) {
      for (const v of here.getAll(key)) {
        if (/^https?:\/\//.test(v)) url.searchParams.append(key, v);
      }
    }
    // A quiz (?quiz=SET&seed=N&count=N) is kept too, so a class gets the
    // same questions; only plain names and numbers pass.
    const quiz = { quiz: /^[a-z]{1,20}$/, seed: /^[0-9]{1,20}$/, count: /^[0-9]{1,2}$/ };
    for (const [key, ok] of Object.entries(quiz)) {
      const v = here.get(key);
      if (v !== null && ok.test(v)) url.searchParams.set(key, v);
    }
  }

  function links() {
    const hash = location.hash.length > 1 ? location.hash : "";
    const map = pageURL("index.html");
    keepData(map);
    map.hash = hash;
    const embed = pageURL("embed.html");
    embedParams(embed);
    keepData(embed);
    embed.hash = hash;
    return { map: map.href, embed: embed.href, script: pageURL("embed.js").href };
  }

  function escapeAttr(s) {
    return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function snippet(l) {
    return '<iframe data-heartland src="' + escapeAttr(l.embed) + '" title="Map of Central Asia" width="100%" height="520"' +
      ' style="border:0" loading="lazy" allow="fullscreen"></iframe><script src="' + escapeAttr(l.script) + '" async></script>';
  }

  function el(tag, props, children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children || []) e.append(c);
    return e;
  }

  // field builds a labelled read-only box with its Copy button.
  function field(id, label, multiline) {
    const input = el(multiline ? "textarea" : "input", { id, readOnly: true, className: "share-text", spellcheck: false });
    if (multiline) input.rows = 4;
    else input.type = "text";
    const copy = el("button", { type: "button", className: "share-copy", textContent: "Copy" });
    copy.setAttribute("aria-describedby", id + "-label");
    copy.addEventListener("click", () => copyText(input, copy));
    input.addEventListener("focus", () => input.select());
    const row = el("div", { className: "share-row" }, [input, copy]);
    return { block: el("div", { className: "share-field" }, [el("label", { htmlFor: id, id: id + "-label", textContent: label }), row]), input };
  }

  function build() {
    const title = el("h2", { id: "share-title", textContent: "Share this view" });
    const close = el("button", { type: "button", className: "share-close", textContent: "×" });
    close.setAttribute("aria-label", "Close (Esc)");
    close.addEventListener("click", () => dialog.close());
    const link = field("share-link", "Link to this view", false);
    const code = field("share-embed", "Embed in an article (HTML)", true);
    const status = el("p", { className: "share-status", id: "share-status" });
    status.setAttribute("role", "status");
    const parts = [close, title, link.block, code.block];
    if (window.heartland && typeof window.heartland.download === "function") parts.push(downloads(status));
    parts.push(status);
    dialog = el("dialog", { className: "share-dialog" }, parts);
    dialog.setAttribute("aria-labelledby", "share-title");
    // A click on the backdrop (outside the dialog box) closes it.
    dialog.addEventListener("click", (e) => {
      if (e.target !== dialog) return;
      const r = dialog.getBoundingClientRect();
      const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside) dialog.close();
    });
    dialog.addEventListener("close", () => button.focus());
    document.body.appendChild(dialog);
    fields = { link: link.input, code: code.input, status };
  }

  // downloads offers the view as a PNG (2× the map's size) and as SVG,
  // drawn by web/export.js; the status line says what happened.
  function downloads(status) {
    const button = (format, text) => {
      const b = el("button", { type: "button", className: "share-copy share-download", textContent: text });
      b.dataset.format = format;
      b.addEventListener("click", async () => {
        status.textContent = "Preparing the " + format.toUpperCase() + "…";
        try {
          status.textContent = "Downloaded " + (await window.heartland.download(format)) + ".";
        } catch (e) {
          status.textContent = "Could not make the " + format.toUpperCase() + ": " + (e && e.message ? e.message : e);
        }
      });
      return b;
    };
    const label = el("p", { id: "share-download-label", className: "share-download-label", textContent: "Download this view, with its legend, title and data credits" });
    const row = el("div", { className: "share-row" }, [button("png", "Download PNG"), button("svg", "Download SVG")]);
    row.setAttribute("role", "group");
    row.setAttribute("aria-labelledby", "share-download-label");
    return el("div", { className: "share-field" }, [label, row]);
  }

  async function copyText(input, btn) {
    let ok = false;
    try {
      await navigator.clipboard.writeText(input.value);
      ok = true;
    } catch (_) {
      // Clipboard API missing or blocked (an iframe without clipboard-write):
      // fall back to selecting the text and the legacy copy command.
      input.focus();
      input.select();
      try { ok = document.execCommand("copy"); } catch (_) { ok = false; }
    }
    fields.status.textContent = ok ? "Copied." : "Press Ctrl+C (⌘C on a Mac) to copy the selected text.";
    if (ok) {
      btn.textContent = "Copied";
      setTimeout(() => { btn.textContent = "Copy"; }, 1500);
    }
  }

  function open() {
    if (!dialog) build();
    const l = links();
    fields.link.value = l.map;
    fields.code.value = snippet(l);
    fields.status.textContent = "";
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    fields.link.focus();
  }

  // While the dialog is open, keys are the dialog's: Escape closes it
  // natively (the default action still runs), and the map's window-level
  // key listener, added later by the wasm, must not also close the panel.
  window.addEventListener("keydown", (e) => {
    if (dialog && dialog.open) e.stopImmediatePropagation();
  }, true);
  button.addEventListener("click", open);
  button.hidden = false;
})();
