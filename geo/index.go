package geo

import (
	"cmp"
	"math"
	"slices"

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
// about a microsecond: a grid files points and line segments by cell, and
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
	rank    int     // 0 point, 1 line, 2 polygon: lower wins
	area    float64 // of the bound, for polygons
	parts   [2]int32
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
	it := indexItem{layer: layer, feature: f, world: world, bound: world.Bound()}
	switch world.(type) {
	case orb.Point, orb.MultiPoint:
		it.rank = 0
	case orb.LineString, orb.MultiLineString:
		it.rank = 1
	default:
		it.rank = 2
		it.area = it.bound.Right() - it.bound.Left()
		it.area *= it.bound.Top() - it.bound.Bottom()
	}
	ix.items = append(ix.items, it)
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

// Build files the items added so far; Query sees only what was added before
// the last Build.
func (ix *Index) Build() {
	ix.bound = orb.Bound{}
	for i, it := range ix.items {
		if i == 0 {
			ix.bound = it.bound
		} else {
			ix.bound = ix.bound.Union(it.bound)
		}
	}
	ix.grid = newGrid(ix.bound)
	ix.filePointsAndLines()
	ix.filePolygons()
	ix.built = true
}

func (ix *Index) filePointsAndLines() {
	var points []cellEntry[pointEntry]
	var segments []cellEntry[segEntry]
	addLine := func(i int, ls []orb.Point) {
		for k := 0; k+1 < len(ls); k++ {
			e := segEntry{ls[k], ls[k+1], int32(i)}
			ix.grid.segmentCells(e.a, e.b, ix.cellMargin(), func(c, r int) {
				segments = append(segments, cellEntry[segEntry]{int32(r*ix.grid.cols + c), e})
			})
		}
	}
	for i := range ix.items {
		switch g := ix.items[i].world.(type) {
		case orb.Point:
			points = append(points, ix.pointEntry(i, g))
		case orb.MultiPoint:
			for _, p := range g {
				points = append(points, ix.pointEntry(i, p))
			}
		case orb.LineString:
			addLine(i, g)
		case orb.MultiLineString:
			for _, l := range g {
				addLine(i, l)
			}
		}
	}
	cells := ix.grid.cols * ix.grid.rows
	ix.points = newCellLists(cells, points)
	ix.segments = newCellLists(cells, segments)
}

func (ix *Index) filePolygons() {
	var polygonal []int32
	vertices, rings, cover := 0, 0, 0
	for i := range ix.items {
		it := &ix.items[i]
		mp := AsMultiPolygon(it.world)
		if mp == nil {
			continue
		}
		polygonal = append(polygonal, int32(i))
		for _, p := range mp {
			for _, r := range p {
				vertices, rings = vertices+len(r), rings+1
			}
		}
		cols := ix.grid.col(it.bound.Right()) - ix.grid.col(it.bound.Left()) + 1
		cover += cols * (ix.grid.row(it.bound.Top()) - ix.grid.row(it.bound.Bottom()) + 1)
	}
	ix.parts, ix.rings = nil, ringSlabs{
		slabStart: make([]int32, 0, vertices/edgesPerSlab+2*rings),
		slabEdges: make([]int32, 0, 2*vertices),
	}
	var scratch []int32
	for _, i := range polygonal {
		scratch = ix.addPolygon(&ix.items[i], AsMultiPolygon(ix.items[i].world), scratch)
	}
	// Smallest first, so the first polygon found in a cell is the answer;
	// the sort is stable, so equal bounds keep the order they were added in.
	slices.SortStableFunc(polygonal, func(a, b int32) int { return cmp.Compare(ix.items[a].area, ix.items[b].area) })
	polygons := make([]cellEntry[polyEntry], 0, cover)
	var crossed []bool
	for _, i := range polygonal {
		polygons, crossed = ix.fileCells(i, polygons, crossed)
	}
	ix.polygons = newCellLists(ix.grid.cols*ix.grid.rows, polygons)
}

func (ix *Index) pointEntry(i int, p orb.Point) cellEntry[pointEntry] {
	return cellEntry[pointEntry]{int32(ix.grid.row(p[1])*ix.grid.cols + ix.grid.col(p[0])), pointEntry{p, int32(i)}}
}

// cellMargin is how near, in world metres, an edge must pass to a cell to be
// filed under it: far more than rounding in the cell arithmetic, far less
// than a cell.
func (ix *Index) cellMargin() float64 { return ix.grid.size * 1e-3 }

// addPolygon prepares the rings of a polygonal item for point-in-polygon
// tests.
// scratch is scratch space, returned for the next call.
func (ix *Index) addPolygon(it *indexItem, mp orb.MultiPolygon, scratch []int32) []int32 {
	it.parts[0] = int32(len(ix.parts))
	for _, p := range mp {
		if len(p) == 0 {
			continue
		}
		first := int32(len(ix.rings.rings))
		for _, r := range p {
			_, scratch = ix.rings.add(r, scratch)
		}
		ix.parts = append(ix.parts, [2]int32{first, int32(len(ix.rings.rings))})
	}
	it.parts[1] = int32(len(ix.parts))
	return scratch
}

// markEdges calls mark for every cell an edge of ring r passes near. Most
// edges are short: the cells of their ends, widened by the margin, found
// once per vertex, are all they touch.
func (ix *Index) markEdges(r orb.Ring, mark func(col, row int)) {
	g, m := ix.grid, ix.cellMargin()
	type cells struct{ c0, c1, r0, r1 int }
	at := func(p orb.Point) cells {
		return cells{g.col(p[0] - m), g.col(p[0] + m), g.row(p[1] - m), g.row(p[1] + m)}
	}
	if len(r) == 0 {
		return
	}
	prev := at(r[len(r)-1])
	for k, p := range r {
		cur := at(p)
		r0, r1 := min(prev.r0, cur.r0), max(prev.r1, cur.r1)
		if r0 == r1 {
			for c := min(prev.c0, cur.c0); c <= max(prev.c1, cur.c1); c++ {
				mark(c, r0)
			}
		} else if k > 0 {
			g.segmentCells(r[k-1], p, m, mark)
		} else {
			g.segmentCells(r[len(r)-1], p, m, mark)
		}
		prev = cur
	}
}

// fileCells appends the cells polygonal item i covers or crosses. A cell no
// edge comes near is inside or outside as a whole, and so is a run of such
// cells along a row, so one test at a run's first cell centre decides it.
// crossed is scratch space, returned for the next call.
func (ix *Index) fileCells(i int32, dst []cellEntry[polyEntry], crossed []bool) ([]cellEntry[polyEntry], []bool) {
	it, g := &ix.items[i], ix.grid
	c0, r0 := g.col(it.bound.Left()), g.row(it.bound.Bottom())
	c1, r1 := g.col(it.bound.Right()), g.row(it.bound.Top())
	w := c1 - c0 + 1
	crossed = slices.Grow(crossed[:0], w*(r1-r0+1))[:w*(r1-r0+1)]
	clear(crossed)
	mark := func(c, r int) {
		if c >= c0 && c <= c1 && r >= r0 && r <= r1 {
			crossed[(r-r0)*w+c-c0] = true
		}
	}
	for _, part := range ix.parts[it.parts[0]:it.parts[1]] {
		for _, sr := range ix.rings.rings[part[0]:part[1]] {
			ix.markEdges(sr.pts, mark)
		}
	}
	for r := r0; r <= r1; r++ {
		inside, run := false, false // run: inside holds for the cells since the last crossed one
		for c := c0; c <= c1; c++ {
			cell := int32(r*g.cols + c)
			if crossed[(r-r0)*w+c-c0] {
				dst = append(dst, cellEntry[polyEntry]{cell, polyEntry{item: i}})
				run = false
				continue
			}
			if !run {
				inside, run = ix.polygonContains(i, g.cellCenter(c, r)), true
			}
			if inside {
				dst = append(dst, cellEntry[polyEntry]{cell, polyEntry{item: i, whole: true}})
			}
		}
	}
	return dst, crossed
}
