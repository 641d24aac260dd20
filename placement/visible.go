package placement

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// A country whose label anchor is off screen, or too near its edge for the
// name, is named inside the part of it the view shows, so a reader zoomed
// in on the Fergana Valley still sees which side is Uzbekistan, which
// Kyrgyzstan and which Tajikistan.

// shapeLevel is the simplification level of the shapes names are placed
// in: under a kilometre of error, a few pixels at the zooms where a
// country's anchor leaves the screen.
const shapeLevel = 7

// areaShape is an area's shape for placing its name in the visible part:
// its world geometry simplified to shapeLevel, empty (not nil, so it is
// not computed again) for an area that is not a polygon.
func areaShape(world orb.Geometry) orb.MultiPolygon {
	if mp := geo.AsMultiPolygon(geo.SimplifyWorld(world, shapeLevel)); mp != nil {
		return mp
	}
	return orb.MultiPolygon{}
}

// visibleGrid is how many points across and down the view are tried.
const visibleGridX, visibleGridY = 32, 20

// visibleSpot returns the point of shape, within the world rectangle view,
// farthest from the shape's edges and the view's, and that distance in
// world metres; false if no tried point lies inside the shape.
func visibleSpot(shape orb.MultiPolygon, view orb.Bound) (orb.Point, float64, bool) {
	if !shape.Bound().Intersects(view) {
		return orb.Point{}, 0, false
	}
	part := clip.MultiPolygon(view, shape.Clone())
	if len(part) == 0 {
		return orb.Point{}, 0, false
	}
	pb := part.Bound()
	var best orb.Point
	bestD := 0.0
	dx, dy := (pb.Right()-pb.Left())/visibleGridX, (pb.Top()-pb.Bottom())/visibleGridY
	for i := 0; i < visibleGridX; i++ {
		for j := 0; j < visibleGridY; j++ {
			p := orb.Point{pb.Left() + (float64(i)+0.5)*dx, pb.Bottom() + (float64(j)+0.5)*dy}
			if !planar.MultiPolygonContains(part, p) {
				continue
			}
			// The view's edges bound the room as the shape's do: the
			// clipped part's rings run along them.
			if d := edgeDistance(part, p); d > bestD {
				best, bestD = p, d
			}
		}
	}
	return best, bestD, bestD > 0
}

// edgeDistance is the distance from p to the nearest edge of mp's rings.
func edgeDistance(mp orb.MultiPolygon, p orb.Point) float64 {
	best := math.Inf(1)
	for _, poly := range mp {
		for _, ring := range poly {
			for k := 1; k < len(ring); k++ {
				if d := planar.DistanceFromSegmentSquared(ring[k-1], ring[k], p); d < best {
					best = d
				}
			}
		}
	}
	return math.Sqrt(best)
}
