package geo_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func BenchmarkProjectAllVertices(b *testing.B) {
	var points []orb.Point
	for _, name := range []string{"countries.geojson", "boundaries.geojson"} {
		for _, f := range loadBorders(b, name) {
			points = append(points, allPoints(f.Geometry)...)
		}
	}
	var sink orb.Point
	for b.Loop() {
		for _, p := range points {
			sink = geo.CentralAsia.Forward(p)
		}
	}
	_ = sink
	b.ReportMetric(float64(len(points)), "vertices/op")
}

func BenchmarkDecodeGeoJSON(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "assets", "borders", "countries.geojson"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := geo.DecodeGeoJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSimplifyWorld(b *testing.B) {
	geoms := []orb.MultiPolygon{worldMultiPolygon(b, "KAZ"), worldMultiPolygon(b, "RUS"), worldMultiPolygon(b, "CHN")}
	b.ReportAllocs()
	for b.Loop() {
		for _, g := range geoms {
			geo.SimplifyWorld(g, 5)
		}
	}
}

func BenchmarkPlaceLabels(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	boxes := make([]geo.LabelBox, 60)
	for i := range boxes {
		boxes[i] = geo.LabelBox{X: 1280 * r.Float64(), Y: 800 * r.Float64(), W: 40 + 80*r.Float64(), H: 14}
	}
	dst := make([]int, 0, len(boxes))
	b.ReportAllocs()
	for b.Loop() {
		dst = geo.PlaceLabels(dst[:0], boxes, 1280, 800, 6)
	}
}

func BenchmarkLabelAnchor(b *testing.B) {
	kaz := worldMultiPolygon(b, "KAZ")
	b.ReportAllocs()
	for b.Loop() {
		geo.LabelAnchor(kaz)
	}
}
