package geo

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// slabRing is a polygon ring prepared for point-in-ring tests: its edges
// sorted into vertical slabs, so a test looks only at the edges whose x
// range spans the point's x, the only ones an upward ray from it can cross.
type slabRing struct {
	pts   orb.Ring // world metres, shared with the feature's geometry
	bound orb.Bound
	x0    float64 // left edge of slab 0, world metres
	inv   float64 // slabs per metre; 0 when the ring has no width
	slabs int32   // number of slabs
	first int32   // slab s holds edges slabEdges[slabStart[first+s]:slabStart[first+s+1]]
}

// edgesPerSlab is the number of edges a slab holds on average, besides the
// few long edges that span many slabs: small enough that a test reads a
// handful of edges, large enough that the slab table stays small.
const edgesPerSlab = 4

// ringSlabs files the edges of rings by slab.
type ringSlabs struct {
	rings     []slabRing
	slabStart []int32
	slabEdges []int32 // edge i joins pts[i] and pts[i+1]; edge len-1 joins pts[0] and pts[len-1]
}

// add prepares a ring and returns its number; slabOf is scratch space,
// returned for the next call.
func (rs *ringSlabs) add(r orb.Ring, slabOf []int32) (int32, []int32) {
	b := ringBound(r)
	sr := slabRing{pts: r, bound: b, x0: b.Left(), slabs: int32(max(1, min(len(r)/edgesPerSlab, 1<<16)))}
	if w := b.Right() - b.Left(); w > 0 {
		sr.inv = float64(sr.slabs) / w
	}
	sr.first = int32(len(rs.slabStart))
	slabOf = slices.Grow(slabOf[:0], len(r))[:len(r)]
	for i, p := range r {
		slabOf[i] = sr.slab(p[0])
	}
	// Edge i runs from slab span(i)[0] to span(i)[1]: the slab arithmetic is
	// monotonic, so the slabs of its ends bound it.
	span := func(i int) (int32, int32) {
		j := i + 1
		if i == len(r)-1 {
			j = 0
		}
		return min(slabOf[i], slabOf[j]), max(slabOf[i], slabOf[j])
	}
	// Count each slab's edges, turn the counts into starts, then fill.
	base := int32(len(rs.slabEdges))
	rs.slabStart = slices.Grow(rs.slabStart, int(sr.slabs)+1)[:int(sr.first+sr.slabs)+1]
	counts := rs.slabStart[sr.first:]
	clear(counts)
	for i := range r {
		lo, hi := span(i)
		for s := lo; s <= hi; s++ {
			counts[s+1]++
		}
	}
	counts[0] = base
	for s := int32(1); s <= sr.slabs; s++ {
		counts[s] += counts[s-1]
	}
	total := int(counts[sr.slabs] - base)
	rs.slabEdges = slices.Grow(rs.slabEdges, total)[:int(base)+total]
	// Fill each slab from its end down, leaving counts[s+1] at slab s's
	// start; then shift the starts into place.
	for i := len(r) - 1; i >= 0; i-- {
		lo, hi := span(i)
		for s := hi; s >= lo; s-- {
			counts[s+1]--
			rs.slabEdges[counts[s+1]] = int32(i)
		}
	}
	copy(counts, counts[1:])
	counts[sr.slabs] = base + int32(total)
	rs.rings = append(rs.rings, sr)
	return int32(len(rs.rings) - 1), slabOf
}

// ringBound is r.Bound(), a few times faster for long rings.
func ringBound(r orb.Ring) orb.Bound {
	if len(r) == 0 {
		return orb.Bound{}
	}
	b := orb.Bound{Min: r[0], Max: r[0]}
	for _, p := range r[1:] {
		if p[0] < b.Min[0] {
			b.Min[0] = p[0]
		} else if p[0] > b.Max[0] {
			b.Max[0] = p[0]
		}
		if p[1] < b.Min[1] {
			b.Min[1] = p[1]
		} else if p[1] > b.Max[1] {
			b.Max[1] = p[1]
		}
	}
	return b
}

// slab returns the slab of world x. The arithmetic is monotonic in x, so an
// edge whose x range holds x is always filed in x's slab.
func (sr *slabRing) slab(x float64) int32 {
	f := (x - sr.x0) * sr.inv
	if !(f > 0) {
		return 0
	}
	if f >= float64(sr.slabs) {
		return sr.slabs - 1
	}
	return int32(f)
}

// edge returns the ends of edge i in the order planar.RingContains passes
// them, so that crossesAbove sees the same arguments.
func (sr *slabRing) edge(r orb.Ring, i int) (orb.Point, orb.Point) {
	if i == len(r)-1 {
		return r[0], r[i]
	}
	return r[i], r[i+1]
}

// contains reports whether ring number ri contains w, boundary included,
// with the same answer as planar.RingContains.
func (rs *ringSlabs) contains(ri int32, w orb.Point) bool {
	sr := &rs.rings[ri]
	if !sr.bound.Contains(w) {
		return false
	}
	s := sr.first + sr.slab(w[0])
	in := false
	for _, e := range rs.slabEdges[rs.slabStart[s]:rs.slabStart[s+1]] {
		a, b := sr.edge(sr.pts, int(e))
		cross, on := crossesAbove(w, a, b)
		if on {
			return true
		}
		in = in != cross
	}
	return in
}

// crossesAbove reports whether segment s–e crosses the ray from p straight
// up (+y), and whether p lies on the segment. It decides as orb's
// planar.RingContains does — an end level with p in x counts as if p sat a
// hair to its right, and slopes are compared as quotients — so that the
// index agrees with that test to the last bit, on edges and vertices too.
func crossesAbove(p, s, e orb.Point) (crosses, on bool) {
	if s[0] > e[0] {
		s, e = e, s
	}
	x := p[0]
	switch x {
	case s[0]:
		if p[1] == s[1] {
			return false, true
		}
		if s[0] == e[0] && p[1] >= min(s[1], e[1]) && p[1] <= max(s[1], e[1]) {
			return false, true // on a vertical edge
		}
		x = math.Nextafter(x, math.Inf(1))
	case e[0]:
		if p[1] == e[1] {
			return false, true
		}
		x = math.Nextafter(x, math.Inf(1))
	}
	if x < s[0] || x > e[0] {
		return false, false
	}
	if p[1] > max(s[1], e[1]) {
		return false, false
	}
	if p[1] < min(s[1], e[1]) {
		return true, false
	}
	toP := (p[1] - s[1]) / (x - s[0])
	along := (e[1] - s[1]) / (e[0] - s[0])
	if toP == along {
		return false, true
	}
	return toP <= along, false
}
