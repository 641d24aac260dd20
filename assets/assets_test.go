package assets

import (
	"io/fs"
	"strings"
	"testing"
)

func TestLayersReturnsEveryLayerInDrawingOrder(t *testing.T) {
	layers, err := Layers()
	if err != nil {
		t.Fatalf("Layers() error: %v", err)
	}
	want := []string{"countries", "boundaries", "water", "trade", "energy", "minerals", "cities"}
	if len(layers) != len(want) {
		t.Fatalf("Layers() returned %d layers; want %d (%v)", len(layers), len(want), want)
	}
	for i, l := range layers {
		if l.ID != want[i] {
			t.Errorf("Layers()[%d].ID = %q; want %q", i, l.ID, want[i])
		}
		if l.Name == "" {
			t.Errorf("layer %q has no display name", l.ID)
		}
		if len(l.Features) == 0 {
			t.Errorf("layer %q has no features", l.ID)
		}
	}
}

func TestLayersHoldTheFiveCentralStates(t *testing.T) {
	layers, err := Layers()
	if err != nil {
		t.Fatalf("Layers() error: %v", err)
	}
	ids := map[string]string{}
	for _, f := range layers[0].Features {
		ids[f.ID] = f.StringProp("group")
	}
	for _, code := range []string{"KAZ", "KGZ", "TJK", "TKM", "UZB"} {
		if ids[code] != "central" {
			t.Errorf("countries layer: %s has group %q; want \"central\"", code, ids[code])
		}
	}
}

func TestLoadFactsGivesKazakhstanAPopulationWithASource(t *testing.T) {
	f, err := LoadFacts()
	if err != nil {
		t.Fatalf("LoadFacts() error: %v", err)
	}
	kaz, ok := f.Countries["KAZ"]
	if !ok {
		t.Fatal(`LoadFacts().Countries["KAZ"] missing`)
	}
	if kaz.Population == nil || kaz.Population.Value <= 0 || kaz.Population.Year == 0 {
		t.Fatalf("KAZ population = %+v; want a positive value with its year", kaz.Population)
	}
	src, ok := f.Sources[kaz.Population.Source]
	if !ok {
		t.Fatalf("KAZ population cites source %q, which is not in sources", kaz.Population.Source)
	}
	if !strings.HasPrefix(src.URL, "https://") || src.Title == "" {
		t.Errorf("source %q = %+v; want a title and an https url", kaz.Population.Source, src)
	}
	if len(f.Sources) == 0 {
		t.Error("LoadFacts().Sources is empty")
	}
}

// validFacts is the smallest document DecodeFacts accepts; the figures are
// placeholders, not facts.
const validFacts = `{
  "sources": {"s": {"title": "A source", "url": "https://example.org/a", "year": 2024}},
  "countries": {"KAZ": {"name": "Kazakhstan", "population": {"value": 1, "year": 2024, "source": "s"}}}
}`

func TestDecodeFactsAcceptsAMinimalDocument(t *testing.T) {
	f, err := DecodeFacts([]byte(validFacts))
	if err != nil {
		t.Fatalf("DecodeFacts(validFacts) error: %v", err)
	}
	if got := f.Countries["KAZ"].Population.Source; got != "s" {
		t.Errorf("population source = %q; want \"s\"", got)
	}
}

func TestDecodeFactsRejects(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		wantErr string
	}{
		{"unknown top-level key", func(s string) string {
			return strings.Replace(s, `"sources"`, `"notes": {}, "sources"`, 1)
		}, `unknown field "notes"`},
		{"unknown country key", func(s string) string {
			return strings.Replace(s, `"name": "Kazakhstan"`, `"name": "Kazakhstan", "motto": "x"`, 1)
		}, `unknown field "motto"`},
		{"figure citing a missing source", func(s string) string {
			return strings.Replace(s, `"source": "s"`, `"source": "nowhere"`, 1)
		}, `source "nowhere" is not in sources`},
		{"figure with no source", func(s string) string {
			return strings.Replace(s, `, "source": "s"`, ``, 1)
		}, `source "" is not in sources`},
		{"no sources at all", func(s string) string {
			return strings.Replace(s, `"s": {"title": "A source", "url": "https://example.org/a", "year": 2024}`, ``, 1)
		}, `is not in sources`},
		{"source without https", func(s string) string {
			return strings.Replace(s, `https://example.org/a`, `http://example.org/a`, 1)
		}, `https url`},
		{"figure without a year", func(s string) string {
			return strings.Replace(s, `"value": 1, "year": 2024`, `"value": 1`, 1)
		}, `year 0 out of range`},
		{"lowercase country key", func(s string) string {
			return strings.Replace(s, `"KAZ"`, `"kaz"`, 1)
		}, `ISO alpha-3`},
		{"not JSON", func(string) string { return `{"sources": ` }, `unexpected EOF`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.edit(validFacts)
			if doc == validFacts {
				t.Fatal("the edit did not change the document")
			}
			_, err := DecodeFacts([]byte(doc))
			if err == nil {
				t.Fatalf("DecodeFacts(%s) = nil error; want one containing %q", doc, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("DecodeFacts error = %q; want it to contain %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "assets/countries/facts.json: ") {
				t.Errorf("DecodeFacts error = %q; want it to name the file", err)
			}
		})
	}
}

func FuzzDecodeFacts(f *testing.F) {
	real, err := fs.ReadFile(files, "countries/facts.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte(validFacts))
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"countries": {"KAZ": {"name": "K", "memberships": [{"org": "SCO", "source": "x"}]}}}`))
	f.Add([]byte(`{"sources": {"s": {"url": "javascript:alert(1)"}}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		facts, err := DecodeFacts(raw) // must not panic
		if err != nil {
			return
		}
		// Whatever is accepted must hold its promises: every cited source exists.
		for code, c := range facts.Countries {
			if c.Population != nil {
				if _, ok := facts.Sources[c.Population.Source]; !ok {
					t.Errorf("accepted %s population citing missing source %q", code, c.Population.Source)
				}
			}
		}
	})
}
