package views

import (
	"fmt"
	"math"

	orbgeo "github.com/paulmach/orb/geo"

	"heartland/geo"
)

// ScaleBar is the scale bar at metresPerPx metres on the ground per CSS
// pixel: the longest round distance (1, 2 or 5 times a power of ten) that
// fits in maxPx CSS pixels, its length in CSS pixels and its label, "200 km"
// or "500 m". ok is false when the scale is not a positive number.
func ScaleBar(metresPerPx, maxPx float64) (px float64, label string, ok bool) {
	dist := NiceDistance(metresPerPx * maxPx)
	if !(metresPerPx > 0) || dist == 0 {
		return 0, "", false
	}
	label = fmt.Sprintf("%g km", dist/1000)
	if dist < 1000 {
		label = fmt.Sprintf("%g m", dist)
	}
	return dist / metresPerPx, label, true
}

// NiceDistance rounds a distance in metres down to 1, 2 or 5 times a power
// of ten, the lengths a scale bar shows; 0 for a distance that is not a
// positive finite number.
func NiceDistance(m float64) float64 {
	if !(m > 0) || math.IsInf(m, 0) {
		return 0
	}
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= m {
			return f * p
		}
	}
	return p
}

// ScaleBarOf is ScaleBar for the camera's view, measured on the ground
// across the 100 CSS pixels at the centre of the map; width is its CSS
// width, "123px".
func ScaleBarOf(cam *geo.Camera, maxPx float64) (width, label string, ok bool) {
	w, h, _ := cam.Viewport()
	a, b := cam.Unproject(w/2-50, h/2), cam.Unproject(w/2+50, h/2)
	px, label, ok := ScaleBar(orbgeo.Distance(a, b)/100, maxPx)
	return fmt.Sprintf("%dpx", int(math.Round(px))), label, ok
}

// ControlButton is a button of the column of map controls: its id, class,
// text, tooltip and accessible name.
func ControlButton(id, class, text, title, label string) Node {
	return button(class, text).With("id", id).With("title", title).With("aria-label", label)
}
