package geo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// Limits on what a reader may load as their own layer.
const (
	MaxCustomBytes    = 20 << 20 // 20 MB
	MaxCustomFeatures = 20000
	MaxCustomVertices = 500000
)

// DecodeCustomGeoJSON reads GeoJSON a reader brings — a FeatureCollection, a
// single Feature or a bare geometry — leniently: features that cannot be
// drawn are skipped and described in warnings (with their index), the rest
// are kept. Features get an id (prefix plus index, so ids never clash with
// ours), a name from the name or title property, and a kind from their
// geometry: custom-point, custom-line or custom-area. It fails only when
// nothing can be kept or a limit is passed.
func DecodeCustomGeoJSON(data []byte, prefix string) ([]Feature, []string, error) {
	if len(data) > MaxCustomBytes {
		return nil, nil, fmt.Errorf("the file is %.1f MB; the limit is %d MB", float64(len(data))/(1<<20), MaxCustomBytes>>20)
	}
	var head struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, nil, fmt.Errorf("not valid JSON: %v", err)
	}
	var raws []json.RawMessage
	switch head.Type {
	case "FeatureCollection":
		raws = head.Features
	case "Feature":
		raws = []json.RawMessage{data}
	case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon":
		raws = []json.RawMessage{[]byte(`{"type":"Feature","properties":{},"geometry":` + string(bytes.TrimSpace(data)) + `}`)}
	case "Topology":
		return decodeCustomTopology(data, prefix)
	default:
		return nil, nil, fmt.Errorf("type is %q; want a GeoJSON FeatureCollection, Feature or geometry", clip(head.Type))
	}
	if len(raws) > MaxCustomFeatures {
		return nil, nil, fmt.Errorf("%d features; the limit is %d", len(raws), MaxCustomFeatures)
	}
	var out []Feature
	var warnings []string
	for i, raw := range raws {
		f, err := decodeCustomFeature(raw, fmt.Sprintf("%s-%d", prefix, i+1))
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("feature %d: %v; skipped", i, err))
			continue
		}
		out = append(out, f)
	}
	return finishCustom(out, warnings)
}

// finishCustom applies the limits and checks common to GeoJSON and
// TopoJSON files.
func finishCustom(out []Feature, warnings []string) ([]Feature, []string, error) {
	vertices := 0
	for _, f := range out {
		vertices += countVertices(f.Geometry)
	}
	if vertices > MaxCustomVertices {
		return nil, warnings, fmt.Errorf("%d vertices; the limit is %d: simplify the file first (e.g. mapshaper)", vertices, MaxCustomVertices)
	}
	if len(out) == 0 {
		return nil, warnings, fmt.Errorf("no feature could be drawn")
	}
	if looksSwapped(out) {
		warnings = append(warnings, "every position lies outside the map, and all would lie on it with longitude and latitude swapped: GeoJSON wants [longitude, latitude]")
	}
	return out, warnings, nil
}

// mapArea is a lon/lat box just around the map, for telling whether a
// reader's file is about this region at all.
var mapArea = orb.Bound{Min: orb.Point{24, 18}, Max: orb.Point{106, 62}}

// looksSwapped reports whether no position is in the map area but every
// one would be with its two numbers swapped: the commonest GeoJSON mistake.
func looksSwapped(fs []Feature) bool {
	inside, swappedInside, total := 0, 0, 0
	for _, f := range fs {
		eachPosition(f.Geometry, func(p orb.Point) {
			total++
			if mapArea.Contains(p) {
				inside++
			}
			if mapArea.Contains(orb.Point{p[1], p[0]}) {
				swappedInside++
			}
		})
	}
	return total > 0 && inside == 0 && swappedInside == total
}

// eachPosition calls fn for every position of a geometry.
func eachPosition(g orb.Geometry, fn func(orb.Point)) {
	switch g := g.(type) {
	case orb.Point:
		fn(g)
	case orb.MultiPoint:
		for _, p := range g {
			fn(p)
		}
	case orb.LineString:
		for _, p := range g {
			fn(p)
		}
	case orb.MultiLineString:
		for _, l := range g {
			eachPosition(l, fn)
		}
	case orb.Ring:
		eachPosition(orb.LineString(g), fn)
	case orb.Polygon:
		for _, r := range g {
			eachPosition(r, fn)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			eachPosition(p, fn)
		}
	}
}

// decodeCustomTopology reads a TopoJSON file a reader brings: every geometry
// of every object, in object-name order, becomes a feature.
func decodeCustomTopology(data []byte, prefix string) ([]Feature, []string, error) {
	t, err := DecodeTopology(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%v", strings.TrimPrefix(err.Error(), "topojson: "))
	}
	names := make([]string, 0, len(t.Objects))
	for n := range t.Objects {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Feature
	var warnings []string
	i := 0
	for _, n := range names {
		for _, tg := range t.Objects[n] {
			i++
			if i > MaxCustomFeatures {
				return nil, warnings, fmt.Errorf("more than %d features; the limit is %d", MaxCustomFeatures, MaxCustomFeatures)
			}
			g := t.Geometry(tg)
			if g == nil {
				warnings = append(warnings, fmt.Sprintf("object %q geometry %d: empty; skipped", clip(n), i-1))
				continue
			}
			if err := validGeometry(g); err != nil {
				warnings = append(warnings, fmt.Sprintf("object %q geometry %d: %v; skipped", clip(n), i-1, err))
				continue
			}
			f := Feature{ID: fmt.Sprintf("%s-%d", prefix, i), Geometry: g, Props: tg.Properties}
			if f.Props == nil {
				f.Props = map[string]any{}
			}
			nameAndKind(&f, g.GeoJSONType())
			out = append(out, f)
		}
	}
	return finishCustom(out, warnings)
}

func decodeCustomFeature(raw json.RawMessage, id string) (Feature, error) {
	var rf rawFeature
	if err := json.Unmarshal(raw, &rf); err != nil {
		return Feature{}, fmt.Errorf("not a feature: %v", err)
	}
	if rf.Geometry == nil {
		return Feature{}, fmt.Errorf("no geometry")
	}
	g, err := decodeGeometry(*rf.Geometry)
	if err != nil {
		return Feature{}, err
	}
	f := Feature{ID: id, Geometry: g, Props: rf.Properties}
	if f.Props == nil {
		f.Props = map[string]any{}
	}
	nameAndKind(&f, rf.Geometry.Type)
	return f, nil
}

// nameAndKind names a reader's feature from its name or title property (or
// its number) and gives it a kind from its geometry type.
func nameAndKind(f *Feature, geometryType string) {
	for _, key := range []string{"name", "title", "NAME", "Name"} {
		if s, ok := f.Props[key].(string); ok && strings.TrimSpace(s) != "" {
			f.Name = strings.TrimSpace(s)
			break
		}
	}
	switch geometryType {
	case "Point", "MultiPoint":
		f.Kind = "custom-point"
	case "LineString", "MultiLineString":
		f.Kind = "custom-line"
	default:
		f.Kind = "custom-area"
	}
	if f.Name == "" {
		f.Name = "Feature " + f.ID[strings.LastIndexByte(f.ID, '-')+1:]
	}
}

// countVertices counts the positions of a geometry.
func countVertices(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.Point:
		return 1
	case orb.MultiPoint:
		return len(g)
	case orb.LineString:
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
			n += countVertices(p)
		}
		return n
	}
	return 0
}

// SimpleStyleColor reads a simplestyle colour property ("marker-color",
// "stroke", "fill") given as #rgb or #rrggbb; anything else is ignored, so a
// hostile value can never reach a style.
func SimpleStyleColor(props map[string]any, key string) (r, g, b uint8, ok bool) {
	s, _ := props[key].(string)
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") || (len(s) != 4 && len(s) != 7) {
		return 0, 0, 0, false
	}
	hex := s[1:]
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var v [3]uint8
	for i := range v {
		hi, ok1 := hexDigit(hex[2*i])
		lo, ok2 := hexDigit(hex[2*i+1])
		if !ok1 || !ok2 {
			return 0, 0, 0, false
		}
		v[i] = hi<<4 | lo
	}
	return v[0], v[1], v[2], true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
