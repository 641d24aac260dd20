package assets

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"heartland/geo"
)

// TestPackedLayersMatchGeoJSON fails when someone edits a GeoJSON layer and
// forgets `heartland pack` (make data): the browser would show stale data.
func TestPackedLayersMatchGeoJSON(t *testing.T) {
	for _, lf := range layerFiles {
		raw, err := os.ReadFile(lf.dir + "/" + lf.path + ".geojson")
		if err != nil {
			t.Fatal(err)
		}
		features, err := geo.DecodeGeoJSON(raw)
		if err != nil {
			t.Fatalf("%s/%s.geojson: %v", lf.dir, lf.path, err)
		}
		geo.AddLabelPoints(features, geo.CentralAsia)
		want, err := geo.PackFeatures(features)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(files, "packed/"+lf.path+".bin")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("assets/packed/%s.bin is out of date with %s/%s.geojson; run `go run ./cmd/heartland pack`", lf.path, lf.dir, lf.path)
		}
	}
}
