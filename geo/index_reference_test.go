package geo_test

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// bruteIndex is the hit test written the obvious way: every feature, orb's
// exact tests, lowest rank then best score then first added. The fast
// Index must agree with it everywhere.
type bruteIndex struct {
	items []bruteItem
}

type bruteItem struct {
	layer string
	f     *geo.Feature
	world orb.Geometry
	bound orb.Bound
}

func (bi *bruteIndex) add(ix *geo.Index, layer string, f *geo.Feature, world orb.Geometry) {
	ix.Add(layer, f, world)
	bi.items = append(bi.items, bruteItem{layer, f, world, world.Bound()})
}

func (bi *bruteIndex) query(w orb.Point, tol float64, visible func(string, *geo.Feature) bool) (geo.Hit, bool) {
	best, bestRank, bestScore := -1, 3, math.Inf(1)
	for i, it := range bi.items {
		if !it.bound.Pad(tol).Contains(w) {
			continue // planar's tests would say no too, only slower
		}
		rank, score, ok := bruteScore(it.world, it.bound, w, tol)
		if !ok || !it.bound.Pad(tol).Contains(w) || (visible != nil && !visible(it.layer, it.f)) {
			continue
		}
		if rank < bestRank || (rank == bestRank && score < bestScore) {
			best, bestRank, bestScore = i, rank, score
		}
	}
	if best < 0 {
		return geo.Hit{}, false
	}
	return geo.Hit{Layer: bi.items[best].layer, Feature: bi.items[best].f}, true
}

// bruteScore ranks points 0, lines 1 and polygons 2; points and lines score
// their distance and must be within tol, polygons their bounding-box area
// and must contain w.
func bruteScore(g orb.Geometry, bound orb.Bound, w orb.Point, tol float64) (int, float64, bool) {
	switch g := g.(type) {
	case orb.Point, orb.MultiPoint:
		d := planar.DistanceFrom(g, w)
		return 0, d, d <= tol
	case orb.LineString, orb.MultiLineString:
		d := planar.DistanceFrom(g, w)
		return 1, d, d <= tol
	case orb.Polygon:
		return 2, boundArea(bound), planar.PolygonContains(g, w)
	case orb.MultiPolygon:
		return 2, boundArea(bound), planar.MultiPolygonContains(g, w)
	}
	return 3, 0, false
}

func boundArea(b orb.Bound) float64 {
	a := b.Right() - b.Left()
	return a * (b.Top() - b.Bottom())
}

// trickyPoints returns points where a hit test is most likely to go wrong:
// on vertices, on edges, a hair either side of an edge, and at the
// tolerance from lines and points.
func trickyPoints(r *rand.Rand, g orb.Geometry, tol float64, n int) []orb.Point {
	verts := allPoints(g)
	var segs [][2]orb.Point
	for _, part := range lineParts(g) {
		for i := 0; i+1 < len(part); i++ {
			segs = append(segs, [2]orb.Point{part[i], part[i+1]})
		}
	}
	out := make([]orb.Point, 0, n)
	for len(out) < n {
		var base orb.Point
		var nx, ny float64 // unit normal of the edge, or a random direction
		if len(segs) == 0 || r.IntN(4) == 0 {
			base = verts[r.IntN(len(verts))]
			a := r.Float64() * 2 * math.Pi
			nx, ny = math.Cos(a), math.Sin(a)
		} else {
			s := segs[r.IntN(len(segs))]
			t := r.Float64()
			base = orb.Point{s[0][0] + t*(s[1][0]-s[0][0]), s[0][1] + t*(s[1][1]-s[0][1])}
			l := math.Hypot(s[1][0]-s[0][0], s[1][1]-s[0][1])
			if l == 0 {
				continue
			}
			nx, ny = -(s[1][1]-s[0][1])/l, (s[1][0]-s[0][0])/l
		}
		offsets := []float64{0, 0, 1e-9, -1e-9, 1e-3, -1e-3, 1, -1, tol, -tol,
			tol * (1 - 1e-12), tol * (1 + 1e-12), r.NormFloat64() * tol, r.NormFloat64() * 10 * tol}
		d := offsets[r.IntN(len(offsets))]
		out = append(out, orb.Point{base[0] + d*nx, base[1] + d*ny})
	}
	return out
}

// lineParts returns the lines of g and the rings of its polygons.
func lineParts(g orb.Geometry) [][]orb.Point {
	switch g := g.(type) {
	case orb.LineString:
		return [][]orb.Point{g}
	case orb.MultiLineString:
		out := make([][]orb.Point, len(g))
		for i, l := range g {
			out[i] = l
		}
		return out
	}
	var out [][]orb.Point
	for _, p := range geo.AsMultiPolygon(g) {
		for _, r := range p {
			out = append(out, r)
		}
	}
	return out
}

// halfVisible hides a fixed, arbitrary half of the features.
func halfVisible(_ string, f *geo.Feature) bool {
	h := fnv.New32a()
	h.Write([]byte(f.ID))
	return h.Sum32()%2 == 0
}

func TestIndexQueryAgreesWithBruteForceOnTheMapData(t *testing.T) {
	layers := appLayers(t)
	ix, bi := geo.NewIndex(), &bruteIndex{}
	for li := range layers {
		l := &layers[li]
		for fi := range l.Features {
			bi.add(ix, l.ID, &l.Features[fi], geo.ToWorld(geo.CentralAsia, l.Features[fi].Geometry))
		}
	}
	ix.Build()
	cam := homeCamera(t, layers)
	home := hitTolerance / cam.Scale()
	region := geo.CentralAsia.ForwardBound(layers[0].Bound()).Pad(50000)
	r := rand.New(rand.NewPCG(7, 8))
	var points []orb.Point
	points = append(points, randomWorldPoints(1500, region, 9)...)
	for range 40 {
		it := bi.items[r.IntN(len(bi.items))]
		points = append(points, trickyPoints(r, it.world, home, 25)...)
	}
	onlyCountries := func(l string, _ *geo.Feature) bool { return l == "countries" }
	cases := []struct {
		tol     float64
		name    string
		visible func(string, *geo.Feature) bool
	}{
		{0, "all", nil}, {home, "all", nil}, {8 * home, "all", nil},
		{home, "half", halfVisible}, {home / 16, "countries", onlyCountries},
	}
	for _, c := range cases {
		mismatches := 0
		for _, w := range points {
			got, gok := ix.Query(w, c.tol, c.visible)
			want, wok := bi.query(w, c.tol, c.visible)
			if hitKey(got, gok) != hitKey(want, wok) {
				mismatches++
				if mismatches <= 5 {
					t.Errorf("tolerance %.1f m, visible %s: Query(%v) = %s; brute force says %s", c.tol, c.name, w, hitKey(got, gok), hitKey(want, wok))
				}
			}
		}
		if mismatches > 5 {
			t.Errorf("tolerance %.1f m, visible %s: %d of %d queries disagree", c.tol, c.name, mismatches, len(points))
		}
	}
}

// TestIndexQueryAgreesWithBruteForceOnHolesAndIslands uses shapes the map
// data lacks: a polygon with a hole, an island in that hole, a polygon
// nested in another, axis-aligned edges on round coordinates, lines through
// polygons, points on edges.
func TestIndexQueryAgreesWithBruteForceOnHolesAndIslands(t *testing.T) {
	square := func(x0, y0, x1, y1 float64) orb.Ring {
		return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
	}
	shapes := []orb.Geometry{
		orb.Polygon{square(0, 0, 100e3, 100e3), square(25e3, 25e3, 75e3, 75e3)},                                              // square with a hole
		orb.MultiPolygon{{square(40e3, 40e3, 60e3, 60e3)}, {square(150e3, 0, 200e3, 50e3)}},                                  // island in the hole, and another
		orb.Polygon{orb.Ring{{0, 0}, {100e3, 100e3}, {0, 100e3}, {0, 0}}},                                                    // triangle over the square
		orb.Polygon{orb.Ring{{-50e3, -50e3}, {250e3, -50e3}, {100e3, 30e3}, {250e3, 150e3}, {-50e3, 150e3}, {-50e3, -50e3}}}, // concave, around all
		orb.Polygon{square(0, 0, 100e3, 100e3)},                                                                              // same bound as the first: the first added wins
		orb.LineString{{-20e3, 50e3}, {220e3, 50e3}},
		orb.MultiLineString{{{10e3, 0}, {10e3, 100e3}}, {{190e3, -10e3}, {160e3, 140e3}}},
		orb.Point{50e3, 50e3},
		orb.MultiPoint{{100e3, 100e3}, {25e3, 25e3}},
		orb.Point{50e3, 50e3}, // a twin: the first added wins
	}
	ix, bi := geo.NewIndex(), &bruteIndex{}
	for i, g := range shapes {
		bi.add(ix, "shapes", &geo.Feature{ID: fmt.Sprint("shape-", i)}, g)
	}
	ix.Build()
	r := rand.New(rand.NewPCG(5, 6))
	points := randomWorldPoints(3000, orb.Bound{Min: orb.Point{-60e3, -60e3}, Max: orb.Point{260e3, 160e3}}, 11)
	for range 4000 {
		// Round coordinates land on vertices, edges and grid cell borders.
		points = append(points, orb.Point{float64(r.IntN(65)-6) * 5e3, float64(r.IntN(45)-6) * 5e3})
	}
	for _, g := range shapes {
		points = append(points, trickyPoints(r, g, 2000, 400)...)
	}
	for _, tol := range []float64{0, 500, 2000, 30e3} {
		for _, vf := range []func(string, *geo.Feature) bool{nil, halfVisible} {
			for _, w := range points {
				got, gok := ix.Query(w, tol, vf)
				want, wok := bi.query(w, tol, vf)
				if hitKey(got, gok) != hitKey(want, wok) {
					t.Fatalf("tolerance %v: Query(%v) = %s; brute force says %s", tol, w, hitKey(got, gok), hitKey(want, wok))
				}
			}
		}
	}
}

func hitKey(h geo.Hit, ok bool) string {
	if !ok {
		return "nothing"
	}
	return h.Layer + "/" + h.Feature.ID
}
