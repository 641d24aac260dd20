package placement

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// testView is an 800×600 map framing the home view, every layer shown.
func testView(t testing.TB) View {
	t.Helper()
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: geo.CentralAsia.ForwardBound(geo.HomeView).Pad(2e6), MaxZoom: 11})
	cam.SetViewport(800, 600, 1)
	cam.FitBounds(geo.HomeView, 16)
	return View{Camera: cam, Visible: shown("countries", "water", "energy", "cities", "labels")}
}

// at is the world point under screen pixel (x, y).
func at(v View, x, y float64) orb.Point { return v.Camera.ScreenToWorld(x, y) }

// fixedMeasure is a font whose every character is 0.6 em wide.
func fixedMeasure(text string, st Style) (float64, float64) {
	return 0.6 * st.Size() * float64(len([]rune(text))), 1.2 * st.Size()
}

// overlaps is geo's test, with the gap each box keeps.
func overlaps(a, b geo.LabelBox, gap float64) bool {
	return math.Abs(a.X-b.X)*2 < a.W+b.W+2*gap && math.Abs(a.Y-b.Y)*2 < a.H+b.H+2*gap
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// shown is a View.Visible that shows the layers named.
func shown(layers ...string) func(string) bool {
	return func(l string) bool { return slices.Contains(layers, l) }
}
