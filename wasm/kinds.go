//go:build js

package main

import (
	"image/color"

	"heartland/mapstyle"
)

// symbolShape is the outline of a point symbol (see mapstyle.Shape).
type symbolShape = mapstyle.Shape

const (
	shapeCircle   = mapstyle.Circle
	shapeSquare   = mapstyle.Square
	shapeTriangle = mapstyle.Triangle
	shapeDiamond  = mapstyle.Diamond
	shapeStar     = mapstyle.Star
)

// kindStyle is mapstyle.Kind in the map's own terms; a custom layer's items
// copy it and set their own colour.
type kindStyle struct {
	label    string // legend text
	layer    string
	color    color.RGBA
	shape    symbolShape
	radius   float64 // point symbols, CSS pixels
	width    float64 // lines, CSS pixels
	priority int     // lower is kept first when symbols crowd
}

// kindStyles is mapstyle.Kinds in the active palette (usePalette sets
// it): kinds drawn in ink take the palette's inks. Read it; a new palette
// gets a new map.
var kindStyles map[string]kindStyle

// kindStylesFor is mapstyle.Kinds with p's colours.
func kindStylesFor(p mapstyle.Palette) map[string]kindStyle {
	out := make(map[string]kindStyle, len(mapstyle.Kinds))
	for k, st := range mapstyle.Kinds {
		out[k] = kindStyle{label: st.Label, layer: st.Layer, color: rgba(p.KindColor(k)), shape: st.Shape,
			radius: st.Radius, width: st.Width, priority: st.Priority}
	}
	return out
}

// customColors are given to custom layers in turn.
var customColors = mapstyle.CustomColors

// strategicLayers are the thematic layers, in legend order, with their
// kinds in legend order.
var strategicLayers = func() []struct {
	id, name string
	kinds    []string
} {
	out := make([]struct {
		id, name string
		kinds    []string
	}, len(mapstyle.Layers))
	for i, l := range mapstyle.Layers {
		out[i].id, out[i].name, out[i].kinds = l.ID, l.Name, l.Kinds
	}
	return out
}()

// dashPattern returns dash and gap lengths in CSS pixels for a line's
// status (mapstyle.DashPattern).
func dashPattern(kind, status string) (dash, gap float64) { return mapstyle.DashPattern(kind, status) }

// unitShape returns a symbol's outline on the unit circle, screen axes (y
// down), as a fan around the origin.
func unitShape(s symbolShape) [][2]float32 {
	pts := mapstyle.UnitShape(s, 16)
	out := make([][2]float32, len(pts))
	for i, p := range pts {
		out[i] = [2]float32{float32(p[0]), float32(p[1])}
	}
	return out
}
