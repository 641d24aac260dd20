//go:build js

package main

import (
	"image/color"
	"math"
)

// symbolShape is the outline of a point symbol; with colour it tells kinds
// apart, so a reader who cannot tell red from green still can.
type symbolShape int

const (
	shapeCircle symbolShape = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	shapeStar
)

// kindStyle is how one kind of feature is drawn and named in the legend.
// Colours are the Okabe–Ito palette, safe for the common colour-vision
// deficiencies.
type kindStyle struct {
	label    string // legend text
	layer    string
	color    color.RGBA
	shape    symbolShape
	radius   float64 // point symbols, CSS pixels
	width    float64 // lines, CSS pixels
	priority int     // lower is kept first when symbols crowd
}

var (
	okVermillion = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	okBlue       = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	okPurple     = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
	okGreen      = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	okSky        = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	okOrange     = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	okYellow     = color.RGBA{0xF0, 0xE4, 0x42, 0xff}
	inkDark      = color.RGBA{0x26, 0x22, 0x1e, 0xff}
	inkGrey      = color.RGBA{0x6b, 0x65, 0x5e, 0xff}
	seaRoute     = color.RGBA{0x1b, 0x5a, 0x8c, 0xff}
)

// kindStyles covers every kind in assets/layers/SCHEMA.md.
var kindStyles = map[string]kindStyle{
	"capital":          {label: "Capital", layer: "cities", color: inkDark, shape: shapeStar, radius: 6.5, priority: 0},
	"city":             {label: "City", layer: "cities", color: inkDark, shape: shapeCircle, radius: 3.2, priority: 4},
	"oil-field":        {label: "Oil field", layer: "energy", color: okVermillion, shape: shapeCircle, radius: 5.5, priority: 1},
	"gas-field":        {label: "Gas field", layer: "energy", color: okBlue, shape: shapeCircle, radius: 5.5, priority: 1},
	"oil-gas-field":    {label: "Oil and gas field", layer: "energy", color: okPurple, shape: shapeCircle, radius: 5.5, priority: 1},
	"terminal":         {label: "Terminal or pumping station", layer: "energy", color: inkGrey, shape: shapeSquare, radius: 3.5, priority: 5},
	"oil-pipeline":     {label: "Oil pipeline", layer: "energy", color: okVermillion, width: 2.2},
	"gas-pipeline":     {label: "Gas pipeline", layer: "energy", color: okBlue, width: 2.2},
	"uranium":          {label: "Uranium mine", layer: "minerals", color: okGreen, shape: shapeTriangle, radius: 6, priority: 2},
	"rare-earths":      {label: "Rare earths", layer: "minerals", color: okPurple, shape: shapeDiamond, radius: 6, priority: 2},
	"critical-mineral": {label: "Other critical mineral", layer: "minerals", color: okSky, shape: shapeDiamond, radius: 6, priority: 3},
	"copper":           {label: "Copper mine", layer: "minerals", color: okOrange, shape: shapeSquare, radius: 5, priority: 3},
	"gold":             {label: "Gold mine", layer: "minerals", color: okYellow, shape: shapeSquare, radius: 5, priority: 3},
	"rail-corridor":    {label: "Rail corridor", layer: "trade", color: inkDark, width: 2},
	"road-corridor":    {label: "Road corridor", layer: "trade", color: inkGrey, width: 2},
	"sea-route":        {label: "Sea route", layer: "trade", color: seaRoute, width: 2},
	"port":             {label: "Port", layer: "trade", color: seaRoute, shape: shapeSquare, radius: 5, priority: 2},
	"dry-port":         {label: "Dry port", layer: "trade", color: inkDark, shape: shapeSquare, radius: 5, priority: 2},
	"border-crossing":  {label: "Border crossing", layer: "trade", color: inkDark, shape: shapeDiamond, radius: 4.5, priority: 3},
	// A reader's own layers; each gets its colour from customColors.
	"custom-point": {label: "Point", color: inkDark, shape: shapeCircle, radius: 5, priority: 2},
	"custom-line":  {label: "Line", color: inkDark, width: 2.2},
	"custom-area":  {label: "Area", color: inkDark, width: 1.8},
}

// customColors are given to custom layers in turn: Okabe–Ito hues not used
// by the thematic layers' lines.
var customColors = []color.RGBA{{0x88, 0x22, 0x55, 0xff}, {0x33, 0x22, 0x88, 0xff}, {0x11, 0x77, 0x33, 0xff}, {0x99, 0x44, 0x00, 0xff}}

// strategicLayers are the thematic layers, in legend order, with their
// kinds in legend order.
var strategicLayers = []struct {
	id, name string
	kinds    []string
}{
	{"energy", "Energy", []string{"oil-field", "gas-field", "oil-gas-field", "oil-pipeline", "gas-pipeline", "terminal"}},
	{"minerals", "Minerals", []string{"uranium", "rare-earths", "critical-mineral", "copper", "gold"}},
	{"trade", "Trade routes", []string{"rail-corridor", "road-corridor", "sea-route", "port", "dry-port", "border-crossing"}},
	{"cities", "Cities", []string{"capital", "city"}},
}

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

// unitShape returns a symbol's outline on the unit circle, screen axes (y
// down), as a fan around the origin.
func unitShape(s symbolShape) [][2]float32 {
	var pts [][2]float32
	poly := func(n int, start float64, radii ...float64) {
		for i := 0; i < n; i++ {
			a := start + 2*math.Pi*float64(i)/float64(n)
			r := radii[i%len(radii)]
			pts = append(pts, [2]float32{float32(r * math.Cos(a)), float32(r * math.Sin(a))})
		}
	}
	switch s {
	case shapeSquare:
		poly(4, math.Pi/4, 1.2) // corners at 1.2 so its area matches a circle's
	case shapeTriangle:
		poly(3, -math.Pi/2, 1.3)
	case shapeDiamond:
		poly(4, 0, 1.3)
	case shapeStar:
		poly(10, -math.Pi/2, 1.25, 0.55)
	default:
		poly(16, 0, 1)
	}
	return pts
}
