package geo

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// The packed format is how the browser gets its data: the committed GeoJSON,
// converted at build time into delta-encoded varints. It is about a quarter
// of the size and decodes in milliseconds, where encoding/json in wasm takes
// about a second for the same borders.
//
//	"HLPK" 1                         magic and version
//	uvarint features
//	per feature: uvarint len, properties as JSON; byte geometry type;
//	  counts as uvarints and positions as zigzag varint deltas of
//	  round(degrees × 1e5), continuing across the feature's parts.

const packMagic = "HLPK\x01"

// packScale is positions per degree: 1e-5° is about a metre.
const packScale = 1e5

const (
	packPoint byte = iota + 1
	packMultiPoint
	packLineString
	packMultiLineString
	packPolygon
	packMultiPolygon
)

// PackFeatures encodes features in the packed format.
func PackFeatures(features []Feature) ([]byte, error) {
	w := &packWriter{}
	w.buf.WriteString(packMagic)
	w.uvarint(uint64(len(features)))
	for _, f := range features {
		props, err := json.Marshal(f.Props)
		if err != nil {
			return nil, fmt.Errorf("feature %q: %w", f.ID, err)
		}
		w.uvarint(uint64(len(props)))
		w.buf.Write(props)
		w.last = [2]int64{}
		if err := w.geometry(f.Geometry); err != nil {
			return nil, fmt.Errorf("feature %q: %w", f.ID, err)
		}
	}
	return w.buf.Bytes(), nil
}

type packWriter struct {
	buf  bytes.Buffer
	last [2]int64
	tmp  [binary.MaxVarintLen64]byte
}

func (w *packWriter) uvarint(v uint64) { w.buf.Write(binary.AppendUvarint(w.tmp[:0], v)) }

func (w *packWriter) points(ps []orb.Point) {
	w.uvarint(uint64(len(ps)))
	for _, p := range ps {
		w.point(p)
	}
}

func (w *packWriter) point(p orb.Point) {
	for i := 0; i < 2; i++ {
		q := int64(math.Round(p[i] * packScale))
		w.buf.Write(binary.AppendVarint(w.tmp[:0], q-w.last[i]))
		w.last[i] = q
	}
}

func (w *packWriter) geometry(g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Point:
		w.buf.WriteByte(packPoint)
		w.point(g)
	case orb.MultiPoint:
		w.buf.WriteByte(packMultiPoint)
		w.points(g)
	case orb.LineString:
		w.buf.WriteByte(packLineString)
		w.points(g)
	case orb.MultiLineString:
		w.buf.WriteByte(packMultiLineString)
		w.uvarint(uint64(len(g)))
		for _, l := range g {
			w.points(l)
		}
	case orb.Polygon:
		w.buf.WriteByte(packPolygon)
		w.rings(g)
	case orb.MultiPolygon:
		w.buf.WriteByte(packMultiPolygon)
		w.uvarint(uint64(len(g)))
		for _, p := range g {
			w.rings(p)
		}
	default:
		return fmt.Errorf("cannot pack geometry %T", g)
	}
	return nil
}

func (w *packWriter) rings(p orb.Polygon) {
	w.uvarint(uint64(len(p)))
	for _, r := range p {
		w.points(r)
	}
}

// UnpackFeatures decodes the packed format with the same checks as
// DecodeGeoJSON: ids and kinds present, positions in range, rings closed.
func UnpackFeatures(data []byte) ([]Feature, error) { return unpackFeatures(data, false) }

func unpackFeatures(data []byte, lazy bool) ([]Feature, error) {
	if !bytes.HasPrefix(data, []byte(packMagic)) {
		return nil, &DecodeError{Index: -1, Msg: "not a packed Heartland layer (bad magic or version)"}
	}
	r := &packReader{data: data[len(packMagic):], lazy: lazy}
	n := r.count(8)
	out := make([]Feature, 0, n)
	seen := map[string]bool{}
	for i := 0; i < n && r.err == nil; i++ {
		f, err := r.feature()
		if err == nil && seen[f.ID] {
			err = errors.New("duplicate id")
		}
		if err != nil {
			return nil, &DecodeError{Index: i, ID: f.ID, Msg: err.Error()}
		}
		seen[f.ID] = true
		out = append(out, f)
	}
	if r.err != nil {
		return nil, &DecodeError{Index: len(out), Msg: r.err.Error()}
	}
	if len(r.data) != 0 {
		return nil, &DecodeError{Index: -1, Msg: fmt.Sprintf("%d bytes left after the last feature", len(r.data))}
	}
	return out, nil
}

// UnpackFeaturesLazy is UnpackFeatures that leaves the lines and areas
// packed: their Geometry is nil until Unpack or UnpackAll decodes it. Points
// are decoded at once. The browser draws from the prepared scene's
// projected geometry, so its first frame needs none of the lon/lat
// vertices; skipping them is a scan over bytes instead of allocating and
// converting every vertex. Packed geometry is checked when it is decoded.
func UnpackFeaturesLazy(data []byte) ([]Feature, error) { return unpackFeatures(data, true) }

// Unpack decodes a geometry UnpackFeaturesLazy left packed; it does nothing
// to a feature whose geometry is decoded.
func (f *Feature) Unpack() error {
	if f.packed == nil {
		return nil
	}
	r := &packReader{data: f.packed}
	g := r.geometry()
	if r.err == nil && len(r.data) != 0 {
		r.fail("bytes left after the geometry")
	}
	if r.err != nil {
		return &DecodeError{Index: -1, ID: f.ID, Msg: r.err.Error()}
	}
	if err := validGeometry(g); err != nil {
		return &DecodeError{Index: -1, ID: f.ID, Msg: err.Error()}
	}
	f.Geometry, f.packed = g, nil
	return nil
}

// UnpackAll decodes every geometry the layers hold packed, returning the
// first error.
func UnpackAll(layers []Layer) error {
	var first error
	for li := range layers {
		for fi := range layers[li].Features {
			if err := layers[li].Features[fi].Unpack(); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

type packReader struct {
	lazy bool // leave lines and areas packed (UnpackFeaturesLazy)
	data []byte
	last [2]int64
	err  error
}

func (r *packReader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New(msg)
	}
}

func (r *packReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail("truncated or overlong number")
		r.data = nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

// count reads a length and refuses one that the remaining bytes cannot hold,
// each item taking at least minBytes, so a hostile file cannot make us
// allocate gigabytes.
func (r *packReader) count(minBytes int) int {
	v := r.uvarint()
	if v > uint64(len(r.data)/minBytes) {
		r.fail(fmt.Sprintf("count %d exceeds what the remaining %d bytes can hold", v, len(r.data)))
		return 0
	}
	return int(v)
}

func (r *packReader) feature() (Feature, error) {
	var f Feature
	n := r.count(1)
	if r.err != nil {
		return f, r.err
	}
	if err := json.Unmarshal(r.data[:n], &f.Props); err != nil {
		return f, fmt.Errorf("bad properties: %v", err)
	}
	r.data = r.data[n:]
	f.ID, _ = f.Props["id"].(string)
	f.Name, _ = f.Props["name"].(string)
	f.Kind, _ = f.Props["kind"].(string)
	f.Country, _ = f.Props["country"].(string)
	if f.ID == "" || f.Kind == "" {
		return f, errors.New(`missing string property "id" or "kind"`)
	}
	r.last = [2]int64{}
	if r.lazy && len(r.data) > 0 && r.data[0] != packPoint {
		start := r.data
		r.skipGeometry()
		f.packed = start[:len(start)-len(r.data)]
		return f, r.err
	}
	f.Geometry = r.geometry()
	if r.err != nil {
		return f, r.err
	}
	return f, validGeometry(f.Geometry)
}

// skipGeometry steps over a geometry as r.geometry would read it, without
// decoding a position: each is two varints, and a varint ends at the first
// byte under 0x80.
func (r *packReader) skipGeometry() {
	if len(r.data) == 0 {
		r.fail("missing geometry")
		return
	}
	t := r.data[0]
	r.data = r.data[1:]
	points := func() {
		n := 2 * r.count(2)
		i := 0
		for ; n > 0 && i < len(r.data); i++ {
			if r.data[i] < 0x80 {
				n--
			}
		}
		if n > 0 {
			r.fail("truncated position")
		}
		r.data = r.data[i:]
	}
	polygon := func() {
		for n := r.count(1); n > 0 && r.err == nil; n-- {
			points()
		}
	}
	switch t {
	case packPoint:
		r.point()
	case packMultiPoint, packLineString:
		points()
	case packMultiLineString, packPolygon:
		polygon()
	case packMultiPolygon:
		for n := r.count(1); n > 0 && r.err == nil; n-- {
			polygon()
		}
	default:
		r.fail(fmt.Sprintf("unknown geometry type %d", t))
	}
}

func (r *packReader) point() orb.Point {
	var p orb.Point
	for i := 0; i < 2; i++ {
		d, n := binary.Varint(r.data)
		if n <= 0 {
			r.fail("truncated position")
			r.data = nil
			return p
		}
		r.data = r.data[n:]
		r.last[i] += d
		p[i] = float64(r.last[i]) / packScale
	}
	return p
}

func (r *packReader) points() []orb.Point {
	n := r.count(2)
	ps := make([]orb.Point, n)
	for i := range ps {
		ps[i] = r.point()
	}
	return ps
}

func (r *packReader) polygon() orb.Polygon {
	p := make(orb.Polygon, r.count(1))
	for i := range p {
		p[i] = r.points()
	}
	return p
}

func (r *packReader) geometry() orb.Geometry {
	if len(r.data) == 0 {
		r.fail("missing geometry")
		return nil
	}
	t := r.data[0]
	r.data = r.data[1:]
	switch t {
	case packPoint:
		return r.point()
	case packMultiPoint:
		return orb.MultiPoint(r.points())
	case packLineString:
		return orb.LineString(r.points())
	case packMultiLineString:
		mls := make(orb.MultiLineString, r.count(1))
		for i := range mls {
			mls[i] = r.points()
		}
		return mls
	case packPolygon:
		return r.polygon()
	case packMultiPolygon:
		mp := make(orb.MultiPolygon, r.count(1))
		for i := range mp {
			mp[i] = r.polygon()
		}
		return mp
	}
	r.fail(fmt.Sprintf("unknown geometry type %d", t))
	return nil
}

// validGeometry applies DecodeGeoJSON's rules to decoded orb geometry,
// without copying it (this runs over every vertex at start-up).
func validGeometry(g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Point:
		return checkPoints(g[0], g[1])
	case orb.MultiPoint:
		return validPoints(g, 1)
	case orb.LineString:
		return validPoints(g, 2)
	case orb.MultiLineString:
		for _, l := range g {
			if err := validPoints(l, 2); err != nil {
				return err
			}
		}
	case orb.Polygon:
		return validPolygon(g)
	case orb.MultiPolygon:
		for _, p := range g {
			if err := validPolygon(p); err != nil {
				return err
			}
		}
	}
	return nil
}

func validPoints(ps []orb.Point, least int) error {
	if len(ps) < least {
		return fmt.Errorf("line has %d positions; want at least %d", len(ps), least)
	}
	for _, p := range ps {
		if err := checkPoints(p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

func validPolygon(p orb.Polygon) error {
	if len(p) == 0 {
		return errors.New("polygon has no rings")
	}
	for i, r := range p {
		if len(r) < 4 {
			return fmt.Errorf("ring %d has %d positions; want at least 4", i, len(r))
		}
		if r[0] != r[len(r)-1] {
			return fmt.Errorf("ring %d is not closed", i)
		}
		if err := validPoints(r, 4); err != nil {
			return err
		}
	}
	return nil
}
