package geo_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// twoSquares is two 1°×1° squares, 60–61°E and 61–62°E by 40–41°N, sharing
// the meridian 61°E. Quantized with scale [0.5, 0.25] and translate
// [60, 40], the grid points are A(0,0) B(2,0) C(4,0) D(4,4) E(2,4) F(0,4):
//
//	arc 0: B→E, the shared border
//	arc 1: E→F→A→B, the west square's outer edge
//	arc 2: B→C→D→E, the east square's outer edge
//
// The west square is the ring [0, 1]; the east one [2, ^0], so it walks the
// shared arc backwards. The east square is a MultiPolygon with a numeric id.
const twoSquares = `{
  "type": "Topology",
  "transform": {"scale": [0.5, 0.25], "translate": [60, 40]},
  "arcs": [
    [[2, 0], [0, 4]],
    [[2, 4], [-2, 0], [0, -4], [2, 0]],
    [[2, 0], [2, 0], [0, 4], [-2, 0]]
  ],
  "objects": {
    "squares": {"type": "GeometryCollection", "geometries": [
      {"type": "Polygon", "id": "west", "properties": {"name": "West"}, "arcs": [[0, 1]]},
      {"type": "MultiPolygon", "id": 7, "arcs": [[[2, -1]]]},
      {"type": null, "id": "nothing"}
    ]}
  }
}`

func decodeTwoSquares(t *testing.T) *geo.Topology {
	t.Helper()
	topo, err := geo.DecodeTopology([]byte(twoSquares))
	if err != nil {
		t.Fatalf("DecodeTopology(twoSquares): %v", err)
	}
	return topo
}

func TestDecodeTopologyDeltaDecodesQuantizedArcs(t *testing.T) {
	topo := decodeTwoSquares(t)
	want := []orb.LineString{
		{{61, 40}, {61, 41}},
		{{61, 41}, {60, 41}, {60, 40}, {61, 40}},
		{{61, 40}, {62, 40}, {62, 41}, {61, 41}},
	}
	if len(topo.Arcs) != len(want) {
		t.Fatalf("DecodeTopology(twoSquares) has %d arcs; want %d", len(topo.Arcs), len(want))
	}
	for i := range want {
		if !orb.Equal(topo.Arcs[i], want[i]) {
			t.Errorf("Arcs[%d] = %v; want %v", i, topo.Arcs[i], want[i])
		}
	}
}

func TestDecodeTopologyReadsAbsoluteArcsWithoutTransform(t *testing.T) {
	doc := `{"type":"Topology","arcs":[[[61,40],[61,41]],[[61,41],[60,41],[60,40],[61,40]]],
		"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"w","arcs":[[0,1]]}]}}}`
	topo, err := geo.DecodeTopology([]byte(doc))
	if err != nil {
		t.Fatalf("DecodeTopology: %v", err)
	}
	want := orb.LineString{{61, 41}, {60, 41}, {60, 40}, {61, 40}}
	if !orb.Equal(topo.Arcs[1], want) {
		t.Errorf("Arcs[1] = %v; want %v", topo.Arcs[1], want)
	}
}

func TestDecodeTopologyKeepsIDsAndProperties(t *testing.T) {
	topo := decodeTwoSquares(t)
	geoms := topo.Objects["squares"]
	if len(geoms) != 3 {
		t.Fatalf("Objects[squares] has %d geometries; want 3", len(geoms))
	}
	for i, want := range []string{"west", "007", "nothing"} {
		if geoms[i].ID != want {
			t.Errorf("Objects[squares][%d].ID = %q; want %q", i, geoms[i].ID, want)
		}
	}
	if got := geoms[0].Properties["name"]; got != "West" {
		t.Errorf("Objects[squares][0].Properties[name] = %v; want West", got)
	}
}

func TestTopologyMultiPolygonStitchesArcsIntoClosedRings(t *testing.T) {
	topo := decodeTwoSquares(t)
	geoms := topo.Objects["squares"]
	tests := []struct {
		name string
		g    geo.TopoGeometry
		want orb.MultiPolygon
	}{
		{"west", geoms[0], orb.MultiPolygon{{{{61, 40}, {61, 41}, {60, 41}, {60, 40}, {61, 40}}}}},
		{"east, shared arc reversed", geoms[1], orb.MultiPolygon{{{{61, 40}, {62, 40}, {62, 41}, {61, 41}, {61, 40}}}}},
		{"null geometry", geoms[2], orb.MultiPolygon{}},
		{"single arc, unclosed", geo.TopoGeometry{Polygons: [][][]int{{{1}}}}, orb.MultiPolygon{{{{61, 41}, {60, 41}, {60, 40}, {61, 40}, {61, 41}}}}},
		{"ring too short to keep", geo.TopoGeometry{Polygons: [][][]int{{{0}}}}, orb.MultiPolygon{}},
	}
	for _, tt := range tests {
		if got := topo.MultiPolygon(tt.g); !orb.Equal(got, tt.want) {
			t.Errorf("MultiPolygon(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestTopologyArcUsersFindsSharedBorders(t *testing.T) {
	topo := decodeTwoSquares(t)
	got := topo.ArcUsers("squares")
	want := [][]int{{0, 1}, {0}, {1}}
	if len(got) != len(want) {
		t.Fatalf("ArcUsers(squares) = %v; want %v", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("ArcUsers(squares)[%d] = %v; want %v", i, got[i], want[i])
		}
	}
	if none := topo.ArcUsers("no such object"); len(none) != 3 || none[0] != nil {
		t.Errorf("ArcUsers(missing object) = %v; want 3 arcs without users", none)
	}
}

func TestDecodeTopologyReadsAnObjectThatIsOneGeometry(t *testing.T) {
	// world-atlas's countries files hold "land" as one MultiPolygon.
	doc := `{"type":"Topology","arcs":[[[60,40],[62,40],[62,42]],[[62,42],[60,42],[60,40]]],
	  "objects":{"land":{"type":"MultiPolygon","arcs":[[[0,1]]]},"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"c","arcs":[[0,1]]}]}}}`
	topo, err := geo.DecodeTopology([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	land := topo.Objects["land"]
	if len(land) != 1 || len(topo.MultiPolygon(land[0])) != 1 || len(topo.MultiPolygon(land[0])[0][0]) != 5 {
		t.Errorf("Objects[land] = %+v; want one multipolygon of one 5-position ring", land)
	}
	if c := topo.Objects["countries"]; len(c) != 1 || c[0].ID != "c" {
		t.Errorf("Objects[countries] = %+v; want the one country", c)
	}
}

func TestDecodeTopologyRejectsBadInput(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(twoSquares, old) {
			t.Fatalf("twoSquares has no %q", old)
		}
		return strings.Replace(twoSquares, old, new, 1)
	}
	tests := []struct {
		name, doc, wantMsg string
	}{
		{"invalid JSON", `{"type":"Topology",`, "invalid JSON"},
		{"bad type", replace(`"type": "Topology"`, `"type": "FeatureCollection"`), `type is "FeatureCollection"; want "Topology"`},
		{"arc index out of range", replace(`"arcs": [[0, 1]]`, `"arcs": [[0, 3]]`), "arc index 3 out of range (3 arcs)"},
		{"reversed arc index out of range", replace(`"arcs": [[[2, -1]]]`, `"arcs": [[[2, -4]]]`), "arc index -4 out of range"},
		{"unsupported geometry type", replace(`{"type": "Polygon", "id": "west"`, `{"type": "Sphere", "id": "west"`), `unsupported geometry type "Sphere"`},
		{"empty ring", replace(`"arcs": [[0, 1]]`, `"arcs": [[]]`), "empty ring"},
		{"bad arcs", replace(`"arcs": [[0, 1]]`, `"arcs": "0,1"`), "bad arcs"},
		{"arc of one position", replace(`[[2, 0], [0, 4]],`, `[[2, 0]],`), "arc 0: has 1 positions"},
		{"arc out of range", replace(`"translate": [60, 40]`, `"translate": [179, 40]`), "arc 2: coordinate [181, 40] is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topo, err := geo.DecodeTopology([]byte(tt.doc))
			if err == nil {
				t.Fatalf("DecodeTopology(%s) = %v, nil; want an error", tt.name, topo)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.HasPrefix(err.Error(), "topojson: ") {
				t.Errorf("DecodeTopology(%s) error %q; want \"topojson: …%s…\"", tt.name, err, tt.wantMsg)
			}
		})
	}
}

func FuzzDecodeTopology(f *testing.F) {
	f.Add([]byte(twoSquares))
	f.Add([]byte(`{"type":"Topology","arcs":[[[0,0],[1,0]],[[1,0],[1,1],[0,0]]],"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"MultiPolygon","arcs":[[[0,1]],[[-1,-2]]]}]}}}`))
	f.Add([]byte(`{"type":"Topology","arcs":[[[0,0],[0,0]]],"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0,0,-1]]}]}}}`))
	f.Add([]byte(`{"type":"Topology","arcs":[],"objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[-1]]}]}}}`))
	f.Add([]byte(`{"type":"Topology","transform":{"scale":[1e308,1e308],"translate":[0,0]},"arcs":[[[1,1],[1,1]]],"objects":{}}`))
	f.Add([]byte(`{"type":"Topology","objects":{"o":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":1e300,"arcs":[]}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		topo, err := geo.DecodeTopology(data)
		if err != nil {
			return
		}
		for i, arc := range topo.Arcs {
			if len(arc) < 2 {
				t.Errorf("Arcs[%d] has %d points; want at least 2", i, len(arc))
			}
			for _, p := range arc {
				if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
					t.Errorf("Arcs[%d] has point %v; want within ±180, ±90", i, p)
				}
			}
		}
		for name, geoms := range topo.Objects {
			for _, g := range geoms {
				checkRings(t, topo.MultiPolygon(g))
				topo.Geometry(g) // lines and points too: must not panic
			}
			if users := topo.ArcUsers(name); len(users) != len(topo.Arcs) {
				t.Errorf("ArcUsers(%q) has %d entries; want one per arc, %d", name, len(users), len(topo.Arcs))
			}
		}
	})
}
