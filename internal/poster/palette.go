package poster

import (
	"fmt"
	"image/color"
)

// Palette is every colour a poster uses. Light mirrors wasm/style.go; Dark
// is the dark theme, defined here first for the app to copy.
type Palette struct {
	Water, FormerLake, Central, Neighbour, Territory, Selected color.NRGBA
	Border, BorderStrong, Coast, Outline                       color.NRGBA
	Label, LabelMuted, LabelWater, SymbolEdge, Casing, Halo    color.NRGBA
	Panel, PanelEdge                                           color.NRGBA // title block
}

// Light is the app's palette: a pale sea, warm sand for the five Central
// Asian states and a quieter stone for their neighbours.
var Light = Palette{
	Water:        rgb(0xc6dce8),
	FormerLake:   rgb(0xe4e6d8),
	Central:      rgb(0xf3e3c3),
	Neighbour:    rgb(0xeceae4),
	Territory:    rgb(0xe2e0da),
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
	Panel:        color.NRGBA{0xff, 0xff, 0xff, 0xe0},
	PanelEdge:    rgb(0x9a9286),
}

// Dark keeps Light's hierarchy — warm central states, quiet neighbours —
// on a night sea; borders and labels are lighter than the land they cross.
var Dark = Palette{
	Water:        rgb(0x1b2a35),
	FormerLake:   rgb(0x2a3234),
	Central:      rgb(0x5a4a33),
	Neighbour:    rgb(0x2f3033),
	Territory:    rgb(0x292a2d),
	Selected:     rgb(0x9a6a22),
	Border:       rgb(0x6d6a64),
	BorderStrong: rgb(0xb09a78),
	Coast:        rgb(0x3f6277),
	Outline:      rgb(0xf2b95a),
	Label:        rgb(0xf1e6d2),
	LabelMuted:   rgb(0xb4aea4),
	LabelWater:   rgb(0x8db9d3),
	SymbolEdge:   rgb(0x0d0f11),
	Casing:       rgb(0x14191d),
	Halo:         color.NRGBA{0x15, 0x1c, 0x22, 0xc8},
	Panel:        color.NRGBA{0x15, 0x1c, 0x22, 0xe0},
	PanelEdge:    rgb(0x6d6a64),
}

// PaletteFor returns the palette of a theme: "light" (or "") or "dark".
func PaletteFor(theme string) (Palette, error) {
	switch theme {
	case "", "light":
		return Light, nil
	case "dark":
		return Dark, nil
	}
	return Palette{}, fmt.Errorf("theme %q: want light or dark", theme)
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}
