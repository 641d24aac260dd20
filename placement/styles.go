package placement

// Style is one of the few fixed styles a name is written in.
type Style uint8

const (
	CentralName   Style = iota // a Central Asian country: bold capitals
	NeighbourName              // another country: regular, muted ink
	WaterName                  // a lake or sea: italic, water ink
	PointName                  // a symbol's feature
	CapitalName                // a capital city's symbol: bold
)

// Font is a style's face.
type Font uint8

const (
	Regular Font = iota
	Bold
	Italic
)

// Ink is the palette role a style is written in (see mapstyle.Palette).
type Ink uint8

const (
	InkLabel      Ink = iota // Palette.Label
	InkLabelMuted            // Palette.LabelMuted
	InkLabelWater            // Palette.LabelWater
)

var styles = [...]struct {
	font  Font
	size  float64
	ink   Ink
	upper bool
}{
	CentralName:   {Bold, 14, InkLabel, true},
	NeighbourName: {Regular, 12.5, InkLabelMuted, false},
	WaterName:     {Italic, 12, InkLabelWater, false},
	PointName:     {Regular, 11.5, InkLabel, false},
	CapitalName:   {Bold, 12, InkLabel, false},
}

// Font is the style's face.
func (s Style) Font() Font { return styles[s].font }

// Size is the style's font size in CSS pixels, before emphasis.
func (s Style) Size() float64 { return styles[s].size }

// Ink is the palette role the style is written in.
func (s Style) Ink() Ink { return styles[s].ink }

// Upper reports whether names in the style are written in capitals.
func (s Style) Upper() bool { return styles[s].upper }
