//go:build !js

package poster

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"

	"heartland/geo"

	"github.com/paulmach/orb"
)

// The rasteriser fills by accumulated signed coverage, clamped: shapes of
// one orientation add up (like non-zero filling), opposite ones cancel. So
// every shape a stroke is made of is added clockwise on screen.

// canvas paints shapes onto an image through a rasteriser sized to the
// shapes' bounding box: rasterising costs in proportion to the area
// covered, and most shapes (symbols, labels' panels) are small.
type canvas struct {
	img   *image.RGBA
	z     *vector.Rasterizer
	polys [][]Point
	box   image.Rectangle
}

func newCanvas(img *image.RGBA) *canvas {
	return &canvas{img: img, z: vector.NewRasterizer(1, 1)}
}

// addPolygon adds a closed ring as it runs.
func (c *canvas) addPolygon(pts []Point) {
	if len(pts) < 3 {
		return
	}
	c.polys = append(c.polys, pts)
	for _, p := range pts {
		r := image.Rect(int(math.Floor(p.X)), int(math.Floor(p.Y)), int(math.Floor(p.X))+1, int(math.Floor(p.Y))+1)
		c.box = c.box.Union(r)
	}
}

// addClockwise adds a ring turned clockwise on screen.
func (c *canvas) addClockwise(pts []Point) {
	if signedArea(pts) < 0 {
		reverse(pts)
	}
	c.addPolygon(pts)
}

// paint composites colour col over the image through the coverage of the
// shapes added since the last paint, and forgets them.
func (c *canvas) paint(col color.NRGBA) {
	r := c.box.Intersect(c.img.Bounds())
	if !r.Empty() {
		c.z.Reset(r.Dx(), r.Dy())
		ox, oy := float64(r.Min.X), float64(r.Min.Y)
		for _, pts := range c.polys {
			c.z.MoveTo(float32(pts[0].X-ox), float32(pts[0].Y-oy))
			for _, p := range pts[1:] {
				c.z.LineTo(float32(p.X-ox), float32(p.Y-oy))
			}
			c.z.ClosePath()
		}
		c.z.Draw(c.img, r, image.NewUniform(col), image.Point{})
	}
	c.polys, c.box = c.polys[:0], image.Rectangle{}
}

// addStroke adds the outline of a polyline of width w as polygons: a
// quadrilateral per segment and a disc at each corner that turns enough to
// leave a visible notch (round joins), and round caps unless butt is set.
func (c *canvas) addStroke(pts []Point, w float64, butt bool) {
	hw := w / 2
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*hw, dx/l*hw
		c.addClockwise([]Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}})
		if i < len(pts)-1 && turns(a, b, pts[i+1], hw) {
			c.addClockwise(disc(b, hw))
		}
	}
	if !butt && len(pts) >= 2 {
		c.addClockwise(disc(pts[0], hw))
		c.addClockwise(disc(pts[len(pts)-1], hw))
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
