package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// SimplifyTolerance is the Douglas–Peucker tolerance in world metres that
// keeps simplification under half a CSS pixel at the given zoom.
func SimplifyTolerance(zoom float64) float64 { return 0.5 / scaleAt(zoom) }

// LevelFor returns the simplification level to draw at zoom: the next whole
// zoom up, so detail is never coarser than half a pixel.
func LevelFor(zoom float64) int { return int(math.Ceil(zoom)) }

// SimplifyWorld returns a simplified copy of a world-metre geometry for
// drawing at zoom level. Rings that collapse below four points and lines
// below two are dropped, so the result may be empty; the input is untouched.
func SimplifyWorld(g orb.Geometry, level int) orb.Geometry {
	s := simplify.DouglasPeucker(SimplifyTolerance(float64(level)))
	switch g := g.(type) {
	case orb.MultiPolygon:
		out := make(orb.MultiPolygon, 0, len(g))
		for _, p := range g {
			if sp := simplifyPolygon(s, p); len(sp) > 0 {
				out = append(out, sp)
			}
		}
		return out
	case orb.Polygon:
		return simplifyPolygon(s, g)
	case orb.MultiLineString:
		out := make(orb.MultiLineString, 0, len(g))
		for _, l := range g {
			if sl := s.LineString(l.Clone()); len(sl) >= 2 {
				out = append(out, sl)
			}
		}
		return out
	case orb.LineString:
		return s.LineString(g.Clone())
	}
	return g
}

func simplifyPolygon(s *simplify.DouglasPeuckerSimplifier, p orb.Polygon) orb.Polygon {
	out := make(orb.Polygon, 0, len(p))
	for i, r := range p {
		sr := s.Ring(r.Clone())
		if len(sr) < 4 {
			if i == 0 {
				return nil // the outer ring is gone: so is the polygon
			}
			continue
		}
		out = append(out, sr)
	}
	return out
}

// ToWorld projects a lon/lat geometry to world metres with the projection.
func ToWorld(p Albers, g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case orb.Point:
		return p.Forward(g)
	case orb.MultiPoint:
		out := make(orb.MultiPoint, len(g))
		for i, q := range g {
			out[i] = p.Forward(q)
		}
		return out
	case orb.LineString:
		out := make(orb.LineString, len(g))
		for i, q := range g {
			out[i] = p.Forward(q)
		}
		return out
	case orb.Ring:
		return orb.Ring(ToWorld(p, orb.LineString(g)).(orb.LineString))
	case orb.MultiLineString:
		out := make(orb.MultiLineString, len(g))
		for i, l := range g {
			out[i] = ToWorld(p, l).(orb.LineString)
		}
		return out
	case orb.Polygon:
		out := make(orb.Polygon, len(g))
		for i, r := range g {
			out[i] = ToWorld(p, r).(orb.Ring)
		}
		return out
	case orb.MultiPolygon:
		out := make(orb.MultiPolygon, len(g))
		for i, q := range g {
			out[i] = ToWorld(p, q).(orb.Polygon)
		}
		return out
	}
	return g
}
