//go:build js

package main

import (
	"syscall/js"

	"heartland/app/views"
	"heartland/assets"
	"heartland/geo"
)

// openPanel fills the panel for a feature (views.FeaturePanel decides
// what it says) and moves focus into it.
func (d *dom) openPanel(f *geo.Feature, facts assets.Facts, names func(id string) string) {
	if d.panel.Get("hidden").Bool() {
		d.prevFocus = d.doc.Get("activeElement")
	}
	p := views.FeaturePanel(f, facts, names)
	d.panelTitle.Set("textContent", p.Title)
	d.panelBody.Set("textContent", "")
	d.appendAll(d.panelBody, p.Body)
	d.panel.Set("hidden", false)
	d.panel.Get("scrollTop")
	d.panel.Set("scrollTop", 0)
	// Focus moves in once the key that opened the panel (Enter on a search
	// result) is released, or on the next task after a click: the browser
	// still delivers that key's keypress, in a task of its own, which would
	// otherwise press the close button at once.
	closeBtn := d.doc.Call("getElementById", "panel-close")
	var focusLater js.Func
	focusLater = safeFunc(func(js.Value, []js.Value) any {
		focusLater.Release()
		if !d.panel.Get("hidden").Bool() {
			closeBtn.Call("focus")
		}
		return nil
	})
	if d.keyHeld {
		d.afterKeyUp = append(d.afterKeyUp, focusLater)
	} else {
		js.Global().Call("setTimeout", focusLater, 0)
	}
	d.live.Set("textContent", "Selected "+p.Title)
}
