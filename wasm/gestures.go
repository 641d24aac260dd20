//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
)

// listenCooperative lets an embedded map share the article around it
// (app.Cooperative decides). Ebiten's own canvas listeners call
// preventDefault on every wheel and touch event, which would swallow the
// page's scroll, so capture-phase listeners on window stop those events
// before they reach the canvas whenever the page should have them.
func listenCooperative(canvas js.Value, emitHint func(input string)) {
	c := &app.Cooperative{}
	touchMode := ""
	syncTouchAction := func() { // touch-action must be right before the next touch starts
		if mode := app.TouchAction(cooperative()); mode != touchMode {
			touchMode = mode
			canvas.Get("style").Set("touchAction", mode)
		}
	}
	use := func(e js.Value, decide func() app.GestureUse) {
		syncTouchAction()
		if !cooperative() || !e.Get("target").Call("isSameNode", canvas).Bool() {
			return
		}
		u := decide()
		if u.Stop {
			e.Call("stopImmediatePropagation")
		}
		if u.Prevent {
			e.Call("preventDefault")
		}
		if u.Hint != "" {
			emitHint(u.Hint)
		}
	}
	window, capture := js.Global(), map[string]any{"capture": true, "passive": false}
	listen(window, "wheel", func(e js.Value) {
		use(e, func() app.GestureUse { return c.Wheel(e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) })
	}, capture)
	for _, ev := range []string{"touchstart", "touchmove", "touchend", "touchcancel"} {
		listen(window, ev, func(e js.Value) {
			use(e, func() app.GestureUse {
				return c.Touch(e.Get("touches").Get("length").Int(), e.Get("type").String() == "touchmove")
			})
		}, capture)
	}
	listen(canvas, "pointerdown", func(js.Value) { c.Active = true })
	deactivate := func(js.Value) { c.Active = false }
	listen(window, "blur", deactivate)
	listen(js.Global().Get("document").Get("documentElement"), "mouseleave", deactivate)
	// The page turns cooperation off in full screen: follow that at once.
	resync := safeFunc(func(js.Value, []js.Value) any { syncTouchAction(); return nil })
	listen(js.Global().Get("document"), "fullscreenchange", func(js.Value) { js.Global().Call("setTimeout", resync, 0) })
	syncTouchAction()
}
