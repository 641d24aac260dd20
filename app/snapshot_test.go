package app

import (
	"math"
	"testing"
)

func TestTransformToShowsTheSnapshotAtTheNewView(t *testing.T) {
	s := Snapshot{A: 2, TX: 100, TY: 50}
	for _, tc := range []struct {
		a, tx, ty, dpr float64
		k, dx, dy      float64
	}{
		{2, 100, 50, 1, 1, 0, 0},      // the same view
		{2, 130, 40, 1, 1, 30, -10},   // panned
		{4, 100, 50, 1, 2, -100, -50}, // zoomed in about the device origin
		{2, 140, 70, 2, 1, 20, 10},    // device pixels become CSS pixels
		{1, 0, 0, 1, 0.5, -50, -25},   // zoomed out
	} {
		k, dx, dy := s.TransformTo(tc.a, tc.tx, tc.ty, tc.dpr)
		if math.Abs(k-tc.k) > 1e-12 || math.Abs(dx-tc.dx) > 1e-12 || math.Abs(dy-tc.dy) > 1e-12 {
			t.Errorf("TransformTo(%v, %v, %v, %v) = %v, %v, %v; want %v, %v, %v", tc.a, tc.tx, tc.ty, tc.dpr, k, dx, dy, tc.k, tc.dx, tc.dy)
		}
		// A world point drawn at p0 lands where the new view puts it.
		wx := 37.0
		p0 := (s.A*wx + s.TX) / tc.dpr
		p1 := (tc.a*wx + tc.tx) / tc.dpr
		if got := k*p0 + dx; math.Abs(got-p1) > 1e-9 {
			t.Errorf("point drawn at %v moved to %v; the view puts it at %v", p0, got, p1)
		}
	}
}

func TestUncoveredAndBand(t *testing.T) {
	for _, tc := range []struct {
		k, dx, dy float64
		uncovered float64
		holds     bool
	}{
		{1, 0, 0, 0, true},
		{1, 100, 0, 0.1, true},      // a tenth of 1000 px bare
		{1, 400, 0, 0.4, false},     // too much bare
		{2, -500, -250, 0, true},    // zoomed in twice about the middle
		{4, -1500, -750, 0, false},  // too blurry
		{0.8, 100, 50, 0.36, false}, // zoomed out: a rim shows
		{0.8, 0, 0, 0.36, false},
		{math.NaN(), 0, 0, 1, false}, // never holds for NaN
	} {
		u := Uncovered(tc.k, tc.dx, tc.dy, 1000, 500)
		if !math.IsNaN(tc.k) && math.Abs(u-tc.uncovered) > 1e-9 {
			t.Errorf("Uncovered(%v, %v, %v) = %v; want %v", tc.k, tc.dx, tc.dy, u, tc.uncovered)
		}
		if got := DefaultBand.Holds(tc.k, tc.dx, tc.dy, 1000, 500); got != tc.holds {
			t.Errorf("Holds(%v, %v, %v) = %v; want %v", tc.k, tc.dx, tc.dy, got, tc.holds)
		}
	}
}

func TestWheelZoom(t *testing.T) {
	for _, tc := range []struct {
		dy   float64
		mode int
		ctrl bool
		want float64
	}{
		{-100, 0, false, 100.0 / 450},
		{100, 0, false, -100.0 / 450},
		{-3, 1, false, 48.0 / 450}, // lines
		{-1, 2, false, 1},          // a page: clamped to one level
		{-10, 0, true, 0.1},        // a trackpad pinch is finer
		{math.NaN(), 0, false, 0},
		{math.Inf(-1), 0, false, 1},
	} {
		if got := WheelZoom(tc.dy, tc.mode, tc.ctrl); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("WheelZoom(%v, %v, %v) = %v; want %v", tc.dy, tc.mode, tc.ctrl, got, tc.want)
		}
	}
}

func TestCanvasTransformIsEmptyAtRest(t *testing.T) {
	if got := CanvasTransform(1, 0, 0); got != "" {
		t.Errorf("CanvasTransform(1, 0, 0) = %q; want none", got)
	}
	if got, want := CanvasTransform(1.5, -10, 20.25), "translate(-10.00px,20.25px) scale(1.50000)"; got != want {
		t.Errorf("CanvasTransform = %q; want %q", got, want)
	}
}
