package yourdata

import (
	"os"
	"path/filepath"
	"testing"
)

func benchmarkDecode(b *testing.B, data []byte, hint string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data, "c", hint); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeSpecKML(b *testing.B) {
	data, err := os.ReadFile("testdata/spec/kml-placemarks.kml")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkDecode(b, data, "kml")
}

// BenchmarkDecodeWorldAtlas10m reads Natural Earth's 1:10m countries, the
// largest real file in the corpora (3.7 MB of TopoJSON), simplified to fit.
func BenchmarkDecodeWorldAtlas10m(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpora, "world-atlas", "real", "countries-10m.json"))
	if err != nil {
		b.Skipf("SKIPPED: %v (the corpora live beside the repository)", err)
	}
	benchmarkDecode(b, data, "")
}

func BenchmarkDecode20000Points(b *testing.B) { benchmarkDecode(b, pointsGeoJSON(20000), "") }

func BenchmarkDecode19MBGeoJSON(b *testing.B) { benchmarkDecode(b, bigGeoJSON(2000, 500), "") }
