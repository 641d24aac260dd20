package poster

import (
	"image/color"

	"heartland/mapstyle"
)

// The symbol table is mapstyle's, shared with the live map.

// Shape is the outline of a point symbol (see mapstyle.Shape).
type Shape = mapstyle.Shape

const (
	Circle   = mapstyle.Circle
	Square   = mapstyle.Square
	Triangle = mapstyle.Triangle
	Diamond  = mapstyle.Diamond
	Star     = mapstyle.Star
)

// kindStyle is how one kind of feature is drawn.
type kindStyle struct {
	color    color.NRGBA
	shape    Shape
	radius   float64 // point symbols, CSS pixels
	width    float64 // lines, CSS pixels
	priority int     // lower is kept first when symbols crowd
}

// kindStyle returns how a kind is drawn with the renderer's palette: its
// shape and sizes from mapstyle.Kinds, its colour from the palette (kinds
// drawn in ink follow the theme, as on screen).
func (r *renderer) kindStyle(kind string) (kindStyle, bool) {
	st, ok := mapstyle.Kinds[kind]
	if !ok {
		return kindStyle{}, false
	}
	return kindStyle{color: r.pal.KindColor(kind), shape: st.Shape, radius: st.Radius, width: st.Width, priority: st.Priority}, true
}

// customColors are given to layers the app does not know, in turn.
var customColors = func() []color.NRGBA {
	out := make([]color.NRGBA, len(mapstyle.CustomColors))
	for i, c := range mapstyle.CustomColors {
		out[i] = nrgba(c)
	}
	return out
}()

// strategicLayers are the thematic layers the app styles by kind.
var strategicLayers = func() map[string]bool {
	out := map[string]bool{}
	for _, l := range mapstyle.Layers {
		out[l.ID] = true
	}
	return out
}()

// baseLayers are drawn as the base map, not by kind.
var baseLayers = map[string]bool{mapstyle.LayerCountries: true, mapstyle.LayerBoundaries: true, mapstyle.LayerWater: true}

// dashPattern returns dash and gap lengths in CSS pixels for a line's status.
func dashPattern(kind, status string) (dash, gap float64) { return mapstyle.DashPattern(kind, status) }

// unitShape returns a symbol's outline on the unit circle in screen axes
// (y down), clockwise on screen; circles get n points.
func unitShape(s Shape, n int) [][2]float64 { return mapstyle.UnitShape(s, n) }

// nrgba converts an opaque colour.
func nrgba(c color.RGBA) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, c.A} }
