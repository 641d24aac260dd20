package yourdata

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// corpora is the folder of other people's GeoJSON and TopoJSON (public
// test suites and real-world files) beside the repository; its README says
// where each comes from. It is not part of the repository, so the test
// skips, saying so, where it is absent; testdata/spec is what always runs.
var corpora = filepath.Join("..", "..", "shared", "corpora")

// drawsNothing are valid files in the corpora that have nothing a map of
// longitudes and latitudes can draw: null or empty geometries only, no
// objects, or projected (Mercator) positions. Each must be refused with
// "nothing to draw"; every other valid file must draw.
var drawsNothing = map[string]bool{
	"check-geojson/good/nullgeometry.geojson":                           true,
	"geojson-schema/valid/feature/empty-polygon.json":                   true,
	"geojson-schema/valid/feature/null-geometry.json":                   true,
	"geojson-schema/valid/featurecollection/empty.json":                 true,
	"geojsonhint/good/issue82.geojson":                                  true, // positions at latitude -107
	"geojsonhint/good/nullgeometry.geojson":                             true,
	"orb-geojson/good/feature-null-geometry.geojson":                    true,
	"rfc7946/good/middle-05-bounding-box-collection-completed.geojson":  true,
	"rfc7946/good/middle-06-bounding-box-3d-completed.geojson":          true,
	"topojson-client/good/geojson/polygon-mercator.json":                true,
	"topojson-client/good/topojson/polygon-mercator-q1e4.json":          true,
	"topojson-client/good/topojson/polygon-mercator-q1e5.json":          true,
	"topojson-client/good/topojson/polygon-mercator.json":               true,
	"topojson-server/good/geojson/empty-multilinestring.json":           true,
	"topojson-server/good/geojson/empty-multipoint.json":                true,
	"topojson-server/good/geojson/empty-multipolygon.json":              true,
	"topojson-server/good/geojson/empty-multipolygon2.json":             true,
	"topojson-server/good/geojson/empty-polygon.json":                   true,
	"topojson-server/good/geojson/no-properties.json":                   true,
	"topojson-server/good/geojson/polygon-feature-mercator.json":        true,
	"topojson-server/good/geojson/polygon-feature-rounded.json":         true,
	"topojson-server/good/geojson/properties.json":                      true,
	"topojson-server/good/topojson/empty-allowed.json":                  true,
	"topojson-server/good/topojson/empty.json":                          true,
	"topojson-server/good/topojson/polygon-mercator.json":               true,
	"topojson-server/good/topojson/properties-external-default-id.json": true,
	"topojson-server/good/topojson/properties-id-computed.json":         true,
	"topojson-server/good/topojson/properties-id-fallback.json":         true,
	"topojson-server/good/topojson/properties-number.json":              true,
	"topojson-server/good/topojson/properties.json":                     true,
	"topojson-validation/valid/topology/additional-members.json":        true,
	"topojson-validation/valid/topology/minimal.json":                   true,
}

// validFolders hold files valid by the specification (or real-world files
// a reader would expect to see).
var validFolders = []string{"good", "valid", "real", "true"}

// acceptedInvalid records how many files of each folder of invalid files
// the lenient reader still draws (with warnings), so a change shows up
// here; folder → drawn of total.
var acceptedInvalid = map[string][2]int{
	"check-geojson/bad":           {15, 42},
	"geojson-schema/invalid":      {9, 36},
	"geojsonhint/bad":             {19, 44},
	"orb-geojson/bad":             {0, 12},
	"osmtogeojson/bad":            {0, 5},
	"topojson-validation/invalid": {4, 11},
	"turf-boolean-valid/false":    {7, 15},
	"turf/bad":                    {3, 3},
}

// silentInvalid are files of the invalid folders drawn without a warning,
// and why that is right: what their suite flags is allowed by RFC 7946 or
// does not matter for drawing. Every other invalid file that draws must
// say what was wrong with it.
var silentInvalid = map[string]string{
	"check-geojson/bad/geometrycollection_nested.geojson":   "nested GeometryCollections: RFC 7946 says SHOULD avoid, not MUST NOT",
	"geojsonhint/bad/geometrycollection_nested.geojson":     "nested GeometryCollections: SHOULD avoid",
	"geojsonhint/bad/geometrycollection_single.geojson":     "a one-member GeometryCollection: SHOULD avoid",
	"geojsonhint/bad/bad-polygon-interiorring-rhr.geojson":  "winding order: RFC 7946 says parsers SHOULD NOT reject it",
	"geojsonhint/bad/polygon_winding_order.geojson":         "winding order: parsers SHOULD NOT reject it",
	"geojsonhint/bad/excessive_precision_truncated.geojson": "precision: geojsonhint itself expects no error",
}

func TestCorporaValidFilesDraw(t *testing.T) {
	if _, err := os.Stat(corpora); err != nil {
		t.Skipf("SKIPPED: the public corpora are not at %s (they live beside the repository, not in it): %v", corpora, err)
	}
	drawn, total := map[string]int{}, map[string]int{}
	seen := map[string]bool{}
	err := filepath.WalkDir(corpora, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".geojson")) {
			return err
		}
		rel, _ := filepath.Rel(corpora, path)
		rel = filepath.ToSlash(rel)
		parts := strings.Split(rel, "/")
		folder := parts[0] + "/" + parts[1]
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		start := time.Now()
		res, derr := Decode(data, "c", rel)
		// A second per MB and one to spare: generous, as the machine may be
		// busy, but a file that makes decoding blow up is caught.
		if took, most := time.Since(start), time.Second+time.Duration(len(data))*time.Second/(1<<20); took > most {
			t.Errorf("%s: decoding took %v; want under %v", rel, took, most)
		}
		total[folder]++
		if derr == nil {
			drawn[folder]++
			if len(res.Features) == 0 {
				t.Errorf("%s: no error and no features", rel)
			}
		}
		valid := false
		for _, v := range validFolders {
			valid = valid || parts[1] == v
		}
		switch {
		case !valid && derr == nil && len(res.Warnings) == 0 && !strings.HasPrefix(folder, "turf-boolean-valid"):
			if _, ok := silentInvalid[rel]; !ok {
				t.Errorf("%s (invalid) drawn without a word: want a warning saying what is wrong", rel)
			}
		case !valid:
		case drawsNothing[rel]:
			seen[rel] = true
			if derr == nil || !strings.Contains(derr.Error(), "nothing to draw") {
				t.Errorf("%s: Decode error = %v; want nothing to draw (the file has no drawable lon/lat shape)", rel, derr)
			}
		case derr != nil:
			t.Errorf("%s (valid): %v; warnings %q", rel, derr, res.Warnings)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range drawsNothing {
		if !seen[rel] {
			t.Errorf("%s is listed as drawing nothing but was not found", rel)
		}
	}
	folders := make([]string, 0, len(total))
	for f := range total {
		folders = append(folders, f)
	}
	sort.Strings(folders)
	for _, f := range folders {
		t.Logf("%-32s %3d of %3d drawn", f, drawn[f], total[f])
		if want, ok := acceptedInvalid[f]; ok && (want != [2]int{drawn[f], total[f]}) {
			t.Errorf("%s: %d of %d invalid files drawn; recorded %d of %d (review the change, then update acceptedInvalid)", f, drawn[f], total[f], want[0], want[1])
		}
	}
}
