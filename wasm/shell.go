//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
	"heartland/geo"
)

// shell is the page as the app core sees it (app.Page): panels, tooltip,
// URL, events and the canvas's compositor transform.
type shell struct{ g *Game }

var _ app.Page = shell{}

func (s shell) OpenPanel(id string) {
	if it := s.g.scene.Item(id); it != nil {
		s.g.ui.openPanel(it.Feature, s.g.scene.Facts(), s.g.scene.DisplayName)
	}
}

func (s shell) ClosePanel()                           { s.g.ui.closePanel() }
func (s shell) ShowTooltip(text string, x, y float64) { s.g.ui.showTooltip(text, x, y) }
func (s shell) HideTooltip()                          { s.g.ui.hideTooltip() }

func (s shell) SetPointerCursor(on bool) {
	if on {
		s.g.ui.setCursor("pointer")
	} else {
		s.g.ui.setCursor("")
	}
}

func (s shell) WriteHash(hash string) {
	js.Global().Get("history").Call("replaceState", nil, "", hash)
}

func (s shell) Emit(event string, payload any)   { s.g.ui.emit(event, payload) }
func (s shell) Warn(msg string)                  { s.g.ui.warn(msg) }
func (s shell) SyncLayers()                      { s.g.ui.syncLayers(s.g) }
func (s shell) Highlight(hover, selected string) { s.g.showHighlight(hover, selected) }
func (s shell) CoveredEdges() geo.Padding        { return s.g.ui.coveredEdges() }
func (s shell) ReducedMotion() bool              { return reducedMotion() }
func (s shell) ToggleFullscreen()                { toggleFullscreen() }
func (s shell) SetPresenter(on bool)             { s.g.presenterChanged(on) }
func (s shell) Settled()                         { s.g.list.refresh(s.g) }

// MoveCanvas sets the canvas's CSS transform: the compositor then moves
// the last picture on its own thread, with no WebGL frame.
func (s shell) MoveCanvas(k, dx, dy float64) {
	t := app.CanvasTransform(k, dx, dy)
	if t == s.g.ui.canvasTransform {
		return
	}
	if bg := hexColor(colorWater); t != "" && bg != s.g.ui.bodyBackground {
		// What the moved picture leaves bare shows the body: make it sea,
		// not the black Ebiten gives it.
		s.g.ui.bodyBackground = bg
		s.g.ui.doc.Get("body").Get("style").Set("backgroundColor", bg)
	}
	s.g.ui.canvasTransform = t
	s.g.ui.canvasMoves++
	s.g.ui.canvas.Get("style").Set("transform", t)
	if s.g.hl != nil { // the highlight moves with the picture
		s.g.hl.svg.Get("style").Set("transform", t)
	}
}

// Wake asks for a frame. afterPaint waits for the next animation frame and
// one task more, so the browser paints what the callback changed (the
// panel, the tooltip) before a slow WebGL frame starts.
func (s shell) Wake(afterPaint bool) {
	if !afterPaint || !s.g.readyDone {
		s.g.wake()
		return
	}
	if s.g.ui.wakeAfterPaint.IsUndefined() {
		wake := safeFunc(func(js.Value, []js.Value) any { s.g.wake(); return nil })
		s.g.ui.wakeAfterPaint = safeFunc(func(js.Value, []js.Value) any {
			js.Global().Call("setTimeout", wake, 0)
			return nil
		}).Value
	}
	js.Global().Call("requestAnimationFrame", s.g.ui.wakeAfterPaint)
}

func reducedMotion() bool { return mediaMatches("(prefers-reduced-motion: reduce)") }

// mediaMatches reports whether a CSS media query matches the reader's
// browser; false where matchMedia is missing.
func mediaMatches(query string) bool {
	return js.Global().Get("matchMedia").Type() == js.TypeFunction && js.Global().Call("matchMedia", query).Get("matches").Bool()
}
