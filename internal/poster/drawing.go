package poster

import (
	"image/color"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Drawing is a poster as a display list in CSS pixels (origin top-left, y
// down), painted in order: background, paths, symbols, panels, the
// legend, labels.
type Drawing struct {
	Width, Height int
	Palette       Palette
	Title         string  // also the SVG's <title>
	Zoom          float64 // the camera's zoom, after limits
	Level         int     // the simplification level drawn
	Paths         []Path
	Symbols       []Symbol
	Panels        []Panel
	Legend        *Legend // nil without Options.Legend or room for it
	Labels        []Label

	cam *geo.Camera
}

// Project returns where [lon, lat] degrees lie on the drawing, in CSS
// pixels.
func (d *Drawing) Project(lonLat orb.Point) (x, y float64) { return d.cam.Project(lonLat) }

// Point is a position in CSS pixels.
type Point struct{ X, Y float64 }

// Path is filled polygons or stroked lines of one style. Outer rings run
// clockwise on screen and holes counter-clockwise, so non-zero and even-odd
// filling agree.
type Path struct {
	ID     string    // feature id of a single country, else ""
	Rings  [][]Point // closed implicitly when Fill is set
	Fill   color.NRGBA
	Stroke color.NRGBA
	Width  float64    // stroke width, CSS pixels
	Dash   [2]float64 // dash and gap lengths, CSS pixels; zero is solid
}

// Symbol is a point feature's marker: a shape with a dark edge, and a white
// dot for capitals.
type Symbol struct {
	ID      string
	X, Y    float64 // centre, CSS pixels
	Radius  float64 // CSS pixels; shapes reach up to 1.3× it
	Shape   Shape
	Fill    color.NRGBA
	Edge    color.NRGBA
	Dot     color.NRGBA // capitals' centre dot; zero alpha for none
	Capital bool
}

// Panel is a rounded rectangle behind text, such as the title block.
type Panel struct {
	X, Y, W, H float64
	Fill       color.NRGBA
	Edge       color.NRGBA
}

// Font names one of the Go fonts.
type Font int

const (
	Regular Font = iota
	Bold
	Italic
)

// TextStyle is a label's font, size in CSS pixels and colour.
type TextStyle struct {
	Font  Font
	Size  float64
	Color color.NRGBA
}

// Anchor says which edge of its box a label's text hangs from, so a viewer
// with other fonts still keeps a point's name clear of its symbol.
type Anchor int

const (
	Middle Anchor = iota
	Start
	End
)

// Label is placed text: Box is the box label placement reserved (centre and
// size measured with the Go fonts); Baseline is the y of the text baseline.
type Label struct {
	Text     string
	Box      geo.LabelBox
	Baseline float64
	Anchor   Anchor
	Style    TextStyle
	Halo     color.NRGBA // zero alpha: no halo
}

// AnchorX returns the x the text is anchored at, by Anchor.
func (l Label) AnchorX() float64 {
	switch l.Anchor {
	case Start:
		return l.Box.X - l.Box.W/2
	case End:
		return l.Box.X + l.Box.W/2
	}
	return l.Box.X
}
