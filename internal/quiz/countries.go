package quiz

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// countryIndex is the countries layer: shapes and names by ISO alpha-3.
type countryIndex struct {
	order []string // ids in layer order, for a stable search
	shape map[string]orb.MultiPolygon
	name  map[string]string
	label map[string]orb.Point
}

func newCountryIndex(layers []geo.Layer) countryIndex {
	ci := countryIndex{shape: map[string]orb.MultiPolygon{}, name: map[string]string{}, label: map[string]orb.Point{}}
	for _, l := range layers {
		if l.ID != "countries" {
			continue
		}
		for _, f := range l.Features {
			mp := geo.AsMultiPolygon(f.Geometry)
			if f.Kind != "country" || mp == nil {
				continue
			}
			ci.order = append(ci.order, f.ID)
			ci.shape[f.ID] = mp
			ci.name[f.ID] = f.Name
			if p, ok := f.LabelPoint(); ok {
				ci.label[f.ID] = p
			} else {
				ci.label[f.ID] = mp.Bound().Center()
			}
		}
	}
	return ci
}

// at returns the country containing lonLat (degrees), or "".
func (ci countryIndex) at(lonLat orb.Point) string {
	for _, id := range ci.order {
		mp := ci.shape[id]
		if mp.Bound().Contains(lonLat) && planar.MultiPolygonContains(mp, lonLat) {
			return id
		}
	}
	return ""
}

// CountryAt returns the ISO alpha-3 and name of the country of the
// countries layer that contains lonLat (degrees), or "", "" over sea or
// outside the map. The app uses it to say what a wrong click hit.
func CountryAt(layers []geo.Layer, lonLat orb.Point) (id, name string) {
	ci := newCountryIndex(layers)
	id = ci.at(lonLat)
	return id, ci.name[id]
}

// StartCountry returns the country a line starts in. The data lists the
// countries a line crosses in route order (SCHEMA.md: countries), so the
// first is the start; a line without that list (a reader's own data) gets
// the country under its first vertex.
func StartCountry(f geo.Feature, layers []geo.Layer) (string, bool) {
	return startCountry(f, newCountryIndex(layers))
}

func startCountry(f geo.Feature, ci countryIndex) (string, bool) {
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
	id := ci.at(first)
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
