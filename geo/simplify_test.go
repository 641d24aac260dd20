package geo_test

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

func TestSimplifyWorldThinsKazakhstanAtLowZoomOnly(t *testing.T) {
	kaz := worldMultiPolygon(t, "KAZ")
	n := len(allPoints(kaz))
	tests := []struct {
		level            int
		minKept, maxKept float64 // fraction of the input vertices
	}{
		{0, 0, 0.02},
		{3, 0, 0.15},
		{6, 0.1, 0.5},
		{20, 0.95, 1},
	}
	for _, tt := range tests {
		got := len(allPoints(geo.SimplifyWorld(kaz, tt.level)))
		if kept := float64(got) / float64(n); kept < tt.minKept || kept > tt.maxKept {
			t.Errorf("SimplifyWorld(KAZ, %d) keeps %d of %d vertices (%.3f); want %.2f–%.2f", tt.level, got, n, kept, tt.minKept, tt.maxKept)
		}
	}
}

func TestSimplifyWorldKeepsMoreDetailAtEachLevel(t *testing.T) {
	kaz := worldMultiPolygon(t, "KAZ")
	prev := 0
	for level := 0; level <= 20; level++ {
		got := len(allPoints(geo.SimplifyWorld(kaz, level)))
		if got < prev {
			t.Errorf("SimplifyWorld(KAZ, %d) has %d vertices; want at least level %d's %d", level, got, level-1, prev)
		}
		prev = got
	}
}

func TestSimplifyWorldStaysWithinTolerance(t *testing.T) {
	for _, id := range []string{"KAZ", "UZB", "AZE"} {
		for _, level := range []int{2, 5, 8, 12} {
			tol := geo.SimplifyTolerance(float64(level))
			for _, p := range worldMultiPolygon(t, id) {
				for _, r := range p {
					got, ok := geo.SimplifyWorld(orb.Polygon{r}, level).(orb.Polygon)
					if !ok || len(got) == 0 {
						continue // the ring vanished: allowed
					}
					for _, v := range r {
						if d := planar.DistanceFrom(orb.LineString(got[0]), v); d > tol*(1+1e-9) {
							t.Fatalf("%s level %d: vertex %v is %.3f m from the simplified ring; want at most the tolerance %.3f m", id, level, v, d, tol)
						}
					}
				}
			}
		}
	}
}

func TestSimplifyWorldNeverReturnsShortRings(t *testing.T) {
	geoms := []orb.Geometry{
		worldMultiPolygon(t, "KAZ"),
		worldMultiPolygon(t, "RUS"),
		// A 10 m square with a 1 m hole: both collapse at low zoom.
		orb.Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{4, 4}, {5, 4}, {5, 5}, {4, 4}}},
		orb.MultiPolygon{{{{0, 0}, {1e6, 0}, {1e6, 1e6}, {0, 0}}, {{1, 1}, {2, 1}, {2, 2}, {1, 1}}}},
	}
	for gi, g := range geoms {
		for level := 0; level <= 14; level++ {
			var polys []orb.Polygon
			switch s := geo.SimplifyWorld(g, level).(type) {
			case orb.Polygon:
				if s != nil {
					polys = append(polys, s)
				}
			case orb.MultiPolygon:
				polys = append(polys, s...)
			default:
				t.Fatalf("SimplifyWorld(%T, %d) = %T; want the same type", g, level, s)
			}
			for pi, p := range polys {
				if len(p) == 0 {
					t.Errorf("geometry %d level %d: polygon %d has no rings", gi, level, pi)
				}
				for ri, r := range p {
					if len(r) < 4 || r[0] != r[len(r)-1] {
						t.Errorf("geometry %d level %d: polygon %d ring %d = %d points; want a closed ring of at least 4", gi, level, pi, ri, len(r))
					}
				}
			}
		}
	}
}

func TestSimplifyWorldDropsCollapsedHoleButKeepsOuterRing(t *testing.T) {
	big := orb.Ring{{0, 0}, {1e6, 0}, {1e6, 1e6}, {0, 1e6}, {0, 0}}
	tiny := orb.Ring{{10, 10}, {11, 10}, {11, 11}, {10, 10}}
	got := geo.SimplifyWorld(orb.Polygon{big, tiny}, 2)
	if want := (orb.Polygon{big}); !orb.Equal(got, want) {
		t.Errorf("SimplifyWorld(square with 1 m hole, 2) = %v; want %v", got, want)
	}
	if got := geo.SimplifyWorld(orb.Polygon{tiny}, 2); len(got.(orb.Polygon)) != 0 {
		t.Errorf("SimplifyWorld(1 m triangle, 2) = %v; want empty", got)
	}
}

func TestSimplifyWorldSimplifiesLines(t *testing.T) {
	// A zig-zag of ±1 m around a 10 km line: gone at zoom 4, kept at 20.
	var line orb.LineString
	for i := 0; i <= 100; i++ {
		line = append(line, orb.Point{float64(i) * 100, float64(i%2) * 1})
	}
	if got := geo.SimplifyWorld(line, 4).(orb.LineString); len(got) != 2 {
		t.Errorf("SimplifyWorld(1 m zig-zag, 4) has %d points; want 2", len(got))
	}
	if got := geo.SimplifyWorld(line, 20).(orb.LineString); len(got) != len(line) {
		t.Errorf("SimplifyWorld(1 m zig-zag, 20) has %d points; want %d", len(got), len(line))
	}
	mls := orb.MultiLineString{line, {{0, 0}, {0, 0.001}}}
	if got := geo.SimplifyWorld(mls, 4).(orb.MultiLineString); len(got) != 2 || len(got[0]) != 2 {
		t.Errorf("SimplifyWorld(MultiLineString, 4) = %d lines; want 2 lines of 2 points", len(got))
	}
	if p := (orb.Point{1, 2}); geo.SimplifyWorld(p, 0) != p {
		t.Errorf("SimplifyWorld(%v, 0) changed a point", p)
	}
}

func TestSimplifyWorldLeavesItsInputAlone(t *testing.T) {
	for _, g := range []orb.Geometry{
		worldMultiPolygon(t, "KAZ"),
		worldMultiPolygon(t, "UZB")[0],
		geo.ToWorld(geo.CentralAsia, feature(t, loadBorders(t, "boundaries.geojson"), "border-kaz-uzb").Geometry),
		geo.ToWorld(geo.CentralAsia, feature(t, loadBorders(t, "boundaries.geojson"), "border-kaz-uzb").Geometry.(orb.MultiLineString)[0]),
	} {
		before := orb.Clone(g)
		for level := 0; level < 12; level += 3 {
			geo.SimplifyWorld(g, level)
		}
		if !orb.Equal(g, before) {
			t.Errorf("SimplifyWorld changed its %T input", g)
		}
	}
}

func TestSimplifyToleranceIsHalfAPixelAndHalvesPerZoom(t *testing.T) {
	c := geo.NewCamera(geo.CentralAsia, regionLimits())
	c.SetViewport(800, 600, 1)
	for z := 5.0; z <= 12; z += 0.5 {
		c.SetView(orb.Point{66, 45}, z)
		if got := geo.SimplifyTolerance(z) * c.Scale(); !near(got, 0.5, 1e-12) {
			t.Errorf("SimplifyTolerance(%v) = %v px; want 0.5 px", z, got)
		}
	}
	for z := -2.0; z <= 22; z += 0.25 {
		if got, want := geo.SimplifyTolerance(z+1), geo.SimplifyTolerance(z)/2; math.Abs(got-want) > 1e-12*want {
			t.Errorf("SimplifyTolerance(%v) = %v; want SimplifyTolerance(%v)/2 = %v", z+1, got, z, want)
		}
	}
}

func TestLevelForRoundsZoomUp(t *testing.T) {
	tests := []struct {
		zoom float64
		want int
	}{{0, 0}, {0.01, 1}, {4, 4}, {4.5, 5}, {4.99, 5}, {-0.5, 0}}
	for _, tt := range tests {
		if got := geo.LevelFor(tt.zoom); got != tt.want {
			t.Errorf("LevelFor(%v) = %d; want %d", tt.zoom, got, tt.want)
		}
	}
}

func TestToWorldProjectsEveryGeometryType(t *testing.T) {
	ring := orb.Ring{almaty, tashkent, baku, almaty}
	for _, g := range []orb.Geometry{
		almaty,
		orb.MultiPoint{almaty, baku},
		orb.LineString{almaty, tashkent},
		ring,
		orb.MultiLineString{{almaty, tashkent}, {baku, astana}},
		orb.Polygon{ring},
		orb.MultiPolygon{{ring}, {ring}},
	} {
		w := geo.ToWorld(geo.CentralAsia, g)
		if w.GeoJSONType() != g.GeoJSONType() {
			t.Errorf("ToWorld(%T) = %T; want the same type", g, w)
		}
		in, out := allPoints(g), allPoints(w)
		if len(in) != len(out) {
			t.Fatalf("ToWorld(%v) has %d points; want %d", g, len(out), len(in))
		}
		for i := range in {
			if want := geo.CentralAsia.Forward(in[i]); out[i] != want {
				t.Errorf("ToWorld(%T) point %d = %v; want Forward(%v) = %v", g, i, out[i], in[i], want)
			}
		}
	}
}
