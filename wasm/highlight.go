//go:build js

package main

import (
	"syscall/js"

	"heartland/app/paint"
	"heartland/geo"
)

// highlighter draws the hovered and selected areas and lines as SVG above
// the canvas (paint.Highlight decides the paths). Paths stay at the
// simplification level of the last drawn view; one group transform maps
// them to that view, and during a gesture the SVG moves with the canvas
// (shell.MoveCanvas).
type highlighter struct {
	svg, group js.Value
	paths      [paint.HighlightPaths]js.Value
	ids        [2]string // hover, selected shown now
	level      int
	transform  string
}

func newHighlighter(doc js.Value) *highlighter {
	h := &highlighter{svg: (&dom{doc: doc}).render(paint.HighlightFrame()), level: -1}
	h.group = h.svg.Get("firstChild")
	paths := h.svg.Call("querySelectorAll", "path")
	for i := range h.paths {
		h.paths[i] = paths.Index(i)
	}
	// Right after the canvas: above the map, below every control and panel.
	doc.Call("querySelector", "canvas").Call("after", h.svg)
	return h
}

// showHighlight draws the highlight of hover and selected ("" for none)
// for the last drawn view.
func (g *Game) showHighlight(hover, selected string) {
	h := g.hl
	if h == nil {
		return
	}
	h.ids = [2]string{hover, selected}
	level := geo.LevelFor(g.cam.Zoom())
	if h.level >= 0 {
		level = h.level // the paths stay at the drawn view's level until it is drawn again
	}
	paths := paint.Highlight(g.scene.Scene, hover, selected, g.spotlit() != "", level, activePalette, g.m.Emphasis())
	for i, attrs := range paths {
		for _, a := range attrs {
			h.paths[i].Call("setAttribute", a.Name, a.Value)
		}
	}
}

// followHighlight maps the highlight to the view just drawn, and redraws
// its paths when that view is at another simplification level.
func (g *Game) followHighlight() {
	h := g.hl
	if h == nil {
		return
	}
	a, tx, ty := g.cam.Affine()
	if t := paint.HighlightTransform(a, tx, ty, g.dpr); t != h.transform {
		h.transform = t
		h.group.Call("setAttribute", "transform", t)
	}
	if level := geo.LevelFor(g.cam.Zoom()); level != h.level {
		h.level = level
		g.showHighlight(h.ids[0], h.ids[1])
	}
}
