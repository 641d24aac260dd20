//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
)

// listenInput registers our listeners. Each event is handled in its own
// callback: the map's state, the panel, the tooltip and the URL change
// before the callback returns, and the next frame only draws the result.
// Pointer Events give mouse, pen and touch in one model; Ebiten's own
// canvas listeners know no Pointer Events.
func (g *Game) listenInput(canvas js.Value) {
	window := js.Global()
	pointer := func(e js.Value) app.Pointer {
		return app.Pointer{ID: e.Get("pointerId").Int(), X: e.Get("clientX").Float(), Y: e.Get("clientY").Float(),
			Mouse: e.Get("pointerType").String() == "mouse"}
	}
	on := func(event string, fn func(e js.Value)) {
		canvas.Call("addEventListener", event, safeFunc(func(_ js.Value, args []js.Value) any {
			fn(args[0])
			return nil
		}))
	}
	on("pointerdown", func(e js.Value) {
		canvas.Call("setPointerCapture", e.Get("pointerId"))
		g.m.PointerDown(pointer(e))
	})
	on("pointermove", func(e js.Value) { g.m.PointerMove(pointer(e)) })
	on("pointerup", func(e js.Value) { g.m.PointerUp(pointer(e)) })
	on("pointercancel", func(e js.Value) { g.m.PointerCancel(pointer(e)) })
	on("pointerleave", func(e js.Value) { g.m.PointerLeave(pointer(e)) })
	canvas.Call("addEventListener", "wheel", safeFunc(func(this js.Value, args []js.Value) any {
		e := args[0]
		e.Call("preventDefault")
		dz := app.WheelZoom(e.Get("deltaY").Float(), e.Get("deltaMode").Int(), e.Get("ctrlKey").Bool())
		g.m.Wheel(e.Get("clientX").Float(), e.Get("clientY").Float(), dz)
		return nil
	}), map[string]any{"passive": false})
	// Capture phase on window: we see keys before Ebiten's canvas listener,
	// which calls preventDefault on every key and would trap Tab.
	window.Call("addEventListener", "keydown", safeFunc(func(this js.Value, args []js.Value) any {
		g.keydown(args[0])
		return nil
	}), true)
	window.Call("addEventListener", "resize", safeFunc(func(this js.Value, args []js.Value) any {
		g.wake()
		return nil
	}))
}

// keydown routes a key: Tab leaves the map, an open story and the quiz
// take their keys (app.StoryPlayer.Key, app.QuizPlayer.Key), and the map's
// own keys apply when the map (not a panel button or a text field) has
// focus; Escape closes the panel from anywhere but a text field.
func (g *Game) keydown(e js.Value) {
	key := e.Get("key").String()
	if key == "Tab" {
		e.Call("stopImmediatePropagation")
		return
	}
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	if g.story.Key(key, storyBarHasFocus()) {
		e.Call("preventDefault")
		e.Call("stopPropagation")
		return
	}
	if !typingInField() && g.quiz.Key(key, quizFocus()) {
		e.Call("preventDefault")
		return
	}
	if !mapHasFocus() && (key != "Escape" || typingInField()) {
		return
	}
	if k := app.KeyFromDOM(key); k != app.KeyNone {
		e.Call("preventDefault")
		g.m.Key(k)
	}
}

// mapHasFocus reports whether keys should move the map: the canvas or the
// page itself has focus, not a panel button or link.
func mapHasFocus() bool {
	el := js.Global().Get("document").Get("activeElement")
	if el.IsNull() || el.IsUndefined() {
		return true
	}
	tag := el.Get("tagName").String()
	return tag == "CANVAS" || tag == "BODY"
}

// typingInField reports whether a text field has focus; its own keys (Escape
// clears the search) come first.
func typingInField() bool {
	el := js.Global().Get("document").Get("activeElement")
	return !el.IsNull() && !el.IsUndefined() && el.Get("tagName").String() == "INPUT" && el.Get("type").String() != "checkbox"
}
