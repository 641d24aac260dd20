package views

import (
	"testing"

	"heartland/geo"
)

var entries = []geo.SearchEntry{{ID: "KAZ", Name: "Kazakhstan", Kind: "country"}, {ID: "kashagan", Name: "Kashagan", Kind: "oil-field"}, {ID: "karaganda", Name: "Karaganda", Kind: "city"}}

func TestSearchArrowsWrapRoundTheResults(t *testing.T) {
	for _, c := range []struct {
		name  string
		steps []int
		want  int
	}{
		{"down from none is the first", []int{1}, 0},
		{"up from none is the last", []int{-1}, 2},
		{"down past the last is the first", []int{1, 1, 1, 1}, 0},
		{"up from the first is the last", []int{1, -1}, 2},
	} {
		r := NewSearchResults(entries)
		for _, s := range c.steps {
			r.Move(s)
		}
		if r.Active != c.want {
			t.Errorf("%s: Active = %d; want %d", c.name, r.Active, c.want)
		}
	}
	empty := NewSearchResults(nil)
	if empty.Move(1) || empty.Active != -1 {
		t.Errorf("Move on no results = true or Active %d; want false and -1", empty.Active)
	}
}

func TestSearchEnterPicksTheHighlightedResultOrTheFirst(t *testing.T) {
	r := NewSearchResults(entries)
	if id, ok := r.Chosen(); !ok || id != "KAZ" {
		t.Errorf("Chosen() = %q, %v with none highlighted; want KAZ", id, ok)
	}
	r.Move(1)
	r.Move(1)
	if id, _ := r.Chosen(); id != "kashagan" {
		t.Errorf("Chosen() = %q after two downs; want kashagan", id)
	}
	if _, ok := NewSearchResults(nil).Chosen(); ok {
		t.Error("Chosen() on no results is ok")
	}
}

func TestSearchRowsAreOptionsWithTheirKind(t *testing.T) {
	rows := NewSearchResults(entries).Rows("ka", kindLabel)
	if len(rows) != 3 {
		t.Fatalf("%d rows; want 3", len(rows))
	}
	r := rows[1]
	if r.TextContent() != "Kashagan kind:oil-field" || r.Attr("id") != "search-result-1" || r.Attr("role") != "option" ||
		r.Attr("aria-selected") != "false" || r.Attr("data-id") != "kashagan" {
		t.Errorf("row 1 = %+v", r)
	}
}

func TestSearchSaysWhenAQueryFindsNothing(t *testing.T) {
	rows := NewSearchResults(nil).Rows("zzz", kindLabel)
	if len(rows) != 1 || rows[0].Class != "no-result" || rows[0].Attr("aria-disabled") != "true" || rows[0].Attr("data-id") != "" {
		t.Errorf("rows = %+v; want one disabled no-result option", rows)
	}
	if rows := NewSearchResults(nil).Rows("", kindLabel); len(rows) != 0 {
		t.Errorf("an empty query gives %d rows; want none", len(rows))
	}
}

func TestSearchKeysMovePickAndClear(t *testing.T) {
	r := NewSearchResults([]geo.SearchEntry{{ID: "a"}, {ID: "b"}})
	for _, c := range []struct {
		key  string
		want SearchKey
	}{
		{"Enter", SearchKey{Handled: true, Pick: "a"}},
		{"ArrowUp", SearchKey{Handled: true, Moved: true}},
		{"Enter", SearchKey{Handled: true, Pick: "b"}},
		{"ArrowDown", SearchKey{Handled: true, Moved: true}},
		{"Escape", SearchKey{Handled: true, Clear: true}},
		{"k", SearchKey{}},
	} {
		if got := r.Key(c.key); got != c.want {
			t.Errorf("Key(%q) = %+v; want %+v", c.key, got, c.want)
		}
	}
	empty := NewSearchResults(nil)
	if got := empty.Key("ArrowDown"); got != (SearchKey{Handled: true}) {
		t.Errorf("↓ with no results: %+v", got)
	}
	if got := empty.Key("Enter"); got != (SearchKey{Handled: true}) {
		t.Errorf("Enter with no results: %+v", got)
	}
}
