package app

import (
	"bytes"
	"image/color"
	"strings"
	"testing"

	"heartland/assets"
	"heartland/geo"
	"heartland/internal/poster"
	"heartland/mapstyle"
)

func TestParseExportOptionsValidatesWhatThePageGives(t *testing.T) {
	defaults := ExportOptions{Fonts: true, Legend: true}
	for _, c := range []struct {
		json    string
		want    ExportOptions
		wantErr string
	}{
		{"", defaults, ""},
		{"[1, 2]", defaults, ""},
		{`{"width": 800.4, "height": 600}`, ExportOptions{Width: 800, Height: 600, Fonts: true, Legend: true}, ""},
		{`{"theme": "dark", "title": "Pipelines", "fonts": false, "legend": false}`, ExportOptions{Theme: "dark", Title: "Pipelines"}, ""},
		{`{"theme": 3, "fonts": "no"}`, defaults, ""},
		{`{"title": "` + strings.Repeat("x", 200) + `"}`, ExportOptions{Title: strings.Repeat("x", 120) + "…", Fonts: true, Legend: true}, ""},
		{`{"width": "huge"}`, defaults, "width: want a number"},
		{`{"height": null}`, defaults, "height: want a number"},
		{`{"width": 15}`, defaults, "width: want a number"},
		{`{"width": 9000}`, defaults, "width: want a number"},
		{`{"theme": "contrast"}`, defaults, `theme "contrast": want light or dark`},
	} {
		got, err := ParseExportOptions(c.json)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParseExportOptions(%.30s) error %v; want %q", c.json, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseExportOptions(%.30s) = %+v, %v; want %+v", c.json, got, err, c.want)
		}
	}
}

func TestExportIsThePosterOfTheViewInThePagesTheme(t *testing.T) {
	layers, err := assets.Layers()
	if err != nil {
		t.Fatal(err)
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		t.Fatal(err)
	}
	m, _, _, _ := testMap()
	m.Select("KAZ")
	for _, theme := range []string{"dark", "light", ""} {
		got, err := m.ExportSVG(ExportOptions{Legend: true}, layers, facts, theme)
		if err != nil {
			t.Fatal(err)
		}
		st := m.State()
		st.HasSelect = true
		want := mapstyle.ThemeLight
		if theme == "dark" {
			want = mapstyle.ThemeDark
		}
		d, err := poster.Render(layers, facts, poster.Options{Width: 1280, Height: 800, State: st, Theme: want, Legend: true, LayerColors: map[string]color.NRGBA{}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := d.SVG(&buf); err != nil {
			t.Fatal(err)
		}
		if got != buf.String() {
			t.Errorf("page theme %q: the export differs from poster.Render in the %s theme", theme, want)
		}
	}
	svg, err := m.ExportSVG(ExportOptions{Width: 200, Height: 100, Fonts: true}, layers, facts, "")
	if err != nil || !strings.Contains(svg, `width="200"`) || !strings.Contains(svg, "@font-face") {
		t.Errorf("a 200×100 export with fonts: %v, %.200s", err, svg)
	}
}

func TestCustomLayerColorsFollowTheLayersNumber(t *testing.T) {
	got := CustomLayerColors([]geo.Layer{{ID: "countries"}, {ID: "custom2"}, {ID: "custom7"}, {ID: "customx"}, {ID: "custom0"}})
	n := len(mapstyle.CustomColors)
	c2, c7 := mapstyle.CustomColors[1], mapstyle.CustomColors[6%n]
	want := map[string]color.NRGBA{"custom2": {c2.R, c2.G, c2.B, c2.A}, "custom7": {c7.R, c7.G, c7.B, c7.A}}
	if len(got) != len(want) || got["custom2"] != want["custom2"] || got["custom7"] != want["custom7"] {
		t.Errorf("CustomLayerColors = %v; want %v", got, want)
	}
}
