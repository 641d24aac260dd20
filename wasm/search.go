//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"heartland/app/views"
	"heartland/geo"
)

// searchBox is the search field and its result list, an ARIA combobox: type
// a prefix, move with the arrow keys, Enter flies to the result and opens its
// panel, Escape clears.
type searchBox struct {
	input, list js.Value
	index       *geo.SearchIndex
	results     views.SearchResults
	choose      func(id string)
	kindLabel   func(kind string) string
}

func (d *dom) newSearchBox(index *geo.SearchIndex, choose func(id string), kindLabel func(string) string) *searchBox {
	sb := &searchBox{input: d.doc.Call("getElementById", "search-input"), list: d.doc.Call("getElementById", "search-results"),
		index: index, choose: choose, kindLabel: kindLabel}
	if sb.input.IsNull() || sb.list.IsNull() {
		return sb
	}
	listen(sb.input, "input", func(js.Value) { sb.update(d) })
	listen(sb.input, "keydown", sb.key)
	// One listener for every result, so updating the list leaks no callbacks.
	listen(sb.list, "mousedown", func(e js.Value) {
		if li := e.Get("target").Call("closest", "li[data-id]"); !li.IsNull() {
			e.Call("preventDefault") // keep focus in the field
			sb.pick(li.Get("dataset").Get("id").String())
		}
	})
	closeList := safeFunc(func(js.Value, []js.Value) any { sb.close(); return nil })
	// Let a click on a result land before the list closes.
	listen(sb.input, "blur", func(js.Value) { js.Global().Call("setTimeout", closeList, 150) })
	return sb
}

func (sb *searchBox) update(d *dom) {
	q := sb.input.Get("value").String()
	sb.results = views.NewSearchResults(sb.index.Find(q, 8))
	sb.list.Set("textContent", "")
	d.appendAll(sb.list, sb.results.Rows(q, sb.kindLabel))
	open := sb.list.Get("children").Length() > 0
	sb.list.Set("hidden", !open)
	sb.input.Call("setAttribute", "aria-expanded", fmt.Sprint(open))
	sb.input.Call("removeAttribute", "aria-activedescendant")
}

// key does what views.SearchResults.Key says of a key in the field.
func (sb *searchBox) key(e js.Value) {
	k := sb.results.Key(e.Get("key").String())
	if !k.Handled {
		return
	}
	e.Call("preventDefault")
	e.Call("stopPropagation") // Escape here must not also close the panel
	switch {
	case k.Moved:
		items := sb.list.Get("children")
		for i := 0; i < items.Length() && i < len(sb.results.Entries); i++ {
			items.Index(i).Call("setAttribute", "aria-selected", fmt.Sprint(i == sb.results.Active))
		}
		sb.input.Call("setAttribute", "aria-activedescendant", views.OptionID(sb.results.Active))
	case k.Pick != "":
		sb.pick(k.Pick)
	case k.Clear:
		sb.input.Set("value", "")
		sb.close()
	}
}

func (sb *searchBox) pick(id string) {
	sb.close()
	sb.choose(id)
}

func (sb *searchBox) close() {
	sb.list.Set("hidden", true)
	sb.input.Call("setAttribute", "aria-expanded", "false")
	sb.input.Call("removeAttribute", "aria-activedescendant")
}
