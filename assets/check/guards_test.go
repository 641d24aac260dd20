package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The guards of issue 16: sources that are pages about the claim, facts
// that say when they were last verified, and lines on the right surface.

func TestDirRefusesUnsupportedOrStaleLayerFacts(t *testing.T) {
	monthsAgo := func(n int) string { return time.Now().AddDate(0, -n, 0).Format("2006-01-02") }
	// The CPC as it was drawn before issue 16: from Tengiz over the
	// north-east Caspian to Atyrau, 144 km of it over water.
	tengiz := place("tengiz", "oil-field", "KAZ", 53.3833, 46.1528)
	cpcOverSea := route("cpc", "oil-pipeline", "KAZ", []string{"tengiz", "atyrau-terminal"},
		[][2]float64{{53.3833, 46.1528}, {52.75, 46.6}, {51.92, 47.11}})
	aktauPort := place("aktau-port", "port", "KAZ", 51.225, 43.6)
	bakuPort := place("baku-port", "port", "AZE", 49.42, 39.96)
	tests := []struct {
		name  string
		files layerFiles
		file  string
		want  string // "" when valid
	}{
		{"source that is a site's home page", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25,
			"sources", []any{map[string]any{"title": "Silk Route News", "url": "https://silkroute.news", "year": 2025}})}},
			"minerals.geojson", `feature 0 ("mine"): sources[0]: url "https://silkroute.news" is a site's home page; cite the page about the claim`},
		{"source that is a home page with a slash", layerFiles{"minerals.geojson": {place("mine", "gold", "KAZ", 76.9, 43.25,
			"sources", []any{map[string]any{"title": "GeoNames", "url": "https://www.geonames.org/", "year": 2025}})}},
			"minerals.geojson", `is a site's home page`},
		{"a search page is a page", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25,
			"sources", []any{map[string]any{"title": "GeoNames search", "url": "https://www.geonames.org/?q=almaty", "year": 2025}})}},
			"", ""},

		{"feature without checked", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", nil)}},
			"cities.geojson", `feature 0 ("almaty"): missing "checked"`},
		{"checked that is not a date", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", "last spring")}},
			"cities.geojson", `feature 0 ("almaty"): checked "last spring" is not a date (YYYY-MM-DD or YYYY-MM)`},
		{"checked in the future", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", "2999-01-01")}},
			"cities.geojson", `feature 0 ("almaty"): checked 2999-01-01 is after today`},
		{"checked over 24 months ago", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", monthsAgo(25))}},
			"cities.geojson", `feature 0 ("almaty"): facts last checked ` + monthsAgo(25) + `, more than 24 months ago`},
		{"checked 13 months ago is listed, not refused", layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", monthsAgo(13))}},
			"", ""},

		{"onshore pipeline across the Caspian", layerFiles{"energy.geojson": {atyrau, tengiz, cpcOverSea}},
			"energy.geojson", `feature 2 ("cpc"): onshore line crosses 91 km of sea`},
		{"the same line named as subsea", layerFiles{"energy.geojson": {atyrau, tengiz,
			route("cpc", "oil-pipeline", "KAZ", []string{"tengiz", "atyrau-terminal"},
				[][2]float64{{53.3833, 46.1528}, {52.75, 46.6}, {51.92, 47.11}}, "offshore", "caspian-sea")}},
			"energy.geojson", `feature 2 ("cpc"): sea line crosses 8.9 km of land farther than 30 km from its ports`},
		{"sea route across the sea", layerFiles{"trade.geojson": {aktauPort, bakuPort,
			route("ferry", "sea-route", "KAZ", []string{"aktau-port", "baku-port"},
				[][2]float64{{51.225, 43.6}, {50.9, 43.2}, {50.7, 42.2}, {50.6, 41.0}, {50.9, 40.6}, {50.4, 40.05}, {49.8, 39.92}, {49.42, 39.96}})}},
			"", ""},
		{"sea route over land", layerFiles{"trade.geojson": {aktauPort, bakuPort,
			route("ferry", "sea-route", "KAZ", []string{"aktau-port", "baku-port"},
				[][2]float64{{51.225, 43.6}, {52.5, 42.5}, {49.42, 39.96}})}},
			"trade.geojson", `feature 2 ("ferry"): sea line crosses`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := layerProblems(Dir(strategicDir(t, tt.files), Options{Partial: true}))
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("Dir(%s) problems:\n%s\nwant none", tt.name, strings.Join(got, "\n"))
				}
				return
			}
			for _, p := range got {
				if strings.Contains(p, "layers/"+tt.file+": ") && strings.Contains(p, tt.want) {
					return
				}
			}
			t.Errorf("Dir(%s) problems:\n%s\nwant one in %s containing %q", tt.name, strings.Join(got, "\n"), tt.file, tt.want)
		})
	}
}

func TestDirListsFactsCheckedOverAYearAgo(t *testing.T) {
	checked := time.Now().AddDate(0, -13, 0).Format("2006-01-02")
	dir := strategicDir(t, layerFiles{"cities.geojson": {place("almaty", "city", "KAZ", 76.9, 43.25, "checked", checked)}})
	r := Dir(dir, Options{Partial: true})
	var found bool
	for _, s := range r.Stale {
		if s.Entry == `feature "almaty"` && s.Checked.Format("2006-01-02") == checked {
			found = true
		}
	}
	if !found {
		t.Errorf("Dir(almaty checked %s).Stale = %v; want almaty listed", checked, r.Stale)
	}
}

func TestDirRefusesUnsupportedOrStaleCountryFacts(t *testing.T) {
	tests := []struct {
		name   string
		change func(facts map[string]any)
		want   string
	}{
		{"source that is a home page", func(f map[string]any) {
			f["sources"].(map[string]any)["cia_kaz"].(map[string]any)["url"] = "https://www.cia.gov/"
		}, `source "cia_kaz": url "https://www.cia.gov/" is a site's home page`},
		{"country without checked", func(f map[string]any) {
			delete(country(f, "KAZ"), "checked")
		}, `country KAZ: missing "checked"`},
		{"country checked three years ago", func(f map[string]any) {
			country(f, "UZB")["checked"] = time.Now().AddDate(-3, 0, 0).Format("2006-01")
		}, `country UZB: facts last checked`},
		{"membership status without as_of", func(f map[string]any) {
			delete(country(f, "TKM")["memberships"].([]any)[0].(map[string]any), "as_of")
		}, `country TKM: membership C5+1: status "member" needs as_of`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := strategicDir(t, nil)
			path := filepath.Join(dir, "countries", "facts.json")
			var facts map[string]any
			if err := json.Unmarshal(readFile(t, path), &facts); err != nil {
				t.Fatal(err)
			}
			tt.change(facts)
			raw, _ := json.Marshal(facts)
			writeFile(t, path, raw)
			err := Dir(dir, Options{Partial: true}).Err()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Dir(%s) = %v; want a problem containing %q", tt.name, err, tt.want)
			}
		})
	}
}

func country(facts map[string]any, code string) map[string]any {
	return facts["countries"].(map[string]any)[code].(map[string]any)
}

func TestDirRefusesAStorySourceThatIsAHomePage(t *testing.T) {
	dir := strategicDir(t, nil)
	copyFile(t, filepath.Join("..", "stories", "central-asia.json"), filepath.Join(dir, "stories", "central-asia.json"))
	path := filepath.Join(dir, "stories", "central-asia.json")
	raw := strings.Replace(string(readFile(t, path)), "https://kz.usembassy.gov/c51/", "https://kz.usembassy.gov/", 1)
	writeFile(t, path, []byte(raw))
	err := Dir(dir, Options{Partial: true}).Err()
	if err == nil || !strings.Contains(err.Error(), `url "https://kz.usembassy.gov/" is a site's home page`) {
		t.Errorf("Dir(story citing a home page) = %v; want a problem naming the url", err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
