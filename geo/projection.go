package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// EarthRadius is the radius in metres of the sphere the projection uses
// (the IUGG mean radius).
const EarthRadius = 6371008.8

// Albers is a spherical Albers equal-area conic projection. Equal area keeps
// the size of Kazakhstan honest next to Russia and China, which matters on a
// thematic map; with standard parallels at 38°N and 50°N the scale error is
// under 2% across 33–55°N, the band Central Asia occupies.
//
// Forward takes [lon, lat] in degrees and returns world coordinates in metres:
// x grows east, y grows north, (0, 0) is the origin [Lon0, Lat0].
type Albers struct {
	lon0       float64 // central meridian, radians
	n, c, rho0 float64
}

// NewAlbers returns the projection with the given origin and standard
// parallels, all in degrees.
func NewAlbers(lon0, lat0, lat1, lat2 float64) Albers {
	p1, p2, p0 := rad(lat1), rad(lat2), rad(lat0)
	n := (math.Sin(p1) + math.Sin(p2)) / 2
	c := math.Cos(p1)*math.Cos(p1) + 2*n*math.Sin(p1)
	return Albers{
		lon0: rad(lon0),
		n:    n,
		c:    c,
		rho0: math.Sqrt(c-2*n*math.Sin(p0)) / n,
	}
}

// CentralAsia is the projection Heartland draws with: centred on 66°E, 45°N.
var CentralAsia = NewAlbers(66, 45, 38, 50)

// HomeView is the lon/lat bound, in degrees, that the map frames at start
// and a poster draws when its state names no view: the five Central Asian
// states with their neighbours' edges. Frame this value rather than
// repeating its numbers.
var HomeView = orb.Bound{Min: orb.Point{46, 35}, Max: orb.Point{88, 55.5}}

// CentralAsiaCut is the meridian opposite CentralAsia's centre, in degrees:
// geometry must not cross it, or it tears across the map.
const CentralAsiaCut = 66 - 180

// Forward projects [lon, lat] in degrees to world metres.
func (a Albers) Forward(p orb.Point) orb.Point {
	rho := math.Sqrt(a.c-2*a.n*math.Sin(rad(p[1]))) / a.n
	theta := a.n * (rad(p[0]) - a.lon0)
	return orb.Point{
		EarthRadius * rho * math.Sin(theta),
		EarthRadius * (a.rho0 - rho*math.Cos(theta)),
	}
}

// Inverse turns world metres back into [lon, lat] in degrees. Points beyond
// the poles are clamped to ±90° latitude.
func (a Albers) Inverse(w orb.Point) orb.Point {
	x, y := w[0]/EarthRadius, a.rho0-w[1]/EarthRadius
	rho := math.Hypot(x, y)
	if a.n < 0 {
		rho, x, y = -rho, -x, -y
	}
	theta := math.Atan2(x, y)
	s := (a.c - rho*rho*a.n*a.n) / (2 * a.n)
	s = math.Max(-1, math.Min(1, s))
	return orb.Point{deg(a.lon0 + theta/a.n), deg(math.Asin(s))}
}

// ForwardBound projects a lon/lat bound to the world-metre bound that holds
// it, sampling its edges because parallels are arcs under a conic projection.
func (a Albers) ForwardBound(b orb.Bound) orb.Bound {
	const steps = 16
	out := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for i := 0; i <= steps; i++ {
		t := float64(i) / steps
		lon := b.Min[0] + t*(b.Max[0]-b.Min[0])
		lat := b.Min[1] + t*(b.Max[1]-b.Min[1])
		for _, p := range []orb.Point{{lon, b.Min[1]}, {lon, b.Max[1]}, {b.Min[0], lat}, {b.Max[0], lat}} {
			out = out.Extend(a.Forward(p))
		}
	}
	// Parallels bulge furthest at the central meridian, between the samples.
	if lon0 := deg(a.lon0); b.Min[0] < lon0 && lon0 < b.Max[0] {
		out = out.Extend(a.Forward(orb.Point{lon0, b.Min[1]})).Extend(a.Forward(orb.Point{lon0, b.Max[1]}))
	}
	return out
}

func rad(d float64) float64 { return d * math.Pi / 180 }
func deg(r float64) float64 { return r * 180 / math.Pi }
