package check

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"

	"heartland/geo"
)

// borderTolerance is how far, in world metres, a point may lie outside the
// country it names: our borders and coasts are simplified, so a coastal
// city or a border crossing can fall just across the line.
const borderTolerance = 3000

// joinTolerance is how far, in metres, each end of a line may lie from the
// place it joins there.
const joinTolerance = 30000

// point checks where a Point feature lies: on the map, and in its country,
// or on water when it is offshore.
func (s strategicFeature) point(d geo.Details) {
	p := s.f.Geometry.(orb.Point)
	for _, key := range []string{"joins", "countries"} {
		if _, ok := s.f.Props[key]; ok {
			s.bad("%s is for lines only", key)
		}
	}
	w := s.c.world
	if w == nil {
		return // countries.geojson is broken; that is reported already
	}
	if !s.c.mapBound.Contains(p) {
		s.bad("point %s is outside the map area %s–%s (the bound of countries.geojson)",
			FormatLonLat(p), FormatLonLat(s.c.mapBound.Min), FormatLonLat(s.c.mapBound.Max))
		return
	}
	if d.Offshore != "" {
		if land := w.At(p); land != "" {
			s.bad("point %s is on land in %s but offshore says %s", FormatLonLat(p), land, d.Offshore)
		}
		return
	}
	country := s.f.Country
	if !w.Has(country) || w.Contains(country, p) {
		return
	}
	km := w.BorderDistance(country, p) / 1000
	if km*1000 <= borderTolerance {
		return
	}
	inside, hint := w.At(p), ""
	if inside == "" {
		inside, hint = "no country", "; if it is at sea, set offshore"
	}
	s.bad("point %s is inside %s but country says %s, %s outside it (%s allowed)%s",
		FormatLonLat(p), inside, country, formatKm(km), formatKm(borderTolerance/1000), hint)
}

// line checks a line's vertices, and that its ends meet the first and last
// places it joins.
func (s strategicFeature) line(d geo.Details) {
	var parts orb.MultiLineString
	switch g := s.f.Geometry.(type) {
	case orb.LineString:
		parts = orb.MultiLineString{g}
	case orb.MultiLineString:
		parts = g
	}
	n := 0
	for _, part := range parts {
		n += len(part)
	}
	if n < 2 {
		s.bad("line has %d vertices; want at least 2", n)
		return
	}
	if len(d.Joins) < 2 {
		s.bad("joins lists %d ids; want at least 2, the places at the line's two ends", len(d.Joins))
	}
	for _, id := range d.Joins {
		if _, ok := s.joinable[id]; !ok {
			s.bad("joins %q, which is not a feature of any layer in layers/", id)
		}
	}
	if len(d.Joins) < 2 {
		return
	}
	first := parts[0][0]
	lastPart := parts[len(parts)-1]
	last := lastPart[len(lastPart)-1]
	s.end("starts", first, d.Joins[0], "first")
	s.end("ends", last, d.Joins[len(d.Joins)-1], "last")
	s.surface(parts, d)
}

// end checks that vertex v, the line's start or end, is within
// joinTolerance of the joined place id.
func (s strategicFeature) end(verb string, v orb.Point, id, which string) {
	place, ok := s.joinable[id]
	if !ok {
		return // reported as a missing join
	}
	p, ok := place.Geometry.(orb.Point)
	if !ok {
		s.bad("joins %q %s, but it is a %s, not a place (a Point)", id, which, place.Geometry.GeoJSONType())
		return
	}
	if m := orbgeo.Distance(v, p); m > joinTolerance {
		s.bad("line %s at %s, %s from %q (%s), the %s place it joins; want within %s",
			verb, FormatLonLat(v), formatKm(m/1000), id, FormatLonLat(p), which, formatKm(joinTolerance/1000))
	}
}

// formatKm writes a distance in kilometres to a sensible precision.
func formatKm(km float64) string {
	if km < 10 && km != math.Trunc(km) {
		return fmt.Sprintf("%.1f km", km)
	}
	return fmt.Sprintf("%.0f km", km)
}
