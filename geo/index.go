package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Hit is what a click at a screen point would select.
type Hit struct {
	Layer   string
	Feature *Feature
}

// Index answers "what is under this point" for features in world metres.
// Points win over lines and lines over polygons, as a reader aiming at a dot
// expects; among points and lines the nearest wins, among polygons the one
// with the smallest bounding box (a lake before its country), and on a tie
// the one added first. Its answers are those of orb's planar tests on every
// feature (see TestIndexQueryAgreesWithBruteForceOnTheMapData), found in
// under a microsecond (BenchmarkIndexQuery): a grid files points and line
// segments by cell, and
// marks for each cell the polygons that cover it whole or cross it, so that
// only crossed polygons need a point-in-polygon test, which reads only the
// edges in the point's vertical slab of each ring.
type Index struct {
	items []indexItem
	built bool
	bound orb.Bound // of all items, world metres
	grid  grid

	points   cellLists[pointEntry] // every point of a point feature, by cell
	segments cellLists[segEntry]   // every segment of a line, by cell it passes
	polygons cellLists[polyEntry]  // by cell, smallest bound first, then first added
	parts    [][2]int32            // polygon parts as ranges of rings; the first is the outer ring
	rings    ringSlabs
}

type indexItem struct {
	layer   string
	feature *Feature
	world   orb.Geometry
	bound   orb.Bound
	area    float64  // of the bound, for polygons
	parts   [2]int32 // polygons: range of Index.parts
}

type pointEntry struct {
	p    orb.Point
	item int32
}

type segEntry struct {
	a, b orb.Point
	item int32
}

type polyEntry struct {
	item  int32
	whole bool // the polygon covers the whole cell: no test needed
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{} }

// Add puts a feature in the index; world is its geometry in world metres.
// Call Build after the last Add.
func (ix *Index) Add(layer string, f *Feature, world orb.Geometry) {
	it := indexItem{layer: layer, feature: f, world: world, bound: fastBound(world)}
	it.area = it.bound.Right() - it.bound.Left()
	it.area *= it.bound.Top() - it.bound.Bottom()
	ix.items = append(ix.items, it)
}

// fastBound is g.Bound(), without orb's per-point bookkeeping for the long
// rings of polygons, which made up most of the time to build an index.
func fastBound(g orb.Geometry) orb.Bound {
	mp := AsMultiPolygon(g)
	if len(mp) == 0 {
		return g.Bound()
	}
	var b orb.Bound
	for i, p := range mp {
		if len(p) == 0 || len(p[0]) == 0 {
			return g.Bound() // orb's rules for empty parts
		}
		pb := ringBound(p[0]) // a polygon's bound is its outer ring's
		if i == 0 {
			b = pb
		} else {
			b = b.Union(pb)
		}
	}
	return b
}

// Query returns the top feature at world point w. tolerance (world metres)
// is how near a point or line must be; polygons must contain w (their
// boundary included). visible filters features (hidden layers, decluttered
// symbols); nil means all. It does not allocate.
func (ix *Index) Query(w orb.Point, tolerance float64, visible func(layer string, f *Feature) bool) (Hit, bool) {
	if !ix.built || math.IsNaN(w[0]) || math.IsNaN(w[1]) || math.IsNaN(tolerance) || !ix.bound.Pad(tolerance).Contains(w) {
		return Hit{}, false
	}
	q := query{ix: ix, w: w, tol: tolerance, visible: visible, best: -1, score: math.Inf(1)}
	if tolerance >= 0 {
		q.c0, q.r0 = ix.grid.col(w[0]-tolerance), ix.grid.row(w[1]-tolerance)
		q.c1, q.r1 = ix.grid.col(w[0]+tolerance), ix.grid.row(w[1]+tolerance)
		// Squared distances above this cannot be within tolerance; the exact
		// test takes the root, as planar.Distance does.
		q.near = tolerance * tolerance * (1 + 1e-9)
		q.nearestPoint()
		if q.best < 0 {
			q.nearestSegment()
		}
	}
	if q.best < 0 {
		q.smallestPolygon()
	}
	if q.best < 0 {
		return Hit{}, false
	}
	it := &ix.items[q.best]
	return Hit{Layer: it.layer, Feature: it.feature}, true
}

// query is one Query under way.
type query struct {
	ix             *Index
	w              orb.Point
	tol, near      float64
	visible        func(string, *Feature) bool
	c0, r0, c1, r1 int // cells within tolerance of w
	best           int // item number, -1 for none yet
	score          float64
}

// offer makes item i at distance d the best hit if it beats the best so far
// and the caller may see it.
func (q *query) offer(i int32, d float64) {
	if d > q.tol || d > q.score || (d == q.score && int(i) >= q.best) {
		return
	}
	if int(i) == q.best { // another segment of the best feature, nearer
		q.score = d
		return
	}
	if q.acceptable(i) {
		q.best, q.score = int(i), d
	}
}

func (q *query) acceptable(i int32) bool {
	it := &q.ix.items[i]
	return it.bound.Pad(q.tol).Contains(q.w) && (q.visible == nil || q.visible(it.layer, it.feature))
}

func (q *query) nearestPoint() {
	for r := q.r0; r <= q.r1; r++ {
		for c := q.c0; c <= q.c1; c++ {
			for _, e := range q.ix.points.in(r*q.ix.grid.cols + c) {
				dx, dy := e.p[0]-q.w[0], e.p[1]-q.w[1]
				if d2 := dx*dx + dy*dy; d2 <= q.near {
					q.offer(e.item, math.Sqrt(d2))
				}
			}
		}
	}
}

func (q *query) nearestSegment() {
	for r := q.r0; r <= q.r1; r++ {
		for c := q.c0; c <= q.c1; c++ {
			for _, e := range q.ix.segments.in(r*q.ix.grid.cols + c) {
				if d2 := planar.DistanceFromSegmentSquared(e.a, e.b, q.w); d2 <= q.near {
					q.offer(e.item, math.Sqrt(d2))
				}
			}
		}
	}
}

// smallestPolygon looks only at w's cell, whose polygons come smallest
// first: the first that contains w and may be seen is the answer.
func (q *query) smallestPolygon() {
	ix := q.ix
	if !ix.bound.Contains(q.w) {
		return // outside every ring
	}
	for _, e := range ix.polygons.in(ix.grid.row(q.w[1])*ix.grid.cols + ix.grid.col(q.w[0])) {
		if (e.whole || ix.polygonContains(e.item, q.w)) && q.acceptable(e.item) {
			q.best = int(e.item)
			return
		}
	}
}

// polygonContains reports whether polygonal item i contains w, with the
// answer of planar.MultiPolygonContains.
func (ix *Index) polygonContains(i int32, w orb.Point) bool {
	it := &ix.items[i]
	for _, part := range ix.parts[it.parts[0]:it.parts[1]] {
		if !ix.rings.contains(part[0], w) {
			continue
		}
		inHole := false
		for h := part[0] + 1; h < part[1] && !inHole; h++ {
			inHole = ix.rings.contains(h, w)
		}
		if !inHole {
			return true
		}
	}
	return false
}
