package geo

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb"
)

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
