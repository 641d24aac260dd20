package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// grid is a uniform grid of square cells over a world-metre bound; cells are
// numbered row by row from the bottom left.
type grid struct {
	x0, y0     float64 // bottom-left corner, world metres
	size, inv  float64 // metres per cell, cells per metre
	cols, rows int
}

// maxGridCells is the number of cells along the longer side of the grid:
// cells of about 50 km over the map region, so a 6-pixel pick radius at the
// home zoom (18 km) reaches at most four cells and a cell meets at most a
// few countries' borders. Finer grids measured no faster and took more
// memory.
const maxGridCells = 128

func newGrid(b orb.Bound) grid {
	w, h := b.Right()-b.Left(), b.Top()-b.Bottom()
	g := grid{x0: b.Left(), y0: b.Bottom(), size: max(w, h) / maxGridCells, cols: 1, rows: 1}
	if !(g.size > 0) || math.IsInf(g.size, 0) {
		g.size = 1
	}
	g.inv = 1 / g.size
	g.cols = max(1, min(maxGridCells, int(math.Ceil(w*g.inv))))
	g.rows = max(1, min(maxGridCells, int(math.Ceil(h*g.inv))))
	return g
}

// col and row return the cell column and row of world x and y, clamped to
// the grid. Both are monotonic, which the index relies on: whatever lies
// between two points lies in the cells between theirs.
func (g grid) col(x float64) int { return clampCell((x-g.x0)*g.inv, g.cols) }
func (g grid) row(y float64) int { return clampCell((y-g.y0)*g.inv, g.rows) }

func clampCell(f float64, n int) int {
	if !(f > 0) {
		return 0
	}
	if f >= float64(n) {
		return n - 1
	}
	return int(f)
}

// cellCenter returns the middle of cell (c, r) in world metres.
func (g grid) cellCenter(c, r int) orb.Point {
	return orb.Point{g.x0 + (float64(c)+0.5)*g.size, g.y0 + (float64(r)+0.5)*g.size}
}

// segmentCells calls visit for every cell that segment a–b passes within
// margin metres of, row by row; it may visit a few more, never fewer.
func (g grid) segmentCells(a, b orb.Point, margin float64, visit func(col, row int)) {
	ylo, yhi := min(a[1], b[1]), max(a[1], b[1])
	r0, r1 := g.row(ylo-margin), g.row(yhi+margin)
	if r0 == r1 { // most edges: within one row, the bound is exact
		for c := g.col(min(a[0], b[0]) - margin); c <= g.col(max(a[0], b[0])+margin); c++ {
			visit(c, r0)
		}
		return
	}
	for r := r0; r <= r1; r++ {
		// The part of the segment within this row, widened by margin.
		xlo, xhi := min(a[0], b[0]), max(a[0], b[0])
		if dy := b[1] - a[1]; dy != 0 {
			rlo := max(ylo, g.y0+float64(r)*g.size-margin)
			rhi := min(yhi, g.y0+float64(r+1)*g.size+margin)
			x1 := a[0] + (rlo-a[1])/dy*(b[0]-a[0])
			x2 := a[0] + (rhi-a[1])/dy*(b[0]-a[0])
			xlo, xhi = max(xlo, min(x1, x2)), min(xhi, max(x1, x2))
		}
		for c := g.col(xlo - margin); c <= g.col(xhi+margin); c++ {
			visit(c, r)
		}
	}
}

// cellLists is a list of entries per grid cell, stored as one slice: cell
// i's entries are entries[start[i]:start[i+1]], in the order they were put.
type cellLists[T any] struct {
	start   []int32
	entries []T
}

// cellEntry is an entry waiting to be filed under its cell.
type cellEntry[T any] struct {
	cell  int32
	entry T
}

// newCellLists files entries by cell, keeping their order within a cell.
func newCellLists[T any](cells int, pending []cellEntry[T]) cellLists[T] {
	l := cellLists[T]{start: make([]int32, cells+1), entries: make([]T, len(pending))}
	for _, p := range pending {
		l.start[p.cell+1]++
	}
	for i := 1; i <= cells; i++ {
		l.start[i] += l.start[i-1]
	}
	fill := make([]int32, cells)
	copy(fill, l.start[:cells])
	for _, p := range pending {
		l.entries[fill[p.cell]] = p.entry
		fill[p.cell]++
	}
	return l
}

// in returns the entries of cell i.
func (l *cellLists[T]) in(i int) []T { return l.entries[l.start[i]:l.start[i+1]] }
