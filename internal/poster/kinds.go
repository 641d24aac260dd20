package poster

import (
	"image/color"
	"math"
)

// This file copies the symbol table of wasm/kinds.go, which is in package
// main behind a js build tag and so cannot be imported; keep them in step.

// Shape is the outline of a point symbol; with colour it tells kinds apart.
type Shape int

const (
	Circle Shape = iota
	Square
	Triangle
	Diamond
	Star
)

// kindStyle is how one kind of feature is drawn.
type kindStyle struct {
	color    color.NRGBA
	shape    Shape
	radius   float64 // point symbols, CSS pixels
	width    float64 // lines, CSS pixels
	priority int     // lower is kept first when symbols crowd
}

var (
	okVermillion = rgb(0xD55E00)
	okBlue       = rgb(0x0072B2)
	okPurple     = rgb(0xCC79A7)
	okGreen      = rgb(0x009E73)
	okSky        = rgb(0x56B4E9)
	okOrange     = rgb(0xE69F00)
	okYellow     = rgb(0xF0E442)
	inkDark      = rgb(0x26221e)
	inkGrey      = rgb(0x6b655e)
	seaRoute     = rgb(0x1b5a8c)
)

// kindStyles covers every kind in assets/layers/SCHEMA.md (Okabe–Ito
// colours, safe for the common colour-vision deficiencies).
var kindStyles = map[string]kindStyle{
	"capital":          {color: inkDark, shape: Star, radius: 6.5, priority: 0},
	"city":             {color: inkDark, shape: Circle, radius: 3.2, priority: 4},
	"oil-field":        {color: okVermillion, shape: Circle, radius: 5.5, priority: 1},
	"gas-field":        {color: okBlue, shape: Circle, radius: 5.5, priority: 1},
	"oil-gas-field":    {color: okPurple, shape: Circle, radius: 5.5, priority: 1},
	"terminal":         {color: inkGrey, shape: Square, radius: 3.5, priority: 5},
	"oil-pipeline":     {color: okVermillion, width: 2.2},
	"gas-pipeline":     {color: okBlue, width: 2.2},
	"uranium":          {color: okGreen, shape: Triangle, radius: 6, priority: 2},
	"rare-earths":      {color: okPurple, shape: Diamond, radius: 6, priority: 2},
	"critical-mineral": {color: okSky, shape: Diamond, radius: 6, priority: 3},
	"copper":           {color: okOrange, shape: Square, radius: 5, priority: 3},
	"gold":             {color: okYellow, shape: Square, radius: 5, priority: 3},
	"rail-corridor":    {color: inkDark, width: 2},
	"road-corridor":    {color: inkGrey, width: 2},
	"sea-route":        {color: seaRoute, width: 2},
	"port":             {color: seaRoute, shape: Square, radius: 5, priority: 2},
	"dry-port":         {color: inkDark, shape: Square, radius: 5, priority: 2},
	"border-crossing":  {color: inkDark, shape: Diamond, radius: 4.5, priority: 3},
	"custom-point":     {color: inkDark, shape: Circle, radius: 5, priority: 2},
	"custom-line":      {color: inkDark, width: 2.2},
	"custom-area":      {color: inkDark, width: 1.8},
}

// customColors are given to layers the app does not know, in turn.
var customColors = []color.NRGBA{rgb(0x882255), rgb(0x332288), rgb(0x117733), rgb(0x994400)}

// strategicLayers are the thematic layers the app styles by kind.
var strategicLayers = map[string]bool{"trade": true, "energy": true, "minerals": true, "cities": true}

// baseLayers are drawn as the base map, not by kind.
var baseLayers = map[string]bool{"countries": true, "boundaries": true, "water": true}

// dashPattern returns dash and gap lengths in CSS pixels for a line's
// status: solid (0, 0) when operating.
func dashPattern(kind, status string) (dash, gap float64) {
	switch {
	case kind == "sea-route":
		return 8, 6
	case status == "planned" || status == "proposed":
		return 12, 7
	case status == "under construction" || status == "suspended":
		return 6, 4
	}
	return 0, 0
}

// unitShape returns a symbol's outline on the unit circle in screen axes
// (y down), clockwise on screen; circles get n points.
func unitShape(s Shape, n int) [][2]float64 {
	var pts [][2]float64
	poly := func(n int, start float64, radii ...float64) {
		for i := 0; i < n; i++ {
			a := start + 2*math.Pi*float64(i)/float64(n)
			r := radii[i%len(radii)]
			pts = append(pts, [2]float64{r * math.Cos(a), r * math.Sin(a)})
		}
	}
	switch s {
	case Square:
		poly(4, math.Pi/4, 1.2) // corners at 1.2 so its area matches a circle's
	case Triangle:
		poly(3, -math.Pi/2, 1.3)
	case Diamond:
		poly(4, 0, 1.3)
	case Star:
		poly(10, -math.Pi/2, 1.25, 0.55)
	default:
		poly(n, 0, 1)
	}
	return pts
}
