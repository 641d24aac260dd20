package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// layerFiles are strategic layers to write, by file name, as features.
type layerFiles map[string][]map[string]any

// strategicDir makes an assets folder holding the real countries layer and
// facts beside the given strategic layers.
func strategicDir(t *testing.T, files layerFiles) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, filepath.Join("..", "borders", "countries.geojson"), filepath.Join(dir, "borders", "countries.geojson"))
	copyFile(t, filepath.Join("..", "countries", "facts.json"), filepath.Join(dir, "countries", "facts.json"))
	for name, features := range files {
		doc := map[string]any{"type": "FeatureCollection", "features": features}
		raw, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "layers", name), raw)
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, raw)
}

func writeFile(t *testing.T, path string, raw []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

// place returns a valid Point feature; props are key, value pairs that
// replace its properties (a nil value removes one).
func place(id, kind, country string, lon, lat float64, props ...any) map[string]any {
	return feature(id, kind, country, map[string]any{"type": "Point", "coordinates": []float64{lon, lat}}, props)
}

// route returns a valid LineString feature joining the places joins.
func route(id, kind, country string, joins []string, lonLats [][2]float64, props ...any) map[string]any {
	props = append([]any{"joins", joins}, props...)
	return feature(id, kind, country, map[string]any{"type": "LineString", "coordinates": lonLats}, props)
}

func feature(id, kind, country string, geometry map[string]any, props []any) map[string]any {
	p := map[string]any{
		"id": id, "name": "Test " + id, "kind": kind, "country": country,
		"summary": "A place that matters for the test.",
		"sources": []any{map[string]any{"title": "GeoNames: Almaty", "url": "https://www.geonames.org/1526384", "year": 2024}},
		"checked": time.Now().AddDate(0, -1, 0).Format("2006-01-02"),
	}
	if kind == "capital" {
		p["capital"] = true
	}
	for i := 0; i+1 < len(props); i += 2 {
		key := props[i].(string)
		if props[i+1] == nil {
			delete(p, key)
		} else {
			p[key] = props[i+1]
		}
	}
	return map[string]any{"type": "Feature", "properties": p, "geometry": geometry}
}

// Places used across the cases, at their real positions.
var (
	atyrau   = place("atyrau-terminal", "terminal", "KAZ", 51.92, 47.11)
	aktau    = place("aktau", "city", "KAZ", 51.15, 43.65) // on the Caspian coast
	almaty   = place("almaty", "city", "KAZ", 76.9, 43.25)
	astana   = place("astana", "capital", "KAZ", 71.446, 51.1801)
	pipeline = route("atyrau-aktau-pipeline", "oil-pipeline", "KAZ", []string{"atyrau-terminal", "aktau"},
		[][2]float64{{51.92, 47.11}, {54, 47}, {55, 45}, {53.5, 43.5}, {51.17, 43.66}}, "countries", []string{"KAZ"}) // on land, east of the Caspian
)

func TestDirChecksStrategicLayers(t *testing.T) {
	figure := func(source int) []any {
		return []any{map[string]any{"label": "Reserves", "value": "1 billion barrels", "year": 2020, "source": source}}
	}
	tests := []struct {
		name  string
		files layerFiles
		file  string // the layer the problem is in
		want  string // the problem, naming the feature; "" when the files are valid
	}{
		{"valid layers", layerFiles{
			"energy.geojson": {atyrau, pipeline,
				place("kashagan", "oil-field", "KAZ", 51, 42, "offshore", "caspian-sea", "status", "operating", "status_date", "2016-10", "figures", figure(0)),
				feature("two-part-pipeline", "gas-pipeline", "KAZ", map[string]any{"type": "MultiLineString",
					"coordinates": [][][2]float64{{{51.92, 47.11}, {54, 47}, {60, 45}}, {{60, 45}, {76.9, 43.25}}}},
					[]any{"joins", []string{"atyrau-terminal", "almaty"}, "countries", []string{"KAZ"}})},
			"cities.geojson":   {aktau, almaty, astana},
			"minerals.geojson": {place("inkai", "uranium", "KAZ", 67.5367, 45.2822, "status", "operating", "status_date", "2024")},
			"trade.geojson": {place("khorgos-gateway", "dry-port", "KAZ", 80.2, 44.2),
				// 0.75 km inside KAZ, named for UZB: within the tolerance.
				place("border-post", "border-crossing", "UZB", 68.6, 40.7)},
		}, "", ""},
		{"missing layers are fine", layerFiles{"cities.geojson": {almaty}}, "", ""},

		{"unknown kind", layerFiles{"energy.geojson": {place("windmill", "wind-farm", "KAZ", 76.9, 43.25)}},
			"energy.geojson", `feature 0 ("windmill"): kind "wind-farm" is not one of gas-field, gas-pipeline,`},
		{"kind in the wrong file", layerFiles{"energy.geojson": {place("aktau-port", "port", "KAZ", 51.15, 43.65)}},
			"energy.geojson", `feature 0 ("aktau-port"): kind "port" belongs in trade.geojson, not energy.geojson`},
		{"point kind as a line", layerFiles{"energy.geojson": {atyrau,
			route("field", "oil-field", "KAZ", []string{"atyrau-terminal", "atyrau-terminal"}, [][2]float64{{51.92, 47.11}, {51.9, 47.1}})}},
			"energy.geojson", `feature 1 ("field"): kind oil-field must be a Point, not LineString`},
		{"line kind as a point", layerFiles{"energy.geojson": {place("pipe", "gas-pipeline", "KAZ", 76.9, 43.25)}},
			"energy.geojson", `feature 0 ("pipe"): kind gas-pipeline must be a LineString or MultiLineString, not Point`},

		{"id used in another strategic layer", layerFiles{"cities.geojson": {almaty}, "minerals.geojson": {place("almaty", "gold", "KAZ", 76.9, 43.25)}},
			"cities.geojson", `feature 0 ("almaty"): id is also used in layers/minerals.geojson`},
		{"id used in borders", layerFiles{"cities.geojson": {place("siachen-glacier", "city", "KAZ", 76.9, 43.25)}},
			"cities.geojson", `feature 0 ("siachen-glacier"): id is also used in borders/countries.geojson`},
		{"id not kebab-case", layerFiles{"cities.geojson": {place("Almaty", "city", "KAZ", 76.9, 43.25)}},
			"cities.geojson", `feature 0 ("Almaty"): id must be kebab-case`},
		{"empty name", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "name", " ")}},
			"cities.geojson", `feature 0 ("almaty"): name is empty`},
		{"missing summary", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "summary", nil)}},
			"cities.geojson", `feature 0 ("almaty"): missing string property "summary"`},
		{"summary with markup", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "summary", "Big <script>alert(1)</script>")}},
			"cities.geojson", `feature 0 ("almaty"): summary holds '<' or '>'; text is plain, no HTML`},

		{"missing country", layerFiles{"cities.geojson": {place("almaty", "city", "", 76.9, 43.25)}},
			"cities.geojson", `feature 0 ("almaty"): missing string property "country"`},
		{"country not on the map", layerFiles{"cities.geojson": {place("madrid", "city", "ESP", 76.9, 43.25)}},
			"cities.geojson", `feature 0 ("madrid"): country "ESP" is not a country in countries.geojson`},
		{"city 44 km outside its country", layerFiles{"cities.geojson": {place("samarkand", "city", "TJK", 66.96, 39.65)}},
			"cities.geojson", `feature 0 ("samarkand"): point 39.65°N 66.96°E is inside UZB but country says TJK, 44 km outside it (3 km allowed)`},
		{"crossing 6.7 km outside its country", layerFiles{"trade.geojson": {place("crossing", "border-crossing", "KAZ", 68.8, 41.0)}},
			"trade.geojson", `feature 0 ("crossing"): point 41°N 68.8°E is inside UZB but country says KAZ, 6.7 km outside it`},
		{"point at sea without offshore", layerFiles{"energy.geojson": {place("rig", "oil-field", "KAZ", 51, 42)}},
			"energy.geojson", `feature 0 ("rig"): point 42°N 51°E is inside no country but country says KAZ`},
		{"point off the map", layerFiles{"cities.geojson": {place("null-island", "city", "KAZ", 0, 0)}},
			"cities.geojson", `feature 0 ("null-island"): point 0°N 0°E is outside the map area`},
		{"offshore field on land", layerFiles{"energy.geojson": {place("kashagan", "oil-field", "KAZ", 51.92, 47.11, "offshore", "caspian-sea")}},
			"energy.geojson", `feature 0 ("kashagan"): point 47.11°N 51.92°E is on land in KAZ but offshore says caspian-sea`},
		{"offshore in an unknown sea", layerFiles{"energy.geojson": {place("kashagan", "oil-field", "KAZ", 51, 42, "offshore", "aral-sea")}},
			"energy.geojson", `feature 0 ("kashagan"): offshore "aral-sea" is not one of caspian-sea, black-sea, persian-gulf, arabian-sea`},

		{"pipeline end 97 km from its terminal", layerFiles{"energy.geojson": {atyrau,
			route("pipe", "oil-pipeline", "KAZ", []string{"almaty", "atyrau-terminal"}, [][2]float64{{76.9, 43.25}, {53.2, 47.11}})},
			"cities.geojson": {almaty}},
			"energy.geojson", `feature 1 ("pipe"): line ends at 47.11°N 53.2°E, 97 km from "atyrau-terminal" (47.11°N 51.92°E), the last place it joins; want within 30 km`},
		{"pipeline start far from its first place", layerFiles{"energy.geojson": {atyrau,
			route("pipe", "oil-pipeline", "KAZ", []string{"almaty", "atyrau-terminal"}, [][2]float64{{76, 43.25}, {51.92, 47.11}})},
			"cities.geojson": {almaty}},
			"energy.geojson", `feature 1 ("pipe"): line starts at 43.25°N 76°E, 73 km from "almaty"`},
		{"join to a missing id", layerFiles{"energy.geojson": {atyrau,
			route("pipe", "oil-pipeline", "KAZ", []string{"atyrau-terminal", "nowhere"}, [][2]float64{{51.92, 47.11}, {53, 47}})}},
			"energy.geojson", `feature 1 ("pipe"): joins "nowhere", which is not a feature of any layer in layers/`},
		{"join of one place", layerFiles{"energy.geojson": {atyrau,
			route("pipe", "oil-pipeline", "KAZ", []string{"atyrau-terminal"}, [][2]float64{{51.92, 47.11}, {53, 47}})}},
			"energy.geojson", `feature 1 ("pipe"): joins lists 1 ids; want at least 2`},
		{"line without joins", layerFiles{"trade.geojson": {
			route("rail", "rail-corridor", "KAZ", nil, [][2]float64{{51.92, 47.11}, {53, 47}}, "joins", nil)}},
			"trade.geojson", `feature 0 ("rail"): joins lists 0 ids`},
		{"line ending at a line", layerFiles{"cities.geojson": {aktau}, "energy.geojson": {atyrau, pipeline,
			route("spur", "oil-pipeline", "KAZ", []string{"atyrau-terminal", "atyrau-aktau-pipeline"}, [][2]float64{{51.92, 47.11}, {51.92, 47.11}, {51.5, 45.5}})}},
			"energy.geojson", `feature 2 ("spur"): joins "atyrau-aktau-pipeline" last, but it is a LineString, not a place`},
		{"multilinestring without lines", layerFiles{"cities.geojson": {aktau}, "energy.geojson": {atyrau,
			feature("pipe", "oil-pipeline", "KAZ", map[string]any{"type": "MultiLineString", "coordinates": []any{}}, []any{"joins", []string{"atyrau-terminal", "aktau"}})}},
			"energy.geojson", `feature 1 ("pipe"): line has 0 vertices; want at least 2`},
		{"countries naming a country not on the map", layerFiles{"cities.geojson": {aktau}, "energy.geojson": {atyrau,
			route("pipe", "oil-pipeline", "KAZ", []string{"atyrau-terminal", "aktau"}, [][2]float64{{51.92, 47.11}, {51.15, 43.65}}, "countries", []string{"KAZ", "ESP"})}},
			"energy.geojson", `feature 1 ("pipe"): countries names "ESP", which is not a country in countries.geojson`},
		{"joins on a point", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "joins", []string{"astana", "almaty"})}},
			"cities.geojson", `feature 0 ("almaty"): joins is for lines only`},

		{"unknown status", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "status", "running", "status_date", "2024")}},
			"minerals.geojson", `feature 0 ("mine"): status "running" is not one of operating,`},
		{"status without a date", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "status", "operating")}},
			"minerals.geojson", `feature 0 ("mine"): status "operating" needs a status_date (YYYY or YYYY-MM)`},
		{"status date of month 13", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "status", "planned", "status_date", "2024-13")}},
			"minerals.geojson", `feature 0 ("mine"): status_date "2024-13" is not YYYY or YYYY-MM`},
		{"status date in the future", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "status", "planned", "status_date", "2999")}},
			"minerals.geojson", `feature 0 ("mine"): status_date "2999": year 2999 is not in 1900..`},
		{"no sources", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "sources", []any{})}},
			"minerals.geojson", `feature 0 ("mine"): want at least one source in "sources"`},
		{"source over http", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25,
			"sources", []any{map[string]any{"title": "Old", "url": "http://example.org/", "year": 2020}})}},
			"minerals.geojson", `feature 0 ("mine"): sources[0]: want a title, an https url and a year`},
		{"source url without a host", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25,
			"sources", []any{map[string]any{"title": "Odd", "url": "https:///path", "year": 2020}})}},
			"minerals.geojson", `feature 0 ("mine"): sources[0]: url "https:///path" is not an https:// address`},
		{"figure citing source 5 of 1", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25, "figures", figure(5))}},
			"minerals.geojson", `feature 0 ("mine"): figures[0] (Reserves): source 5 is not in sources`},
		{"figure from the future", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25,
			"figures", []any{map[string]any{"label": "Output", "value": "5 t", "year": 2099, "source": 0}})}},
			"minerals.geojson", `feature 0 ("mine"): figures[0] (Output): year 2099 is after the current year`},

		{"capital kind without capital true", layerFiles{"cities.geojson": {place("astana", "capital", "KAZ", 71.446, 51.1801, "capital", nil)}},
			"cities.geojson", `feature 0 ("astana"): kind is capital but capital is not true`},
		{"city with capital true", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "capital", true)}},
			"cities.geojson", `feature 0 ("almaty"): capital is true but kind is "city"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Dir(strategicDir(t, tt.files), Options{Partial: true})
			got := layerProblems(r)
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("Dir(%s) problems:\n%s\nwant none", tt.name, strings.Join(got, "\n"))
				}
				return
			}
			want := "layers/" + tt.file + ": " + tt.want
			for _, p := range got {
				if strings.Contains(p, want) {
					return
				}
			}
			t.Errorf("Dir(%s) problems:\n%s\nwant one containing %q", tt.name, strings.Join(got, "\n"), want)
		})
	}
}

// layerProblems returns the problems of r in layers/, with forward slashes.
func layerProblems(r Report) []string {
	var out []string
	for _, p := range r.Problems {
		if s := filepath.ToSlash(p.Error()); strings.Contains(s, "/layers/") {
			out = append(out, s)
		}
	}
	return out
}

func TestDirReportsAStrategicFileThatDoesNotDecode(t *testing.T) {
	dir := strategicDir(t, nil)
	writeFile(t, filepath.Join(dir, "layers", "energy.geojson"), []byte(`{"type":"FeatureCollection","features":[`))
	r := Dir(dir, Options{Partial: true})
	got := strings.Join(layerProblems(r), "\n")
	if !strings.Contains(got, "layers/energy.geojson: invalid JSON") {
		t.Errorf("Dir(truncated energy.geojson) problems:\n%s\nwant one saying invalid JSON", got)
	}
}

func TestDirReportsAnUnknownStrategicFile(t *testing.T) {
	dir := strategicDir(t, layerFiles{"rivers.geojson": {almaty}})
	got := strings.Join(layerProblems(Dir(dir, Options{Partial: true})), "\n")
	if !strings.Contains(got, "layers/rivers.geojson: not a strategic layer") {
		t.Errorf("Dir(rivers.geojson) problems:\n%s\nwant one saying it is not a strategic layer", got)
	}
}

func TestDirCountsStrategicFeatures(t *testing.T) {
	r := Dir(strategicDir(t, layerFiles{"cities.geojson": {almaty, astana}}), Options{Partial: true})
	for _, f := range r.Files {
		if strings.HasSuffix(filepath.ToSlash(f.File), "layers/cities.geojson") {
			if f.Count != "2 features" {
				t.Errorf("cities.geojson count = %q; want \"2 features\"", f.Count)
			}
			return
		}
	}
	t.Errorf("Dir files %v; want cities.geojson among them", r.Files)
}

func TestDirRequiresEveryStrategicLayer(t *testing.T) {
	r := Dir(strategicDir(t, layerFiles{"cities.geojson": {almaty, astana}}), Options{})
	got := strings.Join(layerProblems(r), "\n")
	for _, name := range []string{"energy.geojson", "minerals.geojson", "trade.geojson"} {
		if !strings.Contains(got, name+": missing") {
			t.Errorf("problems do not report %s missing:\n%s", name, got)
		}
	}
}
