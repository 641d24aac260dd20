package poster

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"

	"heartland/geo"
)

// screenPolygons simplifies a world-metre geometry for the zoom level,
// clips it to the viewport and returns its rings in CSS pixels, outer rings
// clockwise on screen and holes counter-clockwise. Nil when nothing shows.
func (r *renderer) screenPolygons(it *item) [][]Point {
	if !r.clip.Intersects(it.bound) {
		return nil
	}
	mp := geo.AsMultiPolygon(geo.SimplifyWorld(it.world, r.level))
	mp = clip.MultiPolygon(r.clip, mp)
	var out [][]Point
	for _, p := range mp {
		for i, ring := range p {
			pts := r.toScreen(orb.LineString(ring))
			if len(pts) < 3 {
				continue
			}
			if (signedArea(pts) > 0) != (i == 0) {
				reverse(pts)
			}
			out = append(out, pts)
		}
	}
	return out
}

// screenLines is screenPolygons for lines; polygons give their rings as
// lines (a reader's areas are drawn as outlines).
func (r *renderer) screenLines(it *item) [][]Point {
	if !r.clip.Intersects(it.bound) {
		return nil
	}
	var mls orb.MultiLineString
	switch g := geo.SimplifyWorld(it.world, r.level).(type) {
	case orb.LineString:
		mls = orb.MultiLineString{g}
	case orb.MultiLineString:
		mls = g
	case orb.Polygon, orb.MultiPolygon:
		for _, p := range geo.AsMultiPolygon(g) {
			for _, ring := range p {
				mls = append(mls, orb.LineString(ring))
			}
		}
	}
	var out [][]Point
	for _, ls := range clip.MultiLineString(r.clip, mls) {
		if pts := r.toScreen(ls); len(pts) >= 2 {
			out = append(out, pts)
		}
	}
	return out
}

func (r *renderer) toScreen(ls orb.LineString) []Point {
	out := make([]Point, 0, len(ls))
	for _, w := range ls {
		x, y := r.cam.WorldToScreen(w)
		out = append(out, Point{x, y})
	}
	return out
}

// signedArea is twice the ring's area, positive when it runs clockwise on
// screen (y down).
func signedArea(pts []Point) float64 {
	a := 0.0
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a
}

func reverse(pts []Point) {
	for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
		pts[i], pts[j] = pts[j], pts[i]
	}
}
