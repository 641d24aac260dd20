//go:build js

package main

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"syscall/js"

	"heartland/internal/poster"
)

// exportOptions are what heartland.exportSVG accepts; zero values follow
// the map (its CSS size and theme).
type exportOptions struct {
	width, height int
	theme         string
	title         string
	fonts         bool // embed the Go fonts, so an <img> or a canvas draws the labels as measured
	legend        bool
}

// readExportOptions validates heartland.exportSVG's optional argument:
// {width, height, theme: "light"|"dark", title, fonts, legend}.
func readExportOptions(v js.Value) (exportOptions, error) {
	o := exportOptions{fonts: true, legend: true}
	if v.Type() != js.TypeObject {
		return o, nil
	}
	for _, side := range []struct {
		name string
		to   *int
	}{{"width", &o.width}, {"height", &o.height}} {
		n := v.Get(side.name)
		if n.Type() == js.TypeUndefined {
			continue
		}
		if n.Type() != js.TypeNumber || math.IsNaN(n.Float()) || n.Float() < 16 || n.Float() > 8192 {
			return o, fmt.Errorf("%s: want a number of CSS pixels from 16 to 8192", side.name)
		}
		*side.to = int(math.Round(n.Float()))
	}
	if t := v.Get("theme"); t.Type() == js.TypeString {
		if t.String() != "light" && t.String() != "dark" {
			return o, fmt.Errorf("theme %q: want light or dark", clipText(t.String(), 20))
		}
		o.theme = t.String()
	}
	if t := v.Get("title"); t.Type() == js.TypeString {
		o.title = clipText(t.String(), 120)
	}
	for _, flag := range []struct {
		name string
		to   *bool
	}{{"fonts", &o.fonts}, {"legend", &o.legend}} {
		if b := v.Get(flag.name); b.Type() == js.TypeBoolean {
			*flag.to = b.Bool()
		}
	}
	return o, nil
}

// exportSVG draws the current view with the poster code the CLI uses
// (heartland poster), from the layers already loaded — readers' own
// included, in the colours the map gave them — so a download needs no
// server.
func (g *Game) exportSVG(o exportOptions) (string, error) {
	w, h, _ := g.cam.Viewport()
	if o.width == 0 {
		o.width = max(16, int(math.Round(w)))
	}
	if o.height == 0 {
		o.height = max(16, int(math.Round(h)))
	}
	if o.theme == "" {
		o.theme = posterTheme()
	}
	st := g.m.State()
	st.Selected, st.HasSelect = g.m.Selected(), g.m.Selected() != ""
	d, err := poster.Render(g.scene.Layers(), g.scene.Facts(), poster.Options{Width: o.width, Height: o.height,
		State: st, Theme: o.theme, Title: o.title, Legend: o.legend, LayerColors: g.customLayerColors()})
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	write := d.SVG
	if o.fonts {
		write = d.SVGWithFonts
	}
	if err := write(&buf); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// posterTheme is the poster palette nearest the page's theme: dark for
// the dark theme, light for every other.
func posterTheme() string {
	if js.Global().Get("document").Get("documentElement").Get("dataset").Get("theme").String() == "dark" {
		return "dark"
	}
	return "light"
}

// customLayerColors gives each reader's layer (custom1, custom2, …) the
// colour addCustomLayer gave it, which follows its number, not its place.
func (g *Game) customLayerColors() map[string]color.NRGBA {
	out := map[string]color.NRGBA{}
	for _, l := range g.scene.Layers() {
		n, err := strconv.Atoi(strings.TrimPrefix(l.ID, "custom"))
		if !strings.HasPrefix(l.ID, "custom") || err != nil || n < 1 {
			continue
		}
		c := customColors[(n-1)%len(customColors)]
		out[l.ID] = color.NRGBA{c.R, c.G, c.B, c.A}
	}
	return out
}
