package paint

import (
	"math"
	"testing"
)

func TestMapImageIsDrawnOnlyWhenItCannotStandIn(t *testing.T) {
	var c MapImage
	if !c.Resize(800, 600) || c.W != 1000 || c.H != 800 || c.Resize(800, 600) {
		t.Fatalf("Resize(800, 600): %d×%d margin %v; want 1000×800 once", c.W, c.H, c.Margin)
	}
	steps := []struct {
		what      string
		a, tx, ty float64
		smooth    bool
		stale     bool
		want      bool
	}{
		{"the first frame", 1, 0, 0, false, false, true},
		{"a small pan", 1, 40, -30, false, false, false},
		{"a pan past the margin", 1, 120, 0, false, false, true},
		{"a zoom by 1.4", 1.4, 120, 0, false, false, false},
		{"a zoom past 1.5×", 2.2, 120, 0, false, false, true},
		{"the rest, smooth", 2.2, 120, 0, true, false, true},
		{"still at rest", 2.2, 120, 0, true, false, false},
		{"a layer toggled", 2.2, 120, 0, true, true, true},
	}
	for _, s := range steps {
		c.Stale = c.Stale || s.stale
		if got := c.Update(s.a, s.tx, s.ty, 800, 600, s.smooth); got != s.want {
			t.Errorf("%s: Update = %v; want %v", s.what, got, s.want)
		}
	}
	if c.Renders != 5 || c.A != 2.2 || c.TX != 220 || c.TY != 100 || !c.Smooth {
		t.Errorf("after the steps: %+v; want 5 renders at the last view with the margin", c)
	}
	if c.Resize(1024, 600); c.Update(2.2, 120, 0, 1024, 600, true) != true {
		t.Error("a resized image was not drawn again")
	}
}

func TestMapImagePlacementMovesByWholePixelsUnscaled(t *testing.T) {
	c := MapImage{A: 2, TX: 100.4, TY: 50}
	if k, dx, dy, exact := c.Placement(2, 90, 60.2); k != 1 || dx != -10 || dy != 10 || !exact {
		t.Errorf("unscaled: %v %v %v %v; want 1 -10 10 exact", k, dx, dy, exact)
	}
	if k, dx, dy, exact := c.Placement(3, 90, 60); k != 1.5 || math.Abs(dx-(90-1.5*100.4)) > 1e-9 || dy != 60-75 || exact {
		t.Errorf("scaled: %v %v %v %v; want 1.5×, moved so that the view's origin lands right", k, dx, dy, exact)
	}
}
