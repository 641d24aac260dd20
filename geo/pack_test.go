package geo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func packSample() []Feature {
	return []Feature{
		{ID: "a", Kind: "city", Name: "A", Geometry: orb.Point{76.9, 43.25}, Props: map[string]any{"id": "a", "kind": "city", "name": "A"}},
		{ID: "b", Kind: "line", Geometry: orb.LineString{{50, 40}, {51.5, 40.25}}, Props: map[string]any{"id": "b", "kind": "line"}},
		{ID: "c", Kind: "country", Geometry: orb.MultiPolygon{{{{60, 40}, {61, 40}, {61, 41}, {60, 40}}}}, Props: map[string]any{"id": "c", "kind": "country", "group": "central"}},
		{ID: "d", Kind: "lake", Geometry: orb.Polygon{{{70, 45}, {70.5, 45}, {70.5, 45.5}, {70, 45}}}, Props: map[string]any{"id": "d", "kind": "lake"}},
		{ID: "e", Kind: "set", Geometry: orb.MultiPoint{{1, 2}, {3, 4}}, Props: map[string]any{"id": "e", "kind": "set"}},
		{ID: "f", Kind: "lines", Geometry: orb.MultiLineString{{{1, 2}, {3, 4}}, {{-5, -6}, {-7, -8}}}, Props: map[string]any{"id": "f", "kind": "lines"}},
	}
}

func TestPackRoundTripsEveryGeometryAtMetrePrecision(t *testing.T) {
	in := packSample()
	data, err := PackFeatures(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := UnpackFeatures(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("unpacked %d features; want %d", len(out), len(in))
	}
	for i := range in {
		if out[i].ID != in[i].ID || out[i].Kind != in[i].Kind || !reflect.DeepEqual(out[i].Props, in[i].Props) {
			t.Errorf("feature %d = %+v; want %+v", i, out[i], in[i])
		}
		if !orb.Equal(orb.Round(out[i].Geometry, 1e5), orb.Round(in[i].Geometry, 1e5)) {
			t.Errorf("feature %d geometry = %v; want %v", i, out[i].Geometry, in[i].Geometry)
		}
	}
}

func TestUnpackRejectsDamagedData(t *testing.T) {
	good, _ := PackFeatures(packSample())
	for name, data := range map[string][]byte{
		"empty":       nil,
		"bad magic":   append([]byte("XXXX\x01"), good[5:]...),
		"truncated":   good[:len(good)-3],
		"extra bytes": append(append([]byte{}, good...), 0),
		"huge count":  append([]byte(packMagic), 0xff, 0xff, 0xff, 0xff, 0x0f),
	} {
		if _, err := UnpackFeatures(data); err == nil {
			t.Errorf("%s: UnpackFeatures succeeded; want an error", name)
		}
	}
	open := []Feature{{ID: "x", Kind: "lake", Geometry: orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, Props: map[string]any{"id": "x", "kind": "lake"}}}
	data, _ := PackFeatures(open)
	if _, err := UnpackFeatures(data); err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("unclosed ring: error %v; want it named", err)
	}
}

func FuzzUnpackFeatures(f *testing.F) {
	good, _ := PackFeatures(packSample())
	f.Add(good)
	f.Add([]byte(packMagic))
	f.Add(good[:20])
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := UnpackFeatures(data)
		lazy, lazyErr := UnpackFeaturesLazy(data)
		if lazyErr == nil {
			lazyErr = UnpackAll([]Layer{{Features: lazy}})
		}
		if (err == nil) != (lazyErr == nil) {
			t.Fatalf("UnpackFeatures error %v, but the lazy unpack's %v", err, lazyErr)
		}
		if err != nil {
			return
		}
		for i, feat := range fs {
			if feat.ID == "" || feat.Kind == "" || validGeometry(feat.Geometry) != nil {
				t.Fatalf("accepted an invalid feature %+v", feat)
			}
			if !reflect.DeepEqual(feat, lazy[i]) {
				t.Fatalf("feature %d unpacked lazily is %+v; want %+v", i, lazy[i], feat)
			}
		}
	})
}

func TestUnpackLazyLeavesLinesAndAreasPacked(t *testing.T) {
	data, _ := PackFeatures(packSample())
	eager, err := UnpackFeatures(data)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := UnpackFeaturesLazy(data)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range lazy {
		_, isPoint := eager[i].Geometry.(orb.Point)
		if isPoint != (f.Geometry != nil) {
			t.Errorf("feature %s: geometry %v before Unpack; want only points decoded", f.ID, f.Geometry)
		}
		if f.ID != eager[i].ID || !reflect.DeepEqual(f.Props, eager[i].Props) {
			t.Errorf("feature %d = %+v; want %+v", i, f, eager[i])
		}
	}
	layers := []Layer{{Features: lazy}}
	if err := UnpackAll(layers); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lazy, eager) {
		t.Errorf("after UnpackAll: %+v; want %+v", lazy, eager)
	}

	// Damage inside a packed geometry shows when it is decoded.
	open := []Feature{{ID: "x", Kind: "lake", Geometry: orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}, Props: map[string]any{"id": "x", "kind": "lake"}}}
	data, _ = PackFeatures(open)
	fs, err := UnpackFeaturesLazy(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := fs[0].Unpack(); err == nil || !strings.Contains(err.Error(), "not closed") || fs[0].Geometry != nil {
		t.Errorf("unclosed ring: Unpack error %v, geometry %v; want the error and no geometry", err, fs[0].Geometry)
	}
	for name, bad := range map[string][]byte{"truncated": data[:len(data)-3], "extra bytes": append(append([]byte{}, data...), 0)} {
		if _, err := UnpackFeaturesLazy(bad); err == nil {
			t.Errorf("%s: UnpackFeaturesLazy succeeded; want an error", name)
		}
	}
}
