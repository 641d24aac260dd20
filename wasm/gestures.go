//go:build js

package main

import (
	"syscall/js"
	"time"
)

// cooperativeGestures lets an embedded map share the article around it, as
// MapLibre's cooperativeGestures does: a plain wheel scrolls the page (Ctrl
// or ⌘ + wheel zooms, or any wheel once the map was clicked), one finger
// scrolls the page and two fingers pan and zoom the map. Ebiten's own canvas
// listeners call preventDefault on every wheel and touch event, which would
// swallow the page's scroll, so capture-phase listeners on window stop those
// events before they reach the canvas whenever the page should have them.
type cooperativeGestures struct {
	canvas    js.Value
	active    bool // the reader clicked the map: the wheel is the map's
	lastHint  time.Time
	emitHint  func(input string)
	touchMode string
}

func listenCooperative(canvas js.Value, emitHint func(input string)) {
	c := &cooperativeGestures{canvas: canvas, emitHint: emitHint}
	window := js.Global()
	capture := map[string]any{"capture": true, "passive": false}
	window.Call("addEventListener", "wheel", safeFunc(func(_ js.Value, args []js.Value) any {
		e := args[0]
		c.syncTouchAction()
		if !cooperative() || !e.Get("target").Call("isSameNode", canvas).Bool() {
			return nil
		}
		if c.active || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
			return nil // the map's: our canvas listener zooms
		}
		e.Call("stopImmediatePropagation") // the page's: it scrolls
		c.hint("wheel")
		return nil
	}), capture)
	touch := safeFunc(func(_ js.Value, args []js.Value) any {
		e := args[0]
		c.syncTouchAction()
		if !cooperative() || !e.Get("target").Call("isSameNode", canvas).Bool() {
			return nil
		}
		e.Call("stopImmediatePropagation") // Ebiten's handlers would block scrolling
		if e.Get("touches").Get("length").Int() >= 2 {
			e.Call("preventDefault") // two fingers: the map pans and zooms, not the page
		} else if e.Get("type").String() == "touchmove" {
			c.hint("touch")
		}
		return nil
	})
	for _, ev := range []string{"touchstart", "touchmove", "touchend", "touchcancel"} {
		window.Call("addEventListener", ev, touch, capture)
	}
	canvas.Call("addEventListener", "pointerdown", safeFunc(func(js.Value, []js.Value) any {
		c.active = true
		return nil
	}))
	deactivate := safeFunc(func(js.Value, []js.Value) any {
		c.active = false
		return nil
	})
	window.Call("addEventListener", "blur", deactivate)
	js.Global().Get("document").Get("documentElement").Call("addEventListener", "mouseleave", deactivate)
	// The page turns cooperation off in full screen; touch-action must be
	// right before the next touch starts, so follow that change at once.
	js.Global().Get("document").Call("addEventListener", "fullscreenchange", safeFunc(func(js.Value, []js.Value) any {
		js.Global().Call("setTimeout", safeFunc(func(js.Value, []js.Value) any { c.syncTouchAction(); return nil }), 0)
		return nil
	}))
	c.syncTouchAction()
}

// syncTouchAction lets the browser pan the page with one finger in
// cooperative mode; otherwise every touch is the map's.
func (c *cooperativeGestures) syncTouchAction() {
	mode := "none"
	if cooperative() {
		mode = "pan-x pan-y"
	}
	if mode != c.touchMode {
		c.touchMode = mode
		c.canvas.Get("style").Set("touchAction", mode)
	}
}

// hint asks the page to show how to move the map, at most once a second;
// input is "wheel" or "touch", for the right words.
func (c *cooperativeGestures) hint(input string) {
	if time.Since(c.lastHint) > time.Second {
		c.lastHint = time.Now()
		c.emitHint(input)
	}
}
