//go:build js

package main

import (
	"image/color"
	"syscall/js"
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

// contrastPalette is presenter mode's: a projector washes out pale tints
// and thin grey lines, so here land and sea differ strongly, the five states
// stand out from their neighbours, borders are near black and names are
// black on white halos, whatever the reader's theme.
var contrastPalette = map[*color.RGBA]color.RGBA{
	&colorWater:        {0x8e, 0xc3, 0xe6, 0xff},
	&colorFormerLake:   {0xd6, 0xd9, 0xc2, 0xff},
	&colorCentral:      {0xf6, 0xd2, 0x82, 0xff},
	&colorNeighbour:    {0xf7, 0xf7, 0xf5, 0xff},
	&colorTerritory:    {0xe8, 0xe8, 0xe5, 0xff},
	&colorHover:        {0xf4, 0xb0, 0x3c, 0xff},
	&colorHoverMuted:   {0xdd, 0xdd, 0xd7, 0xff},
	&colorSelected:     {0xef, 0x96, 0x12, 0xff},
	&colorBorder:       {0x4a, 0x4a, 0x4a, 0xff},
	&colorBorderStrong: {0x10, 0x10, 0x10, 0xff},
	&colorCoast:        {0x1f, 0x5f, 0x8f, 0xff},
	&colorOutline:      {0x6e, 0x1a, 0x00, 0xff},
	&colorLabel:        {0x00, 0x00, 0x00, 0xff},
	&colorLabelMuted:   {0x26, 0x26, 0x26, 0xff},
	&colorLabelWater:   {0x08, 0x40, 0x6c, 0xff},
	&colorSymbolEdge:   {0x00, 0x00, 0x00, 0xff},
	&colorCasing:       {0xff, 0xff, 0xff, 0xff},
	&colorHalo:         {0xff, 0xff, 0xff, 0xf2},
	&inkDark:           {0x10, 0x10, 0x10, 0xff},
	&inkGrey:           {0x3a, 0x3a, 0x3a, 0xff},
}

// readerPalette is the palette of the reader's theme, saved by applyTheme so
// that leaving presenter mode can bring it back; pageTheme is its name.
var (
	readerPalette map[*color.RGBA]color.RGBA
	pageTheme     string
)

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
		setPalette(darkPalette)
	}
	readerPalette = make(map[*color.RGBA]color.RGBA, len(contrastPalette))
	for p := range contrastPalette { // it names every colour a theme sets
		readerPalette[p] = *p
	}
	pageTheme = theme
	setPageTheme(theme)
	return theme
}

// setPageTheme tells the page's CSS which colours the map has.
func setPageTheme(theme string) {
	js.Global().Get("document").Get("documentElement").Get("dataset").Set("theme", theme)
}

// setPalette sets every colour pal names and recolours the kinds drawn in
// ink to follow it. It returns a function that does the same to a colour
// copied from the old palette.
func setPalette(pal map[*color.RGBA]color.RGBA) func(color.RGBA) color.RGBA {
	oldDark, oldGrey := inkDark, inkGrey
	for p, c := range pal {
		*p = c
	}
	recolour := func(c color.RGBA) color.RGBA {
		switch c {
		case oldDark:
			return inkDark
		case oldGrey:
			return inkGrey
		}
		return c
	}
	for k, st := range kindStyles {
		st.color = recolour(st.color)
		kindStyles[k] = st
	}
	return recolour
}

// useContrast switches the running map to the projector palette, or back
// to the reader's theme: meshes are rebuilt with the new colours on the next
// frame, and label and symbol sprites drawn again.
func (g *Game) useContrast(on bool) {
	pal, theme := readerPalette, pageTheme
	if on {
		pal, theme = contrastPalette, "contrast"
	}
	recolour := setPalette(pal)
	s := g.scene
	for _, it := range s.items {
		if !it.custom { // a reader's colours are their own
			it.style.color = recolour(it.style.color)
		}
	}
	for i, k := range s.lineKinds {
		if isStrategic(k.layer) {
			s.lineKinds[i].color = recolour(k.color)
		}
	}
	s.levels, s.levelUse = map[int]*levelMeshes{}, nil
	g.labels.recolour()
	g.symbols.dpr = 0 // its sprites are drawn again
	setPageTheme(theme)
	g.restyle()
}
