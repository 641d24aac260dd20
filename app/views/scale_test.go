package views

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func TestNiceDistanceRoundsDownToOneTwoFive(t *testing.T) {
	for m, want := range map[float64]float64{123456: 100000, 260000: 200000, 730: 500, 1: 1, 99: 50, 0: 0, -5: 0, math.Inf(1): 0} {
		if got := NiceDistance(m); got != want {
			t.Errorf("NiceDistance(%v) = %v; want %v", m, got, want)
		}
	}
}

func TestScaleBarIsARoundDistanceThatFits(t *testing.T) {
	for _, c := range []struct {
		metresPerPx, px float64
		label           string
	}{
		{1000, 100, "100 km"},   // 120 km fits; 100 km is round
		{2500, 80, "200 km"},    // 300 km fits
		{5, 100, "500 m"},       // 600 m fits
		{0.01, 100, "1 m"},      // 1.2 m
		{20000, 100, "2000 km"}, // stays in km
	} {
		px, label, ok := ScaleBar(c.metresPerPx, 120)
		if !ok || math.Abs(px-c.px) > 1e-9 || label != c.label {
			t.Errorf("ScaleBar(%v, 120) = %v, %q, %v; want %v, %q", c.metresPerPx, px, label, ok, c.px, c.label)
		}
	}
	for _, m := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, _, ok := ScaleBar(m, 120); ok {
			t.Errorf("ScaleBar(%v, 120) ok; want not", m)
		}
	}
}

func TestScaleBarOfTheViewShrinksAsTheMapZoomsIn(t *testing.T) {
	world := orb.MultiPoint{geo.CentralAsia.Forward(orb.Point{10, 5}), geo.CentralAsia.Forward(orb.Point{120, 75})}.Bound()
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: world.Pad(3e6), MaxZoom: 11})
	cam.SetViewport(1280, 800, 1)
	cam.SetView(orb.Point{66, 45}, 5)
	width, label, ok := ScaleBarOf(cam, 120)
	cam.SetView(orb.Point{66, 45}, 8)
	width8, label8, ok8 := ScaleBarOf(cam, 120)
	if !ok || !ok8 || !strings.HasSuffix(width, "px") || !strings.HasSuffix(label, " km") || label8 == label {
		t.Errorf("ScaleBarOf at zoom 5 = %s %q, at 8 = %s %q; want two distances in km", width, label, width8, label8)
	}
	if b := ControlButton("quiz-open", "quiz-button", "Q", "Quiz (Q)", "Start a quiz"); b.Attr("type") != "button" || b.Attr("id") != "quiz-open" || b.Attr("aria-label") != "Start a quiz" || b.Text != "Q" {
		t.Errorf("ControlButton = %+v", b)
	}
}
