package quiz

import (
	"github.com/paulmach/orb"

	"heartland/geo"
)

// countriesOf builds the point-in-country lookup once for a quiz, over the
// countries of the countries layer; territories are left out, as no
// question asks for one.
func countriesOf(layers []geo.Layer) *geo.Countries {
	var fs []geo.Feature
	for _, l := range layers {
		if l.ID != "countries" {
			continue
		}
		for _, f := range l.Features {
			if f.Kind == "country" {
				fs = append(fs, f)
			}
		}
	}
	return geo.NewCountries(fs)
}

// StartCountry returns the country a line starts in. The data lists the
// countries a line crosses in route order (SCHEMA.md: countries), so the
// first is the start; a line without that list (a reader's own data) gets
// the country under its first vertex, looked up in countries.
func StartCountry(f geo.Feature, countries *geo.Countries) (string, bool) {
	return startCountry(f, countries)
}

func startCountry(f geo.Feature, countries *geo.Countries) (string, bool) {
	if list, ok := f.Props["countries"].([]any); ok && len(list) > 0 {
		if s, ok := list[0].(string); ok && s != "" {
			return s, true
		}
	}
	var first orb.Point
	switch g := f.Geometry.(type) {
	case orb.LineString:
		if len(g) == 0 {
			return "", false
		}
		first = g[0]
	case orb.MultiLineString:
		if len(g) == 0 || len(g[0]) == 0 {
			return "", false
		}
		first = g[0][0]
	default:
		return "", false
	}
	id := countries.CountryAt(first)
	return id, id != ""
}

// routeCountries returns the countries a line crosses, in order, from its
// countries property.
func routeCountries(f geo.Feature) []string {
	list, _ := f.Props["countries"].([]any)
	var out []string
	for _, v := range list {
		if s, ok := v.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// onMap reports whether code is a named country of the map.
func (d data) onMap(code string) bool {
	s, ok := d.countries.Shape(code)
	return ok && s.Name != ""
}

// label is where a country's name goes, lon/lat degrees.
func (d data) label(code string) orb.Point {
	s, _ := d.countries.Shape(code)
	return s.Label
}

// area is a country's shape, lon/lat degrees, or nil off the map.
func (d data) area(code string) orb.MultiPolygon {
	s, _ := d.countries.Shape(code)
	return s.Area
}
