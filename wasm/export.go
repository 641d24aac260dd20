//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
)

// exportSVG is heartland.exportSVG(options): the options are read by
// app.ParseExportOptions and the view drawn by app.Map.ExportSVG, with the
// poster code the CLI uses, from the layers already loaded, so a download
// needs no server. The page's data-theme picks the palette.
func (g *Game) exportSVG(options js.Value) (string, error) {
	text := ""
	if options.Type() == js.TypeObject {
		text, _ = jsonText(options)
	}
	o, err := app.ParseExportOptions(text)
	if err != nil {
		return "", err
	}
	theme := js.Global().Get("document").Get("documentElement").Get("dataset").Get("theme")
	return g.m.ExportSVG(o, g.scene.Layers(), g.scene.Facts(), theme.String())
}
