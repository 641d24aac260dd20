package geo_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
	"heartland/mapstyle"
)

// appIndexed is what the map's hit test holds (app/scene.Indexed).
func appIndexed(layer string, f *geo.Feature) bool {
	return layer == "countries" || strategicLayers[layer]
}

// preparedLevels are the levels the data bundle prepares: the whole region
// and the home view (benchLevels).
var preparedLevels = []int{5, 6}

func prepareApp(tb testing.TB, layers []geo.Layer) ([]byte, *geo.PreparedScene) {
	tb.Helper()
	ps := geo.PrepareScene(layers, geo.CentralAsia, geo.PrepareOptions{Indexed: appIndexed, Levels: preparedLevels, Dash: mapstyle.DashPattern})
	b, err := ps.MarshalBinary()
	if err != nil {
		tb.Fatal(err)
	}
	return b, ps
}

func mapFeatures(layers []geo.Layer) []geo.MapFeature {
	var out []geo.MapFeature
	for li := range layers {
		for fi := range layers[li].Features {
			f := &layers[li].Features[fi]
			out = append(out, geo.MapFeature{Layer: layers[li].ID, Feature: f, World: geo.ToWorld(geo.CentralAsia, f.Geometry)})
		}
	}
	return out
}

func TestPreparedSceneHoldsWhatStartUpComputes(t *testing.T) {
	layers := appLayers(t)
	b, _ := prepareApp(t, layers)
	ps, err := geo.DecodePreparedScene(b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Bind(layers, appIndexed); err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, l := range layers {
		for _, f := range l.Features {
			got, want := ps.World(i), geo.ToWorld(geo.CentralAsia, f.Geometry)
			if !sameShape(got, want, 1.0/16) {
				t.Errorf("World(%d) (%s) differs from ToWorld by more than 1/16 m", i, f.ID)
			}
			ll, ok := f.LabelPoint()
			if a, has := ps.Anchor(i); has != ok || (ok && a != geo.CentralAsia.Forward(ll)) {
				t.Errorf("Anchor(%d) (%s) = %v, %v; want %v, %v", i, f.ID, a, has, geo.CentralAsia.Forward(ll), ok)
			}
			i++
		}
	}
	if i != ps.Len() {
		t.Errorf("Len() = %d; want %d", ps.Len(), i)
	}
	mf := preparedFeatures(ps, layers)
	for _, level := range preparedLevels {
		got, want := ps.Meshes(level), geo.MapLevelMeshes(mf, level, mapstyle.DashPattern)
		if len(got) != len(want) {
			t.Fatalf("level %d: %d meshes; want %d", level, len(got), len(want))
		}
		for k := range want {
			if got[k].Key != want[k].Key {
				t.Errorf("level %d mesh %d: key %v; want %v", level, k, got[k].Key, want[k].Key)
			}
			if !sameMesh(&got[k].Mesh, &want[k].Mesh) {
				t.Errorf("level %d mesh %v: triangles differ from MapLevelMeshes", level, want[k].Key)
			}
		}
	}
	if ps.Meshes(9) != nil {
		t.Error("Meshes(9) is not nil; level 9 was not prepared")
	}
}

// preparedFeatures are the layers' features with the prepared scene's
// world geometry, as the browser meshes deeper levels.
func preparedFeatures(ps *geo.PreparedScene, layers []geo.Layer) []geo.MapFeature {
	out := mapFeatures(layers)
	for i := range out {
		out[i].World = ps.World(i)
	}
	return out
}

// sameShape reports whether a and b are the same geometry with every
// coordinate within tol.
func sameShape(a, b orb.Geometry, tol float64) bool {
	if reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	pa, pb := allPoints(a), allPoints(b)
	if len(pa) != len(pb) {
		return false
	}
	for i := range pa {
		if math.Abs(pa[i][0]-pb[i][0]) > tol || math.Abs(pa[i][1]-pb[i][1]) > tol {
			return false
		}
	}
	return true
}

func sameMesh(a, b *geo.Mesh) bool {
	if len(a.Chunks) != len(b.Chunks) {
		return false
	}
	for i, c := range a.Chunks {
		d := b.Chunks[i]
		if !slices.Equal(c.WX, d.WX) || !slices.Equal(c.WY, d.WY) || !slices.Equal(c.OX, d.OX) ||
			!slices.Equal(c.OY, d.OY) || !slices.Equal(c.Idx, d.Idx) {
			return false
		}
	}
	return true
}

func TestPreparedIndexAnswersAsABuiltOne(t *testing.T) {
	layers := appLayers(t)
	b, _ := prepareApp(t, layers)
	ps, err := geo.DecodePreparedScene(b)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := ps.Bind(layers, appIndexed)
	if err != nil {
		t.Fatal(err)
	}
	built := geo.NewIndex() // over the same, prepared, geometry
	for _, f := range preparedFeatures(ps, layers) {
		if appIndexed(f.Layer, f.Feature) {
			built.Add(f.Layer, f.Feature, f.World)
		}
	}
	built.Build()
	projected := appIndex(t, layers, false) // over ToWorld's geometry
	cam := homeCamera(t, layers)
	bound := geo.CentralAsia.ForwardBound(layers[0].Bound())
	rng := rand.New(rand.NewPCG(11, 2))
	hidden := func(layer string, f *geo.Feature) bool { return layer != "cities" }
	found := 0
	for q := 0; q < 20000; q++ {
		w := orb.Point{bound.Min[0] + rng.Float64()*(bound.Max[0]-bound.Min[0]), bound.Min[1] + rng.Float64()*(bound.Max[1]-bound.Min[1])}
		tol := hitTolerance * (1 / cam.Scale()) * float64(rng.IntN(4))
		visible := []func(string, *geo.Feature) bool{nil, hidden}[q%2]
		got, gok := loaded.Query(w, tol, visible)
		want, wok := built.Query(w, tol, visible)
		if gok != wok || got.Layer != want.Layer || got.Feature != want.Feature {
			t.Fatalf("Query(%v, %g) = %v %v; the built index says %v %v", w, tol, got, gok, want, wok)
		}
		// Rounding moved edges by 1/16 m at most: no random point notices.
		if p, pok := projected.Query(w, tol, visible); pok != gok || p.Feature != got.Feature {
			t.Fatalf("Query(%v, %g) = %v %v; over ToWorld's geometry %v %v", w, tol, got, gok, p, pok)
		}
		if gok {
			found++
		}
	}
	if found < 5000 {
		t.Errorf("only %d of 20000 queries found a feature; the test is not testing much", found)
	}
}

func TestPreparedSceneRefusesOtherLayers(t *testing.T) {
	layers := appLayers(t)
	b, _ := prepareApp(t, layers)
	ps, err := geo.DecodePreparedScene(b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Bind(layers[:len(layers)-1], appIndexed); err == nil {
		t.Error("Bind to fewer layers: no error")
	}
	if _, err := ps.Bind(layers, func(layer string, f *geo.Feature) bool { return layer == "countries" }); err == nil {
		t.Error("Bind with another choice of indexed features: no error")
	}
}

// smallScene is a prepared scene of a few features, for corruption tests.
func smallScene(tb testing.TB) []byte {
	tb.Helper()
	layers := []geo.Layer{
		{ID: "countries", Features: []geo.Feature{
			{ID: "AAA", Kind: "country", Props: map[string]any{"group": "central", "label": []any{61.0, 41.0}},
				Geometry: orb.MultiPolygon{{{{60, 40}, {62, 40}, {62, 42}, {60, 42}, {60, 40}}, {{60.5, 40.5}, {61, 40.5}, {61, 41}, {60.5, 40.5}}}}},
			{ID: "BBB", Kind: "territory", Geometry: orb.Polygon{{{62, 40}, {64, 40}, {64, 42}, {62, 40}}}},
		}},
		{ID: "boundaries", Features: []geo.Feature{{ID: "b1", Kind: "land-border", Geometry: orb.LineString{{62, 40}, {62, 42}}}}},
		{ID: "trade", Features: []geo.Feature{
			{ID: "r1", Kind: "sea-route", Geometry: orb.MultiLineString{{{60, 40}, {64, 42}}}},
			{ID: "p1", Kind: "port", Geometry: orb.Point{61, 41}},
		}},
	}
	ps := geo.PrepareScene(layers, geo.CentralAsia, geo.PrepareOptions{Indexed: appIndexed, Levels: []int{3}, Dash: mapstyle.DashPattern})
	b, err := ps.MarshalBinary()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestCorruptPreparedSceneIsAnError(t *testing.T) {
	b := smallScene(t)
	if _, err := geo.DecodePreparedScene(b); err != nil {
		t.Fatalf("the intact scene: %v", err)
	}
	for n := 0; n < len(b); n += 7 {
		if _, err := geo.DecodePreparedScene(b[:n]); err == nil {
			t.Errorf("truncated to %d of %d bytes: no error", n, len(b))
		}
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for i := 0; i < 2000; i++ {
		c := slices.Clone(b)
		c[rng.IntN(len(c))] ^= byte(1 + rng.IntN(255))
		exercise(c) // must not panic; many flips land in coordinates and are no error
	}
	if _, err := geo.DecodePreparedScene(append([]byte("HLSC9999"), b[8:]...)); !errors.Is(err, geo.ErrCorruptPreparedScene) {
		t.Errorf("another version: %v; want ErrCorruptPreparedScene", err)
	}
}

// exercise decodes a prepared scene and, if that works, uses everything in
// it as the browser would.
func exercise(b []byte) {
	ps, err := geo.DecodePreparedScene(b)
	if err != nil {
		return
	}
	for i := 0; i < ps.Len(); i++ {
		_ = geo.AsMultiPolygon(ps.World(i))
		ps.Anchor(i)
	}
	for _, level := range ps.Levels() {
		for _, m := range ps.Meshes(level) {
			for _, c := range m.Mesh.Chunks {
				for _, ix := range c.Idx {
					_, _ = c.WX[ix]+c.OX[ix], c.WY[ix]+c.OY[ix]
				}
			}
		}
	}
	ix := ps.Index()
	for x := -2e6; x <= 2e6; x += 1e5 {
		for y := -1e6; y <= 1e6; y += 1e5 {
			ix.Query(orb.Point{x, y}, 2e4, nil)
		}
	}
}

func FuzzDecodePreparedScene(f *testing.F) {
	f.Add(smallScene(f))
	f.Fuzz(func(t *testing.T, b []byte) { exercise(b) })
}

// BenchmarkPreparedSceneLoad is start-up with a prepared scene: view the
// bundle's arrays and bind the index to the decoded layers. Compare
// BenchmarkPreparedSceneCompute, what start-up computes without one.
func BenchmarkPreparedSceneLoad(b *testing.B) {
	layers := appLayers(b)
	raw, _ := prepareApp(b, layers)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		ps, err := geo.DecodePreparedScene(raw)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ps.Bind(layers, appIndexed); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(raw)), "scene-bytes")
}

// BenchmarkPreparedSceneCompute is what start-up computes without a
// prepared scene: project every feature, build the hit index and the
// meshes of the home level.
func BenchmarkPreparedSceneCompute(b *testing.B) {
	layers := appLayers(b)
	b.ReportAllocs()
	for b.Loop() {
		mf := mapFeatures(layers)
		ix := geo.NewIndex()
		for _, f := range mf {
			if appIndexed(f.Layer, f.Feature) {
				ix.Add(f.Layer, f.Feature, f.World)
			}
		}
		ix.Build()
		geo.MapLevelMeshes(mf, 6, mapstyle.DashPattern)
	}
}
