package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Countries answers which country a lon/lat point lies in. It is the one
// point-in-country lookup: the data check (a feature's point is inside the
// country it names), the quiz (what a wrong click hit, where a line starts)
// and anything else that asks build it once from the countries layer and
// query it many times. It works in lon/lat degrees: at the precision of our
// borders the difference from testing in projected metres is far below a
// kilometre. For what a click selects on screen, use Index.
type Countries struct {
	shapes []CountryShape
	byID   map[string]int
}

// CountryShape is one country or territory of the countries layer.
type CountryShape struct {
	ID    string // ISO alpha-3 for countries, kebab-case for territories
	Name  string
	Kind  string           // "country" or "territory"
	Area  orb.MultiPolygon // lon/lat degrees
	Bound orb.Bound        // of Area
	Label orb.Point        // where its name goes, lon/lat degrees
}

// NewCountries indexes the polygon features of kind country or territory,
// in the order given (the first that contains a point wins where shapes
// overlap); other features are ignored.
func NewCountries(features []Feature) *Countries {
	c := &Countries{byID: map[string]int{}}
	for _, f := range features {
		mp := AsMultiPolygon(f.Geometry)
		if mp == nil || (f.Kind != "country" && f.Kind != "territory") {
			continue
		}
		s := CountryShape{ID: f.ID, Name: f.Name, Kind: f.Kind, Area: mp, Bound: mp.Bound()}
		if p, ok := f.LabelPoint(); ok {
			s.Label = p
		} else {
			s.Label = s.Bound.Center()
		}
		c.byID[f.ID] = len(c.shapes)
		c.shapes = append(c.shapes, s)
	}
	return c
}

// At returns the id of the country or territory containing the lon/lat
// point in degrees, or "" when the point is in none: the sea, the Caspian,
// or off the map.
func (c *Countries) At(lonLat orb.Point) string {
	for i := range c.shapes {
		if c.shapes[i].contains(lonLat) {
			return c.shapes[i].ID
		}
	}
	return ""
}

// CountryAt is At restricted to kind country: a point in a territory, the
// sea or off the map gives "".
func (c *Countries) CountryAt(lonLat orb.Point) string {
	for i := range c.shapes {
		if s := &c.shapes[i]; s.Kind == "country" && s.contains(lonLat) {
			return s.ID
		}
	}
	return ""
}

// Contains reports whether the lon/lat point in degrees lies inside the
// country or territory with the given id.
func (c *Countries) Contains(id string, lonLat orb.Point) bool {
	s, ok := c.Shape(id)
	return ok && s.contains(lonLat)
}

// Shape returns the country or territory with the given id.
func (c *Countries) Shape(id string) (CountryShape, bool) {
	i, ok := c.byID[id]
	if !ok {
		return CountryShape{}, false
	}
	return c.shapes[i], true
}

// Shapes returns every country and territory in the order they were given.
// The slice is the index's own: do not change it.
func (c *Countries) Shapes() []CountryShape { return c.shapes }

func (s *CountryShape) contains(lonLat orb.Point) bool {
	return s.Bound.Contains(lonLat) && planar.MultiPolygonContains(s.Area, lonLat)
}
