//go:build js

package main

import (
	"image/color"

	"heartland/mapstyle"
)

// The colours the map draws with now, by role: the active palette's, one
// of mapstyle's values (light, dark or contrast), which the poster draws
// with too. usePalette sets them all at once; nothing else assigns to them.
var (
	colorWater, colorFormerLake, colorCentral, colorNeighbour, colorTerritory color.RGBA
	colorHover, colorHoverMuted, colorSelected                                color.RGBA
	colorBorder, colorBorderStrong, colorCoast, colorOutline                  color.RGBA
	colorLabel, colorLabelMuted, colorLabelWater                              color.RGBA
	colorSymbolEdge, colorCasing, colorHalo                                   color.RGBA
)

// activePalette is the palette those colours are from.
var activePalette mapstyle.Palette

func init() { usePalette(mapstyle.Light) }

// usePalette makes p the map's palette: every role's colour, and the
// kinds drawn in ink (kindStyles). What was drawn before keeps its colours
// until it is drawn again (see useContrast).
func usePalette(p mapstyle.Palette) {
	activePalette = p
	colorWater, colorFormerLake, colorCentral = rgba(p.Water), rgba(p.FormerLake), rgba(p.Central)
	colorNeighbour, colorTerritory = rgba(p.Neighbour), rgba(p.Territory)
	colorHover, colorHoverMuted, colorSelected = rgba(p.Hover), rgba(p.HoverMuted), rgba(p.Selected)
	colorBorder, colorBorderStrong = rgba(p.Border), rgba(p.BorderStrong)
	colorCoast, colorOutline = rgba(p.Coast), rgba(p.Outline)
	colorLabel, colorLabelMuted, colorLabelWater = rgba(p.Label), rgba(p.LabelMuted), rgba(p.LabelWater)
	colorSymbolEdge, colorCasing, colorHalo = rgba(p.SymbolEdge), rgba(p.Casing), rgba(p.Halo)
	kindStyles = kindStylesFor(p)
}

// rgba copies a colour's bytes: the map keeps straight (not premultiplied)
// alpha in color.RGBA, as the palette does in color.NRGBA.
func rgba(c color.NRGBA) color.RGBA { return color.RGBA{c.R, c.G, c.B, c.A} }
