package yourdata

import (
	"os"
	"testing"
)

func BenchmarkDecodeSpecKML(b *testing.B) {
	data, err := os.ReadFile("testdata/spec/kml-placemarks.kml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Decode(data, "c", "kml")
	}
}
