package geo_test

import (
	"fmt"
	"io/fs"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

// Benchmarks of what the browser does with the data, in the order it does
// it: decode the packed layers at start-up, simplify and tessellate them per
// zoom level, and per frame place labels and symbols for the view.

// BenchmarkUnpackAll decodes every packed layer, as start-up does
// (assets.Layers); MB/s is of packed bytes.
func BenchmarkUnpackAll(b *testing.B) {
	files, err := fs.Glob(assets.FS(), "packed/*.bin")
	if err != nil || len(files) == 0 {
		b.Fatalf("packed layers: %v (found %d)", err, len(files))
	}
	size := 0
	for _, name := range files {
		raw, err := fs.ReadFile(assets.FS(), name)
		if err != nil {
			b.Fatal(err)
		}
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var layers []geo.Layer
	for b.Loop() {
		if layers, err = assets.Layers(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(vertexCount(layers)), "vertices/op")
}

// worldLayers returns every feature of every layer in world metres.
func worldLayers(tb testing.TB, layers []geo.Layer) map[string][]orb.Geometry {
	tb.Helper()
	out := map[string][]orb.Geometry{}
	for _, l := range layers {
		for _, f := range l.Features {
			out[l.ID] = append(out[l.ID], geo.ToWorld(geo.CentralAsia, f.Geometry))
		}
	}
	return out
}

// benchLevels are the simplification levels of the whole region zoomed out
// as far as the camera allows, the home view in a 1280×800 window, a closer
// view, and the closest zoom (wasm/main.go's MaxZoom).
func benchLevels(tb testing.TB, layers []geo.Layer) []int {
	cam := homeCamera(tb, layers)
	return []int{geo.LevelFor(cam.MinZoom()), geo.LevelFor(cam.Zoom()), 8, 11}
}

// BenchmarkSimplify simplifies every feature of every layer for one level,
// as the browser does the first time it draws at that zoom.
func BenchmarkSimplify(b *testing.B) {
	layers := appLayers(b)
	world := worldLayers(b, layers)
	in := 0
	for _, gs := range world {
		for _, g := range gs {
			in += len(allPoints(g))
		}
	}
	for _, level := range benchLevels(b, layers) {
		b.Run(fmt.Sprintf("level-%d", level), func(b *testing.B) {
			b.ReportAllocs()
			out := 0
			for b.Loop() {
				out = 0
				for _, gs := range world {
					for _, g := range gs {
						out += len(allPoints(geo.SimplifyWorld(g, level)))
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(in), "ns/input-vertex")
			b.ReportMetric(float64(out), "vertices-kept/op")
		})
	}
}

// BenchmarkTessellate builds the fill and stroke meshes of every layer from
// geometry already simplified for one level: country and lake fills, a fill
// and an outline per country (for hover), border and coast strokes, and
// the strategic lines.
func BenchmarkTessellate(b *testing.B) {
	layers := appLayers(b)
	world := worldLayers(b, layers)
	for _, level := range benchLevels(b, layers) {
		b.Run(fmt.Sprintf("level-%d", level), func(b *testing.B) {
			simple := map[string][]orb.Geometry{}
			for id, gs := range world {
				for _, g := range gs {
					simple[id] = append(simple[id], geo.SimplifyWorld(g, level))
				}
			}
			b.ReportAllocs()
			vertices := 0
			for b.Loop() {
				vertices = tessellate(simple)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(vertices), "ns/mesh-vertex")
			b.ReportMetric(float64(vertices), "mesh-vertices/op")
		})
	}
}

// tessellate meshes the layers as wasm/levelmeshes.go does and returns the
// number of mesh vertices.
func tessellate(layers map[string][]orb.Geometry) int {
	var fills, strokes geo.Mesh
	n := 0
	for id, gs := range layers {
		for _, g := range gs {
			switch id {
			case "countries":
				mp := geo.AsMultiPolygon(g)
				var fill, outline geo.Mesh
				fills.AddPolygons(mp)
				fill.AddPolygons(mp)
				outline.AddLines(mp)
				n += fill.VertexCount() + outline.VertexCount()
			case "water":
				fills.AddPolygons(geo.AsMultiPolygon(g))
			default:
				strokes.AddLines(g)
			}
		}
	}
	return n + fills.VertexCount() + strokes.VertexCount()
}

func vertexCount(layers []geo.Layer) int {
	n := 0
	for _, l := range layers {
		for _, f := range l.Features {
			n += len(allPoints(f.Geometry))
		}
	}
	return n
}
