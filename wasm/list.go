//go:build js

package main

import (
	"strconv"
	"syscall/js"

	"heartland/app/views"
	"heartland/mapstyle"
)

// featureList is the map as a table: the countries and features in view,
// each a button that opens its panel. Keyboard and screen-reader users get
// everything the canvas shows, and anyone can read it as data.
type featureList struct {
	toggle, aside, body js.Value
	open                bool
	refreshNeeded       bool
	places              []views.Place // reused by each refresh
}

func (d *dom) newFeatureList(choose func(id string), wake func()) *featureList {
	fl := &featureList{}
	toggle, ok := d.controlButton("list-toggle", "", "☰", "Places in view, as a list", "List the places in view")
	if !ok {
		return fl
	}
	fl.toggle = toggle
	fl.toggle.Call("setAttribute", "aria-controls", "feature-list")
	fl.toggle.Call("setAttribute", "aria-expanded", "false")

	fl.aside = d.render(views.PlacesTable())
	fl.aside.Set("hidden", true)
	fl.body = fl.aside.Call("querySelector", "tbody")
	d.doc.Get("body").Call("append", fl.aside)

	listen(fl.toggle, "click", func(js.Value) {
		fl.open = !fl.open
		fl.aside.Set("hidden", !fl.open)
		fl.toggle.Call("setAttribute", "aria-expanded", strconv.FormatBool(fl.open))
		if fl.open {
			fl.refreshNeeded = true
			wake()
		}
	})
	listen(fl.body, "click", func(e js.Value) {
		if btn := e.Get("target").Call("closest", "button[data-id]"); !btn.IsNull() {
			choose(btn.Get("dataset").Get("id").String())
		}
	})
	return fl
}

// refresh rebuilds the table for the current view when it is open
// (views.PlacesInView and views.PlaceRows decide what it lists).
func (fl *featureList) refresh(g *Game) {
	if !fl.open || fl.body.IsUndefined() {
		return
	}
	fl.refreshNeeded = false
	fl.places = fl.places[:0]
	for _, it := range g.scene.Items() {
		fl.places = append(fl.places, views.Place{Feature: it.Feature, Layer: it.Layer, World: it.World, Central: it.Central})
	}
	rows := views.PlaceRows(views.PlacesInView(fl.places, g.cam.VisibleWorld(), g.scene.Visible), mapstyle.KindLabel, g.scene.DisplayName)
	fl.body.Set("textContent", "")
	g.ui.appendAll(fl.body, rows)
}
