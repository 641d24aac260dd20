package poster

import (
	"math"

	"golang.org/x/image/vector"

	"heartland/geo"

	"github.com/paulmach/orb"
)

// The rasteriser fills by accumulated signed coverage, clamped: shapes of
// one orientation add up (like non-zero filling), opposite ones cancel. So
// every shape a stroke is made of is added clockwise on screen.

// addPolygon adds a closed ring as it runs.
func addPolygon(z *vector.Rasterizer, pts []Point) {
	if len(pts) < 3 {
		return
	}
	z.MoveTo(float32(pts[0].X), float32(pts[0].Y))
	for _, p := range pts[1:] {
		z.LineTo(float32(p.X), float32(p.Y))
	}
	z.ClosePath()
}

// addClockwise adds a ring turned clockwise on screen.
func addClockwise(z *vector.Rasterizer, pts []Point) {
	if signedArea(pts) < 0 {
		reverse(pts)
	}
	addPolygon(z, pts)
}

// addStroke adds the outline of a polyline of width w as polygons: a
// quadrilateral per segment and a disc at each corner that turns enough to
// leave a visible notch (round joins), and round caps unless butt is set.
func addStroke(z *vector.Rasterizer, pts []Point, w float64, butt bool) {
	hw := w / 2
	var quad [4]Point
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*hw, dx/l*hw
		quad = [4]Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}
		addClockwise(z, quad[:])
		if i < len(pts)-1 && turns(a, b, pts[i+1], hw) {
			addClockwise(z, disc(b, hw))
		}
	}
	if !butt && len(pts) >= 2 {
		addClockwise(z, disc(pts[0], hw))
		addClockwise(z, disc(pts[len(pts)-1], hw))
	}
}

// turns reports whether the corner at b bends enough that the gap between
// its two segments' ends would show: wider than a quarter pixel.
func turns(a, b, c Point, hw float64) bool {
	a1 := math.Atan2(b.Y-a.Y, b.X-a.X)
	a2 := math.Atan2(c.Y-b.Y, c.X-b.X)
	d := math.Abs(math.Remainder(a2-a1, 2*math.Pi))
	return d*hw > 0.25
}

// disc is a circle of radius r around c, with enough sides to look round.
func disc(c Point, r float64) []Point {
	n := int(math.Max(8, math.Min(32, math.Ceil(r*6))))
	pts := make([]Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}

// dashed cuts a polyline into dashes and gaps of the given CSS pixels.
func dashed(pts []Point, dash, gap float64) [][]Point {
	ls := make(orb.LineString, len(pts))
	for i, p := range pts {
		ls[i] = orb.Point{p.X, p.Y}
	}
	var out [][]Point
	for _, d := range geo.Dashes(ls, dash, gap) {
		seg := make([]Point, len(d))
		for i, p := range d {
			seg[i] = Point{p[0], p[1]}
		}
		out = append(out, seg)
	}
	return out
}
