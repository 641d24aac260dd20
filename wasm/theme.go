//go:build js

package main

import (
	"syscall/js"

	"heartland/mapstyle"
)

// readerTheme is the reader's theme, light or dark, saved by applyTheme so
// that leaving presenter mode can bring it back.
var readerTheme = mapstyle.ThemeLight

// applyTheme switches the palette before anything is drawn; "auto" follows
// the reader's prefers-color-scheme. It also tells the page, whose CSS
// follows data-theme.
func applyTheme(theme string) string {
	theme = mapstyle.ReaderTheme(theme, mediaMatches("(prefers-color-scheme: dark)"))
	pal, _ := mapstyle.PaletteFor(theme) // light or dark: always known
	usePalette(pal)
	readerTheme = theme
	setPageTheme(theme)
	return theme
}

// setPageTheme tells the page's CSS which colours the map has.
func setPageTheme(theme string) {
	js.Global().Get("document").Get("documentElement").Get("dataset").Set("theme", theme)
}

// useContrast switches the running map to the projector palette, or back
// to the reader's theme: meshes are rebuilt with the new colours on the next
// frame, and label and symbol sprites drawn again.
func (g *Game) useContrast(on bool) {
	theme := mapstyle.ShownTheme(readerTheme, on)
	pal, _ := mapstyle.PaletteFor(theme)
	usePalette(pal)
	// Thematic features take their kind's colour in the new palette when
	// their meshes are built again (styleOf); a reader's are their own.
	g.scene.dropMeshes()
	g.labels.recolour()
	g.symbols.dpr = 0 // its sprites are drawn again
	setPageTheme(theme)
	g.m.Restyle()
}
