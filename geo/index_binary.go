package geo

import (
	"encoding/binary"
	"math"
	"unsafe"

	"github.com/paulmach/orb"
)

// The hit index in a prepared scene: its small tables as values, its cell
// lists and ring slabs as arrays the reader views in place. The entries'
// byte layout is Go's own for pointEntry, segEntry and polyEntry on 64-bit
// and wasm targets, which readIndex checks before viewing them.

// write appends the index's sections; the items' geometry is written with
// the features, and readIndex takes it back in the same order.
func (ix *Index) write(w *sectionWriter) {
	var v values
	v.u32(len(ix.items))
	for _, it := range ix.items {
		writeBound(&v, it.bound)
		v.f64(it.area)
		v.u32(int(it.parts[0]))
		v.u32(int(it.parts[1]))
	}
	writeBound(&v, ix.bound)
	v.f64(ix.grid.x0)
	v.f64(ix.grid.y0)
	v.f64(ix.grid.size)
	v.u32(ix.grid.cols)
	v.u32(ix.grid.rows)
	v.u32(len(ix.rings.rings))
	for _, sr := range ix.rings.rings {
		v.u32(len(sr.pts))
		writeBound(&v, sr.bound)
		v.f64(sr.x0)
		v.f64(sr.inv)
		v.u32(int(sr.slabs))
		v.u32(int(sr.first))
	}
	w.section(v.b)
	writeArray(w, ix.points.start)
	w.section(pointEntryBytes(ix.points.entries))
	writeArray(w, ix.segments.start)
	w.section(segEntryBytes(ix.segments.entries))
	writeArray(w, ix.polygons.start)
	w.section(polyEntryBytes(ix.polygons.entries))
	writeArray(w, ix.parts)
	writeArray(w, ix.rings.slabStart)
	writeArray(w, ix.rings.slabEdges)
}

func writeBound(v *values, b orb.Bound) {
	v.f64(b.Min[0])
	v.f64(b.Min[1])
	v.f64(b.Max[0])
	v.f64(b.Max[1])
}

func readBound(v *valueReader) orb.Bound {
	return orb.Bound{Min: orb.Point{v.f64(), v.f64()}, Max: orb.Point{v.f64(), v.f64()}}
}

// Entries are written field by field, padding zeroed, so that the same
// index gives the same bytes.
func pointEntryBytes(es []pointEntry) []byte {
	b := make([]byte, 0, 24*len(es))
	for _, e := range es {
		b = appendF64s(b, e.p[0], e.p[1])
		b = binary.LittleEndian.AppendUint32(b, uint32(e.item))
		b = binary.LittleEndian.AppendUint32(b, 0)
	}
	return b
}

func segEntryBytes(es []segEntry) []byte {
	b := make([]byte, 0, 40*len(es))
	for _, e := range es {
		b = appendF64s(b, e.a[0], e.a[1], e.b[0], e.b[1])
		b = binary.LittleEndian.AppendUint32(b, uint32(e.item))
		b = binary.LittleEndian.AppendUint32(b, 0)
	}
	return b
}

func polyEntryBytes(es []polyEntry) []byte {
	b := make([]byte, 0, 8*len(es))
	for _, e := range es {
		b = binary.LittleEndian.AppendUint32(b, uint32(e.item))
		whole := byte(0)
		if e.whole {
			whole = 1
		}
		b = append(b, whole, 0, 0, 0)
	}
	return b
}

func appendF64s(b []byte, xs ...float64) []byte {
	for _, x := range xs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// entryLayoutOK reports whether the entries are laid out as written.
func entryLayoutOK() bool {
	var p pointEntry
	var s segEntry
	var q polyEntry
	return unsafe.Sizeof(p) == 24 && unsafe.Offsetof(p.item) == 16 &&
		unsafe.Sizeof(s) == 40 && unsafe.Offsetof(s.b) == 16 && unsafe.Offsetof(s.item) == 32 &&
		unsafe.Sizeof(q) == 8 && unsafe.Offsetof(q.whole) == 4
}

// readIndex reads an index written by write over the items' geometry and
// checks every number a query will use as an index, so that a corrupt
// index is an error, not a panic. Items have no layer or feature until
// PreparedScene.Bind.
func readIndex(r *sectionReader, world []orb.Geometry) (*Index, error) {
	if !entryLayoutOK() {
		return nil, corrupt("hit index: this machine lays out index entries differently")
	}
	v := valueReader{b: r.section("hit index"), what: "hit index"}
	ix := &Index{built: true}
	n := v.count(56)
	if v.err == nil && n != len(world) {
		return nil, corrupt("hit index has %d items; want %d", n, len(world))
	}
	ix.items = make([]indexItem, n)
	for i := range ix.items {
		it := &ix.items[i]
		it.world = world[i]
		it.bound = readBound(&v)
		it.area = v.f64()
		it.parts = [2]int32{int32(v.u32()), int32(v.u32())}
	}
	ix.bound = readBound(&v)
	ix.grid.x0, ix.grid.y0, ix.grid.size = v.f64(), v.f64(), v.f64()
	ix.grid.cols, ix.grid.rows = v.u32(), v.u32()
	ix.grid.inv = 1 / ix.grid.size
	rings := make([]slabRing, v.count(56))
	lens := make([]int, len(rings))
	for i := range rings {
		sr := &rings[i]
		lens[i] = v.u32()
		sr.bound = readBound(&v)
		sr.x0, sr.inv = v.f64(), v.f64()
		sr.slabs, sr.first = int32(v.u32()), int32(v.u32())
	}
	if v.err != nil {
		return nil, v.err
	}
	if len(v.b) != 0 {
		return nil, corrupt("hit index: %d bytes left in its table", len(v.b))
	}
	ix.points.start = viewSection[int32](r, "index points")
	ix.points.entries = viewSection[pointEntry](r, "index point entries")
	ix.segments.start = viewSection[int32](r, "index segments")
	ix.segments.entries = viewSection[segEntry](r, "index segment entries")
	ix.polygons.start = viewSection[int32](r, "index polygons")
	ix.polygons.entries = viewSection[polyEntry](r, "index polygon entries")
	ix.parts = viewSection[[2]int32](r, "index parts")
	ix.rings.slabStart = viewSection[int32](r, "index slabs")
	ix.rings.slabEdges = viewSection[int32](r, "index slab edges")
	if r.err != nil {
		return nil, r.err
	}
	ix.rings.rings = rings
	if err := ix.attachRings(lens); err != nil {
		return nil, err
	}
	if err := ix.check(); err != nil {
		return nil, err
	}
	return ix, nil
}

// attachRings gives each ring its points, walking the polygonal items'
// rings in the order Build added them.
func (ix *Index) attachRings(lens []int) error {
	k := 0
	for i := range ix.items {
		for _, p := range AsMultiPolygon(ix.items[i].world) {
			if len(p) == 0 {
				continue
			}
			for _, r := range p {
				if k >= len(ix.rings.rings) || len(r) != lens[k] {
					return corrupt("hit index ring %d does not match its feature's geometry", k)
				}
				ix.rings.rings[k].pts = r
				k++
			}
		}
	}
	if k != len(ix.rings.rings) {
		return corrupt("hit index has %d rings; the items have %d", len(ix.rings.rings), k)
	}
	return nil
}

// check validates every number the index uses to index a slice.
func (ix *Index) check() error {
	g := ix.grid
	if g.cols < 1 || g.rows < 1 || g.cols > maxGridCells || g.rows > maxGridCells || !(g.size > 0) || math.IsInf(g.size, 0) {
		return corrupt("hit index grid %d×%d of %g m cells", g.cols, g.rows, g.size)
	}
	cells := g.cols * g.rows
	items := int32(len(ix.items))
	if err := checkStarts(ix.points.start, cells, len(ix.points.entries), "points"); err != nil {
		return err
	}
	if err := checkStarts(ix.segments.start, cells, len(ix.segments.entries), "segments"); err != nil {
		return err
	}
	if err := checkStarts(ix.polygons.start, cells, len(ix.polygons.entries), "polygons"); err != nil {
		return err
	}
	for _, e := range ix.points.entries {
		if e.item < 0 || e.item >= items {
			return corrupt("hit index point of item %d", e.item)
		}
	}
	for _, e := range ix.segments.entries {
		if e.item < 0 || e.item >= items {
			return corrupt("hit index segment of item %d", e.item)
		}
	}
	for _, e := range ix.polygons.entries {
		if e.item < 0 || e.item >= items {
			return corrupt("hit index polygon of item %d", e.item)
		}
	}
	for _, it := range ix.items {
		if it.parts[0] < 0 || it.parts[0] > it.parts[1] || int(it.parts[1]) > len(ix.parts) {
			return corrupt("hit index item parts %v of %d", it.parts, len(ix.parts))
		}
	}
	for _, p := range ix.parts {
		if p[0] < 0 || p[0] >= p[1] || int(p[1]) > len(ix.rings.rings) {
			return corrupt("hit index part rings %v of %d", p, len(ix.rings.rings))
		}
	}
	return ix.rings.check()
}

// checkStarts validates a cell list's starts.
func checkStarts(start []int32, cells, entries int, what string) error {
	if len(start) != cells+1 || start[0] != 0 || int(start[cells]) != entries {
		return corrupt("hit index %s: %d starts for %d cells and %d entries", what, len(start), cells, entries)
	}
	for i := 1; i < len(start); i++ {
		if start[i] < start[i-1] {
			return corrupt("hit index %s: starts out of order", what)
		}
	}
	return nil
}

func (rs *ringSlabs) check() error {
	for i, sr := range rs.rings {
		if sr.slabs < 1 || sr.first < 0 || int(sr.first)+int(sr.slabs) >= len(rs.slabStart) || len(sr.pts) == 0 {
			return corrupt("hit index ring %d: slabs %d from %d of %d", i, sr.slabs, sr.first, len(rs.slabStart))
		}
		prev := rs.slabStart[sr.first]
		for s := sr.first; s <= sr.first+sr.slabs; s++ {
			at := rs.slabStart[s]
			if at < prev || at < 0 || int(at) > len(rs.slabEdges) {
				return corrupt("hit index ring %d: slab starts out of order or range", i)
			}
			prev = at
		}
		for _, e := range rs.slabEdges[rs.slabStart[sr.first]:rs.slabStart[sr.first+sr.slabs]] {
			if e < 0 || int(e) >= len(sr.pts) {
				return corrupt("hit index ring %d: edge %d of %d", i, e, len(sr.pts))
			}
		}
	}
	return nil
}
