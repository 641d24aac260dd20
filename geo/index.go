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

// Index answers "what is under this point" for features in world metres: a
// uniform grid of bounding boxes first, then an exact test. Points win over
// lines and lines over polygons, as a reader aiming at a dot expects.
type Index struct {
	items []indexItem
	bound orb.Bound
	cells [][]int32 // gridSize×gridSize lists of item numbers
}

const gridSize = 32

type indexItem struct {
	layer   string
	feature *Feature
	world   orb.Geometry
	bound   orb.Bound
	rank    int // 0 point, 1 line, 2 polygon: lower wins
	area    float64
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

// Build spreads the items over the grid.
func (ix *Index) Build() {
	for i, it := range ix.items {
		if i == 0 {
			ix.bound = it.bound
		} else {
			ix.bound = ix.bound.Union(it.bound)
		}
	}
	ix.cells = make([][]int32, gridSize*gridSize)
	for i, it := range ix.items {
		x0, y0 := ix.cell(it.bound.Min)
		x1, y1 := ix.cell(it.bound.Max)
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				ix.cells[y*gridSize+x] = append(ix.cells[y*gridSize+x], int32(i))
			}
		}
	}
}

func (ix *Index) cell(p orb.Point) (int, int) {
	fx := (p[0] - ix.bound.Left()) / math.Max(ix.bound.Right()-ix.bound.Left(), 1e-9)
	fy := (p[1] - ix.bound.Bottom()) / math.Max(ix.bound.Top()-ix.bound.Bottom(), 1e-9)
	clampCell := func(f float64) int { return max(0, min(gridSize-1, int(f*gridSize))) }
	return clampCell(fx), clampCell(fy)
}

// Query returns the top feature at world point w. tolerance (world metres)
// is how near a point or line must be; polygons must contain w. visible
// filters features (hidden layers, decluttered symbols); nil means all.
func (ix *Index) Query(w orb.Point, tolerance float64, visible func(layer string, f *Feature) bool) (Hit, bool) {
	if len(ix.cells) == 0 || !ix.bound.Pad(tolerance).Contains(w) {
		return Hit{}, false
	}
	best, bestRank, bestScore := -1, 3, math.Inf(1)
	seen := map[int32]bool{}
	x0, y0 := ix.cell(orb.Point{w[0] - tolerance, w[1] - tolerance})
	x1, y1 := ix.cell(orb.Point{w[0] + tolerance, w[1] + tolerance})
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, i := range ix.cells[y*gridSize+x] {
				if seen[i] {
					continue
				}
				seen[i] = true
				it := &ix.items[i]
				if it.rank > bestRank || (visible != nil && !visible(it.layer, it.feature)) || !it.bound.Pad(tolerance).Contains(w) {
					continue
				}
				score, ok := it.score(w, tolerance)
				if ok && (it.rank < bestRank || score < bestScore) {
					best, bestRank, bestScore = int(i), it.rank, score
				}
			}
		}
	}
	if best < 0 {
		return Hit{}, false
	}
	return Hit{Layer: ix.items[best].layer, Feature: ix.items[best].feature}, true
}

// score says whether w hits the item and how well: distance for points and
// lines, bounding-box area for polygons (the smaller, nested one wins).
func (it *indexItem) score(w orb.Point, tolerance float64) (float64, bool) {
	switch g := it.world.(type) {
	case orb.Point:
		d := planar.Distance(g, w)
		return d, d <= tolerance
	case orb.MultiPoint:
		d := math.Inf(1)
		for _, p := range g {
			d = math.Min(d, planar.Distance(p, w))
		}
		return d, d <= tolerance
	case orb.LineString:
		d := planar.DistanceFrom(g, w)
		return d, d <= tolerance
	case orb.MultiLineString:
		d := planar.DistanceFrom(g, w)
		return d, d <= tolerance
	case orb.Polygon:
		return it.area, planar.PolygonContains(g, w)
	case orb.MultiPolygon:
		return it.area, planar.MultiPolygonContains(g, w)
	}
	return 0, false
}
