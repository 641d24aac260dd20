//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"heartland/geo"
)

// listenPage wires the HTML controls: zoom buttons, legend boxes, the panel's
// close button and edits of the URL hash.
func (g *Game) listenPage() {
	doc := js.Global().Get("document")
	onClick := func(id string, fn func()) {
		if el := doc.Call("getElementById", id); !el.IsNull() {
			listen(el, "click", func(js.Value) { fn() })
		}
	}
	onClick("zoom-in", func() { g.m.ZoomBy(1) })
	onClick("zoom-out", func() { g.m.ZoomBy(-1) })
	onClick("zoom-reset", g.m.Home)
	onClick("panel-close", func() { g.m.Select("") })
	toggle, body := doc.Call("getElementById", "legend-toggle"), doc.Call("getElementById", "legend-body")
	setLegendOpen := func(open bool) {
		toggle.Call("setAttribute", "aria-expanded", fmt.Sprint(open))
		body.Set("hidden", !open)
	}
	if !toggle.IsNull() && !body.IsNull() {
		// Small screens (phones, embeds) start with it folded, to keep the map in view.
		setLegendOpen(js.Global().Get("innerWidth").Float() >= 1000 && js.Global().Get("innerHeight").Float() >= 700)
		onClick("legend-toggle", func() { setLegendOpen(body.Get("hidden").Bool()) })
	}
	g.ui.onToggle = g.m.SetLayer
	g.ui.onLayerToggle(doc)
	listen(js.Global(), "hashchange", func(js.Value) {
		if js.Global().Get("location").Get("hash").String() != g.m.LastHash() {
			g.restoreHash()
		}
	})
}

// restoreHash applies the state in the URL; malformed parts are reported on
// the console and skipped.
func (g *Game) restoreHash() {
	hash := js.Global().Get("location").Get("hash").String()
	s, warnings := geo.ParseHash(hash)
	for _, w := range warnings {
		g.ui.warn("URL: " + w)
	}
	g.m.ApplyState(s)
}
