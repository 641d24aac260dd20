package mapstyle

import (
	"reflect"
	"testing"
)

func TestEveryPaletteSetsEveryRole(t *testing.T) {
	for _, theme := range []string{ThemeLight, ThemeDark, ThemeContrast} {
		p, err := PaletteFor(theme)
		if err != nil {
			t.Fatal(err)
		}
		v := reflect.ValueOf(p)
		for i := 0; i < v.NumField(); i++ {
			if c := v.Field(i).Interface(); reflect.ValueOf(c).FieldByName("A").Uint() == 0 {
				t.Errorf("%s palette: %s is transparent (%v); want every role set", theme, v.Type().Field(i).Name, c)
			}
		}
	}
	if _, err := PaletteFor("sepia"); err == nil {
		t.Error(`PaletteFor("sepia") succeeded; want an error`)
	}
}

func TestKindColorsFollowThePalettesInks(t *testing.T) {
	for kind, k := range Kinds {
		if got := Light.KindColor(kind); got != nrgba(k.Color) {
			t.Errorf("Light.KindColor(%s) = %v; want its Color %v", kind, got, k.Color)
		}
		want := map[Ink]any{Hue: nrgba(k.Color), DarkInk: Dark.InkDark, GreyInk: Dark.InkGrey}[k.Ink]
		if got := Dark.KindColor(kind); got != want {
			t.Errorf("Dark.KindColor(%s) = %v; want %v", kind, got, want)
		}
		if (k.Color == InkDark) != (k.Ink == DarkInk) || (k.Color == InkGrey) != (k.Ink == GreyInk) {
			t.Errorf("kind %s: Color %v with Ink %d; an ink colour must say so", kind, k.Color, k.Ink)
		}
	}
}

func TestPaletteForReturnsACopy(t *testing.T) {
	p, _ := PaletteFor(ThemeDark)
	p.Water = Light.Water
	if q, _ := PaletteFor(ThemeDark); q.Water != Dark.Water || Dark.Water == Light.Water {
		t.Errorf("changing a palette from PaletteFor changed Dark: Water = %v", q.Water)
	}
}

func TestReaderAndShownTheme(t *testing.T) {
	for _, c := range []struct {
		asked string
		dark  bool
		want  string
	}{{"light", true, "light"}, {"dark", false, "dark"}, {"auto", true, "dark"}, {"auto", false, "light"}, {"sepia", false, "light"}} {
		if got := ReaderTheme(c.asked, c.dark); got != c.want {
			t.Errorf("ReaderTheme(%q, %v) = %q; want %q", c.asked, c.dark, got, c.want)
		}
	}
	if ShownTheme(ThemeDark, true) != ThemeContrast || ShownTheme(ThemeDark, false) != ThemeDark {
		t.Error("ShownTheme")
	}
}
