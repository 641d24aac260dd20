package geo

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestDecodeCustomGeoJSONKeepsGoodFeaturesAndNamesTheBadOnes(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","properties":{"title":"Reporting trip <b>stop</b>","note":"<script>alert(1)</script>"},"geometry":{"type":"Point","coordinates":[69.24,41.31]}},
	 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500,41]}},
	 {"type":"Feature","properties":null,"geometry":{"type":"LineString","coordinates":[[69,41],[70,42]]}},
	 {"type":"Feature","properties":{},"geometry":null},
	 {"type":"Feature","properties":{"name":"Field"},"geometry":{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,40]]]}}
	]}`
	fs, warnings, err := DecodeCustomGeoJSON([]byte(doc), "custom1")
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 {
		t.Fatalf("kept %d features; want 3", len(fs))
	}
	want := []struct{ id, name, kind string }{
		{"custom1-1", "Reporting trip <b>stop</b>", "custom-point"},
		{"custom1-3", "Feature 3", "custom-line"},
		{"custom1-5", "Field", "custom-area"},
	}
	for i, w := range want {
		if fs[i].ID != w.id || fs[i].Name != w.name || fs[i].Kind != w.kind {
			t.Errorf("feature %d = %q %q %q; want %q %q %q", i, fs[i].ID, fs[i].Name, fs[i].Kind, w.id, w.name, w.kind)
		}
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "feature 1") || !strings.Contains(warnings[1], "feature 3") {
		t.Errorf("warnings = %q; want feature 1 (out of range) and feature 3 (no geometry)", warnings)
	}
}

func TestDecodeCustomGeoJSONAcceptsAFeatureOrAGeometry(t *testing.T) {
	for _, doc := range []string{
		`{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[1,2]}}`,
		`{"type":"Point","coordinates":[1,2]}`,
	} {
		fs, _, err := DecodeCustomGeoJSON([]byte(doc), "c")
		if err != nil || len(fs) != 1 {
			t.Errorf("DecodeCustomGeoJSON(%s) = %d features, %v; want 1", doc, len(fs), err)
		}
	}
}

func TestDecodeCustomGeoJSONRefusesWithAReason(t *testing.T) {
	for doc, want := range map[string]string{
		`{`:                   "not valid JSON",
		`{"type":"Topology"}`: "no feature",
		`{"type":"Nope"}`:     "want a GeoJSON",
		`{"type":"FeatureCollection","features":[]}`: "no feature",
		`[1,2]`: "not valid JSON",
	} {
		_, _, err := DecodeCustomGeoJSON([]byte(doc), "c")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("DecodeCustomGeoJSON(%s) error = %v; want one mentioning %q", doc, err, want)
		}
	}
	big := make([]byte, MaxCustomBytes+1)
	if _, _, err := DecodeCustomGeoJSON(big, "c"); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized file error = %v; want the size limit", err)
	}
}

func FuzzDecodeCustomGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`))
	f.Add([]byte(`{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}`))
	f.Add([]byte(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0]]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, _, err := DecodeCustomGeoJSON(data, "c")
		if err != nil {
			return
		}
		for _, feat := range fs {
			if feat.ID == "" || feat.Kind == "" || feat.Name == "" || !ValidID(feat.ID) {
				t.Fatalf("kept feature %+v without id, kind or name", feat)
			}
		}
	})
}

func TestDecodeCustomGeoJSONWarnsWhenLatitudeAndLongitudeAreSwapped(t *testing.T) {
	swapped := `{"type":"FeatureCollection","features":[
	 {"type":"Feature","properties":{"name":"Almaty"},"geometry":{"type":"Point","coordinates":[43.25,76.9]}},
	 {"type":"Feature","properties":{"name":"Tashkent"},"geometry":{"type":"Point","coordinates":[41.31,69.24]}}]}`
	_, warnings, err := DecodeCustomGeoJSON([]byte(swapped), "c")
	if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0], "swapped") {
		t.Errorf("swapped file: warnings %q, error %v; want one warning about swapped coordinates", warnings, err)
	}
	right := strings.NewReplacer("[43.25,76.9]", "[76.9,43.25]", "[41.31,69.24]", "[69.24,41.31]").Replace(swapped)
	if _, warnings, _ := DecodeCustomGeoJSON([]byte(right), "c"); len(warnings) != 0 {
		t.Errorf("correct file: warnings %q; want none", warnings)
	}
}

func TestSimpleStyleColorReadsOnlyHexColours(t *testing.T) {
	for v, want := range map[any][4]int{
		"#ff0000":              {255, 0, 0, 1},
		"#0a0":                 {0, 170, 0, 1},
		" #ABCDEF ":            {171, 205, 239, 1},
		"red":                  {0, 0, 0, 0},
		"#12345":               {0, 0, 0, 0},
		"#gggggg":              {0, 0, 0, 0},
		"url(javascript:x)":    {0, 0, 0, 0},
		42.0:                   {0, 0, 0, 0},
		"#ff0000;background:x": {0, 0, 0, 0},
	} {
		r, g, b, ok := SimpleStyleColor(map[string]any{"marker-color": v}, "marker-color")
		got := [4]int{int(r), int(g), int(b), 0}
		if ok {
			got[3] = 1
		}
		if got != want {
			t.Errorf("SimpleStyleColor(%v) = %v; want %v", v, got, want)
		}
	}
}

func TestDecodeCustomGeoJSONReadsTopoJSON(t *testing.T) {
	topo := `{"type":"Topology","transform":{"scale":[0.001,0.001],"translate":[60,40]},
	 "arcs":[[[0,0],[1000,0],[0,1000],[-1000,0],[0,-1000]],[[0,0],[2000,2000]]],
	 "objects":{"b":{"type":"GeometryCollection","geometries":[
	   {"type":"Point","coordinates":[500,500],"properties":{"name":"Camp"}},
	   {"type":"LineString","arcs":[1]},
	   {"type":"Polygon","arcs":[[0]],"properties":{"title":"Field"}},
	   {"type":"LineString","arcs":[7]}]}}}`
	fs, warnings, err := DecodeCustomGeoJSON([]byte(topo), "t")
	if err == nil {
		t.Fatalf("arc 7 out of range accepted: %v", fs)
	}
	topo = strings.Replace(topo, `,
	   {"type":"LineString","arcs":[7]}`, "", 1)
	fs, warnings, err = DecodeCustomGeoJSON([]byte(topo), "t")
	if err != nil || len(warnings) != 0 {
		t.Fatalf("DecodeCustomGeoJSON(topology) = %v, %v", warnings, err)
	}
	if len(fs) != 3 || fs[0].Name != "Camp" || fs[0].Kind != "custom-point" || fs[1].Kind != "custom-line" || fs[2].Name != "Field" || fs[2].Kind != "custom-area" {
		t.Fatalf("features = %+v", fs)
	}
	if p := fs[0].Geometry.(orb.Point); math.Abs(p[0]-60.5) > 1e-9 || math.Abs(p[1]-40.5) > 1e-9 {
		t.Errorf("point = %v; want [60.5 40.5] (quantized positions are absolute)", p)
	}
	if l := fs[1].Geometry.(orb.MultiLineString); len(l) != 1 || l[0][1] != (orb.Point{62, 42}) {
		t.Errorf("line = %v; want it to end at [62 42]", l)
	}
}
