//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/app"
	"heartland/geo"
)

// shell is the page as the app core sees it (app.Page): panels, tooltip,
// URL, events and the canvas's compositor transform.
type shell struct{ g *Game }

var _ app.Page = shell{}

func (s shell) OpenPanel(id string) {
	if it := s.g.scene.byID[id]; it != nil {
		s.g.ui.openPanel(it.feature, s.g.scene.facts, s.g.scene.displayName)
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

func (s shell) Emit(event string, payload any) { s.g.ui.emit(event, payload) }
func (s shell) Warn(msg string)                { s.g.ui.warn(msg) }
func (s shell) SyncLayers()                    { s.g.ui.syncLayers(s.g) }
func (s shell) CoveredEdges() geo.Padding      { return s.g.ui.coveredEdges() }
func (s shell) ReducedMotion() bool            { return reducedMotion() }
func (s shell) ToggleFullscreen()              { toggleFullscreen() }
func (s shell) SetPresenter(on bool)           { s.g.presenterChanged(on) }
func (s shell) Settled()                       { s.g.list.refresh(s.g) }

// MoveCanvas sets the canvas's CSS transform: the compositor then moves
// the last picture on its own thread, with no WebGL frame.
func (s shell) MoveCanvas(k, dx, dy float64) {
	t := ""
	if k != 1 || dx != 0 || dy != 0 {
		t = fmt.Sprintf("translate(%.2fpx,%.2fpx) scale(%.5f)", dx, dy, k)
	}
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

// sceneView is the scene as the app core asks for it (app.Scene): the
// symbols shown in the last frame decide which points can be hit.
type sceneView struct{ g *Game }

var _ app.Scene = sceneView{}

func (v sceneView) FeatureAt(w orb.Point, tol float64) (app.Feature, bool) {
	s := v.g.scene
	hit, ok := s.index.Query(w, tol, func(layer string, f *geo.Feature) bool {
		if !s.visible[layer] {
			return false
		}
		// A symbol hidden by decluttering cannot be clicked.
		if _, isPoint := f.Geometry.(orb.Point); isPoint {
			return v.g.symbols.shown[f.ID]
		}
		return true
	})
	if !ok {
		return app.Feature{}, false
	}
	return v.Feature(hit.Feature.ID)
}

func (v sceneView) Feature(id string) (app.Feature, bool) {
	it := v.g.scene.byID[id]
	if id == "" || it == nil {
		return app.Feature{}, false
	}
	f := app.Feature{ID: it.feature.ID, Name: it.feature.Name, Kind: it.feature.Kind, Layer: it.layer}
	if p, ok := it.feature.Geometry.(orb.Point); ok {
		f.Symbol, f.At = true, p
	}
	return f, true
}

func (v sceneView) Bound(id string) orb.Bound {
	if it := v.g.scene.byID[id]; it != nil {
		return it.feature.Geometry.Bound()
	}
	return orb.Bound{}
}

func (v sceneView) LayerIDs() []string {
	ids := []string{}
	for _, l := range v.g.scene.layers {
		ids = append(ids, l.ID)
	}
	return append(ids, "labels")
}

func (v sceneView) Visible(layer string) bool        { return v.g.scene.visible[layer] }
func (v sceneView) SetVisible(layer string, on bool) { v.g.scene.visible[layer] = on }

func reducedMotion() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
}
