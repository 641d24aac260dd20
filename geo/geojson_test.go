package geo_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// collection wraps feature JSON objects in a FeatureCollection.
func collection(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

// featureJSON is a feature with our schema around a geometry's JSON.
func featureJSON(id, geometry string) string {
	return fmt.Sprintf(`{"type":"Feature","properties":{"id":%q,"name":"Name of %s","kind":"test","country":"KAZ"},"geometry":%s}`, id, id, geometry)
}

func TestDecodeGeoJSONReadsEveryGeometryType(t *testing.T) {
	square := orb.Ring{{60, 40}, {61, 40}, {61, 41}, {60, 41}, {60, 40}}
	hole := orb.Ring{{60.2, 40.2}, {60.2, 40.8}, {60.8, 40.8}, {60.2, 40.2}}
	tests := []struct {
		geometry string
		want     orb.Geometry
	}{
		{`{"type":"Point","coordinates":[76.9,43.25]}`, almaty},
		{`{"type":"MultiPoint","coordinates":[[76.9,43.25],[69.24,41.31]]}`, orb.MultiPoint{almaty, tashkent}},
		{`{"type":"LineString","coordinates":[[76.9,43.25],[69.24,41.31]]}`, orb.LineString{almaty, tashkent}},
		{`{"type":"MultiLineString","coordinates":[[[76.9,43.25],[69.24,41.31]],[[49.87,40.41],[71.43,51.13],[76.9,43.25]]]}`,
			orb.MultiLineString{{almaty, tashkent}, {baku, astana, almaty}}},
		{`{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,41],[60,40]],[[60.2,40.2],[60.2,40.8],[60.8,40.8],[60.2,40.2]]]}`,
			orb.Polygon{square, hole}},
		{`{"type":"MultiPolygon","coordinates":[[[[60,40],[61,40],[61,41],[60,41],[60,40]]],[[[-180,-90],[180,-90],[180,90],[-180,-90]]]]}`,
			orb.MultiPolygon{{square}, {{{-180, -90}, {180, -90}, {180, 90}, {-180, -90}}}}},
	}
	for _, tt := range tests {
		features, err := geo.DecodeGeoJSON([]byte(collection(featureJSON("a", tt.geometry))))
		if err != nil {
			t.Errorf("DecodeGeoJSON(%s) error: %v", tt.geometry, err)
			continue
		}
		if len(features) != 1 {
			t.Fatalf("DecodeGeoJSON(%s) = %d features; want 1", tt.geometry, len(features))
		}
		f := features[0]
		if !orb.Equal(f.Geometry, tt.want) {
			t.Errorf("DecodeGeoJSON(%s).Geometry = %v; want %v", tt.geometry, f.Geometry, tt.want)
		}
		if f.ID != "a" || f.Name != "Name of a" || f.Kind != "test" || f.Country != "KAZ" {
			t.Errorf("DecodeGeoJSON(%s) = {ID %q Name %q Kind %q Country %q}; want {a, Name of a, test, KAZ}", tt.geometry, f.ID, f.Name, f.Kind, f.Country)
		}
		if got := f.StringProp("kind"); got != "test" {
			t.Errorf("StringProp(kind) = %q; want test", got)
		}
	}
}

func TestDecodeGeoJSONTakesIDFromFeatureWhenPropertiesLackIt(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[{"type":"Feature","id":"KAZ","properties":{"kind":"country","population":20000000},"geometry":{"type":"Point","coordinates":[71.43,51.13]}}]}`
	features, err := geo.DecodeGeoJSON([]byte(doc))
	if err != nil {
		t.Fatalf("DecodeGeoJSON: %v", err)
	}
	if got := features[0].ID; got != "KAZ" {
		t.Errorf("ID = %q; want KAZ", got)
	}
	if got := features[0].StringProp("population"); got != "" {
		t.Errorf("StringProp(population) of a number = %q; want \"\"", got)
	}
	if got := features[0].StringProp("missing"); got != "" {
		t.Errorf("StringProp(missing) = %q; want \"\"", got)
	}
}

func TestDecodeGeoJSONIgnoresAltitude(t *testing.T) {
	features, err := geo.DecodeGeoJSON([]byte(collection(featureJSON("a", `{"type":"LineString","coordinates":[[76.9,43.25,700],[69.24,41.31,455.5]]}`))))
	if err != nil {
		t.Fatalf("DecodeGeoJSON(3D line): %v", err)
	}
	if want := (orb.LineString{almaty, tashkent}); !orb.Equal(features[0].Geometry, want) {
		t.Errorf("DecodeGeoJSON(3D line) = %v; want %v", features[0].Geometry, want)
	}
}

func TestDecodeGeoJSONReadsEmptyCollection(t *testing.T) {
	features, err := geo.DecodeGeoJSON([]byte(`{"type":"FeatureCollection","features":[]}`))
	if err != nil || len(features) != 0 {
		t.Errorf("DecodeGeoJSON(empty) = %v, %v; want no features, nil", features, err)
	}
}

func TestDecodeGeoJSONRejectsBadInput(t *testing.T) {
	good := featureJSON("good", `{"type":"Point","coordinates":[1,2]}`)
	tests := []struct {
		name      string
		doc       string
		wantIndex int
		wantID    string
		wantMsg   string
	}{
		{"invalid JSON", `{"type":"FeatureCollection","features":[`, -1, "", "invalid JSON"},
		{"not JSON at all", `<svg/>`, -1, "", "invalid JSON"},
		{"features not a list", `{"type":"FeatureCollection","features":{}}`, -1, "", "invalid JSON"},
		{"wrong top-level type", `{"type":"Feature","properties":{},"geometry":null}`, -1, "", `want "FeatureCollection"`},
		{"missing top-level type", `{"features":[]}`, -1, "", `want "FeatureCollection"`},
		{"feature of wrong type", collection(good, `{"type":"Point","properties":{"id":"x","kind":"k"}}`), 1, "x", `want "Feature"`},
		{"feature missing id", collection(good, `{"type":"Feature","properties":{"kind":"k"},"geometry":{"type":"Point","coordinates":[1,2]}}`), 1, "", `"id"`},
		{"feature with numeric id", collection(`{"type":"Feature","id":7,"properties":{"id":7,"kind":"k"},"geometry":{"type":"Point","coordinates":[1,2]}}`), 0, "", `"id"`},
		{"feature missing kind", collection(good, `{"type":"Feature","properties":{"id":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}`), 1, "x", `"kind"`},
		{"feature missing geometry", collection(good, `{"type":"Feature","properties":{"id":"x","kind":"k"}}`), 1, "x", "missing geometry"},
		{"feature with null geometry", collection(`{"type":"Feature","properties":{"id":"x","kind":"k"},"geometry":null}`), 0, "x", "missing geometry"},
		{"unsupported geometry type", collection(good, featureJSON("x", `{"type":"GeometryCollection","geometries":[]}`)), 1, "x", `unsupported geometry type "GeometryCollection"`},
		{"missing coordinates", collection(featureJSON("x", `{"type":"LineString"}`)), 0, "x", "missing coordinates"},
		{"coordinates of wrong shape", collection(featureJSON("x", `{"type":"Polygon","coordinates":[[1,2],[3,4]]}`)), 0, "x", "bad coordinates"},
		{"longitude out of range", collection(good, featureJSON("x", `{"type":"Point","coordinates":[181,40]}`)), 1, "x", "out of range"},
		{"latitude out of range", collection(featureJSON("x", `{"type":"LineString","coordinates":[[60,40],[60,-90.5]]}`)), 0, "x", "out of range"},
		{"out of range in a multipolygon", collection(featureJSON("x", `{"type":"MultiPolygon","coordinates":[[[[60,40],[61,40],[61,41],[60,40]]],[[[0,0],[1,0],[1,1e3],[0,0]]]]}`)), 0, "x", "out of range"},
		{"out of range in a multipoint", collection(featureJSON("x", `{"type":"MultiPoint","coordinates":[[0,0],[-180.01,0]]}`)), 0, "x", "out of range"},
		{"unclosed ring", collection(featureJSON("x", `{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,41]]]}`)), 0, "x", "ring 0 is not closed"},
		{"unclosed hole", collection(featureJSON("x", `{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,40]],[[60.1,40.1],[60.2,40.1],[60.2,40.2],[60.1,40.2]]]}`)), 0, "x", "ring 1 is not closed"},
		{"ring with three positions", collection(featureJSON("x", `{"type":"Polygon","coordinates":[[[60,40],[61,40],[60,40]]]}`)), 0, "x", "ring 0 has 3 positions; want at least 4"},
		{"polygon without rings", collection(featureJSON("x", `{"type":"Polygon","coordinates":[]}`)), 0, "x", "no rings"},
		{"line with one position", collection(featureJSON("x", `{"type":"MultiLineString","coordinates":[[[60,40],[61,40]],[[60,40]]]}`)), 0, "x", "line has 1 positions; want at least 2"},
		{"position of one number", collection(featureJSON("x", `{"type":"Point","coordinates":[76.9]}`)), 0, "x", "a position needs 2 numbers; found 1"},
		{"empty position", collection(featureJSON("x", `{"type":"LineString","coordinates":[[76.9,43.25],[]]}`)), 0, "x", "a position needs 2 numbers; found 0"},
		{"null position", collection(featureJSON("x", `{"type":"MultiPoint","coordinates":[[76.9,43.25],null]}`)), 0, "x", "null"},
		{"null in a position", collection(featureJSON("x", `{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,null],[60,40]]]}`)), 0, "x", "null"},
		{"null point", collection(featureJSON("x", `{"type":"Point","coordinates":null}`)), 0, "x", "null"},
		{"duplicate id", collection(good, featureJSON("x", `{"type":"Point","coordinates":[1,2]}`), featureJSON("good", `{"type":"Point","coordinates":[3,4]}`)), 2, "good", "duplicate id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			features, err := geo.DecodeGeoJSON([]byte(tt.doc))
			if err == nil {
				t.Fatalf("DecodeGeoJSON(%s) = %d features, nil; want an error", tt.doc, len(features))
			}
			var de *geo.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeGeoJSON(%s) error %T %v; want *geo.DecodeError", tt.doc, err, err)
			}
			if de.Index != tt.wantIndex || de.ID != tt.wantID {
				t.Errorf("DecodeGeoJSON(%s) error at {Index %d, ID %q}; want {%d, %q}", tt.doc, de.Index, de.ID, tt.wantIndex, tt.wantID)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("DecodeGeoJSON(%s) error %q; want it to mention %q", tt.doc, err, tt.wantMsg)
			}
			if features != nil {
				t.Errorf("DecodeGeoJSON(%s) returned %d features with its error; want nil", tt.doc, len(features))
			}
		})
	}
}

func TestDecodeErrorNamesTheFeature(t *testing.T) {
	tests := []struct {
		err  geo.DecodeError
		want string
	}{
		{geo.DecodeError{Index: -1, Msg: "invalid JSON: x"}, "invalid JSON: x"},
		{geo.DecodeError{Index: 3, Msg: "missing geometry"}, "feature 3: missing geometry"},
		{geo.DecodeError{Index: 3, ID: "KAZ", Msg: "duplicate id"}, `feature 3 ("KAZ"): duplicate id`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%#v.Error() = %q; want %q", tt.err, got, tt.want)
		}
	}
}

func TestEncodeGeoJSONRoundTripsAtItsPrecision(t *testing.T) {
	props := func(id string) map[string]any {
		return map[string]any{"id": id, "kind": "test", "name": "Ünïcode “name” <b>", "countries": []any{"KAZ", "UZB"}}
	}
	in := []geo.Feature{
		{ID: "pt", Props: props("pt"), Geometry: orb.Point{76.912345678, -43.25000049}},
		{ID: "mpt", Props: props("mpt"), Geometry: orb.MultiPoint{{-0.00001, 0.00004}, {180, -90}}},
		{ID: "ls", Props: props("ls"), Geometry: orb.LineString{{69.24, 41.31}, {69.2449999, 41.3150001}}},
		{ID: "mls", Props: props("mls"), Geometry: orb.MultiLineString{{{1, 2}, {3, 4}}, {{5.55555, 6.66666}, {7, 8}}}},
		{ID: "poly", Props: props("poly"), Geometry: orb.Polygon{{{60, 40}, {61.123456, 40}, {61, 41}, {60, 40}}}},
		{ID: "mpoly", Props: props("mpoly"), Geometry: orb.MultiPolygon{{{{60, 40}, {61, 40}, {61, 41}, {60, 40}}}, {{{-60, -40}, {-61, -40}, {-61, -41}, {-60, -40}}}}},
	}
	in = append(in, loadBorders(t, "countries.geojson")[:5]...)
	for _, decimals := range []int{4, 6} {
		data, err := geo.EncodeGeoJSON(in, decimals)
		if err != nil {
			t.Fatalf("EncodeGeoJSON(%d): %v", decimals, err)
		}
		out, err := geo.DecodeGeoJSON(data)
		if err != nil {
			t.Fatalf("DecodeGeoJSON(EncodeGeoJSON(%d)): %v\n%s", decimals, err, data)
		}
		if len(out) != len(in) {
			t.Fatalf("DecodeGeoJSON(EncodeGeoJSON(%d)) = %d features; want %d", decimals, len(out), len(in))
		}
		tol := 0.5*math.Pow10(-decimals) + 1e-12
		for i := range in {
			if out[i].ID != in[i].ID || out[i].Name != in[i].StringProp("name") {
				t.Errorf("round trip %d: feature %d = {%q %q}; want {%q %q}", decimals, i, out[i].ID, out[i].Name, in[i].ID, in[i].StringProp("name"))
			}
			if got, want := out[i].Geometry.GeoJSONType(), in[i].Geometry.GeoJSONType(); got != want {
				t.Errorf("round trip %d: %s geometry type %s; want %s", decimals, in[i].ID, got, want)
				continue
			}
			got, want := allPoints(out[i].Geometry), allPoints(in[i].Geometry)
			if len(got) != len(want) {
				t.Errorf("round trip %d: %s has %d points; want %d", decimals, in[i].ID, len(got), len(want))
				continue
			}
			for k := range want {
				if !nearPoint(got[k], want[k], tol) {
					t.Errorf("round trip %d: %s point %d = %v; want %v ± %g", decimals, in[i].ID, k, got[k], want[k], tol)
				}
			}
		}
	}
}

func TestEncodeGeoJSONReportsUnencodableProperties(t *testing.T) {
	f := geo.Feature{ID: "bad", Props: map[string]any{"id": "bad", "kind": "k", "f": func() {}}, Geometry: orb.Point{0, 0}}
	if _, err := geo.EncodeGeoJSON([]geo.Feature{f}, 4); err == nil || !strings.Contains(err.Error(), `"bad"`) {
		t.Errorf("EncodeGeoJSON(feature with a func property) error = %v; want one naming \"bad\"", err)
	}
}

func TestEncodeGeoJSONWritesOneFeaturePerLine(t *testing.T) {
	data, err := geo.EncodeGeoJSON(loadBorders(t, "countries.geojson")[:3], 4)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(data), "\n"); got != 5 {
		t.Errorf("EncodeGeoJSON(3 features) has %d lines; want 5 (header, 3 features, footer)", got)
	}
	if strings.Contains(string(data), "-0,") || strings.Contains(string(data), ".0000") {
		t.Errorf("EncodeGeoJSON wrote untrimmed numbers: %.200s", data)
	}
}

func FuzzDecodeGeoJSON(f *testing.F) {
	f.Add([]byte(collection(featureJSON("a", `{"type":"Point","coordinates":[76.9,43.25]}`))))
	f.Add([]byte(collection(featureJSON("a", `{"type":"MultiPolygon","coordinates":[[[[60,40],[61,40],[61,41],[60,41],[60,40]]]]}`),
		featureJSON("b", `{"type":"MultiLineString","coordinates":[[[1,2],[3,4]]]}`))))
	f.Add([]byte(collection(featureJSON("a", `{"type":"Polygon","coordinates":[[[60,40],[61,40],[60,40]]]}`))))
	f.Add([]byte(collection(featureJSON("a", `{"type":"Point","coordinates":null}`))))
	f.Add([]byte(collection(featureJSON("a", `{"type":"MultiPoint","coordinates":[[1e308,-1e308]]}`))))
	f.Add([]byte(`{"type":"FeatureCollection","features":[null,{"type":"Feature","id":"x","properties":null}]}`))
	f.Add([]byte(`{"type":"FeatureCollection"`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		features, err := geo.DecodeGeoJSON(data)
		if err != nil {
			var de *geo.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("DecodeGeoJSON error %T %v; want *geo.DecodeError", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for i, f := range features {
			if f.ID == "" || f.Kind == "" {
				t.Errorf("feature %d = {ID %q, Kind %q}; want both non-empty", i, f.ID, f.Kind)
			}
			if seen[f.ID] {
				t.Errorf("feature %d: id %q repeats", i, f.ID)
			}
			seen[f.ID] = true
			if f.Geometry == nil {
				t.Fatalf("feature %d (%q) has no geometry", i, f.ID)
			}
			for _, p := range allPoints(f.Geometry) {
				if !(math.Abs(p[0]) <= 180) || !(math.Abs(p[1]) <= 90) {
					t.Errorf("feature %d (%q) has point %v; want within ±180, ±90", i, f.ID, p)
				}
			}
			checkRings(t, f.Geometry)
		}
	})
}

// checkRings fails the test if a polygon ring has under four points or is
// not closed.
func checkRings(t *testing.T, g orb.Geometry) {
	t.Helper()
	var polys []orb.Polygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = append(polys, g)
	case orb.MultiPolygon:
		polys = append(polys, g...)
	}
	for _, p := range polys {
		for i, r := range p {
			if len(r) < 4 || r[0] != r[len(r)-1] {
				t.Errorf("ring %d = %v; want a closed ring of at least 4 points", i, r)
			}
		}
	}
}
