//go:build js

package main

import (
	"github.com/paulmach/orb"

	"heartland/geo"
)

// hitTolerance is how near, in CSS pixels, a click must be to a point or line.
const hitTolerance = 6

// featureAt returns the top feature under a screen point in CSS pixels.
func (g *Game) featureAt(x, y float64) (geo.Hit, bool) {
	w := g.cam.ScreenToWorld(x, y)
	return g.scene.index.Query(w, hitTolerance/g.cam.Scale(), func(layer string, f *geo.Feature) bool {
		if !g.scene.visible[layer] {
			return false
		}
		// A symbol hidden by decluttering cannot be clicked.
		if _, isPoint := f.Geometry.(orb.Point); isPoint {
			return g.symbols.shown[f.ID]
		}
		return true
	})
}

func (g *Game) hoverAt(x, y float64) {
	hit, ok := g.featureAt(x, y)
	if !ok {
		g.setHover("", x, y)
		return
	}
	g.setHover(hit.Feature.ID, x, y)
}

func (g *Game) setHover(id string, x, y float64) {
	if id != g.hover {
		// Symbols are drawn every frame; only areas and lines live in the
		// cached map image, so only they need it drawn again.
		if g.inCache(g.hover) || g.inCache(id) {
			g.restyle()
		} else {
			g.redraw()
		}
		g.hover = id
	}
	if it := g.scene.byID[id]; it != nil {
		g.ui.showTooltip(it.feature.Name, x, y)
		g.ui.setCursor("pointer")
	} else {
		g.ui.hideTooltip()
		g.ui.setCursor("")
	}
}

// inCache reports whether a feature's highlight is part of the cached map
// image (areas and lines) rather than of the per-frame symbols.
func (g *Game) inCache(id string) bool {
	it := g.scene.byID[id]
	if it == nil {
		return false
	}
	_, point := it.world.(orb.Point)
	return !point
}

func (g *Game) click(x, y float64) {
	hit, ok := g.featureAt(x, y)
	if !ok {
		g.selectID("")
		return
	}
	g.selectID(hit.Feature.ID)
}

// selectID selects a feature by id ("" clears) and opens or closes its panel.
// Unknown ids are ignored and reported.
func (g *Game) selectID(id string) bool {
	if id != "" && g.scene.byID[id] == nil {
		return false
	}
	if id == g.selected {
		return true
	}
	if g.inCache(g.selected) || g.inCache(id) {
		g.restyle()
	} else {
		g.redraw()
	}
	g.selected = id
	if id == "" {
		g.ui.closePanel()
	} else {
		g.ui.openPanel(g.scene.byID[id].feature, g.scene.facts, g.scene.displayName)
	}
	g.ui.writeHash(g)
	g.ui.emit("select", g.selectionInfo())
	return true
}

func (g *Game) selectionInfo() any {
	if it := g.scene.byID[g.selected]; it != nil {
		return map[string]any{"id": it.feature.ID, "kind": it.feature.Kind, "name": it.feature.Name, "layer": it.layer}
	}
	return nil
}

// key applies a keyboard command: arrows pan, +/− zoom, 0 resets, Esc
// closes the panel.
func (g *Game) key(k string) {
	const step = 100 // CSS pixels per arrow press
	w, h, _ := g.cam.Viewport()
	switch k {
	case "ArrowLeft":
		g.cam.PanBy(step, 0)
	case "ArrowRight":
		g.cam.PanBy(-step, 0)
	case "ArrowUp":
		g.cam.PanBy(0, step)
	case "ArrowDown":
		g.cam.PanBy(0, -step)
	case "+", "=":
		g.cam.ZoomAround(w/2, h/2, 1)
	case "-", "_":
		g.cam.ZoomAround(w/2, h/2, -1)
	case "0":
		g.resetView()
	case "p", "P":
		g.setPresenting(!g.presenting)
		return
	case "f", "F":
		toggleFullscreen()
		return
	case "Escape":
		g.selectID("")
		return
	}
	g.markMoved()
}

// homeView frames the five Central Asian states with their neighbours' edges.
var homeView = orb.Bound{Min: orb.Point{46, 35}, Max: orb.Point{88, 55.5}}

func (g *Game) resetView() {
	g.cam.FitBoundsPadded(homeView, g.ui.coveredEdges())
	g.markMoved()
}

// state returns the shareable state of the map.
func (g *Game) state() geo.State {
	s := geo.State{Center: g.cam.Center(), Zoom: g.cam.Zoom(), HasView: true, HasLayers: true, Selected: g.selected}
	if p := g.story; p != nil && p.current != nil {
		s.Story, s.Step, s.HasStory = p.current.ID, p.step+1, true
		s.Selected = "" // the step's highlight comes with the step
	}
	s.Layers = []string{}
	for _, l := range g.layerIDs() {
		if g.scene.visible[l] {
			s.Layers = append(s.Layers, l)
		}
	}
	return s
}

// layerIDs lists toggleable layers in drawing order.
func (g *Game) layerIDs() []string {
	ids := []string{}
	for _, l := range g.scene.layers {
		ids = append(ids, l.ID)
	}
	return append(ids, "labels")
}

// applyState moves the map to a parsed state; missing parts stay as they are.
func (g *Game) applyState(s geo.State) {
	if s.HasView {
		g.cam.SetView(s.Center, s.Zoom)
	}
	if s.HasLayers {
		on := map[string]bool{}
		for _, l := range s.Layers {
			on[l] = true
		}
		for _, l := range g.layerIDs() {
			g.scene.visible[l] = on[l]
		}
		g.cache.invalidate()
		g.ui.syncLayers(g)
		g.ui.emit("layers", s.Layers)
	}
	if s.HasStory && s.Story != "" {
		if !g.openStory(s.Story, s.Step) {
			g.ui.warn("no story " + s.Story + "; ignored")
		}
	} else if s.HasStory {
		g.closeStory()
	}
	if s.HasSelect && !g.selectID(s.Selected) {
		g.ui.warn("no feature with id " + s.Selected + "; selection ignored")
	}
	g.markMoved()
}
