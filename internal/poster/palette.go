package poster

import (
	"fmt"

	"heartland/mapstyle"
)

// Palette is every colour a poster uses, by role: mapstyle's, the live
// map's own, so an export in a theme has the screen's colours.
type Palette = mapstyle.Palette

// Light and Dark are the palettes of the two themes a poster takes
// (mapstyle.Light and mapstyle.Dark).
var (
	Light = mapstyle.Light
	Dark  = mapstyle.Dark
)

// PaletteFor returns the palette of a theme: "light" (or "") or "dark".
// Presenter mode's contrast palette is for the projected screen, not for
// exports.
func PaletteFor(theme string) (Palette, error) {
	if theme != "" && theme != mapstyle.ThemeLight && theme != mapstyle.ThemeDark {
		return Palette{}, fmt.Errorf("theme %q: want light or dark", theme)
	}
	return mapstyle.PaletteFor(theme)
}
