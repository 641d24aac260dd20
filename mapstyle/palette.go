package mapstyle

import (
	"fmt"
	"image/color"
)

// Theme names a palette: what the page's data-theme, the URL and an
// export's options call it.
const (
	ThemeLight    = "light"
	ThemeDark     = "dark"
	ThemeContrast = "contrast" // presenter mode's, whatever the reader's theme
)

// Palette is every colour of the map by role, for one theme. The live map
// (wasm/) and the poster (internal/poster) both draw from these values, so
// an export in a theme has the screen's colours. Colours have straight
// (not premultiplied) alpha. Palettes are values: take a copy with
// PaletteFor and never assign to Light, Dark or Contrast.
type Palette struct {
	Water, FormerLake    color.NRGBA // sea and lakes; the Aral Sea's former bed
	Central, Neighbour   color.NRGBA // the five Central Asian states; other countries
	Territory            color.NRGBA // disputed and special areas
	Hover, HoverMuted    color.NRGBA // a country under the pointer: central, other
	Selected             color.NRGBA // the selected country's fill
	Border, BorderStrong color.NRGBA // borders; those of the five states
	Coast, Outline       color.NRGBA // coastlines; the selection's outline
	Label, LabelMuted    color.NRGBA // names of the five states and cities; neighbours
	LabelWater           color.NRGBA // names of seas and lakes
	SymbolEdge, Casing   color.NRGBA // around point symbols; under lines
	Halo                 color.NRGBA // behind names
	InkDark, InkGrey     color.NRGBA // kinds drawn in ink (Kind.Ink), e.g. cities, roads
	Panel, PanelEdge     color.NRGBA // a poster's title block and legend
}

// Light is the default palette: a pale sea, warm sand for the five Central
// Asian states and a quieter stone for their neighbours, so the region
// reads first.
var Light = Palette{
	Water:        rgb(0xc6dce8),
	FormerLake:   rgb(0xe4e6d8),
	Central:      rgb(0xf3e3c3),
	Neighbour:    rgb(0xeceae4),
	Territory:    rgb(0xe2e0da),
	Hover:        rgb(0xf7d28c),
	HoverMuted:   rgb(0xdfdbd0),
	Selected:     rgb(0xf2b95a),
	Border:       rgb(0x9a9286),
	BorderStrong: rgb(0x6f5f4a),
	Coast:        rgb(0x8fb3c7),
	Outline:      rgb(0x8a4b08),
	Label:        rgb(0x3d342a),
	LabelMuted:   rgb(0x767068),
	LabelWater:   rgb(0x4f7c96),
	SymbolEdge:   rgb(0x2a2520),
	Casing:       rgb(0xffffff),
	Halo:         color.NRGBA{0xff, 0xff, 0xff, 0xd0},
	InkDark:      nrgba(InkDark),
	InkGrey:      nrgba(InkGrey),
	Panel:        color.NRGBA{0xff, 0xff, 0xff, 0xe0},
	PanelEdge:    rgb(0x9a9286),
}

// Dark keeps Light's hierarchy on a night sea: warm brown central states,
// charcoal neighbours, and borders, names and inks lighter than the land
// they cross.
var Dark = Palette{
	Water:        rgb(0x1b2a35),
	FormerLake:   rgb(0x2c3333),
	Central:      rgb(0x5a4a33),
	Neighbour:    rgb(0x2f3033),
	Territory:    rgb(0x373739),
	Hover:        rgb(0x7a6038),
	HoverMuted:   rgb(0x424347),
	Selected:     rgb(0x8f6a2c),
	Border:       rgb(0x6b6b70),
	BorderStrong: rgb(0xb8a280),
	Coast:        rgb(0x3d5a6e),
	Outline:      rgb(0xf2b95a),
	Label:        rgb(0xf0e8dc),
	LabelMuted:   rgb(0xb4aea6),
	LabelWater:   rgb(0x8fb8cf),
	SymbolEdge:   rgb(0x121214),
	Casing:       rgb(0x1b1b1d),
	Halo:         color.NRGBA{0x12, 0x14, 0x18, 0xd0},
	InkDark:      rgb(0xece6dc),
	InkGrey:      rgb(0xa8a29a),
	Panel:        color.NRGBA{0x15, 0x1c, 0x22, 0xe0},
	PanelEdge:    rgb(0x6b6b70),
}

// Contrast is presenter mode's palette: a projector washes out pale tints
// and thin grey lines, so land and sea differ strongly, the five states
// stand out from their neighbours, borders are near black and names are
// black on white halos.
var Contrast = Palette{
	Water:        rgb(0x8ec3e6),
	FormerLake:   rgb(0xd6d9c2),
	Central:      rgb(0xf6d282),
	Neighbour:    rgb(0xf7f7f5),
	Territory:    rgb(0xe8e8e5),
	Hover:        rgb(0xf4b03c),
	HoverMuted:   rgb(0xddddd7),
	Selected:     rgb(0xef9612),
	Border:       rgb(0x4a4a4a),
	BorderStrong: rgb(0x101010),
	Coast:        rgb(0x1f5f8f),
	Outline:      rgb(0x6e1a00),
	Label:        rgb(0x000000),
	LabelMuted:   rgb(0x262626),
	LabelWater:   rgb(0x08406c),
	SymbolEdge:   rgb(0x000000),
	Casing:       rgb(0xffffff),
	Halo:         color.NRGBA{0xff, 0xff, 0xff, 0xf2},
	InkDark:      rgb(0x101010),
	InkGrey:      rgb(0x3a3a3a),
	Panel:        color.NRGBA{0xff, 0xff, 0xff, 0xf2},
	PanelEdge:    rgb(0x4a4a4a),
}

// PaletteFor returns a copy of the palette of a theme: light (or ""),
// dark or contrast.
func PaletteFor(theme string) (Palette, error) {
	switch theme {
	case "", ThemeLight:
		return Light, nil
	case ThemeDark:
		return Dark, nil
	case ThemeContrast:
		return Contrast, nil
	}
	return Palette{}, fmt.Errorf("theme %q: want light, dark or contrast", theme)
}

// KindColor returns the colour a kind is drawn in with this palette: its
// hue, or the palette's ink for kinds drawn in ink. Unknown kinds get
// InkDark.
func (p Palette) KindColor(kind string) color.NRGBA {
	k, ok := Kinds[kind]
	if !ok {
		return p.InkDark
	}
	switch k.Ink {
	case DarkInk:
		return p.InkDark
	case GreyInk:
		return p.InkGrey
	}
	return nrgba(k.Color)
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// nrgba converts an opaque colour.
func nrgba(c color.RGBA) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, c.A} }

// ReaderTheme is the theme a reader gets for the page's choice: light or
// dark as asked, and for anything else ("auto") dark when the reader's
// system prefers it, light otherwise.
func ReaderTheme(asked string, prefersDark bool) string {
	switch {
	case asked == ThemeLight || asked == ThemeDark:
		return asked
	case prefersDark:
		return ThemeDark
	}
	return ThemeLight
}

// ShownTheme is the theme the map shows: presenter mode's contrast, else
// the reader's.
func ShownTheme(reader string, presenting bool) string {
	if presenting {
		return ThemeContrast
	}
	return reader
}
