package yourdata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/paulmach/orb"
)

// readJSON reads GeoJSON (RFC 7946): a FeatureCollection, a Feature, a bare
// geometry, newline-delimited features, or a TopoJSON Topology; and names
// the JSON formats it is not.
func readJSON(r *reader, data []byte) ([]item, error) {
	text, _ := textOf(data)
	if d := jsonDepth(text); d > maxJSONDepth {
		return nil, fmt.Errorf("the file nests lists or objects %s deep; the limit is %d", count(d), maxJSONDepth)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(text, &top); err != nil {
		return readJSONText(r, text, err)
	}
	typ, hasType := stringMember(top, "type")
	if !hasType {
		if named := otherJSON(top); named != nil {
			return nil, named
		}
	}
	checkBBox(r, theFile, top)
	switch {
	case typ == "FeatureCollection" || (!hasType && top["features"] != nil):
		if !hasType {
			r.notes.add(theFile, `"type" is missing; read as a FeatureCollection`, "")
		}
		ignoreMembers(r, theFile, top, "a FeatureCollection's content is in \"features\"", "geometry", "geometries", "coordinates", "properties")
		return readFeatures(r, top["features"])
	case typ == "Feature":
		it, ok := readFeature(r, text, 0)
		if !ok {
			return nil, nil
		}
		return []item{it}, nil
	case typ == "Topology" || (!hasType && top["arcs"] != nil && top["objects"] != nil):
		r.format = "TopoJSON"
		return readTopology(r, top)
	case geometryTypes[typ]: // a bare geometry, valid GeoJSON: a feature without properties
		g, err := readGeometry(r, featureAt(0), text, 0)
		if err != nil {
			return nil, errors.New("its geometry cannot be drawn: " + err.Error())
		}
		return []item{{at: featureAt(0), n: 1, geom: g, props: map[string]any{}}}, nil
	case !hasType:
		return nil, errors.New(`this is JSON but not GeoJSON: it has no "type" (want "FeatureCollection", "Feature" or a geometry type)`)
	}
	return nil, fmt.Errorf(`"type" is %q; GeoJSON wants "FeatureCollection", "Feature" or a geometry type`, clip(typ, 40))
}

// maxJSONDepth bounds how deep lists and objects nest: a MultiPolygon's
// positions are 4 deep, a feature in a collection 3 more, so 64 leaves
// room for nested GeometryCollections and properties while a file made
// of brackets is refused before it is parsed.
const maxJSONDepth = 64

// jsonDepth returns how deep lists and objects nest in JSON text (outside
// strings); it stops counting past maxJSONDepth.
func jsonDepth(text []byte) int {
	depth, most, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			if depth > most {
				most = depth
				if most > maxJSONDepth {
					return most
				}
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return most
}

var geometryTypes = map[string]bool{
	"Point": true, "MultiPoint": true, "LineString": true, "MultiLineString": true,
	"Polygon": true, "MultiPolygon": true, "GeometryCollection": true,
}

// readJSONText makes sense of text that is not one JSON object:
// newline-delimited GeoJSON is read; anything else is named, with the line
// and column of a syntax error.
func readJSONText(r *reader, text []byte, err error) ([]item, error) {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) && strings.Contains(syntax.Error(), "after top-level value") {
		return readSequence(r, text)
	}
	if errors.As(err, &syntax) {
		line, col := lineCol(text, syntax.Offset)
		return nil, fmt.Errorf("the file is not valid JSON: %s at line %d, column %d", plainSyntax(syntax.Error()), line, col)
	}
	if firstNonSpace(text) == '[' {
		return nil, errors.New(`the file is a JSON list, not GeoJSON: GeoJSON starts with {"type": "FeatureCollection", "features": [ … ]}`)
	}
	return nil, fmt.Errorf("the file is not valid JSON")
}

// plainSyntax rewords encoding/json's syntax messages for readers.
func plainSyntax(msg string) string {
	switch {
	case msg == "unexpected end of JSON input":
		return "the file ends too soon (is it cut off?)"
	case strings.HasPrefix(msg, "invalid character"):
		return "unexpected " + strings.TrimPrefix(msg, "invalid character ")
	}
	return msg
}

// readSequence reads newline-delimited GeoJSON (GeoJSONSeq, RFC 8142): one
// Feature or geometry per line.
func readSequence(r *reader, text []byte) ([]item, error) {
	text = bytes.ReplaceAll(text, []byte{0x1e}, []byte{'\n'})
	dec := json.NewDecoder(bytes.NewReader(text))
	var raws []json.RawMessage
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			line, col := lineCol(text, dec.InputOffset())
			return nil, fmt.Errorf("the file looks like newline-delimited GeoJSON, but at line %d, column %d it is not valid JSON", line, col)
		}
		if len(raws) == MaxFeatures {
			return nil, fmt.Errorf("the file has more than %s features; the limit is %s", count(MaxFeatures), count(MaxFeatures))
		}
		raws = append(raws, raw)
	}
	r.format = "GeoJSON (one feature per line)"
	var items []item
	for i, raw := range raws {
		if it, ok := readFeature(r, raw, i); ok {
			items = append(items, it)
		}
	}
	return items, nil
}

// otherJSON names JSON formats that are not GeoJSON, or returns nil.
func otherJSON(top map[string]json.RawMessage) error {
	switch {
	case top["elements"] != nil || top["osm3s"] != nil:
		return errors.New("this is OpenStreetMap data from Overpass (JSON), not GeoJSON: convert it with osmtogeojson, or use Overpass Turbo's Export → GeoJSON")
	case top["spatialReference"] != nil || top["geometryType"] != nil || top["fieldAliases"] != nil || esriFeatures(top["features"]):
		return errors.New("this is Esri JSON (ArcGIS), which the map does not read: export it as GeoJSON (in ArcGIS REST: f=geojson)")
	}
	return nil
}

// esriFeatures reports whether features look like Esri's ({attributes,
// geometry: {x, y} or {rings} or {paths}}).
func esriFeatures(raw json.RawMessage) bool {
	var fs []struct {
		Attributes json.RawMessage `json:"attributes"`
	}
	return json.Unmarshal(raw, &fs) == nil && len(fs) > 0 && fs[0].Attributes != nil
}

// readFeatures reads a FeatureCollection's features.
func readFeatures(r *reader, raw json.RawMessage) ([]item, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil || raws == nil {
		return nil, errors.New(`"features" is not a list: a FeatureCollection holds its features in "features": [ … ]`)
	}
	if len(raws) > MaxFeatures {
		return nil, fmt.Errorf("the file has %s features; the limit is %s", count(len(raws)), count(MaxFeatures))
	}
	items := make([]item, 0, len(raws))
	for i, fr := range raws {
		if it, ok := readFeature(r, fr, i); ok {
			items = append(items, it)
		}
	}
	return items, nil
}

// rawObject is a GeoJSON Feature or geometry with its members kept raw:
// decoding into a struct rather than a map costs a feature one pass and
// few allocations. Members that do not belong are kept so they can be
// reported.
type rawObject struct {
	Type        json.RawMessage `json:"type"`
	ID          json.RawMessage `json:"id"`
	BBox        json.RawMessage `json:"bbox"`
	Properties  json.RawMessage `json:"properties"`
	Geometry    json.RawMessage `json:"geometry"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometries  json.RawMessage `json:"geometries"`
	Features    json.RawMessage `json:"features"`
}

// members returns the raw members an object has, by name, for the checks
// shared with TopoJSON.
func (o *rawObject) members() map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	for k, v := range map[string]json.RawMessage{"id": o.ID, "bbox": o.BBox, "properties": o.Properties, "geometry": o.Geometry,
		"coordinates": o.Coordinates, "geometries": o.Geometries, "features": o.Features} {
		if v != nil {
			m[k] = v
		}
	}
	return m
}

func (o *rawObject) typ() string {
	t := bytes.TrimSpace(o.Type)
	if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' && bytes.IndexByte(t, '\\') < 0 {
		return string(t[1 : len(t)-1]) // the common case, without a decoder
	}
	var s string
	_ = json.Unmarshal(o.Type, &s)
	return s
}

// readFeature reads the i-th feature; ok is false when it has nothing to
// draw, and the reason is noted.
func readFeature(r *reader, raw json.RawMessage, i int) (item, bool) {
	at := featureAt(i)
	var o rawObject
	if err := json.Unmarshal(raw, &o); err != nil {
		r.notes.add(at, "not an object, skipped", "")
		return item{}, false
	}
	typ := o.typ()
	it := item{at: at, n: i + 1, props: map[string]any{}}
	switch {
	case typ == "Feature":
	case geometryTypes[typ]:
		r.notes.add(at, "a bare geometry where a Feature belongs; read as a Feature without properties", "")
		g, err := readGeometry(r, at, raw, 0)
		if err != nil {
			r.notes.add(at, err.Error()+", skipped", "")
			return item{}, false
		}
		it.geom = g
		return it, g != nil
	case typ == "" && o.Geometry != nil:
		r.notes.add(at, `"type" is missing; read as a Feature`, "")
	default:
		r.notes.add(at, `not a Feature ("type" is not "Feature"), skipped`, "")
		return item{}, false
	}
	if o.BBox != nil || o.ID != nil || o.Coordinates != nil || o.Geometries != nil {
		m := o.members()
		checkBBox(r, at, m)
		checkID(r, at, m)
		ignoreMembers(r, at, m, "a Feature's shape is in \"geometry\"", "coordinates", "geometries")
	}
	if o.Properties == nil {
		r.notes.add(at, `no "properties" member (a Feature needs one, if only "properties": null); read as none`, "")
	} else if !isNull(o.Properties) {
		if err := json.Unmarshal(o.Properties, &it.props); err != nil {
			r.notes.add(at, "properties ignored: they must be an object ({ … })", "")
			it.props = map[string]any{}
		}
	}
	if o.Geometry == nil || isNull(o.Geometry) {
		r.notes.add(at, "no geometry (null): nothing to draw", "")
		return item{}, false
	}
	geom, err := readGeometry(r, at, o.Geometry, 0)
	if err != nil {
		r.notes.add(at, err.Error()+", skipped", "")
		return item{}, false
	}
	it.geom = geom
	return it, geom != nil
}

// readGeometry reads a GeoJSON geometry; depth counts the
// GeometryCollections around it.
func readGeometry(r *reader, at where, raw json.RawMessage, depth int) (orb.Geometry, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("GeometryCollections nested more than %d deep", MaxDepth)
	}
	var o rawObject
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, errors.New("its geometry is not an object")
	}
	typ := o.typ()
	if typ == "" && o.Geometries != nil {
		r.notes.add(at, `a geometry's "type" is missing; read as a GeometryCollection, as its "geometries" say`, "")
		typ = "GeometryCollection"
	}
	if !geometryTypes[typ] {
		if typ == "" {
			return nil, errors.New(`a geometry has no "type"`)
		}
		return nil, fmt.Errorf("geometry type %q is not a GeoJSON type", clip(typ, 30))
	}
	if o.BBox != nil || o.Properties != nil || o.Geometry != nil || o.Features != nil || o.Coordinates != nil && o.Geometries != nil {
		m := o.members()
		checkBBox(r, at, m)
		ignoreMembers(r, at, m, "a geometry has no properties or features", "properties", "geometry", "features")
		if typ == "GeometryCollection" {
			ignoreMembers(r, at, m, "a GeometryCollection's parts are in \"geometries\"", "coordinates")
		} else {
			ignoreMembers(r, at, m, "a "+typ+"'s positions are in \"coordinates\"", "geometries")
		}
	}
	if typ == "GeometryCollection" {
		return readCollection(r, at, o.Geometries, depth)
	}
	c := o.Coordinates
	if c == nil || isNull(c) {
		return nil, errors.New(`a geometry has no "coordinates"`)
	}
	s := coordScanner{b: c, r: r}
	g, err := scanGeometry(&s, typ)
	if err != nil {
		if errors.Is(err, errShape) {
			return nil, fmt.Errorf("coordinates are not nested as a %s needs", typ)
		}
		return nil, plainNumberError(err)
	}
	if s.long {
		r.notes.add(at, "positions of more than 3 numbers; those after longitude, latitude and altitude ignored", "")
	}
	if s.mixedEnds {
		r.notes.add(at, "a line or ring starts and ends with positions of different sizes (one with altitude); altitudes ignored", "")
	}
	return g, nil
}

// plainNumberError hides strconv's wording ("strconv.ParseFloat: …").
func plainNumberError(err error) error {
	if strings.HasPrefix(err.Error(), "strconv.") {
		return errors.New("a coordinate is not a number the map can read")
	}
	return err
}

func readCollection(r *reader, at where, raw json.RawMessage, depth int) (orb.Geometry, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return nil, errors.New(`a GeometryCollection's "geometries" is not a list`)
	}
	var c orb.Collection
	for _, gr := range raws {
		if isNull(gr) {
			continue
		}
		g, err := readGeometry(r, at, gr, depth+1)
		if err != nil {
			return nil, err
		}
		c = append(c, g)
	}
	return c, nil
}

// scanGeometry reads coordinates for a geometry type.
func scanGeometry(s *coordScanner, typ string) (orb.Geometry, error) {
	switch typ {
	case "Point":
		if t := bytes.TrimSpace(s.b); len(t) >= 2 && t[0] == '[' && len(bytes.TrimSpace(t[1:len(t)-1])) == 0 {
			return orb.MultiPoint{}, nil // an empty Point: nothing to draw
		}
		p, _, err := s.position()
		return p, err
	case "MultiPoint":
		pts, err := s.positions()
		return orb.MultiPoint(pts), err
	case "LineString":
		pts, err := s.positions()
		return orb.LineString(pts), err
	case "MultiLineString":
		ls, err := s.lines()
		return toMultiLine(ls), err
	case "Polygon":
		rs, err := s.lines()
		return toPolygon(rs), err
	case "MultiPolygon":
		ps, err := s.polygons()
		mp := make(orb.MultiPolygon, len(ps))
		for i, p := range ps {
			mp[i] = toPolygon(p)
		}
		return mp, err
	}
	return nil, errShape
}

func toMultiLine(ls [][]orb.Point) orb.MultiLineString {
	out := make(orb.MultiLineString, len(ls))
	for i, l := range ls {
		out[i] = l
	}
	return out
}

func toPolygon(rs [][]orb.Point) orb.Polygon {
	out := make(orb.Polygon, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

// stringMember returns member key when it is a string.
func stringMember(m map[string]json.RawMessage, key string) (string, bool) {
	var s string
	if m[key] == nil || json.Unmarshal(m[key], &s) != nil {
		return "", false
	}
	return s, true
}

// checkBBox notes a bbox that is not 4 or 6 numbers: it is ignored (the map
// computes its own).
func checkBBox(r *reader, at where, m map[string]json.RawMessage) {
	raw := m["bbox"]
	if raw == nil {
		return
	}
	var b []float64
	if json.Unmarshal(raw, &b) != nil || (len(b) != 4 && len(b) != 6) {
		r.notes.add(at, "bbox ignored: it must be a list of 4 or 6 numbers", "")
	}
}

// checkID notes an id that is neither a string nor a number.
func checkID(r *reader, at where, m map[string]json.RawMessage) {
	raw := m["id"]
	if raw == nil {
		return
	}
	var v any
	_ = json.Unmarshal(raw, &v)
	switch v.(type) {
	case string, float64:
	default:
		r.notes.add(at, "id ignored: it must be a string or a number", "")
	}
}

// ignoreMembers notes members RFC 7946 (section 7.1) says must not appear
// on this object, as they would change its meaning; they are ignored.
func ignoreMembers(r *reader, at where, m map[string]json.RawMessage, why string, keys ...string) {
	for _, k := range keys {
		if m[k] != nil {
			r.notes.add(at, fmt.Sprintf("member %q ignored: %s", k, why), "")
		}
	}
}
