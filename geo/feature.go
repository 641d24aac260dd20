package geo

import "github.com/paulmach/orb"

// Feature is one thing on the map: a country, a lake, a border, later a
// field or a pipeline. Geometry is in [lon, lat] degrees (RFC 7946 order).
type Feature struct {
	ID       string         // stable kebab-case id, or ISO 3166-1 alpha-3 for countries
	Name     string         // display name
	Kind     string         // "country", "lake", "land-border", "coast", ...
	Country  string         // ISO 3166-1 alpha-3 of the country it lies in, or the sea
	Geometry orb.Geometry   // lon/lat degrees; nil while packed (UnpackFeaturesLazy)
	Props    map[string]any // every property as decoded, for panels

	packed []byte // the geometry in the packed format, until Unpack decodes it
}

// Layer is a named set of features drawn and toggled together.
type Layer struct {
	ID       string
	Name     string
	Features []Feature
}

// Bound returns the lon/lat bound of all the layer's features.
func (l Layer) Bound() orb.Bound {
	var b orb.Bound
	for i, f := range l.Features {
		if i == 0 {
			b = f.Geometry.Bound()
		} else {
			b = b.Union(f.Geometry.Bound())
		}
	}
	return b
}

// StringProp returns the string property key, or "" when it is missing or
// not a string.
func (f Feature) StringProp(key string) string {
	s, _ := f.Props[key].(string)
	return s
}

// AsMultiPolygon returns polygonal geometry as a multipolygon, or nil for any
// other geometry.
func AsMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.MultiPolygon:
		return g
	case orb.Polygon:
		return orb.MultiPolygon{g}
	}
	return nil
}
