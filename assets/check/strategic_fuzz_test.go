package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"heartland/assets"
)

// FuzzCheckLayerFile feeds arbitrary bytes through the strategic-layer
// checks as each of the strategic files: whatever the bytes, the check
// reports problems and never panics.
func FuzzCheckLayerFile(f *testing.F) {
	layers, err := assets.Layers()
	if err != nil {
		f.Fatalf("assets.Layers(): %v", err)
	}
	base := checker{opts: Options{Now: time.Now()}}
	base.useCountries(layers[0].Features)

	// Whole layer files make poor seeds: the fuzzer stalls mutating inputs
	// of tens of kilobytes. The first feature of each is seed enough.
	paths, _ := filepath.Glob(filepath.Join("..", "layers", "*.geojson"))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if lines := strings.Split(string(raw), "\n"); len(lines) > 2 {
			f.Add([]byte(lines[0] + "\n" + strings.TrimSuffix(lines[1], ",") + "\n]}\n"))
		}
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","kind":"oil-pipeline","joins":["a","a"],"figures":[{"source":-1}]},"geometry":{"type":"MultiLineString","coordinates":[]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"b","kind":"capital","country":"KAZ","offshore":"caspian-sea","capital":"yes","status_date":"20x4"},"geometry":{"type":"Point","coordinates":[51,42]}}]}`))

	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, name := range StrategicFiles {
			c := base
			c.byID, c.report = map[string]string{}, Report{}
			path := "assets/layers/" + name
			if l, ok := c.decodeLayer(path, raw); ok {
				c.checkStrategic([]layerFile{l})
			}
			for _, p := range c.report.Problems {
				if p.File != path || p.Err == nil {
					t.Errorf("problem %#v; want one naming %s with a reason", p, path)
				}
			}
		}
	})
}
