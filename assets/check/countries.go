package check

import (
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// Countries is geo.Countries, the one point-in-country lookup, with what
// the check adds: each shape's rings projected to world metres, for how far
// a point lies from a border.
type Countries struct {
	*geo.Countries
	rings map[string][]worldRing // by country or territory id
}

// worldRing is a ring projected to world metres, with its bound.
type worldRing struct {
	bound orb.Bound
	ring  orb.Ring
}

// projectRings projects every ring of mp to world metres of geo.CentralAsia.
func projectRings(mp orb.MultiPolygon) []worldRing {
	var out []worldRing
	for _, poly := range mp {
		for _, ring := range poly {
			w := make(orb.Ring, len(ring))
			for i, p := range ring {
				w[i] = geo.CentralAsia.Forward(p)
			}
			out = append(out, worldRing{bound: w.Bound(), ring: w})
		}
	}
	return out
}

// NewCountries indexes the polygon features of the countries layer (kinds
// country and territory); other features are ignored.
func NewCountries(features []geo.Feature) *Countries {
	c := &Countries{Countries: geo.NewCountries(features), rings: map[string][]worldRing{}}
	for _, s := range c.Shapes() {
		c.rings[s.ID] = append(c.rings[s.ID], projectRings(s.Area)...)
	}
	return c
}

// Has reports whether id names a country or territory in the index.
func (c *Countries) Has(id string) bool {
	_, ok := c.Shape(id)
	return ok
}

// BorderDistance returns how far the lon/lat point in degrees lies from the
// boundary of the country or territory id, in world metres of
// geo.CentralAsia (where a metre means the same in every direction), or
// +Inf when id is unknown. The boundary includes coasts, so a port a little
// off a simplified coastline is near its country.
func (c *Countries) BorderDistance(id string, lonLat orb.Point) float64 {
	w := geo.CentralAsia.Forward(lonLat)
	best := math.Inf(1)
	for _, r := range c.rings[id] {
		if boundDistance(r.bound, w) >= best {
			continue
		}
		for i := 1; i < len(r.ring); i++ {
			best = min(best, planar.DistanceFromSegment(r.ring[i-1], r.ring[i], w))
		}
	}
	return best
}

// boundDistance returns how far p lies outside b, 0 inside it: no point of
// what b bounds is nearer.
func boundDistance(b orb.Bound, p orb.Point) float64 {
	dx := max(b.Min[0]-p[0], 0, p[0]-b.Max[0])
	dy := max(b.Min[1]-p[1], 0, p[1]-b.Max[1])
	return math.Hypot(dx, dy)
}

// CheckPoint returns a *PointError when the lon/lat point of the feature
// with id feature is not inside country (an id known to c; "" claims the
// point is in no country, i.e. at sea), and nil when it is.
func (c *Countries) CheckPoint(feature string, lonLat orb.Point, country string) error {
	if country != "" && c.Contains(country, lonLat) {
		return nil
	}
	inside := c.At(lonLat)
	if inside == country {
		return nil
	}
	return &PointError{Feature: feature, Point: lonLat, Inside: inside, Claimed: country}
}

// PointError says a feature's point lies outside the country it names.
type PointError struct {
	Feature string    // feature id
	Point   orb.Point // lon/lat degrees
	Inside  string    // the country actually containing the point, "" for none
	Claimed string    // the feature's country property, "" for the sea
}

func (e *PointError) Error() string {
	inside, claimed := e.Inside, e.Claimed
	if inside == "" {
		inside = "no country"
	}
	if claimed == "" {
		claimed = "the sea"
	}
	return fmt.Sprintf("feature %q: point %s is inside %s but country says %s", e.Feature, FormatLonLat(e.Point), inside, claimed)
}

// FormatLonLat writes a lon/lat point in degrees the way people read it,
// latitude first: "46.1°N 51.6°E". Up to four decimals are kept (about 10 m).
func FormatLonLat(p orb.Point) string {
	return degrees(p[1], "N", "S") + " " + degrees(p[0], "E", "W")
}

func degrees(v float64, pos, neg string) string {
	hemi := pos
	if v < 0 {
		v, hemi = -v, neg
	}
	return strconv.FormatFloat(roundTo(v, 4), 'f', -1, 64) + "°" + hemi
}

func roundTo(v float64, decimals int) float64 {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}
