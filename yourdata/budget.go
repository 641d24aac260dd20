package yourdata

import (
	"fmt"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// fitVertices simplifies features with more positions in all than the map
// draws (MaxVertices), with the smallest Douglas–Peucker tolerance that
// fits, and notes it; parts that simplify away are dropped.
func (r *reader) fitVertices(fs []geo.Feature) error {
	total := 0
	for _, f := range fs {
		total += vertices(f.Geometry)
	}
	if total <= MaxVertices {
		return nil
	}
	// Every line and ring of every feature, in one list, with its keys.
	var lines [][]orb.Point
	for _, f := range fs {
		eachLine(f.Geometry, func(l []orb.Point) { lines = append(lines, l) })
	}
	w := weightedKeys{keys: make([][]float64, len(lines)), weight: make([]int, len(lines))}
	for i, l := range lines {
		w.keys[i], w.weight[i] = dpKeys(l), 1
	}
	tol, kept, ok := w.tolerance(MaxVertices - points(fs))
	if !ok {
		return fmt.Errorf("the file has %s positions, too many to draw even simplified to %g°; the limit is %s: simplify it first (e.g. with mapshaper)", count(total), MaxTolerance, count(MaxVertices))
	}
	for i, l := range lines {
		// A ring keeps 4 positions at least, a line 2, or stays as it was.
		if s := keep(l, w.keys[i], tol); len(s) >= 4 || (len(s) >= 2 && l[0] != l[len(l)-1]) {
			lines[i] = s
		}
	}
	i := 0
	for fi := range fs {
		fs[fi].Geometry = relined(fs[fi].Geometry, func() []orb.Point { i++; return lines[i-1] })
	}
	r.notes.add(theFile, simplifiedNote(total, kept+points(fs), tol), "")
	return nil
}

// eachLine calls fn on every line and ring of g, in order.
func eachLine(g orb.Geometry, fn func([]orb.Point)) {
	switch g := g.(type) {
	case orb.LineString:
		fn(g)
	case orb.MultiLineString:
		for _, l := range g {
			fn(l)
		}
	case orb.Polygon:
		for _, r := range g {
			fn(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for _, r := range p {
				fn(r)
			}
		}
	}
}

// relined rebuilds g with each line and ring, in eachLine's order, taken
// from next.
func relined(g orb.Geometry, next func() []orb.Point) orb.Geometry {
	switch g := g.(type) {
	case orb.LineString:
		return orb.LineString(next())
	case orb.MultiLineString:
		for i := range g {
			g[i] = next()
		}
	case orb.Polygon:
		for i := range g {
			g[i] = next()
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for i := range p {
				p[i] = next()
			}
		}
	}
	return g
}

// points counts the positions of point features, which are never
// simplified.
func points(fs []geo.Feature) int {
	n := 0
	for _, f := range fs {
		if f.Geometry.Dimensions() == 0 {
			n += vertices(f.Geometry)
		}
	}
	return n
}

// vertices counts the positions of a geometry.
func vertices(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.Point:
		return 1
	case orb.MultiPoint:
		return len(g)
	case orb.LineString:
		return len(g)
	case orb.Ring:
		return len(g)
	case orb.MultiLineString:
		n := 0
		for _, l := range g {
			n += len(l)
		}
		return n
	case orb.Polygon:
		n := 0
		for _, r := range g {
			n += len(r)
		}
		return n
	case orb.MultiPolygon:
		n := 0
		for _, p := range g {
			n += vertices(p)
		}
		return n
	}
	return 0
}

// mapArea is a lon/lat box just around the map; swappedArea the heart of
// it, where a swapped Central Asian file's positions land when swapped back.
var (
	mapArea     = orb.Bound{Min: orb.Point{24, 18}, Max: orb.Point{106, 62}}
	swappedArea = orb.Bound{Min: orb.Point{46, 35}, Max: orb.Point{88, 56}}
)

// looksSwapped reports whether no position is on the map but every one
// would be in its heart with its two numbers swapped: the commonest
// mistake. Data that merely lies west of the map (the Balkans at 18–24°E)
// swaps to latitudes south of the heart, so it is not taken for a mistake.
func looksSwapped(fs []geo.Feature) bool {
	inside, swapped, total := 0, 0, 0
	for _, f := range fs {
		eachPoint(f.Geometry, func(p *orb.Point, _ bool) bool {
			total++
			if mapArea.Contains(*p) {
				inside++
			}
			if swappedArea.Contains(orb.Point{p[1], p[0]}) {
				swapped++
			}
			return true
		})
	}
	return total > 0 && inside == 0 && swapped == total
}
