package geo

import (
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// A PreparedScene is what the browser would otherwise compute at start-up
// from the map's layers, computed once by `heartland build` into the data
// bundle: every feature's geometry projected to world metres, its label
// anchor, the hit index, and the meshes of the levels the home view and
// the first zooms draw. Its large arrays are read in place from the
// bundle's bytes (see sectionWriter), so loading it costs little more than
// a few allocations per ring.
type PreparedScene struct {
	features []preparedFeature
	index    *Index
	indexed  []int32 // feature numbers of the index's items, in order
	levels   map[int][]LevelMesh
}

type preparedFeature struct {
	layer, id string
	world     orb.Geometry
	anchor    orb.Point
	hasAnchor bool
}

// preparedMagic starts a prepared scene; the digit is its version.
const preparedMagic = "HLSC0002"

// PrepareOptions say what a prepared scene holds.
type PrepareOptions struct {
	// Indexed says which features the hit index holds; nil means none.
	Indexed func(layer string, f *Feature) bool
	// Levels are the simplification levels whose meshes are prepared.
	Levels []int
	// Dash gives strategic lines their dashes (mapstyle.DashPattern).
	Dash DashFunc
}

// PrepareScene projects the layers' features with projection p, rounds
// them to worldSteps, and computes their label anchors, the hit index and
// the levels' meshes from the rounded geometry, which the browser then
// uses for everything (World).
func PrepareScene(layers []Layer, p Albers, opt PrepareOptions) *PreparedScene {
	ps := &PreparedScene{index: NewIndex(), levels: map[int][]LevelMesh{}}
	var mf []MapFeature
	for li := range layers {
		l := &layers[li]
		for fi := range l.Features {
			f := &l.Features[fi]
			pf := preparedFeature{layer: l.ID, id: f.ID, world: roundWorld(ToWorld(p, f.Geometry))}
			if ll, ok := f.LabelPoint(); ok {
				pf.anchor, pf.hasAnchor = p.Forward(ll), true
			}
			if opt.Indexed != nil && opt.Indexed(l.ID, f) {
				ps.index.Add(l.ID, f, pf.world)
				ps.indexed = append(ps.indexed, int32(len(ps.features)))
			}
			ps.features = append(ps.features, pf)
			mf = append(mf, MapFeature{Layer: l.ID, Feature: f, World: pf.world})
		}
	}
	ps.index.Build()
	for _, level := range opt.Levels {
		ps.levels[level] = MapLevelMeshes(mf, level, opt.Dash)
	}
	return ps
}

// worldSteps is the grid, in steps per metre, that a prepared scene rounds
// world coordinates to: a sixteenth of a metre is a thousandth of a device
// pixel at the closest zoom, and floats on a coarse grid end in zero bits,
// which brotli packs into 0.35 MB for all the map's vertices instead of
// 0.78 MB (MarshalBinary writes them as they are, to be viewed in place).
const worldSteps = 8

// roundWorld rounds the coordinates of a geometry ToWorld made, in place.
func roundWorld(g orb.Geometry) orb.Geometry {
	round := func(ps []orb.Point) {
		for i, q := range ps {
			ps[i] = orb.Point{math.Round(q[0]*worldSteps) / worldSteps, math.Round(q[1]*worldSteps) / worldSteps}
		}
	}
	switch g := g.(type) {
	case orb.Point:
		return orb.Point{math.Round(g[0]*worldSteps) / worldSteps, math.Round(g[1]*worldSteps) / worldSteps}
	case orb.MultiPoint:
		round(g)
	case orb.LineString:
		round(g)
	case orb.MultiLineString:
		for _, l := range g {
			round(l)
		}
	case orb.Polygon:
		for _, r := range g {
			round(r)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			for _, r := range p {
				round(r)
			}
		}
	}
	return g
}

// Len is the number of features, those of every layer in order.
func (ps *PreparedScene) Len() int { return len(ps.features) }

// World returns feature i's geometry in world metres. It shares the
// prepared scene's memory, which may be the data bundle's: do not modify.
func (ps *PreparedScene) World(i int) orb.Geometry { return ps.features[i].world }

// Anchor returns feature i's label anchor in world metres, if it has one.
func (ps *PreparedScene) Anchor(i int) (orb.Point, bool) {
	return ps.features[i].anchor, ps.features[i].hasAnchor
}

// Meshes returns the prepared meshes of a level, or nil if the scene has
// none for it. They share the prepared scene's memory: do not modify.
func (ps *PreparedScene) Meshes(level int) []LevelMesh { return ps.levels[level] }

// Index returns the prepared hit index; its hits name features only after
// Bind.
func (ps *PreparedScene) Index() *Index { return ps.index }

// Levels lists the levels with prepared meshes.
func (ps *PreparedScene) Levels() []int {
	out := make([]int, 0, len(ps.levels))
	for l := range ps.levels {
		out = append(out, l)
	}
	return out
}

// Bind attaches the prepared scene to the layers it was prepared from,
// decoded again in the same order, and returns its hit index over them.
// indexed must say which features the caller would index, in the order it
// would add them; a scene that disagrees in ids or in what is indexed is
// an error, and the caller should compute the scene itself.
func (ps *PreparedScene) Bind(layers []Layer, indexed func(layer string, f *Feature) bool) (*Index, error) {
	if err := ps.Check(layers); err != nil {
		return nil, err
	}
	n := 0
	var want []int32
	for li := range layers {
		l := &layers[li]
		for fi := range l.Features {
			if indexed(l.ID, &l.Features[fi]) {
				want = append(want, int32(n))
			}
			n++
		}
	}
	if len(want) != len(ps.indexed) {
		return nil, fmt.Errorf("prepared hit index holds %d features; want %d", len(ps.indexed), len(want))
	}
	for k, i := range want {
		if ps.indexed[k] != i {
			return nil, fmt.Errorf("prepared hit index item %d is feature %d; want %d", k, ps.indexed[k], i)
		}
	}
	byNumber := make([]*Feature, 0, n)
	for li := range layers {
		for fi := range layers[li].Features {
			byNumber = append(byNumber, &layers[li].Features[fi])
		}
	}
	for k, i := range ps.indexed {
		ps.index.items[k].layer, ps.index.items[k].feature = ps.features[i].layer, byNumber[i]
	}
	return ps.index, nil
}

// Check reports whether the scene was prepared from layers like these: the
// same features, by layer and id, in the same order. World(i) is then
// feature i's geometry.
func (ps *PreparedScene) Check(layers []Layer) error {
	n := 0
	for _, l := range layers {
		for _, f := range l.Features {
			if n >= len(ps.features) {
				return fmt.Errorf("prepared scene has %d features; the layers have more", len(ps.features))
			}
			if pf := &ps.features[n]; pf.layer != l.ID || pf.id != f.ID {
				return fmt.Errorf("prepared scene feature %d is %s/%s; the layers have %s/%s (rebuild the data bundle)", n, pf.layer, pf.id, l.ID, f.ID)
			}
			n++
		}
	}
	if n != len(ps.features) {
		return fmt.Errorf("prepared scene has %d features; the layers have %d", len(ps.features), n)
	}
	return nil
}

// Geometry types of prepared features.
const (
	prepPoint uint32 = iota + 1
	prepMultiPoint
	prepLineString
	prepMultiLineString
	prepPolygon
	prepMultiPolygon
)

// geometryTable lays out the features' geometry as a points array, the
// ends of sequences of points (a point, the points of a multipoint, a line
// or a ring), polygons as ranges of sequences, and per feature its type
// and range of sequences or polygons.
type geometryTable struct {
	points []orb.Point
	seqEnd []uint32
	polys  []uint32 // per polygon: first and end sequence
	recs   []uint32 // per feature: type, first, end
}

func (t *geometryTable) seq(ps []orb.Point) uint32 {
	t.points = append(t.points, ps...)
	t.seqEnd = append(t.seqEnd, uint32(len(t.points)))
	return uint32(len(t.seqEnd) - 1)
}

func (t *geometryTable) polygon(p orb.Polygon) uint32 {
	first := uint32(len(t.seqEnd))
	for _, r := range p {
		t.seq(r)
	}
	t.polys = append(t.polys, first, uint32(len(t.seqEnd)))
	return uint32(len(t.polys)/2 - 1)
}

func (t *geometryTable) add(g orb.Geometry) error {
	var typ, first, end uint32
	switch g := g.(type) {
	case orb.Point:
		typ, first = prepPoint, t.seq([]orb.Point{g})
		end = first + 1
	case orb.MultiPoint:
		typ, first = prepMultiPoint, t.seq(g)
		end = first + 1
	case orb.LineString:
		typ, first = prepLineString, t.seq(g)
		end = first + 1
	case orb.MultiLineString:
		typ, first = prepMultiLineString, uint32(len(t.seqEnd))
		for _, l := range g {
			t.seq(l)
		}
		end = uint32(len(t.seqEnd))
	case orb.Polygon:
		typ, first = prepPolygon, t.polygon(g)
		end = first + 1
	case orb.MultiPolygon:
		typ, first = prepMultiPolygon, uint32(len(t.polys)/2)
		for _, p := range g {
			t.polygon(p)
		}
		end = uint32(len(t.polys) / 2)
	default:
		return fmt.Errorf("cannot prepare geometry %T", g)
	}
	t.recs = append(t.recs, typ, first, end)
	return nil
}

// MarshalBinary encodes the prepared scene for the data bundle. Its arrays
// are the machine's own layout, which the reader views in place: it refuses
// to run on a big-endian machine rather than write what browsers misread.
func (ps *PreparedScene) MarshalBinary() ([]byte, error) {
	if !littleEndian() {
		return nil, errors.New("prepared scenes are written on little-endian machines only")
	}
	w := &sectionWriter{buf: []byte(preparedMagic)}
	var names values
	var t geometryTable
	var anchors []orb.Point
	names.u32(len(ps.features))
	for _, f := range ps.features {
		names.str(f.layer)
		names.str(f.id)
		if err := t.add(f.world); err != nil {
			return nil, fmt.Errorf("feature %s/%s: %w", f.layer, f.id, err)
		}
		a := orb.Point{math.NaN(), math.NaN()}
		if f.hasAnchor {
			a = f.anchor
		}
		anchors = append(anchors, a)
	}
	w.section(names.b)
	writeArray(w, t.recs)
	writeArray(w, t.points)
	writeArray(w, t.seqEnd)
	writeArray(w, t.polys)
	writeArray(w, anchors)
	writeArray(w, ps.indexed)
	ps.index.write(w)
	writeLevels(w, ps.levels)
	return w.buf, nil
}

// DecodePreparedScene reads a prepared scene as MarshalBinary writes it.
// The scene's arrays share b's memory where b is 8-byte aligned, so b must
// stay unmodified while the scene is in use. A malformed scene is an error
// that wraps ErrCorruptPreparedScene, never a panic; call Bind before using the index.
func DecodePreparedScene(b []byte) (ps *PreparedScene, err error) {
	if !littleEndian() {
		return nil, errors.New("prepared scenes are read on little-endian machines only")
	}
	if len(b) < len(preparedMagic) || string(b[:len(preparedMagic)]) != preparedMagic {
		return nil, corrupt("not a prepared scene of this version (bad magic)")
	}
	r := &sectionReader{data: b[len(preparedMagic):]}
	names := valueReader{b: r.section("names"), what: "names"}
	recs := viewSection[uint32](r, "features")
	t := geometryTable{
		points: viewSection[orb.Point](r, "points"),
		seqEnd: viewSection[uint32](r, "sequences"),
		polys:  viewSection[uint32](r, "polygons"),
		recs:   recs,
	}
	anchors := viewSection[orb.Point](r, "anchors")
	indexed := viewSection[int32](r, "indexed")
	if r.err != nil {
		return nil, r.err
	}
	n := names.count(8)
	if names.err != nil {
		return nil, names.err
	}
	if len(recs) != 3*n || len(anchors) != n {
		return nil, corrupt("%d features, but %d geometry records and %d anchors", n, len(recs)/3, len(anchors))
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	ps = &PreparedScene{features: make([]preparedFeature, n), indexed: indexed, levels: map[int][]LevelMesh{}}
	for i := range ps.features {
		f := &ps.features[i]
		f.layer, f.id = names.str(), names.str()
		if f.world, err = t.geometry(i); err != nil {
			return nil, err
		}
		a := anchors[i]
		f.anchor, f.hasAnchor = a, !math.IsNaN(a[0]) && !math.IsNaN(a[1])
	}
	if names.err != nil {
		return nil, names.err
	}
	for k, i := range indexed {
		if i < 0 || int(i) >= n || (k > 0 && i <= indexed[k-1]) {
			return nil, corrupt("indexed feature %d out of order or range", i)
		}
	}
	if ps.index, err = readIndex(r, ps.indexedWorld()); err != nil {
		return nil, err
	}
	if ps.levels, err = readLevels(r); err != nil {
		return nil, err
	}
	if len(r.data) != 0 {
		return nil, corrupt("%d bytes after the last section", len(r.data))
	}
	return ps, nil
}

// indexedWorld returns the geometry of the index's items, in order.
func (ps *PreparedScene) indexedWorld() []orb.Geometry {
	out := make([]orb.Geometry, len(ps.indexed))
	for k, i := range ps.indexed {
		out[k] = ps.features[i].world
	}
	return out
}

// check validates the ranges of the geometry table, so that geometry never
// slices out of bounds.
func (t *geometryTable) check() error {
	prev := uint32(0)
	for _, e := range t.seqEnd {
		if e < prev || e > uint32(len(t.points)) {
			return corrupt("sequence end %d out of order or past %d points", e, len(t.points))
		}
		prev = e
	}
	if len(t.polys)%2 != 0 {
		return corrupt("polygon table of odd length %d", len(t.polys))
	}
	for i := 0; i < len(t.polys); i += 2 {
		if first, end := t.polys[i], t.polys[i+1]; first > end || end > uint32(len(t.seqEnd)) {
			return corrupt("polygon %d: sequences %d–%d of %d", i/2, first, end, len(t.seqEnd))
		}
	}
	for i := 0; i+2 < len(t.recs); i += 3 {
		typ, first, end := t.recs[i], t.recs[i+1], t.recs[i+2]
		limit := uint32(0)
		switch typ {
		case prepPoint, prepMultiPoint, prepLineString, prepMultiLineString:
			limit = uint32(len(t.seqEnd))
		case prepPolygon, prepMultiPolygon:
			limit = uint32(len(t.polys) / 2)
		default:
			return corrupt("feature %d: unknown geometry type %d", i/3, typ)
		}
		single := typ != prepMultiLineString && typ != prepMultiPolygon
		if first > end || end > limit || (single && end != first+1) {
			return corrupt("feature %d: range %d–%d out of bounds", i/3, first, end)
		}
		if typ == prepPoint && len(t.seqAt(first)) != 1 {
			return corrupt("feature %d: a point of %d positions", i/3, len(t.seqAt(first)))
		}
	}
	return nil
}

// seqAt returns sequence s as a slice of the points, capped so that an
// append can never run into the next sequence.
func (t *geometryTable) seqAt(s uint32) []orb.Point {
	start := uint32(0)
	if s > 0 {
		start = t.seqEnd[s-1]
	}
	return t.points[start:t.seqEnd[s]:t.seqEnd[s]]
}

func (t *geometryTable) polygonAt(p uint32) orb.Polygon {
	start := t.polys[2*p]
	out := make(orb.Polygon, t.polys[2*p+1]-start)
	for k := range out {
		out[k] = t.seqAt(start + uint32(k))
	}
	return out
}

// geometry builds feature i's geometry over the points array (checked).
func (t *geometryTable) geometry(i int) (orb.Geometry, error) {
	typ, first, end := t.recs[3*i], t.recs[3*i+1], t.recs[3*i+2]
	switch typ {
	case prepPoint:
		return t.seqAt(first)[0], nil
	case prepMultiPoint:
		return orb.MultiPoint(t.seqAt(first)), nil
	case prepLineString:
		return orb.LineString(t.seqAt(first)), nil
	case prepMultiLineString:
		out := make(orb.MultiLineString, end-first)
		for k := range out {
			out[k] = t.seqAt(first + uint32(k))
		}
		return out, nil
	case prepPolygon:
		return t.polygonAt(first), nil
	case prepMultiPolygon:
		out := make(orb.MultiPolygon, end-first)
		for k := range out {
			out[k] = t.polygonAt(first + uint32(k))
		}
		return out, nil
	}
	return nil, corrupt("feature %d: unknown geometry type %d", i, typ)
}
