package poster

import (
	"image/color"
)

// drawCountries fills neighbours, territories and then the five central
// states, one path per country; former lakes and the selection lie on top.
func (r *renderer) drawCountries() {
	if !r.visible["countries"] {
		return
	}
	groups := []struct {
		fill color.NRGBA
		in   func(*item) bool
	}{
		{r.pal.Neighbour, func(it *item) bool { return !it.central && it.f.Kind != "territory" }},
		{r.pal.Territory, func(it *item) bool { return !it.central && it.f.Kind == "territory" }},
		{r.pal.Central, func(it *item) bool { return it.central }},
	}
	for _, g := range groups {
		for _, it := range r.items {
			if it.layer == "countries" && g.in(it) {
				r.fill(it.f.ID, r.screenPolygons(it), g.fill)
			}
		}
	}
	if r.visible["water"] { // dry now: land that a selection may cover
		r.fill("", r.polygonsOf("water", "former-lake"), r.pal.FormerLake)
	}
	if it := r.byID[r.selected]; it != nil && it.layer == "countries" {
		r.fill("", r.screenPolygons(it), r.pal.Selected)
	}
}

// drawWater fills the lakes in water colour.
func (r *renderer) drawWater() {
	if r.visible["water"] {
		r.fill("", r.polygonsOf("water", "lake"), r.pal.Water)
	}
}

// polygonsOf gathers the rings of every feature of a layer and kind.
func (r *renderer) polygonsOf(layer, kind string) [][]Point {
	var rings [][]Point
	for _, it := range r.items {
		if it.layer == layer && it.f.Kind == kind {
			rings = append(rings, r.screenPolygons(it)...)
		}
	}
	return rings
}

func (r *renderer) fill(id string, rings [][]Point, c color.NRGBA) {
	if len(rings) > 0 {
		r.d.Paths = append(r.d.Paths, Path{ID: id, Rings: rings, Fill: c})
	}
}

func (r *renderer) stroke(rings [][]Point, c color.NRGBA, width float64, dash [2]float64) {
	if len(rings) > 0 {
		r.d.Paths = append(r.d.Paths, Path{Rings: rings, Stroke: c, Width: width, Dash: dash})
	}
}

// drawBoundaries strokes coasts, then borders, then the borders of the
// central states a little wider and darker, as the app does.
func (r *renderer) drawBoundaries() {
	if !r.visible["boundaries"] {
		return
	}
	var coasts, borders, central [][]Point
	for _, it := range r.items {
		if it.layer != "boundaries" {
			continue
		}
		lines := r.screenLines(it)
		switch {
		case it.f.Kind == "coast":
			coasts = append(coasts, lines...)
		case r.touchesCentral(it):
			central = append(central, lines...)
		default:
			borders = append(borders, lines...)
		}
	}
	r.stroke(coasts, r.pal.Coast, 1, [2]float64{})
	r.stroke(borders, r.pal.Border, 1, [2]float64{})
	r.stroke(central, r.pal.BorderStrong, 1.4, [2]float64{})
}

// touchesCentral reports whether a border has a central state on a side.
func (r *renderer) touchesCentral(it *item) bool {
	list, _ := it.f.Props["countries"].([]any)
	for _, c := range list {
		if code, _ := c.(string); code != "" {
			if other := r.byID[code]; other != nil && other.central {
				return true
			}
		}
	}
	return false
}

// drawSelectedOutline outlines the selected country.
func (r *renderer) drawSelectedOutline() {
	it := r.byID[r.selected]
	if it == nil || it.layer != "countries" || !r.visible["countries"] {
		return
	}
	r.stroke(r.screenPolygons(it), r.pal.Outline, 2.5, [2]float64{})
}

// lineKey groups the lines drawn alike: casing, then colour, per group.
type lineKey struct {
	layer, kind string
	dash        [2]float64
}

// drawLines draws the thematic and custom lines with a casing, dashed by
// status, and the selected line wider on top.
func (r *renderer) drawLines() {
	var keys []lineKey
	groups := map[lineKey][][]Point{}
	var selected [][]Point
	var selStyle kindStyle
	for _, it := range r.items {
		if !it.styled || !r.visible[it.layer] || it.style.width == 0 {
			continue
		}
		d, g := dashPattern(it.f.Kind, it.f.StringProp("status"))
		key := lineKey{it.layer, it.f.Kind, [2]float64{d, g}}
		lines := r.screenLines(it)
		if len(lines) > 0 {
			r.noteShown(it)
		}
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], lines...)
		if it.f.ID == r.selected {
			selected, selStyle = lines, it.style
		}
	}
	for _, k := range keys {
		st := r.lineStyle(k)
		r.stroke(groups[k], r.pal.Casing, st.width+2, k.dash)
		r.stroke(groups[k], st.color, st.width, k.dash)
	}
	if len(selected) > 0 {
		r.stroke(selected, r.pal.Outline, selStyle.width+3, [2]float64{})
		r.stroke(selected, selStyle.color, selStyle.width+1, [2]float64{})
	}
}

// lineStyle is the style of a line group (custom layers carry their own
// colour on their items).
func (r *renderer) lineStyle(k lineKey) kindStyle {
	for _, it := range r.items {
		if it.layer == k.layer && it.f.Kind == k.kind && it.styled {
			return it.style
		}
	}
	st, _ := r.kindStyle(k.kind)
	return st
}
