package views

import (
	"fmt"

	"heartland/geo"
)

// SearchResults is the search box's result list and which result the
// arrow keys have highlighted.
type SearchResults struct {
	Entries []geo.SearchEntry
	Active  int // the highlighted entry; -1 for none
}

// NewSearchResults is entries with none highlighted.
func NewSearchResults(entries []geo.SearchEntry) SearchResults {
	return SearchResults{Entries: entries, Active: -1}
}

// Move highlights the entry step places on, wrapping round the ends; from
// none, down is the first and up the last. It reports false when there is
// nothing to highlight.
func (r *SearchResults) Move(step int) bool {
	n := len(r.Entries)
	if n == 0 {
		return false
	}
	if r.Active < 0 && step < 0 {
		r.Active = 0 // so up from none wraps to the last
	}
	r.Active = ((r.Active+step)%n + n) % n
	return true
}

// Chosen is the entry Enter picks: the highlighted one, else the first.
func (r SearchResults) Chosen() (id string, ok bool) {
	if len(r.Entries) == 0 {
		return "", false
	}
	return r.Entries[max(r.Active, 0)].ID, true
}

// OptionID is the element id of result i, for aria-activedescendant.
func OptionID(i int) string { return fmt.Sprintf("search-result-%d", i) }

// Rows are the result list's options: each entry's name and kind, with
// its id in data-id; for a query that found nothing, one disabled option
// saying so. kindLabel turns a kind into words.
func (r SearchResults) Rows(query string, kindLabel func(kind string) string) []Node {
	if query != "" && len(r.Entries) == 0 {
		return []Node{El("li", "no-result", "No place, field, mine or route by that name").
			With("role", "option").With("aria-disabled", "true")}
	}
	rows := make([]Node, len(r.Entries))
	for i, e := range r.Entries {
		rows[i] = El("li", "", e.Name, El("span", "result-kind", " "+kindLabel(e.Kind))).
			With("id", OptionID(i)).With("role", "option").With("aria-selected", "false").With("data-id", e.ID)
	}
	return rows
}

// SearchKey is what a key pressed in the search field did.
type SearchKey struct {
	Handled bool   // the field's key: the page must not act on it too
	Moved   bool   // another result is highlighted
	Pick    string // the id Enter picked
	Clear   bool   // Escape: empty the field and close the list
}

// Key handles a key pressed in the search field: the arrows move the
// highlight, Enter picks the chosen result, Escape clears.
func (r *SearchResults) Key(key string) SearchKey {
	switch key {
	case "ArrowDown", "ArrowUp":
		step := 1
		if key == "ArrowUp" {
			step = -1
		}
		return SearchKey{Handled: true, Moved: r.Move(step)}
	case "Enter":
		id, _ := r.Chosen()
		return SearchKey{Handled: true, Pick: id}
	case "Escape":
		return SearchKey{Handled: true, Clear: true}
	}
	return SearchKey{}
}
