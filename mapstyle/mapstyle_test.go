package mapstyle

import (
	"math"
	"testing"
)

func TestEveryLegendKindHasAStyle(t *testing.T) {
	for _, l := range Layers {
		for _, k := range l.Kinds {
			st, ok := Kinds[k]
			if !ok {
				t.Errorf("layer %s lists kind %q with no style", l.ID, k)
				continue
			}
			if st.Layer != l.ID || st.Label == "" || (st.Radius == 0) == (st.Width == 0) {
				t.Errorf("kind %q = %+v; want layer %s, a label, and either a radius or a width", k, st, l.ID)
			}
		}
	}
}

func TestDashPatternFollowsStatus(t *testing.T) {
	for _, c := range []struct {
		kind, status string
		dashed       bool
	}{
		{"oil-pipeline", "operating", false},
		{"oil-pipeline", "planned", true},
		{"gas-pipeline", "proposed", true},
		{"rail-corridor", "under construction", true},
		{"sea-route", "operating", true},
	} {
		d, g := DashPattern(c.kind, c.status)
		if (d > 0 && g > 0) != c.dashed {
			t.Errorf("DashPattern(%s, %s) = %v, %v; dashed %v wanted", c.kind, c.status, d, g, c.dashed)
		}
	}
}

func TestUnitShapesStayNearTheUnitCircle(t *testing.T) {
	for s := Circle; s <= Star; s++ {
		pts := UnitShape(s, 16)
		if len(pts) < 3 {
			t.Fatalf("shape %d has %d points", s, len(pts))
		}
		for _, p := range pts {
			if r := math.Hypot(p[0], p[1]); r < 0.5 || r > 1.31 {
				t.Errorf("shape %d point %v at radius %.2f; want 0.5–1.3", s, p, r)
			}
		}
	}
}
