package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// realAssets is the repository's data folder, seen from this package.
var realAssets = filepath.Join("..", "..", "assets")

func TestCheckPassesOnTheCommittedData(t *testing.T) {
	var out bytes.Buffer
	if err := checkData(&out, []string{"-assets", realAssets}); err != nil {
		t.Fatalf("heartland check -assets %s:\n%v", realAssets, err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "ok" {
		t.Errorf("last line = %q; want \"ok\"", last)
	}
	files := []string{"countries.geojson", "boundaries.geojson", "lakes.geojson", "facts.json"}
	// Strategic layers are checked once they exist; some are still to come.
	strategic, _ := filepath.Glob(filepath.Join(realAssets, "layers", "*.geojson"))
	for _, p := range strategic {
		files = append(files, filepath.Base(p))
	}
	for _, file := range files {
		if !strings.Contains(out.String(), file+": ") {
			t.Errorf("output does not count %s\n%s", file, out.String())
		}
	}
}

func TestCheckReportsEachCorruptionNamingFileAndFeature(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(t *testing.T, dir string)
		file    string   // the file the message must name, under dir
		want    []string // substrings of the error, each naming the feature
	}{
		{
			name: "unclosed ring",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "lakes.geojson", "issyk-kul", func(f map[string]any) {
					ring := f["geometry"].(map[string]any)["coordinates"].([]any)[0].([]any)
					ring[len(ring)-1] = []any{77.0, 42.0}
				})
			},
			file: "borders/lakes.geojson",
			want: []string{`("issyk-kul"): ring 0 is not closed`},
		},
		{
			name: "duplicate id across layers",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "lakes.geojson", "alakol", func(f map[string]any) {
					f["properties"].(map[string]any)["id"] = "border-chn-kaz"
				})
			},
			file: "borders/lakes.geojson",
			want: []string{`("border-chn-kaz"): id is also used in borders/boundaries.geojson`},
		},
		{
			name: "duplicate id in one layer",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "lakes.geojson", "alakol", func(f map[string]any) {
					f["properties"].(map[string]any)["id"] = "issyk-kul"
				})
			},
			file: "borders/lakes.geojson",
			want: []string{`("issyk-kul"): duplicate id`},
		},
		{
			name: "facts key that is not a country on the map",
			corrupt: func(t *testing.T, dir string) {
				editFacts(t, dir, func(doc map[string]any) {
					countries := doc["countries"].(map[string]any)
					countries["ESP"] = countries["AFG"]
				})
			},
			file: "countries/facts.json",
			want: []string{`country "ESP": not a country in countries.geojson`},
		},
		{
			name: "source url javascript:",
			corrupt: func(t *testing.T, dir string) {
				editFacts(t, dir, func(doc map[string]any) {
					doc["sources"].(map[string]any)["cia_kaz"].(map[string]any)["url"] = "javascript:alert(1)"
				})
			},
			file: "countries/facts.json",
			want: []string{`source "cia_kaz": url "javascript:alert(1)" is not an https:// address`},
		},
		{
			name: "membership of an unknown organisation",
			corrupt: func(t *testing.T, dir string) {
				editFacts(t, dir, func(doc map[string]any) {
					kaz := doc["countries"].(map[string]any)["KAZ"].(map[string]any)
					kaz["memberships"].([]any)[0].(map[string]any)["org"] = "NATO"
				})
			},
			file: "countries/facts.json",
			want: []string{`country KAZ: membership "NATO": not one of`},
		},
		{
			name: "missing central state",
			corrupt: func(t *testing.T, dir string) {
				dropFeature(t, dir, "countries.geojson", "TJK")
			},
			file: "borders/countries.geojson",
			// Every consequence is reported, not just the first.
			want: []string{
				"central state TJK is missing",
				`("border-afg-tjk"): countries names "TJK", which is not a country or territory in countries.geojson`,
				`country "TJK": not a country in countries.geojson`,
			},
		},
		{
			name: "country of another group",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "countries.geojson", "KGZ", func(f map[string]any) {
					f["properties"].(map[string]any)["group"] = "neighbour"
				})
			},
			file: "borders/countries.geojson",
			want: []string{`central state KGZ has group "neighbour"`},
		},
		{
			name: "unknown kind",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "lakes.geojson", "lake-van", func(f map[string]any) {
					f["properties"].(map[string]any)["kind"] = "reservoir"
				})
			},
			file: "borders/lakes.geojson",
			want: []string{`("lake-van"): kind "reservoir" is not one of`},
		},
		{
			name: "unnamed border",
			corrupt: func(t *testing.T, dir string) {
				editFeature(t, dir, "boundaries.geojson", "border-kaz-uzb", func(f map[string]any) {
					f["properties"].(map[string]any)["name"] = ""
				})
			},
			file: "borders/boundaries.geojson",
			want: []string{`("border-kaz-uzb"): name is empty`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyAssets(t)
			tt.corrupt(t, dir)
			var out bytes.Buffer
			err := checkData(&out, []string{"-assets", dir})
			if err == nil {
				t.Fatalf("check passed corrupted data; output:\n%s", out.String())
			}
			file := filepath.Join(dir, filepath.FromSlash(tt.file)) + ": "
			for _, want := range tt.want {
				if !hasLineWith(err.Error(), want) {
					t.Errorf("error does not report %q\n%v", want, err)
				}
			}
			if !hasLineWith(err.Error(), file) {
				t.Errorf("error does not name the file %s\n%v", file, err)
			}
			if strings.HasSuffix(strings.TrimSpace(out.String()), "ok") {
				t.Errorf("output ends with ok despite the error:\n%s", out.String())
			}
		})
	}
}

func TestCheckReportsEveryProblemNotJustTheFirst(t *testing.T) {
	dir := copyAssets(t)
	editFeature(t, dir, "lakes.geojson", "issyk-kul", func(f map[string]any) {
		ring := f["geometry"].(map[string]any)["coordinates"].([]any)[0].([]any)
		ring[len(ring)-1] = []any{77.0, 42.0}
	})
	editFacts(t, dir, func(doc map[string]any) {
		doc["sources"].(map[string]any)["cia_uzb"].(map[string]any)["url"] = "ftp://example.org/"
	})
	err := checkData(&bytes.Buffer{}, []string{"-assets", dir})
	if err == nil {
		t.Fatal("check passed data with two problems")
	}
	for _, want := range []string{"ring 0 is not closed", `source "cia_uzb": url "ftp://example.org/"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not report %q\n%v", want, err)
		}
	}
	if !regexp.MustCompile(`^\d+ problems in `).MatchString(err.Error()) {
		t.Errorf("error = %q; want it to start with the count of problems", err)
	}
}

func TestCheckFileReportsEachReaderFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "trip.geojson")
	swapped := filepath.Join(dir, "swapped.geojson")
	broken := filepath.Join(dir, "broken.geojson")
	os.WriteFile(good, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Stop"},"geometry":{"type":"Point","coordinates":[69.24,41.31]}},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500,1]}}]}`), 0o644)
	os.WriteFile(swapped, []byte(`{"type":"Point","coordinates":[41.31,69.24]}`), 0o644)
	os.WriteFile(broken, []byte(`{"type":"FeatureCollection"`), 0o644)
	var out bytes.Buffer
	err := checkData(&out, []string{good, swapped, broken, filepath.Join(dir, "missing.geojson")})
	if err == nil || !strings.Contains(err.Error(), "2 of 4 files") {
		t.Errorf("error = %v; want 2 of 4 files failing", err)
	}
	for _, want := range []string{
		good + ": feature 1: coordinates out of range, skipped (such as [500, 1]",
		good + ": GeoJSON, 1 feature ok",
		swapped + ": the file: every position lies outside the map",
		broken + ": the file is not valid JSON: the file ends too soon (is it cut off?) at line 1, column 28",
		"missing.geojson: open",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// copyAssets copies the data folder into a temporary one the test may break.
func copyAssets(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "assets")
	for _, sub := range []string{"borders", "countries"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(realAssets, sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// editFeature rewrites the feature with id in borders/file. The committed
// files hold one feature per line, so the line is decoded, edited and
// written back in place.
func editFeature(t *testing.T, dir, file, id string, edit func(feature map[string]any)) {
	t.Helper()
	rewriteFeatureLine(t, dir, file, id, func(line string) string {
		comma := strings.HasSuffix(line, ",")
		var f map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSuffix(line, ",")), &f); err != nil {
			t.Fatalf("%s: feature %q: %v", file, id, err)
		}
		edit(f)
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if comma {
			return string(b) + ","
		}
		return string(b)
	})
}

// dropFeature removes the feature with id from borders/file.
func dropFeature(t *testing.T, dir, file, id string) {
	t.Helper()
	rewriteFeatureLine(t, dir, file, id, func(string) string { return "" })
	// The dropped line may have been the last: no comma may end the list.
	path := filepath.Join(dir, "borders", file)
	raw, _ := os.ReadFile(path)
	fixed := strings.Replace(string(raw), ",\n]}", "\n]}", 1)
	if err := os.WriteFile(path, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rewriteFeatureLine(t *testing.T, dir, file, id string, rewrite func(line string) string) {
	t.Helper()
	path := filepath.Join(dir, "borders", file)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	marker := `"id":"` + id + `"`
	out := lines[:0]
	found := false
	for _, line := range lines {
		if strings.Contains(line, marker) && !found {
			found = true
			if line = rewrite(line); line == "" {
				continue
			}
		}
		out = append(out, line)
	}
	if !found {
		t.Fatalf("%s has no feature %q", path, id)
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editFacts decodes countries/facts.json, edits it and writes it back.
func editFacts(t *testing.T, dir string, edit func(doc map[string]any)) {
	t.Helper()
	path := filepath.Join(dir, "countries", "facts.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// hasLineWith reports whether some line of s contains sub.
func hasLineWith(s, sub string) bool {
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Contains(line, sub) {
			return true
		}
	}
	return false
}
