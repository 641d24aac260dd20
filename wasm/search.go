//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"heartland/geo"
)

// searchBox is the search field and its result list, an ARIA combobox: type
// a prefix, move with the arrow keys, Enter flies to the result and opens its
// panel, Escape clears.
type searchBox struct {
	input, list js.Value
	index       *geo.SearchIndex
	results     []geo.SearchEntry
	active      int
	choose      func(id string)
	kindLabel   func(kind string) string
}

func (d *dom) newSearchBox(index *geo.SearchIndex, choose func(id string), kindLabel func(string) string) *searchBox {
	sb := &searchBox{input: d.doc.Call("getElementById", "search-input"), list: d.doc.Call("getElementById", "search-results"),
		index: index, choose: choose, kindLabel: kindLabel, active: -1}
	if sb.input.IsNull() || sb.list.IsNull() {
		return sb
	}
	sb.input.Call("addEventListener", "input", safeFunc(func(js.Value, []js.Value) any {
		sb.update(d)
		return nil
	}))
	sb.input.Call("addEventListener", "keydown", safeFunc(func(_ js.Value, args []js.Value) any {
		sb.key(args[0])
		return nil
	}))
	// One listener for every result, so updating the list leaks no callbacks.
	sb.list.Call("addEventListener", "mousedown", safeFunc(func(_ js.Value, args []js.Value) any {
		li := args[0].Get("target").Call("closest", "li[data-id]")
		if !li.IsNull() {
			args[0].Call("preventDefault") // keep focus in the field
			sb.pick(li.Get("dataset").Get("id").String())
		}
		return nil
	}))
	sb.input.Call("addEventListener", "blur", safeFunc(func(js.Value, []js.Value) any {
		// Let a click on a result land before the list closes.
		js.Global().Call("setTimeout", safeFunc(func(js.Value, []js.Value) any { sb.close(); return nil }), 150)
		return nil
	}))
	return sb
}

func (sb *searchBox) update(d *dom) {
	sb.results = sb.index.Find(sb.input.Get("value").String(), 8)
	sb.active = -1
	sb.list.Set("textContent", "")
	for i, r := range sb.results {
		li := d.el("li", "", r.Name)
		li.Set("id", fmt.Sprintf("search-result-%d", i))
		li.Call("setAttribute", "role", "option")
		li.Call("setAttribute", "aria-selected", "false")
		li.Call("append", d.el("span", "result-kind", " "+sb.kindLabel(r.Kind)))
		li.Get("dataset").Set("id", r.ID)
		sb.list.Call("append", li)
	}
	if q := sb.input.Get("value").String(); q != "" && len(sb.results) == 0 {
		li := d.el("li", "no-result", "No place, field, mine or route by that name")
		li.Call("setAttribute", "role", "option")
		li.Call("setAttribute", "aria-disabled", "true")
		sb.list.Call("append", li)
	}
	open := sb.list.Get("children").Length() > 0
	sb.list.Set("hidden", !open)
	sb.input.Call("setAttribute", "aria-expanded", fmt.Sprint(open))
	sb.input.Call("removeAttribute", "aria-activedescendant")
}

func (sb *searchBox) key(e js.Value) {
	switch e.Get("key").String() {
	case "ArrowDown":
		sb.move(1)
	case "ArrowUp":
		sb.move(-1)
	case "Enter":
		if len(sb.results) > 0 {
			sb.pick(sb.results[max(sb.active, 0)].ID)
		}
	case "Escape":
		sb.input.Set("value", "")
		sb.close()
	default:
		return
	}
	e.Call("preventDefault")
	e.Call("stopPropagation") // Escape here must not also close the panel
}

func (sb *searchBox) move(step int) {
	if len(sb.results) == 0 {
		return
	}
	sb.active = (sb.active + step + len(sb.results)) % len(sb.results)
	items := sb.list.Get("children")
	for i := 0; i < items.Length() && i < len(sb.results); i++ {
		items.Index(i).Call("setAttribute", "aria-selected", fmt.Sprint(i == sb.active))
	}
	sb.input.Call("setAttribute", "aria-activedescendant", fmt.Sprintf("search-result-%d", sb.active))
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
