package geo

import (
	"reflect"
	"testing"
)

var searchEntries = []SearchEntry{
	{ID: "kashagan", Name: "Kashagan"},
	{ID: "KAZ", Name: "Kazakhstan"},
	{ID: "kashgar", Name: "Kashgar"},
	{ID: "acg", Name: "Azeri–Chirag–Deepwater Gunashli"},
	{ID: "turkmenbashi", Name: "Türkmenbaşy"},
	{ID: "mazar", Name: "Mazar-i-Sharif"},
	{ID: "empty", Name: "  —  "},
}

func ids(es []SearchEntry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestSearchFindsByPrefixIgnoringCaseAndAccents(t *testing.T) {
	ix := NewSearchIndex(searchEntries)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"kash", []string{"kashagan", "kashgar"}},
		{"KASHAGAN", []string{"kashagan"}},
		{"ka", []string{"kashagan", "kashgar", "KAZ"}},
		{"chirag", []string{"acg"}},               // a later word
		{"turkmenbasy", []string{"turkmenbashi"}}, // accents folded
		{"sharif", []string{"mazar"}},
		{"mazar i", []string{"mazar"}}, // hyphens are spaces
		{"", nil},
		{"   ", nil},
		{"xyz", []string{}},
	} {
		got := ids(ix.Find(c.q, 10))
		if c.want == nil {
			if len(got) != 0 {
				t.Errorf("Find(%q) = %v; want nothing", c.q, got)
			}
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Find(%q) = %v; want %v", c.q, got, c.want)
		}
	}
}

func TestSearchRanksNameStartsBeforeLaterWords(t *testing.T) {
	ix := NewSearchIndex([]SearchEntry{{ID: "b", Name: "North Kashagan"}, {ID: "a", Name: "Kashagan"}})
	if got := ids(ix.Find("kash", 10)); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("Find(kash) = %v; want the name that starts with it first", got)
	}
	if got := ids(ix.Find("kash", 1)); len(got) != 1 {
		t.Errorf("Find with limit 1 returned %d", len(got))
	}
}

func FuzzSearchFind(f *testing.F) {
	ix := NewSearchIndex(searchEntries)
	for _, s := range []string{"kash", "Türk", "\xff", "ʻʼ", "a b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if got := ix.Find(q, 5); len(got) > 5 {
			t.Fatalf("Find(%q) returned %d > limit", q, len(got))
		}
	})
}
