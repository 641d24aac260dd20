package placement

import (
	"math"
	"slices"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Point is a point feature that may be drawn as a symbol.
type Point struct {
	Ref      int       // the caller's index of the feature, returned as is
	ID       string    // feature id, matched against View.Hover and View.Selected
	Layer    string    // layer id; the symbol shows only while it is visible
	World    orb.Point // world metres
	Radius   float64   // CSS pixels at emphasis 1; 0 means no symbol
	Priority int       // lower is kept first when symbols crowd
	Name     string    // the feature's full name; its label is ShortName(Name)
	Capital  bool      // named in the capital style
}

// View is what a frame's placement depends on besides the features.
type View struct {
	Camera   *geo.Camera             // its viewport is the screen
	Visible  func(layer string) bool // whether a layer is shown; layer "labels" switches names on
	Hover    string                  // feature id under the pointer, or ""
	Selected string                  // selected feature id, or ""
	Emphasis float64                 // scale of symbols and names (presenter mode); 0 means 1
}

func (v View) emphasis() float64 {
	if v.Emphasis == 0 {
		return 1
	}
	return v.Emphasis
}

// Symbol is a point kept on screen.
type Symbol struct {
	Point
	X, Y float64 // centre, CSS pixels
	R    float64 // radius drawn, CSS pixels: Radius × emphasis, 1.4× when hovered or selected
}

// SymbolGap is the free space, in CSS pixels, kept between two symbols.
const SymbolGap = 2

// emphasised is how much larger the hovered and selected symbols are drawn.
const emphasised = 1.4

// Symbols declutters the point symbols of a view and appends those it keeps
// to dst: first the selected and then the hovered feature, always, then
// the rest by priority (lower first; points of equal priority keep their
// order), each kept only where it clears every kept symbol by SymbolGap.
// Points on hidden layers, without a radius, off screen or of an id
// already kept are left out. It sorts points by priority in place; dst can
// be the last frame's slice, so a frame allocates nothing once warm.
func Symbols(dst []Symbol, points []Point, v View) []Symbol {
	slices.SortStableFunc(points, func(a, b Point) int { return a.Priority - b.Priority })
	w, h, _ := v.Camera.Viewport()
	k := v.emphasis()
	add := func(p Point, force bool) {
		x, y := v.Camera.WorldToScreen(p.World)
		r := p.Radius * k
		if p.ID == v.Hover || p.ID == v.Selected {
			r *= emphasised
		}
		if x < -r || y < -r || x > w+r || y > h+r {
			return
		}
		for _, q := range dst {
			if q.ID == p.ID || !force && math.Hypot(q.X-x, q.Y-y) < q.R+r+SymbolGap {
				return
			}
		}
		dst = append(dst, Symbol{Point: p, X: x, Y: y, R: r})
	}
	shows := func(p Point) bool { return p.Radius > 0 && v.Visible(p.Layer) }
	for _, id := range [2]string{v.Selected, v.Hover} {
		if id == "" {
			continue
		}
		for _, p := range points {
			if p.ID == id && shows(p) {
				add(p, true)
			}
		}
	}
	for _, p := range points {
		if shows(p) {
			add(p, false)
		}
	}
	return dst
}
