package check

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"

	"heartland/geo"
)

// seaTolerance is how much sea, in metres, an onshore line may cross, and
// how much land a sea line may cross away from its ports: our coasts are
// simplified, so a line along a shore can touch the wrong side of it.
const seaTolerance = 5000

// portRadius is how far, in metres, from a place a sea line joins it may
// run over land: the way from the quay to open water.
const portRadius = joinTolerance

// landPiece is how finely, in metres, land under a sea line is cut to tell
// what lies near a port from what does not.
const landPiece = 1000

// stretch is a part of a line that lies wholly on land or wholly on water.
type stretch struct {
	from, to orb.Point // lon/lat in degrees
	metres   float64
	sea      bool
}

// surface checks that an onshore line stays on land and a sea line (a sea
// route, or a subsea line that names the sea it crosses in offshore) stays
// on water beyond the places it joins.
func (s strategicFeature) surface(parts orb.MultiLineString, d geo.Details) {
	w := s.c.world
	if w == nil {
		return
	}
	var all []stretch
	for _, part := range parts {
		all = append(all, w.stretches(part)...)
	}
	if s.f.Kind == "sea-route" || d.Offshore != "" {
		s.seaLine(all, d)
		return
	}
	var sea, longest float64
	var where orb.Point
	for _, st := range all {
		if !st.sea {
			continue
		}
		sea += st.metres
		if st.metres > longest {
			longest, where = st.metres, st.from
		}
	}
	if sea > seaTolerance {
		s.bad("onshore line crosses %s of sea (the longest stretch from %s); want at most %s: route it on land, or name the sea in offshore if it is laid on the seabed",
			formatKm(sea/1000), FormatLonLat(where), formatKm(seaTolerance/1000))
	}
}

// seaLine checks that a sea line crosses land only near the places it
// joins, its ports.
func (s strategicFeature) seaLine(all []stretch, d geo.Details) {
	var ports []orb.Point
	for _, id := range d.Joins {
		if p, ok := s.joinable[id].Geometry.(orb.Point); ok {
			ports = append(ports, p)
		}
	}
	var land float64
	var where orb.Point
	for _, st := range all {
		if st.sea {
			continue
		}
		n := max(1, int(math.Ceil(st.metres/landPiece)))
		for i := 0; i < n; i++ {
			mid := lerp(st.from, st.to, (float64(i)+0.5)/float64(n))
			if nearAny(mid, ports, portRadius) {
				continue
			}
			if land == 0 {
				where = mid
			}
			land += st.metres / float64(n)
		}
	}
	if land > seaTolerance {
		s.bad("sea line crosses %s of land farther than %s from its ports (first near %s); want at most %s",
			formatKm(land/1000), formatKm(portRadius/1000), FormatLonLat(where), formatKm(seaTolerance/1000))
	}
}

func nearAny(p orb.Point, places []orb.Point, metres float64) bool {
	for _, q := range places {
		if orbgeo.Distance(p, q) <= metres {
			return true
		}
	}
	return false
}

// stretches cuts a line where it crosses a coast or border and tells, for
// each piece, whether it lies in no country: the sea, the Caspian, or off
// the map. Segments are short (at most a few hundred kilometres), so
// crossings are found in lon/lat as if planar.
func (c *Countries) stretches(line orb.LineString) []stretch {
	var out []stretch
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		ts := append([]float64{0, 1}, c.crossings(a, b)...)
		sort.Float64s(ts)
		for j := 1; j < len(ts); j++ {
			if ts[j]-ts[j-1] < 1e-12 {
				continue
			}
			from, to := lerp(a, b, ts[j-1]), lerp(a, b, ts[j])
			sea := c.At(lerp(from, to, 0.5)) == ""
			m := orbgeo.Distance(from, to)
			if k := len(out) - 1; k >= 0 && out[k].sea == sea && out[k].to == from {
				out[k].to, out[k].metres = to, out[k].metres+m
				continue
			}
			out = append(out, stretch{from: from, to: to, metres: m, sea: sea})
		}
	}
	return out
}

// crossings returns where, as fractions of the way from a to b, the segment
// crosses an edge of any country's or territory's ring.
func (c *Countries) crossings(a, b orb.Point) []float64 {
	seg := orb.Bound{Min: a, Max: a}.Extend(b)
	var ts []float64
	for _, s := range c.Shapes() {
		if !s.Bound.Intersects(seg) {
			continue
		}
		for _, poly := range s.Area {
			for _, ring := range poly {
				for k := 1; k < len(ring); k++ {
					if t, ok := segmentCrossing(a, b, ring[k-1], ring[k]); ok {
						ts = append(ts, t)
					}
				}
			}
		}
	}
	return ts
}

// segmentCrossing returns t in [0, 1] where segment a–b meets segment p–q,
// if it does.
func segmentCrossing(a, b, p, q orb.Point) (float64, bool) {
	r := orb.Point{b[0] - a[0], b[1] - a[1]}
	s := orb.Point{q[0] - p[0], q[1] - p[1]}
	den := r[0]*s[1] - r[1]*s[0]
	if den == 0 {
		return 0, false // parallel: touching along a coast changes no side
	}
	ap := orb.Point{p[0] - a[0], p[1] - a[1]}
	t := (ap[0]*s[1] - ap[1]*s[0]) / den
	u := (ap[0]*r[1] - ap[1]*r[0]) / den
	if t < 0 || t > 1 || u < 0 || u > 1 {
		return 0, false
	}
	return t, true
}

func lerp(a, b orb.Point, t float64) orb.Point {
	return orb.Point{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
}

// String is for test failures.
func (st stretch) String() string {
	kind := "land"
	if st.sea {
		kind = "sea"
	}
	return fmt.Sprintf("%s %s–%s %.1f km", kind, FormatLonLat(st.from), FormatLonLat(st.to), st.metres/1000)
}
