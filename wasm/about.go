//go:build js

package main

import (
	"syscall/js"

	"heartland/app/views"
	"heartland/assets"
)

// credits are the data sources and their licences, shown by the "i" button.
var credits = []struct{ what, who, licence, url string }{
	{"Country borders", "Natural Earth 1:10m Admin 0, via world-atlas 2.0.2", "public domain", "https://www.naturalearthdata.com/"},
	{"Lakes", "GSHHG 2.3.7, P. Wessel and W. H. F. Smith", "LGPL-3.0", "https://www.soest.hawaii.edu/pwessel/gshhg/"},
	{"City positions", "GeoNames", "CC BY 4.0", "https://www.geonames.org/"},
	{"GDP figures", "World Bank, World Development Indicators", "CC BY 4.0", "https://data.worldbank.org/"},
	{"Country facts", "CIA, The World Factbook", "public domain", "https://www.cia.gov/the-world-factbook/"},
	{"Fields, pipelines, mines, routes", "compiled by Heartland from the sources cited in each panel", "see each source", ""},
	{"Label font", "Go fonts", "BSD-style", "https://go.dev/blog/go-fonts"},
}

// newAboutDialog adds the "i" button and the dialog that credits the data
// and says when the least recently verified entry had its facts checked.
func (d *dom) newAboutDialog() {
	btn, ok := d.controlButton("about-toggle", "about-button", "i", "Data sources and licences",
		"About this map: data sources and licences")
	if !ok {
		return
	}
	btn.Call("setAttribute", "aria-haspopup", "dialog")

	dialog := d.el("dialog", "about", "")
	dialog.Set("id", "about")
	dialog.Call("setAttribute", "aria-labelledby", "about-title")
	title := d.el("h2", "", "About this map")
	title.Set("id", "about-title")
	intro := d.el("p", "", "Heartland shows Central Asia's borders, energy, minerals and trade routes. Every figure in a panel carries its year and a link to its source.")
	dl := d.el("dl", "facts", "")
	for _, c := range credits {
		dd := d.el("dd", "", "")
		if c.url != "" {
			dd.Call("append", d.externalLink(c.who, c.url))
		} else {
			dd.Set("textContent", c.who)
		}
		dd.Call("append", d.el("span", "year", " · "+c.licence))
		dl.Call("append", d.el("dt", "", c.what), dd)
	}
	note := d.el("p", "panel-note", "Boundaries are drawn as Natural Earth draws them and imply no position on disputed territory.")
	checked := d.el("p", "panel-note about-checked", "")
	close := d.el("button", "panel-close", "×")
	close.Set("type", "button")
	close.Call("setAttribute", "aria-label", "Close")
	dialog.Call("append", close, title, intro, dl, checked, note)
	d.doc.Get("body").Call("append", dialog)
	btn.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any {
		if checked.Get("textContent").String() == "" {
			checked.Set("textContent", oldestCheckedText())
		}
		dialog.Call("showModal") // a modal dialog traps focus and closes on Escape
		return nil
	}))
	close.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any {
		dialog.Call("close")
		return nil
	}))
}

// oldestCheckedText says how fresh the data is at worst. It reads the data
// again when the dialog first opens rather than at start-up, which it
// would slow for a line few readers look at.
func oldestCheckedText() string {
	layers, err := assets.Layers()
	if err != nil {
		return ""
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		return ""
	}
	date, name := views.OldestChecked(layers, facts)
	if date == "" {
		return ""
	}
	return "Every panel says when its facts were last checked against their sources; the oldest check is from " + date + " (" + name + ")."
}
