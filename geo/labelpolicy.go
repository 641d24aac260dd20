package geo

import (
	"math"
	"strings"
)

// The label policy the live map (wasm/labels.go) and the poster
// (internal/poster/labels.go) share, so a name sits in the same place and
// reads the same on screen and in an export.

// ClearOfSymbols returns b.Y, or b.Y moved by about a line up or down,
// whichever first keeps the box b (CSS pixels, centred on b.X, b.Y) at
// least 2 pixels off every symbol; b.Y when none does. disc gives a
// symbol's centre and radius in CSS pixels.
func ClearOfSymbols[S any](b LabelBox, symbols []S, disc func(S) (x, y, radius float64)) float64 {
	for _, dy := range []float64{0, -1.3, 1.3, -2.4, 2.4} {
		cy := b.Y + dy*b.H
		free := true
		for _, s := range symbols {
			x, y, r := disc(s)
			if math.Abs(x-b.X) < b.W/2+r+2 && math.Abs(y-cy) < b.H/2+r+2 {
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
