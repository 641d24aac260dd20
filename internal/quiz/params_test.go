package quiz

import (
	"slices"
	"testing"
)

func TestParseQuery(t *testing.T) {
	seven := uint64(7)
	tests := []struct {
		query    string
		ok       bool
		want     Params
		warnings int
	}{
		{"", false, Params{}, 0},
		{"?layer=https://x", false, Params{}, 0},
		{"?quiz=countries", true, NewParams("countries", nil, 10), 0},
		{"quiz=Energy&seed=7", true, NewParams("energy", &seven, 10), 0},
		{"?quiz=&count=5", true, NewParams(Mixed, nil, 5), 0},
		{"?quiz=1", true, NewParams(Mixed, nil, 10), 0},
		{"?quiz=<script>&seed=x&count=999", true, NewParams(Mixed, nil, 10), 3},
		{"?quiz=routes&seed=-1&count=0", true, NewParams("routes", nil, 10), 2},
		{"?quiz=minerals&seed=%zz", true, NewParams("minerals", nil, 10), 1},
	}
	for _, tt := range tests {
		p, ok, warnings := ParseQuery(tt.query)
		if ok != tt.ok || p != tt.want || len(warnings) != tt.warnings {
			t.Errorf("ParseQuery(%q) = %+v, %v, %q; want %+v, %v and %d warnings", tt.query, p, ok, warnings, tt.want, tt.ok, tt.warnings)
		}
	}
}

func TestDefaultSeedDiffersBySet(t *testing.T) {
	if DefaultSeed("energy") == DefaultSeed("routes") {
		t.Error("energy and routes share a default seed")
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "?quiz=countries&seed=12&count=4", "quiz=%", "quiz=energy&quiz=routes&seed=18446744073709551615",
		"?quiz=mixed&count=-3", "?seed=1", "quiz=\x00&seed=1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, query string) {
		p, ok, warnings := ParseQuery(query)
		if !ok {
			if p != (Params{}) {
				t.Fatalf("ParseQuery(%q) = %+v without a quiz", query, p)
			}
			return
		}
		if !slices.Contains(Sets, p.Set) || p.Count < 1 || p.Count > MaxCount {
			t.Fatalf("ParseQuery(%q) = %+v: invalid params", query, p)
		}
		for _, w := range warnings {
			if len(w) > 400 {
				t.Fatalf("ParseQuery(%q) warning of %d bytes", query, len(w))
			}
		}
		back, ok, warnings := ParseQuery(p.Query())
		if !ok || back != p || len(warnings) != 0 {
			t.Fatalf("ParseQuery(%q) = %+v; its Query() %q reads back as %+v, %v, %q", query, p, p.Query(), back, ok, warnings)
		}
	})
}
