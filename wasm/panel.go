//go:build js

package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"heartland/assets"
	"heartland/geo"
	"heartland/wasm/bridge"
)

// openPanel fills the panel for a feature and moves focus into it.
func (d *dom) openPanel(f *geo.Feature, facts assets.Facts, names func(id string) string) {
	if d.panel.Get("hidden").Bool() {
		d.prevFocus = d.doc.Get("activeElement")
	}
	d.panelTitle.Set("textContent", f.Name)
	d.panelBody.Set("textContent", "")
	c, ok := facts.Countries[f.ID]
	switch {
	case ok:
		d.panelTitle.Set("textContent", c.Name)
		d.countryBody(c, facts)
	case strings.HasPrefix(f.Kind, "custom-"):
		d.customBody(f)
	case isKnownKind(f.Kind):
		d.featureBody(f, names)
	default:
		note := "Heartland covers the Central Asian states and their main neighbours in depth; this country has no fact sheet yet."
		if f.Kind == "territory" {
			note = "A territory shown as Natural Earth draws it."
		}
		d.panelBody.Call("append", d.el("p", "panel-note", note))
	}
	d.panel.Set("hidden", false)
	d.panel.Get("scrollTop")
	d.panel.Set("scrollTop", 0)
	// Focus moves in on the next task: when the panel opens from a key
	// (Enter on a search result), the browser still delivers that key's
	// keypress, which would otherwise press the close button at once.
	closeBtn := d.doc.Call("getElementById", "panel-close")
	var focusLater js.Func
	focusLater = safeFunc(func(js.Value, []js.Value) any {
		focusLater.Release()
		if !d.panel.Get("hidden").Bool() {
			closeBtn.Call("focus")
		}
		return nil
	})
	js.Global().Call("setTimeout", focusLater, 0)
	d.live.Set("textContent", "Selected "+d.panelTitle.Get("textContent").String())
}

func (d *dom) countryBody(c assets.Country, facts assets.Facts) {
	var cites bridge.Citations
	dl := d.el("dl", "facts", "")
	row := func(term, value string, year int, source string) {
		if value == "" {
			return
		}
		dt := d.el("dt", "", term)
		dd := d.el("dd", "", value)
		if year > 0 {
			dd.Call("append", d.el("span", "year", fmt.Sprintf(" (%d)", year)))
		}
		dd.Call("append", d.sourceLink(cites.Ref(source), facts.Sources[source]))
		dl.Call("append", dt, dd)
	}
	if c.Capital != nil {
		row("Capital", c.Capital.Text, 0, c.Capital.Source)
	}
	if f := c.Population; f != nil {
		row("Population", bridge.FormatCount(f.Value), f.Year, f.Source)
	}
	if f := c.AreaKm2; f != nil {
		row("Area", bridge.FormatThousands(f.Value)+" km²", f.Year, f.Source)
	}
	if f := c.GDPUSD; f != nil {
		row("GDP", "$"+bridge.FormatCount(f.Value), f.Year, f.Source)
	}
	if f := c.GDPPerCapitaUSD; f != nil {
		row("GDP per person", "$"+bridge.FormatThousands(f.Value), f.Year, f.Source)
	}
	if l := c.Exports; l != nil {
		row("Main exports", strings.Join(l.Items, ", "), l.Year, l.Source)
	}
	if l := c.Resources; l != nil {
		row("Resources", strings.Join(l.Items, ", "), l.Year, l.Source)
	}
	d.panelBody.Call("append", dl)
	if len(c.Memberships) > 0 {
		d.panelBody.Call("append", d.el("h3", "", "Memberships"))
		ul := d.el("ul", "chips", "")
		for _, m := range c.Memberships {
			text := m.Org
			if m.Status != "" && m.Status != "member" {
				text += " · " + m.Status
			}
			if m.Since > 0 {
				text += fmt.Sprintf(" · since %d", m.Since)
			}
			li := d.el("li", "", text)
			li.Call("append", d.sourceLink(cites.Ref(m.Source), facts.Sources[m.Source]))
			ul.Call("append", li)
		}
		d.panelBody.Call("append", ul)
	}
	if len(c.Notes) > 0 {
		d.panelBody.Call("append", d.el("h3", "", "Status notes"))
		ul := d.el("ul", "notes", "")
		for _, n := range c.Notes {
			li := d.el("li", "", n.Text)
			li.Call("append", d.el("span", "year", " (as of "+n.AsOf+")"), d.sourceLink(cites.Ref(n.Source), facts.Sources[n.Source]))
			ul.Call("append", li)
		}
		d.panelBody.Call("append", ul)
	}
	if c.Why != "" {
		d.panelBody.Call("append", d.el("h3", "", "Why it matters"))
		p := d.el("p", "why", c.Why)
		for _, s := range c.WhySources {
			p.Call("append", d.sourceLink(cites.Ref(s), facts.Sources[s]))
		}
		d.panelBody.Call("append", p)
	}
	d.sourceList(cites, facts)
}

// sourceLink is a superscript citation that jumps to the source list.
func (d *dom) sourceLink(label string, s assets.Source) js.Value {
	a := d.externalLink(label, s.URL)
	a.Set("className", "cite")
	a.Set("title", fmt.Sprintf("%s (%d)", s.Title, s.Year))
	return a
}

func (d *dom) sourceList(cites bridge.Citations, facts assets.Facts) {
	list := make([]assets.Source, len(cites.Keys))
	for i, k := range cites.Keys {
		list[i] = facts.Sources[k]
	}
	d.sourcesSection(list)
}

// sourcesSection appends a numbered list of sources, each an external link
// with its year; the numbers match the [n] marks in the panel.
func (d *dom) sourcesSection(list []assets.Source) {
	if len(list) == 0 {
		return
	}
	d.panelBody.Call("append", d.el("h3", "", "Sources"))
	ol := d.el("ol", "sources", "")
	for _, s := range list {
		li := d.el("li", "", "")
		li.Call("append", d.externalLink(s.Title, s.URL), d.el("span", "year", fmt.Sprintf(", %d", s.Year)))
		ol.Call("append", li)
	}
	d.panelBody.Call("append", ol)
}

// externalLink is a link that opens in a new tab without handing the page
// to it (rel=noopener), and only to http or https addresses.
func (d *dom) externalLink(text, url string) js.Value {
	a := d.el("a", "", text)
	a.Set("href", bridge.SafeURL(url))
	a.Set("target", "_blank")
	a.Set("rel", "noopener noreferrer")
	return a
}

func isKnownKind(kind string) bool { _, ok := kindStyles[kind]; return ok }

// featureBody shows a strategic feature: kind, status, figures with years,
// summary and numbered sources. names turns ids into display names.
func (d *dom) featureBody(f *geo.Feature, names func(id string) string) {
	det, _ := f.Details()
	st := kindStyles[f.Kind]
	meta := st.label
	if f.Country != "" {
		meta += " · " + names(f.Country)
	}
	if det.Offshore != "" {
		meta += " (offshore, " + strings.ReplaceAll(det.Offshore, "-", " ") + ")"
	}
	d.panelBody.Call("append", d.el("p", "panel-kind", meta))
	if det.Status != "" {
		status := strings.ToUpper(det.Status[:1]) + det.Status[1:]
		if det.StatusDate != "" {
			status += " (as of " + det.StatusDate + ")"
		}
		d.panelBody.Call("append", d.el("p", "status status-"+strings.ReplaceAll(det.Status, " ", "-"), status))
	}
	if det.Summary != "" {
		d.panelBody.Call("append", d.el("p", "why", det.Summary))
	}
	if len(det.Figures) > 0 {
		dl := d.el("dl", "facts", "")
		for _, fig := range det.Figures {
			dd := d.el("dd", "", fig.Value)
			dd.Call("append", d.el("span", "year", fmt.Sprintf(" (%d)", fig.Year)))
			dd.Call("append", d.sourceLink(fmt.Sprintf("[%d]", fig.Source+1), toAssetSource(det.Sources[fig.Source])))
			dl.Call("append", d.el("dt", "", fig.Label), dd)
		}
		d.panelBody.Call("append", dl)
	}
	route := func(title string, ids []string) {
		if len(ids) < 2 {
			return
		}
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = names(id)
		}
		d.panelBody.Call("append", d.el("h3", "", title), d.el("p", "route", strings.Join(parts, " → ")))
	}
	route("Route", det.Joins)
	route("Crosses", det.Countries)
	list := make([]assets.Source, len(det.Sources))
	for i, src := range det.Sources {
		list[i] = toAssetSource(src)
	}
	d.sourcesSection(list)
}

func toAssetSource(s geo.Source) assets.Source {
	return assets.Source{Title: s.Title, URL: s.URL, Year: s.Year}
}
