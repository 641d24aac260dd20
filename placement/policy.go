package placement

import (
	"math"
	"strings"

	"heartland/geo"
)

// clearOfSymbols returns b.Y, or b.Y moved by about a line up or down,
// whichever first keeps the box b (CSS pixels, centred on b.X, b.Y) at
// least 2 pixels off every symbol's disc; b.Y when none does.
func clearOfSymbols(b geo.LabelBox, symbols []Symbol) float64 {
	for _, dy := range [...]float64{0, -1.3, 1.3, -2.4, 2.4} {
		cy := b.Y + dy*b.H
		free := true
		for _, s := range symbols {
			if math.Abs(s.X-b.X) < b.W/2+s.R+2 && math.Abs(s.Y-cy) < b.H/2+s.R+2 {
				free = false
				break
			}
		}
		if free {
			return cy
		}
	}
	return b.Y
}

// ShortName is a feature's name for the map: without the parenthesis or
// clause that the panel shows in full ("Inkai (JV Inkai)" → "Inkai").
func ShortName(name string) string {
	if i := strings.IndexAny(name, "(,"); i > 3 {
		return strings.TrimSpace(name[:i])
	}
	return name
}
