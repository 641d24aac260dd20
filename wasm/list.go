//go:build js

package main

import (
	"sort"
	"syscall/js"

	"github.com/paulmach/orb"
)

// featureList is the map as a table: the countries and features in view,
// each a button that opens its panel. Keyboard and screen-reader users get
// everything the canvas shows, and anyone can read it as data.
type featureList struct {
	toggle, aside, body js.Value
	open                bool
	refreshNeeded       bool
	rows                []*item
}

// maxListRows bounds the table; the view is zoomed in far enough long before.
const maxListRows = 300

func (d *dom) newFeatureList(choose func(id string), wake func()) *featureList {
	fl := &featureList{}
	toggle, ok := d.controlButton("list-toggle", "", "☰", "Places in view, as a list", "List the places in view")
	if !ok {
		return fl
	}
	fl.toggle = toggle
	fl.toggle.Call("setAttribute", "aria-controls", "feature-list")
	fl.toggle.Call("setAttribute", "aria-expanded", "false")

	fl.aside = d.el("aside", "feature-list", "")
	fl.aside.Set("id", "feature-list")
	fl.aside.Set("hidden", true)
	fl.aside.Call("setAttribute", "aria-labelledby", "feature-list-title")
	table := d.el("table", "", "")
	caption := d.el("caption", "", "Places in view")
	caption.Set("id", "feature-list-title")
	head := d.el("thead", "", "")
	tr := d.el("tr", "", "")
	for _, h := range []string{"Name", "Kind", "Country"} {
		th := d.el("th", "", h)
		th.Call("setAttribute", "scope", "col")
		tr.Call("append", th)
	}
	head.Call("append", tr)
	fl.body = d.el("tbody", "", "")
	table.Call("append", caption, head, fl.body)
	fl.aside.Call("append", table)
	d.doc.Get("body").Call("append", fl.aside)

	fl.toggle.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any {
		fl.open = !fl.open
		fl.aside.Set("hidden", !fl.open)
		fl.toggle.Call("setAttribute", "aria-expanded", fmtBool(fl.open))
		if fl.open {
			fl.refreshNeeded = true
			wake()
		}
		return nil
	}))
	fl.body.Call("addEventListener", "click", safeFunc(func(_ js.Value, args []js.Value) any {
		btn := args[0].Get("target").Call("closest", "button[data-id]")
		if !btn.IsNull() {
			choose(btn.Get("dataset").Get("id").String())
		}
		return nil
	}))
	return fl
}

func fmtBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// refresh rebuilds the table for the current view when it is open.
func (fl *featureList) refresh(g *Game) {
	if !fl.open || fl.body.IsUndefined() {
		return
	}
	fl.refreshNeeded = false
	view := g.cam.VisibleWorld()
	fl.rows = fl.rows[:0]
	for _, it := range g.scene.items {
		if !g.scene.visible[it.layer] || !it.listable() {
			continue
		}
		if p, ok := it.world.(orb.Point); ok && !view.Contains(p) || !it.world.Bound().Intersects(view) {
			continue
		}
		fl.rows = append(fl.rows, it)
	}
	sort.SliceStable(fl.rows, func(i, j int) bool {
		a, b := fl.rows[i], fl.rows[j]
		if ra, rb := a.listRank(), b.listRank(); ra != rb {
			return ra < rb
		}
		return a.feature.Name < b.feature.Name
	})
	d := g.ui
	fl.body.Set("textContent", "")
	for i, it := range fl.rows {
		if i == maxListRows {
			tr := d.el("tr", "", "")
			td := d.el("td", "", "… and more: zoom in to list them")
			td.Set("colSpan", 3)
			tr.Call("append", td)
			fl.body.Call("append", tr)
			break
		}
		tr := d.el("tr", "", "")
		btn := d.el("button", "link-button", it.feature.Name)
		btn.Set("type", "button")
		btn.Get("dataset").Set("id", it.feature.ID)
		name := d.el("td", "", "")
		name.Call("append", btn)
		country := ""
		if it.feature.Country != "" && it.feature.Country != it.feature.ID {
			country = g.scene.displayName(it.feature.Country)
		}
		tr.Call("append", name, d.el("td", "", kindLabel(it.feature.Kind)), d.el("td", "", country))
		fl.body.Call("append", tr)
	}
}

// listable reports whether an item gets a row: countries and every
// thematic or custom feature (not borders, coasts or lakes).
func (it *item) listable() bool {
	return it.layer == "countries" && it.feature.Kind == "country" || it.style.label != ""
}

// listRank orders rows: Central Asia, other countries, then features.
func (it *item) listRank() int {
	switch {
	case it.layer == "countries" && it.central:
		return 0
	case it.layer == "countries":
		return 1
	}
	return 2
}
