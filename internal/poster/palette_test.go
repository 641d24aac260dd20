package poster

import (
	"testing"

	"heartland/mapstyle"
)

// The live map (wasm/style.go's usePalette) draws every role from
// mapstyle's palettes; so must the poster, or a dark export would not look
// like the dark screen.
func TestPosterDrawsEachRoleInTheScreensColour(t *testing.T) {
	layers, _ := mustData(t)
	for _, theme := range []string{mapstyle.ThemeLight, mapstyle.ThemeDark} {
		screen, _ := mapstyle.PaletteFor(theme)
		pal, err := PaletteFor(theme)
		if err != nil {
			t.Fatal(err)
		}
		if pal != screen {
			t.Errorf("poster palette %s = %+v; want the screen's %+v", theme, pal, screen)
		}
		d := render(t, layers, Options{Theme: theme, State: state(t, "#map=4/43/66&layers=countries,boundaries,water,energy,cities")})
		seen := map[string]bool{}
		for _, s := range d.Symbols {
			if s.Capital && s.Fill == screen.InkDark && s.Dot == screen.Casing {
				seen["capital"] = true
			}
			if s.Fill == screen.KindColor("oil-field") && !s.Capital {
				seen["oil-field"] = true
			}
			if s.Fill == mapstyle.Light.InkDark && theme == mapstyle.ThemeDark {
				t.Errorf("dark poster symbol %s is drawn in the light theme's ink %v", s.ID, s.Fill)
			}
		}
		if !seen["capital"] || !seen["oil-field"] {
			t.Errorf("%s poster: capitals in InkDark with a Casing dot %v, oil fields in their hue %v; want both", theme, seen["capital"], seen["oil-field"])
		}
	}
	if _, err := PaletteFor(mapstyle.ThemeContrast); err == nil {
		t.Error("PaletteFor(contrast) succeeded; presenter mode's palette is not an export theme")
	}
}
