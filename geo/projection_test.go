package geo_test

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

func TestAlbersInverseUndoesForwardOverTheRegion(t *testing.T) {
	var points []orb.Point
	for lon := 20.0; lon <= 110; lon += 5 {
		for lat := 15.0; lat <= 65; lat += 2.5 {
			points = append(points, orb.Point{lon, lat})
		}
	}
	points = append(points, almaty, astana, tashkent, baku)
	for _, p := range points {
		w := geo.CentralAsia.Forward(p)
		if got := geo.CentralAsia.Inverse(w); !nearPoint(got, p, 1e-9) {
			t.Errorf("Inverse(Forward(%v)) = %v; want %v within 1e-9°", p, got, p)
		}
	}
}

func TestAlbersForwardMapsOriginToZero(t *testing.T) {
	origin := orb.Point{66, 45}
	if got := geo.CentralAsia.Forward(origin); !nearPoint(got, orb.Point{0, 0}, 1e-6) {
		t.Errorf("Forward(%v) = %v; want [0 0]", origin, got)
	}
	if got := geo.CentralAsia.Inverse(orb.Point{0, 0}); !nearPoint(got, origin, 1e-12) {
		t.Errorf("Inverse([0 0]) = %v; want %v", got, origin)
	}
}

func TestAlbersXGrowsEastAndYGrowsNorth(t *testing.T) {
	const step = 0.01 // degrees
	for lon := 20.0; lon <= 110; lon += 10 {
		for lat := 15.0; lat <= 65; lat += 10 {
			p := geo.CentralAsia.Forward(orb.Point{lon, lat})
			east := geo.CentralAsia.Forward(orb.Point{lon + step, lat})
			north := geo.CentralAsia.Forward(orb.Point{lon, lat + step})
			if !(east[0] > p[0]) {
				t.Errorf("Forward(%v, %v).x = %v; want more than Forward(%v, %v).x = %v", lon+step, lat, east[0], lon, lat, p[0])
			}
			if !(north[1] > p[1]) {
				t.Errorf("Forward(%v, %v).y = %v; want more than Forward(%v, %v).y = %v", lon, lat+step, north[1], lon, lat, p[1])
			}
		}
	}
}

func TestAlbersPreservesArea(t *testing.T) {
	const size = 0.1 // degrees
	for _, lat := range []float64{15, 25, 38, 45, 50, 60, 65} {
		for _, lon := range []float64{30, 66, 100} {
			cell := orb.Bound{Min: orb.Point{lon, lat}, Max: orb.Point{lon + size, lat + size}}
			projected := math.Abs(planar.Area(projectRing(cell, 8)))
			sphere := sphericalArea(cell)
			if ratio := projected / sphere; math.Abs(ratio-1) > 1e-3 {
				t.Errorf("area(Forward(%v)) / spherical area = %.6f; want 1 ± 1e-3", cell, ratio)
			}
		}
	}
}

func TestAlbersForwardBoundHoldsEveryProjectedPoint(t *testing.T) {
	w := geo.CentralAsia.ForwardBound(regionBox)
	for lon := regionBox.Min[0]; lon <= regionBox.Max[0]; lon += 0.5 {
		for lat := regionBox.Min[1]; lat <= regionBox.Max[1]; lat += 0.5 {
			p := geo.CentralAsia.Forward(orb.Point{lon, lat})
			if !w.Pad(1e-6).Contains(p) {
				t.Fatalf("ForwardBound(%v) = %v; does not hold Forward(%v, %v) = %v", regionBox, w, lon, lat, p)
			}
		}
	}
}

// projectRing projects the outline of a lon/lat cell, with n points per
// edge so the arcs of parallels are followed.
func projectRing(b orb.Bound, n int) orb.Polygon {
	var r orb.Ring
	corners := []orb.Point{b.Min, {b.Max[0], b.Min[1]}, b.Max, {b.Min[0], b.Max[1]}, b.Min}
	for i := 0; i < 4; i++ {
		a, c := corners[i], corners[i+1]
		for k := 0; k < n; k++ {
			t := float64(k) / float64(n)
			r = append(r, geo.CentralAsia.Forward(orb.Point{a[0] + t*(c[0]-a[0]), a[1] + t*(c[1]-a[1])}))
		}
	}
	return orb.Polygon{append(r, r[0])}
}

// sphericalArea is the area in square metres of a lon/lat cell on the
// projection's sphere: R² Δλ (sin φ₂ − sin φ₁).
func sphericalArea(b orb.Bound) float64 {
	rad := math.Pi / 180
	return geo.EarthRadius * geo.EarthRadius * (b.Max[0] - b.Min[0]) * rad *
		(math.Sin(b.Max[1]*rad) - math.Sin(b.Min[1]*rad))
}
