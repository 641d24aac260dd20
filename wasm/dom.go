//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"heartland/app"
	"heartland/app/views"
	hgeo "heartland/geo"
	"heartland/wasm/bridge"
)

// dom is the HTML around the canvas: tooltip, panel, scale bar, legend and
// the URL hash. Text from data is always set with textContent.
type dom struct {
	doc        js.Value
	canvas     js.Value
	tooltip    js.Value
	panel      js.Value
	panelTitle js.Value
	panelBody  js.Value
	scaleBar   js.Value
	scaleLabel js.Value
	live       js.Value
	prevFocus  js.Value
	api        js.Value // window.heartland
	lastScale  string
	onToggle   func(layer string, on bool) // a legend checkbox changed
	// canvasTransform is the CSS transform the canvas has now (shell.MoveCanvas).
	canvasTransform string
	canvasMoves     int       // how often it was set, for stats()
	bodyBackground  string    // the colour the moved canvas leaves bare
	keyHeld         bool      // a key is down (trackKeys)
	afterKeyUp      []js.Func // run once it is released
	wakeAfterPaint  js.Value  // the requestAnimationFrame callback of shell.Wake
}

// trackKeys follows whether a key is held, for openPanel.
func (d *dom) trackKeys() {
	listen(js.Global(), "keydown", func(js.Value) { d.keyHeld = true }, true)
	release := func(js.Value) {
		d.keyHeld = false
		for _, fn := range d.afterKeyUp {
			js.Global().Call("setTimeout", fn, 0)
		}
		d.afterKeyUp = d.afterKeyUp[:0]
	}
	listen(js.Global(), "keyup", release, true)
	listen(js.Global(), "blur", release)
}

func newDOM(canvas js.Value) *dom {
	doc := js.Global().Get("document")
	byID := func(id string) js.Value { return doc.Call("getElementById", id) }
	return &dom{doc: doc, canvas: canvas, tooltip: byID("tooltip"), panel: byID("panel"),
		panelTitle: byID("panel-title"), panelBody: byID("panel-body"), scaleBar: byID("scale-bar"),
		scaleLabel: byID("scale-label"), live: byID("live"), api: js.Global().Get("heartland")}
}

func (d *dom) showTooltip(name string, x, y float64) {
	d.tooltip.Set("textContent", name)
	d.tooltip.Get("style").Set("transform", fmt.Sprintf("translate(%dpx, %dpx)", int(x)+14, int(y)+14))
	d.tooltip.Set("hidden", false)
}

func (d *dom) hideTooltip() { d.tooltip.Set("hidden", true) }

func (d *dom) setCursor(c string) { d.canvas.Get("style").Set("cursor", c) }

// el creates an element with optional class and text.
func (d *dom) el(tag, class, text string) js.Value {
	e := d.doc.Call("createElement", tag)
	if class != "" {
		e.Set("className", class)
	}
	if text != "" {
		e.Set("textContent", text)
	}
	return e
}

// controlButton adds views.ControlButton to the column of map controls. ok
// is false on a page without the column, where nothing is added.
func (d *dom) controlButton(id, class, text, title, label string) (btn js.Value, ok bool) {
	controls := d.doc.Call("querySelector", ".controls")
	if controls.IsNull() {
		return js.Value{}, false
	}
	btn = d.render(views.ControlButton(id, class, text, title, label))
	controls.Call("append", btn)
	return btn, true
}

func (d *dom) closePanel() {
	if d.panel.Get("hidden").Bool() {
		return
	}
	d.panel.Set("hidden", true)
	d.live.Set("textContent", "Panel closed")
	if !d.prevFocus.IsUndefined() && !d.prevFocus.IsNull() {
		d.prevFocus.Call("focus")
	}
}

// updateScale sizes the scale bar to the view (views.ScaleBarOf).
func (d *dom) updateScale(cam *hgeo.Camera) {
	width, label, ok := views.ScaleBarOf(cam, 120)
	if key := width + " " + label; ok && key != d.lastScale {
		d.lastScale = key
		d.scaleBar.Get("style").Set("width", width)
		d.scaleLabel.Set("textContent", label)
	}
}

// emit calls the page's listeners registered with heartland.on.
func (d *dom) emit(event string, payload any) {
	if list, ok := payload.([]string); ok { // js.ValueOf takes []any only
		payload = bridge.Strings(list)
	}
	if fn := d.api.Get("_emit"); fn.Type() == js.TypeFunction {
		fn.Invoke(event, payload)
	}
}

func (d *dom) warn(msg string) { js.Global().Get("console").Call("warn", "heartland: "+msg) }

// fatal replaces the loading screen with a message; the map cannot run.
func fatal(msg string) {
	js.Global().Get("console").Call("error", "heartland: "+msg)
	if fn := js.Global().Get("heartland").Get("_fail"); fn.Type() == js.TypeFunction {
		fn.Invoke(msg)
	}
}

// syncLayers ticks the legend's layer boxes to match the visible layers.
func (d *dom) syncLayers(g *Game) {
	boxes := d.doc.Call("querySelectorAll", "input[data-layer]")
	for i := 0; i < boxes.Length(); i++ {
		b := boxes.Index(i)
		b.Set("checked", g.scene.Visible(b.Get("dataset").Get("layer").String()))
	}
}

// coveredEdges is app.Covered for the open legend.
func (d *dom) coveredEdges() hgeo.Padding {
	legend, body, right := d.doc.Call("querySelector", ".legend"), d.doc.Call("getElementById", "legend-body"), 0.0
	if !legend.IsNull() && !body.IsNull() && !body.Get("hidden").Bool() {
		right = legend.Call("getBoundingClientRect").Get("right").Float()
	}
	return app.Covered(right, js.Global().Get("innerWidth").Float())
}
