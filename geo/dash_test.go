package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func TestDashesAlternateDashAndGapAlongCorners(t *testing.T) {
	ls := orb.LineString{{0, 0}, {10, 0}, {10, 10}} // 20 long, one corner
	d := Dashes(ls, 3, 2)
	// dashes start at 0, 5, 10, 15 → four dashes of length 3 (the third turns the corner).
	if len(d) != 4 {
		t.Fatalf("Dashes = %v; want 4 dashes", d)
	}
	for i, dash := range d {
		if l := planar.Length(dash); math.Abs(l-3) > 1e-9 {
			t.Errorf("dash %d length %v; want 3", i, l)
		}
	}
	if d[2][0] != (orb.Point{10, 0}) && len(d[2]) != 3 {
		t.Errorf("dash 2 = %v; want it to turn the corner at (10,0)", d[2])
	}
	if d[0][0] != ls[0] {
		t.Errorf("first dash starts at %v; want the line's start", d[0][0])
	}
}

func TestDashesWithoutLengthsKeepTheLine(t *testing.T) {
	ls := orb.LineString{{0, 0}, {1, 1}}
	if d := Dashes(ls, 0, 1); len(d) != 1 || len(d[0]) != 2 {
		t.Errorf("Dashes(dash 0) = %v; want the line unchanged", d)
	}
}
