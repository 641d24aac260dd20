package geo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// This decoder is ours rather than orb/geojson because orb/geojson imports a
// BSON package that costs the wasm about 0.35 MB after brotli; we need only
// RFC 7946 FeatureCollections of the six simple geometry types.

// DecodeError says which feature of a GeoJSON document is wrong and why.
type DecodeError struct {
	Index int    // feature index in the collection, -1 for the document
	ID    string // feature id when known
	Msg   string
}

func (e *DecodeError) Error() string {
	switch {
	case e.Index < 0:
		return e.Msg
	case e.ID != "":
		return fmt.Sprintf("feature %d (%q): %s", e.Index, e.ID, e.Msg)
	default:
		return fmt.Sprintf("feature %d: %s", e.Index, e.Msg)
	}
}

type rawCollection struct {
	Type     string       `json:"type"`
	Features []rawFeature `json:"features"`
}

type rawFeature struct {
	Type       string         `json:"type"`
	ID         any            `json:"id"`
	Geometry   *rawGeometry   `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// DecodeGeoJSON parses an RFC 7946 FeatureCollection whose features carry our
// schema: string properties id, name and kind (country optional). Coordinates
// must be finite, in range and rings closed. The first problem found is
// returned as a *DecodeError naming the feature.
func DecodeGeoJSON(data []byte) ([]Feature, error) {
	var fc rawCollection
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&fc); err != nil {
		return nil, &DecodeError{Index: -1, Msg: "invalid JSON: " + err.Error()}
	}
	if fc.Type != "FeatureCollection" {
		return nil, &DecodeError{Index: -1, Msg: fmt.Sprintf("type is %q; want \"FeatureCollection\"", fc.Type)}
	}
	out := make([]Feature, 0, len(fc.Features))
	seen := make(map[string]bool, len(fc.Features))
	for i, rf := range fc.Features {
		f, err := decodeFeature(rf)
		if err != nil {
			return nil, &DecodeError{Index: i, ID: f.ID, Msg: err.Error()}
		}
		if seen[f.ID] {
			return nil, &DecodeError{Index: i, ID: f.ID, Msg: "duplicate id"}
		}
		seen[f.ID] = true
		out = append(out, f)
	}
	return out, nil
}

func decodeFeature(rf rawFeature) (Feature, error) {
	f := Feature{Props: rf.Properties}
	f.ID, _ = rf.Properties["id"].(string)
	if f.ID == "" {
		f.ID, _ = rf.ID.(string)
	}
	f.Name, _ = rf.Properties["name"].(string)
	f.Kind, _ = rf.Properties["kind"].(string)
	f.Country, _ = rf.Properties["country"].(string)
	switch {
	case rf.Type != "Feature":
		return f, fmt.Errorf("type is %q; want \"Feature\"", rf.Type)
	case f.ID == "":
		return f, fmt.Errorf("missing string property \"id\"")
	case f.Kind == "":
		return f, fmt.Errorf("missing string property \"kind\"")
	case rf.Geometry == nil:
		return f, fmt.Errorf("missing geometry")
	}
	g, err := decodeGeometry(*rf.Geometry)
	if err != nil {
		return f, err
	}
	f.Geometry = g
	return f, nil
}

func decodeGeometry(rg rawGeometry) (orb.Geometry, error) {
	var err error
	switch rg.Type {
	case "Point":
		var c [2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			err = checkPoints(c[:]...)
		}
		return orb.Point(c), err
	case "MultiPoint":
		var c [][2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			err = checkPoints(flatten1(c)...)
		}
		return toMultiPoint(c), err
	case "LineString":
		var c [][2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			err = checkLine(c)
		}
		return toLineString(c), err
	case "MultiLineString":
		var c [][][2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			for _, l := range c {
				if err = checkLine(l); err != nil {
					break
				}
			}
		}
		mls := make(orb.MultiLineString, len(c))
		for i, l := range c {
			mls[i] = toLineString(l)
		}
		return mls, err
	case "Polygon":
		var c [][][2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			err = checkPolygon(c)
		}
		return toPolygon(c), err
	case "MultiPolygon":
		var c [][][][2]float64
		if err = unmarshalCoords(rg.Coordinates, &c); err == nil {
			for _, p := range c {
				if err = checkPolygon(p); err != nil {
					break
				}
			}
		}
		mp := make(orb.MultiPolygon, len(c))
		for i, p := range c {
			mp[i] = toPolygon(p)
		}
		return mp, err
	}
	return nil, fmt.Errorf("unsupported geometry type %q", rg.Type)
}

func unmarshalCoords(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return fmt.Errorf("missing coordinates")
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("bad coordinates: %v", err)
	}
	return checkPositions(raw, positionDepth(v))
}

func positionDepth(v any) int {
	switch v.(type) {
	case *[2]float64:
		return 1
	case *[][2]float64:
		return 2
	case *[][][2]float64:
		return 3
	}
	return 4
}

// checkPositions rejects what json.Unmarshal lets into a [2]float64 as
// zeros: nulls and positions of fewer than two numbers, so [76.9] is not
// taken for 76.9°E 0°N. raw has already unmarshalled, so it holds only
// arrays, numbers and nulls; positions are the arrays at depth.
func checkPositions(raw []byte, depth int) error {
	if bytes.IndexByte(raw, 'n') >= 0 {
		return fmt.Errorf("coordinates hold null; want numbers")
	}
	d, commas, empty := 0, 0, true
	for _, c := range raw {
		switch {
		case c == '[':
			d++
			commas, empty = 0, true
		case c == ']':
			if d == depth && empty {
				return fmt.Errorf("a position needs 2 numbers; found 0")
			}
			if d == depth && commas == 0 {
				return fmt.Errorf("a position needs 2 numbers; found 1")
			}
			d--
		case c == ',' && d == depth:
			commas++
		case c > ' ' && d == depth:
			empty = false
		}
	}
	return nil
}

func flatten1(c [][2]float64) []float64 {
	out := make([]float64, 0, 2*len(c))
	for _, p := range c {
		out = append(out, p[0], p[1])
	}
	return out
}

// checkPoints checks lon, lat pairs for range and finiteness.
func checkPoints(lonLat ...float64) error {
	for i := 0; i+1 < len(lonLat); i += 2 {
		lon, lat := lonLat[i], lonLat[i+1]
		if math.IsNaN(lon) || math.IsNaN(lat) || math.Abs(lon) > 180 || math.Abs(lat) > 90 {
			return fmt.Errorf("coordinate [%g, %g] is out of range (want [lon, lat] within ±180, ±90)", lon, lat)
		}
	}
	return nil
}

func checkLine(c [][2]float64) error {
	if len(c) < 2 {
		return fmt.Errorf("line has %d positions; want at least 2", len(c))
	}
	return checkPoints(flatten1(c)...)
}

func checkPolygon(rings [][][2]float64) error {
	if len(rings) == 0 {
		return fmt.Errorf("polygon has no rings")
	}
	for i, r := range rings {
		if len(r) < 4 {
			return fmt.Errorf("ring %d has %d positions; want at least 4", i, len(r))
		}
		if r[0] != r[len(r)-1] {
			return fmt.Errorf("ring %d is not closed", i)
		}
		if err := checkPoints(flatten1(r)...); err != nil {
			return err
		}
	}
	return nil
}

func toMultiPoint(c [][2]float64) orb.MultiPoint {
	out := make(orb.MultiPoint, len(c))
	for i, p := range c {
		out[i] = p
	}
	return out
}

func toLineString(c [][2]float64) orb.LineString {
	out := make(orb.LineString, len(c))
	for i, p := range c {
		out[i] = p
	}
	return out
}

func toPolygon(c [][][2]float64) orb.Polygon {
	out := make(orb.Polygon, len(c))
	for i, r := range c {
		out[i] = orb.Ring(toLineString(r))
	}
	return out
}

// EncodeGeoJSON writes features as an RFC 7946 FeatureCollection with one
// feature per line, coordinates rounded to decimals places, so committed
// files diff well.
func EncodeGeoJSON(features []Feature, decimals int) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\"type\":\"FeatureCollection\",\"features\":[\n")
	for i, f := range features {
		props, err := json.Marshal(f.Props)
		if err != nil {
			return nil, fmt.Errorf("feature %q: %w", f.ID, err)
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "{\"type\":\"Feature\",\"properties\":%s,\"geometry\":", props)
		writeGeometry(&b, orb.Round(orb.Clone(f.Geometry), int(math.Pow10(decimals))))
		b.WriteString("}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}

func writeGeometry(b *bytes.Buffer, g orb.Geometry) {
	fmt.Fprintf(b, "{\"type\":%q,\"coordinates\":", g.GeoJSONType())
	writeCoords(b, g)
	b.WriteString("}")
}

func writeCoords(b *bytes.Buffer, g orb.Geometry) {
	switch g := g.(type) {
	case orb.Point:
		fmt.Fprintf(b, "[%s,%s]", num(g[0]), num(g[1]))
	case orb.MultiPoint:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	case orb.LineString:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	case orb.Ring:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	case orb.MultiLineString:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	case orb.Polygon:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	case orb.MultiPolygon:
		writeList(b, len(g), func(i int) { writeCoords(b, g[i]) })
	}
}

func writeList(b *bytes.Buffer, n int, item func(int)) {
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		item(i)
	}
	b.WriteByte(']')
}

func num(v float64) string {
	s := fmt.Sprintf("%.6f", v)
	s = trimZeros(s)
	return s
}

func trimZeros(s string) string {
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
