package views

import (
	"fmt"
	"strings"

	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

// Panel is what the side panel shows for a feature or country.
type Panel struct {
	Title string
	Body  []Node
}

// FeaturePanel is the panel of f: a country's fact sheet when facts has
// one, a reader's feature's properties, a strategic feature's details, or a
// note. names turns feature and country ids into display names.
func FeaturePanel(f *geo.Feature, facts assets.Facts, names func(id string) string) Panel {
	if c, ok := facts.Countries[f.ID]; ok {
		return Panel{Title: c.Name, Body: countryBody(c, facts)}
	}
	p := Panel{Title: f.Name}
	switch _, known := mapstyle.Kinds[f.Kind]; {
	case strings.HasPrefix(f.Kind, "custom-"):
		p.Body = customBody(f)
	case known:
		p.Body = featureBody(f, names)
	case f.Kind == "territory":
		p.Body = []Node{El("p", "panel-note", "A territory shown as Natural Earth draws it.")}
	default:
		p.Body = []Node{El("p", "panel-note", "Heartland covers the Central Asian states and their main neighbours in depth; this country has no fact sheet yet.")}
	}
	return p
}

// countryBody is a country's fact sheet: figures with their years,
// memberships, dated notes and why it matters, each cited by a number that
// links to the source listed at the end.
func countryBody(c assets.Country, facts assets.Facts) []Node {
	var cites Citations
	ref := func(key string) Node { return cite(cites.Ref(key), facts.Sources[key]) }
	dl := El("dl", "facts", "")
	row := func(term, value string, year int, source string) *Node {
		if value == "" {
			return nil
		}
		dd := El("dd", "", value)
		if year > 0 {
			dd.Kids = append(dd.Kids, yearSpan(year))
		}
		dd.Kids = append(dd.Kids, ref(source))
		dl.Kids = append(dl.Kids, El("dt", "", term), dd)
		return &dl.Kids[len(dl.Kids)-1]
	}
	if c.Capital != nil {
		row("Capital", c.Capital.Text, 0, c.Capital.Source)
	}
	if f := c.Population; f != nil {
		dd := row("Population", FormatCount(f.Value), f.Year, f.Source)
		// Where sources disagree, the second is named beside the first.
		for o := f.Other; o != nil && dd != nil; o = o.Other {
			by := o.By
			if by == "" {
				by = "another estimate"
			}
			dd.Kids = append(dd.Kids, El("span", "other", " · "+by+": "+FormatCount(o.Value)), yearSpan(o.Year), ref(o.Source))
		}
	}
	if f := c.AreaKm2; f != nil {
		row("Area", FormatThousands(f.Value)+" km²", f.Year, f.Source)
	}
	if f := c.GDPUSD; f != nil {
		row("GDP", "$"+FormatCount(f.Value), f.Year, f.Source)
	}
	if f := c.GDPPerCapitaUSD; f != nil {
		row("GDP per person", "$"+FormatThousands(f.Value), f.Year, f.Source)
	}
	if l := c.Exports; l != nil {
		row("Main exports", strings.Join(l.Items, ", "), l.Year, l.Source)
	}
	if l := c.Resources; l != nil {
		row("Resources", strings.Join(l.Items, ", "), l.Year, l.Source)
	}
	body := []Node{dl}
	if len(c.Memberships) > 0 {
		ul := El("ul", "chips", "")
		for _, m := range c.Memberships {
			ul.Kids = append(ul.Kids, El("li", "", membershipText(m), ref(m.Source)))
		}
		body = append(body, El("h3", "", "Memberships"), ul)
	}
	if len(c.Notes) > 0 {
		ul := El("ul", "notes", "")
		for _, n := range c.Notes {
			ul.Kids = append(ul.Kids, El("li", "", n.Text, El("span", "year", " (as of "+n.AsOf+")"), ref(n.Source)))
		}
		body = append(body, El("h3", "", "Status notes"), ul)
	}
	if c.Why != "" {
		p := El("p", "why", c.Why)
		for _, s := range c.WhySources {
			p.Kids = append(p.Kids, ref(s))
		}
		body = append(body, El("h3", "", "Why it matters"), p)
	}
	if c.Checked != "" {
		body = append(body, checkedNote(c.Checked))
	}
	list := make([]geo.Source, len(cites.Keys))
	for i, k := range cites.Keys {
		list[i] = facts.Sources[k]
	}
	return append(body, sourcesSection(list)...)
}

// checkedNote says when a panel's facts were last verified.
func checkedNote(date string) Node {
	return El("p", "panel-note checked", "Facts last checked "+date+".")
}

// membershipText is "WTO", "EAEU · observer" or "SCO · since 2001", with
// when the status was last known true: "WTO · observer (as of 2020-07)".
func membershipText(m assets.Membership) string {
	text := m.Org
	if m.Status != "" && m.Status != "member" {
		text += " · " + m.Status
	}
	if m.Since > 0 {
		text += fmt.Sprintf(" · since %d", m.Since)
	}
	if m.AsOf != "" {
		text += " (as of " + m.AsOf + ")"
	}
	return text
}

func yearSpan(year int) Node { return El("span", "year", fmt.Sprintf(" (%d)", year)) }

// featureBody shows a strategic feature: kind, country and whether
// offshore, status, summary, figures with years, route or countries
// crossed, and numbered sources.
func featureBody(f *geo.Feature, names func(id string) string) []Node {
	det, _ := f.Details() // malformed parts are left out; heartland check reports them
	meta := mapstyle.Kinds[f.Kind].Label
	if f.Country != "" {
		meta += " · " + names(f.Country)
	}
	if det.Offshore != "" {
		meta += " (offshore, " + strings.ReplaceAll(det.Offshore, "-", " ") + ")"
	}
	body := []Node{El("p", "panel-kind", meta)}
	if det.Status != "" {
		status := strings.ToUpper(det.Status[:1]) + det.Status[1:]
		if det.StatusDate != "" {
			status += " (as of " + det.StatusDate + ")"
		}
		body = append(body, El("p", "status status-"+strings.ReplaceAll(det.Status, " ", "-"), status))
	}
	if det.Summary != "" {
		body = append(body, El("p", "why", det.Summary))
	}
	if len(det.Figures) > 0 {
		dl := El("dl", "facts", "")
		for _, fig := range det.Figures {
			dd := El("dd", "", fig.Value, yearSpan(fig.Year), cite(fmt.Sprintf("[%d]", fig.Source+1), det.Sources[fig.Source]))
			dl.Kids = append(dl.Kids, El("dt", "", fig.Label), dd)
		}
		body = append(body, dl)
	}
	body = append(body, route("Route", det.Joins, names)...)
	body = append(body, route("Crosses", det.Countries, names)...)
	if det.Checked != "" {
		body = append(body, checkedNote(det.Checked))
	}
	return append(body, sourcesSection(det.Sources)...)
}

// route is a heading and the named places in order, "A → B → C"; nothing
// for fewer than two.
func route(title string, ids []string, names func(id string) string) []Node {
	if len(ids) < 2 {
		return nil
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = names(id)
	}
	return []Node{El("h3", "", title), El("p", "route", strings.Join(parts, " → "))}
}
