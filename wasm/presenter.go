//go:build js

package main

import (
	"strconv"
	"syscall/js"
	"time"

	"heartland/app"
)

// Presenter mode is for a classroom projector: larger labels and symbols,
// thicker lines, a high-contrast palette that survives a washed-out
// projector (theme.go), a spotlight on the selection (spotlight.go), and the
// page's controls hidden until the mouse moves. P toggles it (also a button,
// and ?presenter=1), F toggles full screen.

// presenterChanged follows presenter mode (app.Map.SetPresenting) in the
// page: palette, spotlight and the presenter class on <html> that the CSS
// follows.
func (g *Game) presenterChanged(on bool) {
	g.useContrast(on)
	if !on {
		g.spot.free()
	}
	doc := js.Global().Get("document")
	doc.Get("documentElement").Get("classList").Call("toggle", "presenter", on)
	if btn := doc.Call("getElementById", "presenter-toggle"); !btn.IsNull() {
		btn.Call("setAttribute", "aria-pressed", strconv.FormatBool(on))
	}
}

// listenPresenter wires the P and F keys, the button, the URL flag and the
// controls that fade while the mouse rests.
func (g *Game) listenPresenter() {
	doc := js.Global().Get("document")
	if btn, ok := g.ui.controlButton("presenter-toggle", "presenter-button", "P",
		"Presenter mode (P) — full screen with F", "Presenter mode"); ok {
		btn.Call("setAttribute", "aria-pressed", "false")
		listen(btn, "click", func(js.Value) { g.m.SetPresenting(!g.m.Presenting()) })
	}
	var fade *time.Timer
	html := doc.Get("documentElement")
	listen(js.Global(), "mousemove", func(js.Value) {
		html.Get("classList").Call("add", "pointer-active")
		if fade != nil {
			fade.Stop()
		}
		fade = time.AfterFunc(2500*time.Millisecond, func() { html.Get("classList").Call("remove", "pointer-active") })
	})
	if app.PresenterInURL(js.Global().Get("location").Get("search").String()) {
		g.m.SetPresenting(true)
	}
}

// toggleFullscreen asks the browser for full screen, or leaves it.
func toggleFullscreen() {
	doc := js.Global().Get("document")
	if !doc.Get("fullscreenElement").IsNull() && !doc.Get("fullscreenElement").IsUndefined() {
		doc.Call("exitFullscreen")
		return
	}
	if el := doc.Get("documentElement"); el.Get("requestFullscreen").Type() == js.TypeFunction {
		el.Call("requestFullscreen")
	}
}
