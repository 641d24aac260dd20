// Package mapstyle is how each kind of feature looks — colour, symbol shape,
// size, line width, dashes by status — shared by the live map (wasm/) and
// the poster (internal/poster), so the two cannot drift apart. Colours are
// the Okabe–Ito palette, safe for the common colour-vision deficiencies.
//
// Palettes (palette.go) give every colour by role for the light, dark and
// contrast themes; kinds drawn in ink take theirs from the palette.
//
// It imports only the standard library.
package mapstyle

import (
	"image/color"
	"math"
)

// Shape is the outline of a point symbol; with colour it tells kinds apart,
// so a reader who cannot tell red from green still can.
type Shape int

const (
	Circle Shape = iota
	Square
	Triangle
	Diamond
	Star
)

// Kind is how one kind of feature is drawn and named in the legend.
type Kind struct {
	Label    string     // legend text
	Layer    string     // "" for custom kinds, which belong to a reader's layer
	Color    color.RGBA // in the light palette; Palette.KindColor for others
	Ink      Ink        // whether Color follows the palette's inks
	Shape    Shape
	Radius   float64 // point symbols, CSS pixels
	Width    float64 // lines, CSS pixels
	Priority int     // lower is kept first when symbols crowd
}

// Ink says whether a kind's colour is a hue, the same in every palette, or
// one of the palette's inks, which the dark and contrast themes change.
type Ink int

const (
	Hue     Ink = iota // Kind.Color in every palette
	DarkInk            // Palette.InkDark
	GreyInk            // Palette.InkGrey
)

// The kinds' colours: Okabe–Ito hues, a sea blue and the light palette's
// two inks.
var (
	Vermillion = color.RGBA{0xD5, 0x5E, 0x00, 0xff}
	Blue       = color.RGBA{0x00, 0x72, 0xB2, 0xff}
	Purple     = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
	Green      = color.RGBA{0x00, 0x9E, 0x73, 0xff}
	Sky        = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	Orange     = color.RGBA{0xE6, 0x9F, 0x00, 0xff}
	Yellow     = color.RGBA{0xF0, 0xE4, 0x42, 0xff}
	InkDark    = color.RGBA{0x26, 0x22, 0x1e, 0xff}
	InkGrey    = color.RGBA{0x6b, 0x65, 0x5e, 0xff}
	SeaRoute   = color.RGBA{0x1b, 0x5a, 0x8c, 0xff}
)

// Kinds covers every kind in assets/layers/SCHEMA.md and the kinds of a
// reader's own layers.
var Kinds = map[string]Kind{
	"capital":          {Label: "Capital", Layer: LayerCities, Color: InkDark, Ink: DarkInk, Shape: Star, Radius: 6.5, Priority: 0},
	"city":             {Label: "City", Layer: LayerCities, Color: InkDark, Ink: DarkInk, Shape: Circle, Radius: 3.2, Priority: 4},
	"oil-field":        {Label: "Oil field", Layer: LayerEnergy, Color: Vermillion, Shape: Circle, Radius: 5.5, Priority: 1},
	"gas-field":        {Label: "Gas field", Layer: LayerEnergy, Color: Blue, Shape: Circle, Radius: 5.5, Priority: 1},
	"oil-gas-field":    {Label: "Oil and gas field", Layer: LayerEnergy, Color: Purple, Shape: Circle, Radius: 5.5, Priority: 1},
	"terminal":         {Label: "Terminal or pumping station", Layer: LayerEnergy, Color: InkGrey, Ink: GreyInk, Shape: Square, Radius: 3.5, Priority: 5},
	"oil-pipeline":     {Label: "Oil pipeline", Layer: LayerEnergy, Color: Vermillion, Width: 2.2},
	"gas-pipeline":     {Label: "Gas pipeline", Layer: LayerEnergy, Color: Blue, Width: 2.2},
	"uranium":          {Label: "Uranium mine", Layer: LayerMinerals, Color: Green, Shape: Triangle, Radius: 6, Priority: 2},
	"rare-earths":      {Label: "Rare earths", Layer: LayerMinerals, Color: Purple, Shape: Diamond, Radius: 6, Priority: 2},
	"critical-mineral": {Label: "Other critical mineral", Layer: LayerMinerals, Color: Sky, Shape: Diamond, Radius: 6, Priority: 3},
	"copper":           {Label: "Copper mine", Layer: LayerMinerals, Color: Orange, Shape: Square, Radius: 5, Priority: 3},
	"gold":             {Label: "Gold mine", Layer: LayerMinerals, Color: Yellow, Shape: Square, Radius: 5, Priority: 3},
	"rail-corridor":    {Label: "Rail corridor", Layer: LayerTrade, Color: InkDark, Ink: DarkInk, Width: 2},
	"road-corridor":    {Label: "Road corridor", Layer: LayerTrade, Color: InkGrey, Ink: GreyInk, Width: 2},
	"sea-route":        {Label: "Sea route", Layer: LayerTrade, Color: SeaRoute, Width: 2},
	"port":             {Label: "Port", Layer: LayerTrade, Color: SeaRoute, Shape: Square, Radius: 5, Priority: 2},
	"dry-port":         {Label: "Dry port", Layer: LayerTrade, Color: InkDark, Ink: DarkInk, Shape: Square, Radius: 5, Priority: 2},
	"border-crossing":  {Label: "Border crossing", Layer: LayerTrade, Color: InkDark, Ink: DarkInk, Shape: Diamond, Radius: 4.5, Priority: 3},
	"custom-point":     {Label: "Point", Color: InkDark, Ink: DarkInk, Shape: Circle, Radius: 5, Priority: 2},
	"custom-line":      {Label: "Line", Color: InkDark, Ink: DarkInk, Width: 2.2},
	"custom-area":      {Label: "Area", Color: InkDark, Ink: DarkInk, Width: 1.8},
}

// CustomColors are given to a reader's layers in turn: Okabe–Ito-like hues
// the thematic layers do not use.
var CustomColors = []color.RGBA{{0x88, 0x22, 0x55, 0xff}, {0x33, 0x22, 0x88, 0xff}, {0x11, 0x77, 0x33, 0xff}, {0x99, 0x44, 0x00, 0xff}}

// Layer ids, as the URL's layers= and assets/packed name them.
const (
	LayerCountries  = "countries"
	LayerBoundaries = "boundaries"
	LayerWater      = "water"
	LayerEnergy     = "energy"
	LayerMinerals   = "minerals"
	LayerTrade      = "trade"
	LayerCities     = "cities"
	LayerLabels     = "labels" // switches the names on and off; holds no features
)

// Layer is a thematic layer with its kinds, in legend order.
type Layer struct {
	ID, Name string
	Kinds    []string
}

// Layers are the thematic layers in legend order.
var Layers = []Layer{
	{LayerEnergy, "Energy", []string{"oil-field", "gas-field", "oil-gas-field", "oil-pipeline", "gas-pipeline", "terminal"}},
	{LayerMinerals, "Minerals", []string{"uranium", "rare-earths", "critical-mineral", "copper", "gold"}},
	{LayerTrade, "Trade routes", []string{"rail-corridor", "road-corridor", "sea-route", "port", "dry-port", "border-crossing"}},
	{LayerCities, "Cities", []string{"capital", "city"}},
}

// DashPattern returns dash and gap lengths in CSS pixels for a line's kind
// and status: solid (0, 0) when operating, long dashes when planned or
// proposed, short ones while being built or suspended; sea routes always
// dashed.
func DashPattern(kind, status string) (dash, gap float64) {
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

// UnitShape returns a symbol's outline on the unit circle in screen axes (y
// down), clockwise on screen; circles get n points.
func UnitShape(s Shape, n int) [][2]float64 {
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
