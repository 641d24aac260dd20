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
	window.Call("addEventListener", "wheel", safeFunc(func(_ js.Value, args []js.Value) any {
		e := args[0]
		use(e, func() app.GestureUse { return c.Wheel(e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) })
		return nil
	}), capture)
	touch := safeFunc(func(_ js.Value, args []js.Value) any {
		e := args[0]
		use(e, func() app.GestureUse {
			return c.Touch(e.Get("touches").Get("length").Int(), e.Get("type").String() == "touchmove")
		})
		return nil
	})
	for _, ev := range []string{"touchstart", "touchmove", "touchend", "touchcancel"} {
		window.Call("addEventListener", ev, touch, capture)
	}
	canvas.Call("addEventListener", "pointerdown", safeFunc(func(js.Value, []js.Value) any { c.Active = true; return nil }))
	deactivate := safeFunc(func(js.Value, []js.Value) any { c.Active = false; return nil })
	window.Call("addEventListener", "blur", deactivate)
	js.Global().Get("document").Get("documentElement").Call("addEventListener", "mouseleave", deactivate)
	// The page turns cooperation off in full screen: follow that at once.
	js.Global().Get("document").Call("addEventListener", "fullscreenchange", safeFunc(func(js.Value, []js.Value) any {
		js.Global().Call("setTimeout", safeFunc(func(js.Value, []js.Value) any { syncTouchAction(); return nil }), 0)
		return nil
	}))
	syncTouchAction()
}
