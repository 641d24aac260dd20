package views

import (
	"sort"

	"github.com/paulmach/orb"

	"heartland/geo"
	"heartland/mapstyle"
)

// Place is a feature the list of places in view may show.
type Place struct {
	Feature *geo.Feature
	Layer   string
	World   orb.Geometry // world metres (geo.ToWorld)
	Central bool         // one of the five Central Asian states
}

// listed reports whether a place gets a row: countries and every thematic
// or custom feature, not borders, coasts or lakes.
func (p Place) listed() bool {
	_, styled := mapstyle.Kinds[p.Feature.Kind]
	return p.Layer == mapstyle.LayerCountries && p.Feature.Kind == "country" || styled
}

// rank orders rows: Central Asia, other countries, then features.
func (p Place) rank() int {
	switch {
	case p.Layer == mapstyle.LayerCountries && p.Central:
		return 0
	case p.Layer == mapstyle.LayerCountries:
		return 1
	}
	return 2
}

// inView reports whether a point lies in view, or another shape's bound
// meets it.
func (p Place) inView(view orb.Bound) bool {
	if pt, ok := p.World.(orb.Point); ok {
		return view.Contains(pt)
	}
	return p.World.Bound().Intersects(view)
}

// PlacesInView returns the places the list shows for view (world metres):
// those listed, on a visible layer and in view; Central Asia first, then
// other countries, then features, each by name.
func PlacesInView(places []Place, view orb.Bound, visible func(layer string) bool) []Place {
	var out []Place
	for _, p := range places {
		if visible(p.Layer) && p.listed() && p.inView(view) {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ra, rb := out[i].rank(), out[j].rank(); ra != rb {
			return ra < rb
		}
		return out[i].Feature.Name < out[j].Feature.Name
	})
	return out
}

// PlacesTable is the list of places as an empty table (PlaceRows fill its
// tbody) in an aside#feature-list labelled by its caption.
func PlacesTable() Node {
	head := El("tr", "", "")
	for _, h := range []string{"Name", "Kind", "Country"} {
		head.Kids = append(head.Kids, El("th", "", h).With("scope", "col"))
	}
	caption := El("caption", "", "Places in view").With("id", "feature-list-title")
	table := El("table", "", "", caption, El("thead", "", "", head), El("tbody", "", ""))
	return El("aside", "feature-list", "", table).With("id", "feature-list").With("aria-labelledby", "feature-list-title")
}

// MaxPlaceRows bounds the list; the view is zoomed in far enough long
// before.
const MaxPlaceRows = 300

// PlaceRows are the list's table rows: a place's name as a button that
// opens its panel (data-id), its kind and the country it lies in. Past
// MaxPlaceRows one row asks to zoom in. kindLabel and names turn kinds and
// ids into words.
func PlaceRows(places []Place, kindLabel, names func(string) string) []Node {
	rows := make([]Node, 0, min(len(places), MaxPlaceRows+1))
	for i, p := range places {
		if i == MaxPlaceRows {
			more := El("td", "", "… and more: zoom in to list them").With("colspan", "3")
			return append(rows, El("tr", "", "", more))
		}
		f := p.Feature
		country := ""
		if f.Country != "" && f.Country != f.ID {
			country = names(f.Country)
		}
		name := El("button", "link-button", f.Name).With("type", "button").With("data-id", f.ID)
		rows = append(rows, El("tr", "", "", El("td", "", "", name), El("td", "", kindLabel(f.Kind)), El("td", "", country)))
	}
	return rows
}
