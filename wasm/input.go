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
	pointer := func(e js.Value) app.Pointer {
		return app.Pointer{ID: e.Get("pointerId").Int(), X: e.Get("clientX").Float(), Y: e.Get("clientY").Float(),
			Mouse: e.Get("pointerType").String() == "mouse"}
	}
	listen(canvas, "pointerdown", func(e js.Value) {
		canvas.Call("setPointerCapture", e.Get("pointerId"))
		g.m.PointerDown(pointer(e))
	})
	listen(canvas, "pointermove", func(e js.Value) { g.m.PointerMove(pointer(e)) })
	listen(canvas, "pointerup", func(e js.Value) { g.m.PointerUp(pointer(e)) })
	listen(canvas, "pointercancel", func(e js.Value) { g.m.PointerCancel(pointer(e)) })
	listen(canvas, "pointerleave", func(e js.Value) { g.m.PointerLeave(pointer(e)) })
	listen(canvas, "wheel", func(e js.Value) {
		e.Call("preventDefault")
		dz := app.WheelZoom(e.Get("deltaY").Float(), e.Get("deltaMode").Int(), e.Get("ctrlKey").Bool())
		g.m.Wheel(e.Get("clientX").Float(), e.Get("clientY").Float(), dz)
	}, map[string]any{"passive": false})
	// Capture phase on window: we see keys before Ebiten's canvas listener,
	// which calls preventDefault on every key and would trap Tab.
	listen(js.Global(), "keydown", g.keydown, true)
	listen(js.Global(), "resize", func(js.Value) { g.wake() })
}

// keydown routes a key (app.RouteKey decides) and does with the event what
// that says.
func (g *Game) keydown(e js.Value) {
	var f app.KeyFocus
	doc := js.Global().Get("document")
	if el := doc.Get("activeElement"); !el.IsNull() && !el.IsUndefined() {
		story := doc.Call("getElementById", "story")
		f = app.KeyFocus{Tag: el.Get("tagName").String(), InputType: el.Get("type").String(),
			InStory: !story.IsNull() && story.Call("contains", el).Bool()}
	}
	modified := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool()
	switch app.RouteKey(g.m, g.story, g.quiz, e.Get("key").String(), modified, f) {
	case app.KeyLeaves:
		e.Call("stopImmediatePropagation")
	case app.KeyTakenHere:
		e.Call("stopPropagation")
		e.Call("preventDefault")
	case app.KeyTaken:
		e.Call("preventDefault")
	}
}
