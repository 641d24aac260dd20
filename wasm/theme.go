//go:build js

package main

import (
	"image/color"
	"syscall/js"

	"heartland/mapstyle"
)

// darkPalette replaces the light colours for the dark theme: a deep sea,
// warm brown Central Asia and charcoal neighbours, with light ink.
var darkPalette = map[*color.RGBA]color.RGBA{
	&colorWater:        {0x1b, 0x2a, 0x35, 0xff},
	&colorFormerLake:   {0x2c, 0x33, 0x33, 0xff},
	&colorCentral:      {0x5a, 0x4a, 0x33, 0xff},
	&colorNeighbour:    {0x2f, 0x30, 0x33, 0xff},
	&colorTerritory:    {0x37, 0x37, 0x39, 0xff},
	&colorHover:        {0x7a, 0x60, 0x38, 0xff},
	&colorHoverMuted:   {0x42, 0x43, 0x47, 0xff},
	&colorSelected:     {0x8f, 0x6a, 0x2c, 0xff},
	&colorBorder:       {0x6b, 0x6b, 0x70, 0xff},
	&colorBorderStrong: {0xb8, 0xa2, 0x80, 0xff},
	&colorCoast:        {0x3d, 0x5a, 0x6e, 0xff},
	&colorOutline:      {0xf2, 0xb9, 0x5a, 0xff},
	&colorLabel:        {0xf0, 0xe8, 0xdc, 0xff},
	&colorLabelMuted:   {0xb4, 0xae, 0xa6, 0xff},
	&colorLabelWater:   {0x8f, 0xb8, 0xcf, 0xff},
	&colorSymbolEdge:   {0x12, 0x12, 0x14, 0xff},
	&colorCasing:       {0x1b, 0x1b, 0x1d, 0xff},
	&colorHalo:         {0x12, 0x14, 0x18, 0xd0},
	&inkDark:           {0xec, 0xe6, 0xdc, 0xff},
	&inkGrey:           {0xa8, 0xa2, 0x9a, 0xff},
}

// applyTheme switches the palette before anything is drawn; "auto" follows
// the reader's prefers-color-scheme. It also tells the page, whose CSS
// follows data-theme.
func applyTheme(theme string) string {
	if theme != "dark" && theme != "light" {
		theme = "light"
		if mm := js.Global().Get("matchMedia"); mm.Type() == js.TypeFunction &&
			js.Global().Call("matchMedia", "(prefers-color-scheme: dark)").Get("matches").Bool() {
			theme = "dark"
		}
	}
	if theme == "dark" {
		for p, c := range darkPalette {
			*p = c
		}
		for k, st := range kindStyles { // kinds drawn in ink follow it
			switch st.color {
			case mapstyle.InkDark:
				st.color = inkDark
			case mapstyle.InkGrey:
				st.color = inkGrey
			}
			kindStyles[k] = st
		}
	}
	js.Global().Get("document").Get("documentElement").Get("dataset").Set("theme", theme)
	return theme
}
