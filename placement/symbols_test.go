package placement

import (
	"fmt"
	"math"
	"testing"
)

func TestSymbolsKeepTheHigherPriorityOfTwoThatOverlap(t *testing.T) {
	v := testView(t)
	points := []Point{
		{Ref: 0, ID: "city", Layer: "cities", World: at(v, 400, 300), Radius: 3.2, Priority: 4},
		{Ref: 1, ID: "field", Layer: "energy", World: at(v, 403, 301), Radius: 5.5, Priority: 1},
		{Ref: 2, ID: "far", Layer: "cities", World: at(v, 100, 100), Radius: 3.2, Priority: 4},
	}
	got := Symbols(nil, points, v)
	if len(got) != 2 || got[0].ID != "field" || got[1].ID != "far" {
		t.Fatalf("Symbols = %v; want field then far", ids(got))
	}
	if got[0].Ref != 1 || !near(got[0].X, 403) || !near(got[0].Y, 301) || got[0].R != 5.5 {
		t.Errorf("Symbols[0] = ref %d at (%g, %g) r %g; want ref 1 at (403, 301) r 5.5", got[0].Ref, got[0].X, got[0].Y, got[0].R)
	}
}

func TestSymbolsNeverOverlap(t *testing.T) {
	v := testView(t)
	var points []Point
	for i := range 400 { // a dense lattice, priorities mixed
		x, y := 50+float64(i%20)*7.3, 60+float64(i/20)*6.1
		points = append(points, Point{Ref: i, ID: fmt.Sprint(i), Layer: "energy", World: at(v, x, y),
			Radius: 3 + float64(i%3), Priority: i % 5})
	}
	got := Symbols(nil, points, v)
	if len(got) < 20 {
		t.Fatalf("Symbols kept %d of 400; want a good many", len(got))
	}
	for i, a := range got {
		for _, b := range got[:i] {
			if d := math.Hypot(a.X-b.X, a.Y-b.Y); d < a.R+b.R+SymbolGap {
				t.Fatalf("symbols %s and %s are %.1f px apart; want ≥ %.1f", a.ID, b.ID, d, a.R+b.R+SymbolGap)
			}
		}
		if i > 0 && a.Priority < got[i-1].Priority {
			t.Errorf("symbol %s (priority %d) kept after one of priority %d", a.ID, a.Priority, got[i-1].Priority)
		}
	}
}

func TestHoveredAndSelectedSymbolsAreAlwaysShownAndLarger(t *testing.T) {
	v := testView(t)
	points := []Point{
		{ID: "capital", Layer: "cities", World: at(v, 400, 300), Radius: 6.5, Priority: 0},
		{ID: "hovered", Layer: "cities", World: at(v, 402, 300), Radius: 3.2, Priority: 4},
		{ID: "selected", Layer: "cities", World: at(v, 398, 301), Radius: 3.2, Priority: 4},
	}
	v.Hover, v.Selected = "hovered", "selected"
	got := Symbols(nil, points, v)
	if len(got) != 2 || got[0].ID != "selected" || got[1].ID != "hovered" {
		t.Fatalf("Symbols = %v; want [selected hovered], the capital crowded out", ids(got))
	}
	if want := 3.2 * 1.4; !near(got[0].R, want) || !near(got[1].R, want) {
		t.Errorf("radii %g, %g; want %g", got[0].R, got[1].R, want)
	}
	v.Emphasis = 1.5
	if got := Symbols(nil, points, v); !near(got[0].R, 3.2*1.5*1.4) {
		t.Errorf("selected radius at emphasis 1.5 = %g; want %g", got[0].R, 3.2*1.5*1.4)
	}
}

func TestSymbolsLeaveOutHiddenLayersNoRadiusOffScreenAndRepeatedIDs(t *testing.T) {
	v := testView(t)
	v.Selected = "hidden"
	points := []Point{
		{ID: "hidden", Layer: "minerals", World: at(v, 100, 100), Radius: 6},
		{ID: "dot", Layer: "energy", World: at(v, 200, 100), Radius: 0},
		{ID: "off", Layer: "energy", World: at(v, -20, 100), Radius: 5},
		{ID: "edge", Layer: "energy", World: at(v, -4, 100), Radius: 5},
		{ID: "twice", Layer: "energy", World: at(v, 300, 100), Radius: 5},
		{ID: "twice", Layer: "energy", World: at(v, 500, 100), Radius: 5},
	}
	got := Symbols(nil, points, v)
	if fmt.Sprint(ids(got)) != "[edge twice]" || !near(got[1].X, 300) {
		t.Errorf("Symbols = %v; want [edge twice], the first twice", ids(got))
	}
}

func TestSymbolsReuseTheirSliceWithoutAllocating(t *testing.T) {
	v := testView(t)
	points := []Point{{ID: "a", Layer: "energy", World: at(v, 100, 100), Radius: 5}}
	dst := Symbols(nil, points, v)
	if n := testing.AllocsPerRun(100, func() { dst = Symbols(dst[:0], points, v) }); n != 0 {
		t.Errorf("Symbols allocates %g times a frame; want 0", n)
	}
}

func ids(s []Symbol) []string {
	var out []string
	for _, x := range s {
		out = append(out, x.ID)
	}
	return out
}
