package yourdata

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// checkResult fails on anything Decode must never return: a kept feature
// without id, kind or name, a position off the globe, more features or
// positions than the limits, or an empty message.
func checkResult(t *testing.T, res Result, err error) {
	t.Helper()
	if err != nil {
		if err.Error() == "" {
			t.Fatal("empty error")
		}
		return
	}
	if len(res.Features) == 0 || len(res.Features) > MaxFeatures {
		t.Fatalf("%d features without an error", len(res.Features))
	}
	total := 0
	for _, f := range res.Features {
		if !geo.ValidID(f.ID) || f.Kind == "" || f.Name == "" || f.Props == nil {
			t.Fatalf("kept feature %q kind %q name %q props %v", f.ID, f.Kind, f.Name, f.Props)
		}
		total += vertices(f.Geometry)
		eachPoint(f.Geometry, func(p *orb.Point, _ bool) bool {
			if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.Abs(p[0]) > 180 || math.Abs(p[1]) > 90 {
				t.Fatalf("feature %s has position %v", f.ID, *p)
			}
			return true
		})
	}
	if total > MaxReadVertices {
		t.Fatalf("%d positions kept", total)
	}
	for _, w := range res.Warnings {
		if strings.TrimSpace(w) == "" {
			t.Fatal("empty warning")
		}
	}
}

// addSpecSeeds seeds a fuzz target with the spec corpus files of a kind.
func addSpecSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "spec", pattern))
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && !strings.HasSuffix(p, ".golden") {
			f.Add(data)
		}
	}
}

// fuzzDecode fuzzes Decode with a format hint, seeded with the spec files
// matching patterns.
func fuzzDecode(f *testing.F, hint string, patterns ...string) {
	for _, p := range patterns {
		addSpecSeeds(f, p)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Decode(data, "c", hint)
		checkResult(t, res, err)
	})
}

func FuzzDecode(f *testing.F) { fuzzDecode(f, "", "*json*", "not-*") }

func FuzzDecodeCSV(f *testing.F) {
	f.Add([]byte("lat;lon\n\"41,3\";\"69,2\"\n"))
	fuzzDecode(f, "csv", "csv-*")
}

func FuzzDecodeKML(f *testing.F) { fuzzDecode(f, "kml", "kml-*", "kmz-*") }

func FuzzDecodeGPX(f *testing.F) { fuzzDecode(f, "gpx", "gpx-*") }

func FuzzParseWKT(f *testing.F) {
	for _, s := range []string{"POINT (1 2)", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((2 2, 3 2, 3 3, 2 2)))", "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING EMPTY)", "SRID=4326;POINT Z (1 2 3)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = parseWKT(s)
	})
}
