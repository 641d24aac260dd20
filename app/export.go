package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"heartland/app/views"
	"heartland/assets"
	"heartland/geo"
	"heartland/internal/poster"
	"heartland/mapstyle"
)

// ExportOptions are what heartland.exportSVG accepts; zero sizes and an
// empty theme follow the map (its CSS size and the page's theme).
type ExportOptions struct {
	Width, Height int // CSS pixels
	Theme         string
	Title         string
	Fonts         bool // embed the Go fonts, so an <img> or a canvas draws the labels as measured
	Legend        bool
}

// ParseExportOptions reads heartland.exportSVG's optional argument, {width,
// height, theme: "light"|"dark", title, fonts, legend}, as JSON text; ""
// or anything but an object gives the defaults. A size must be a number of
// CSS pixels from 16 to 8192 and a theme light or dark; a title is clipped
// to 120 characters, and values of other types are ignored.
func ParseExportOptions(text string) (ExportOptions, error) {
	o := ExportOptions{Fonts: true, Legend: true}
	var v map[string]any
	if json.Unmarshal([]byte(text), &v) != nil {
		return o, nil
	}
	for _, side := range []struct {
		name string
		to   *int
	}{{"width", &o.Width}, {"height", &o.Height}} {
		x, given := v[side.name]
		if !given {
			continue
		}
		if n, ok := x.(float64); !ok || n < 16 || n > 8192 {
			return o, fmt.Errorf("%s: want a number of CSS pixels from 16 to 8192", side.name)
		}
		*side.to = int(math.Round(x.(float64)))
	}
	if t, ok := v["theme"].(string); ok {
		if t != mapstyle.ThemeLight && t != mapstyle.ThemeDark {
			return o, fmt.Errorf("theme %q: want light or dark", views.Clip(t, 20))
		}
		o.Theme = t
	}
	if t, ok := v["title"].(string); ok {
		o.Title = views.Clip(t, 120)
	}
	if b, ok := v["fonts"].(bool); ok {
		o.Fonts = b
	}
	if b, ok := v["legend"].(bool); ok {
		o.Legend = b
	}
	return o, nil
}

// ExportSVG draws the map's view with the poster code the CLI uses
// (heartland poster), from the layers the map holds — readers' own
// included, in the colours the map gave them — at the map's size unless o
// says otherwise, and in the poster palette of pageTheme (dark for the dark
// theme, light for every other) unless o names one.
func (m *Map) ExportSVG(o ExportOptions, layers []geo.Layer, facts assets.Facts, pageTheme string) (string, error) {
	w, h, _ := m.Cam.Viewport()
	if o.Width == 0 {
		o.Width = max(16, int(math.Round(w)))
	}
	if o.Height == 0 {
		o.Height = max(16, int(math.Round(h)))
	}
	if o.Theme == "" {
		o.Theme = mapstyle.ThemeLight
		if pageTheme == mapstyle.ThemeDark {
			o.Theme = mapstyle.ThemeDark
		}
	}
	st := m.State()
	st.Selected, st.HasSelect = m.selected, m.selected != ""
	d, err := poster.Render(layers, facts, poster.Options{Width: o.Width, Height: o.Height,
		State: st, Theme: o.Theme, Title: o.Title, Legend: o.Legend, LayerColors: CustomLayerColors(layers)})
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	write := d.SVG
	if o.Fonts {
		write = d.SVGWithFonts
	}
	if err := write(&buf); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// CustomLayerColors gives each reader's layer (custom1, custom2, …) the
// colour the map gave it, which follows its number, not its place.
func CustomLayerColors(layers []geo.Layer) map[string]color.NRGBA {
	out := map[string]color.NRGBA{}
	for _, l := range layers {
		n, err := strconv.Atoi(strings.TrimPrefix(l.ID, "custom"))
		if !strings.HasPrefix(l.ID, "custom") || err != nil || n < 1 {
			continue
		}
		c := mapstyle.CustomColors[(n-1)%len(mapstyle.CustomColors)]
		out[l.ID] = color.NRGBA{c.R, c.G, c.B, c.A}
	}
	return out
}
