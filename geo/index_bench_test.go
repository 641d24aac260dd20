package geo_test

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

// strategicLayers are the thematic layers the map makes clickable, besides
// countries (app/scene.Indexed: borders and lakes are not selectable).
var strategicLayers = map[string]bool{"trade": true, "energy": true, "minerals": true, "cities": true}

// appLayers decodes the packed layers the browser loads at start-up.
func appLayers(tb testing.TB) []geo.Layer {
	tb.Helper()
	layers, err := assets.Layers()
	if err != nil {
		tb.Fatal(err)
	}
	return layers
}

// appIndex indexes what the browser's hit test sees: countries and the
// strategic layers, or, with every, all layers including borders and lakes.
func appIndex(tb testing.TB, layers []geo.Layer, every bool) *geo.Index {
	tb.Helper()
	ix := geo.NewIndex()
	for li := range layers {
		l := &layers[li]
		if !every && l.ID != "countries" && !strategicLayers[l.ID] {
			continue
		}
		for fi := range l.Features {
			ix.Add(l.ID, &l.Features[fi], geo.ToWorld(geo.CentralAsia, l.Features[fi].Geometry))
		}
	}
	ix.Build()
	return ix
}

// homeCamera is the browser's camera at the home view (app.Map.Home) in
// a 1280×800 CSS pixel window, limited to the countries layer as wasm/main.go
// limits it.
func homeCamera(tb testing.TB, layers []geo.Layer) *geo.Camera {
	tb.Helper()
	world := geo.CentralAsia.ForwardBound(layers[0].Bound())
	pad := (world.Right() - world.Left()) * 0.03 / 1.06
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: world.Pad(-pad), MaxZoom: 11})
	cam.SetViewport(1280, 800, 1)
	cam.FitBounds(orb.Bound{Min: orb.Point{46, 35}, Max: orb.Point{88, 55.5}}, 0)
	return cam
}

// hitTolerance is the browser's pick radius in CSS pixels (wasm/actions.go).
const hitTolerance = 6

// randomWorldPoints returns n points spread uniformly over b, fixed seed.
func randomWorldPoints(n int, b orb.Bound, seed uint64) []orb.Point {
	r := rand.New(rand.NewPCG(seed, 2))
	ps := make([]orb.Point, n)
	for i := range ps {
		ps[i] = orb.Point{b.Left() + r.Float64()*(b.Right()-b.Left()), b.Bottom() + r.Float64()*(b.Top()-b.Bottom())}
	}
	return ps
}

// BenchmarkIndexQuery is one pointer move: a hit test at a random point of
// the whole map region, with the browser's 6-pixel tolerance at the home
// zoom and a visibility filter that looks layers up in a map, as
// wasm/actions.go does.
func BenchmarkIndexQuery(b *testing.B) {
	layers := appLayers(b)
	cam := homeCamera(b, layers)
	tol := hitTolerance / cam.Scale()
	visible := map[string]bool{}
	for _, l := range layers {
		visible[l.ID] = true
	}
	filter := func(layer string, _ *geo.Feature) bool { return visible[layer] }
	for _, bc := range []struct {
		name  string
		every bool
	}{{"app", false}, {"all-layers", true}} {
		b.Run(bc.name, func(b *testing.B) {
			ix := appIndex(b, layers, bc.every)
			queries := randomWorldPoints(4096, geo.CentralAsia.ForwardBound(layers[0].Bound()), 1)
			hits := 0
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, ok := ix.Query(queries[i%len(queries)], tol, filter); ok {
					hits++
				}
				i++
			}
			b.ReportMetric(tol, "tolerance-m")
		})
	}
}

// BenchmarkIndexBuild indexes the browser's clickable layers, as start-up
// does, and reports the heap the index keeps beyond the geometry it shares.
func BenchmarkIndexBuild(b *testing.B) {
	layers := appLayers(b)
	type feature struct {
		layer string
		f     *geo.Feature
		world orb.Geometry
	}
	var fs []feature
	for li := range layers {
		l := &layers[li]
		if l.ID != "countries" && !strategicLayers[l.ID] {
			continue
		}
		for fi := range l.Features {
			fs = append(fs, feature{l.ID, &l.Features[fi], geo.ToWorld(geo.CentralAsia, l.Features[fi].Geometry)})
		}
	}
	build := func() *geo.Index {
		ix := geo.NewIndex()
		for _, f := range fs {
			ix.Add(f.layer, f.f, f.world)
		}
		ix.Build()
		return ix
	}
	b.ReportAllocs()
	for b.Loop() {
		build()
	}
	b.StopTimer()
	before := heapInUse()
	kept := build()
	b.ReportMetric(float64(heapInUse()-before), "index-bytes")
	runtime.KeepAlive(kept)
}

// heapInUse returns the live heap after a collection, in bytes.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
