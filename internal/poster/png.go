//go:build !js

package poster

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// PNG rasterises the drawing, anti-aliased, to a Width×Height image: the
// same paths, symbols and labels the SVG holds, drawn in pure Go.
func (d *Drawing) PNG() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, d.Width, d.Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(d.Palette.Water), image.Point{}, draw.Src)
	c := newCanvas(img)
	for _, p := range d.Paths {
		c.path(p)
	}
	for _, s := range d.Symbols {
		c.symbol(s)
	}
	for _, p := range d.Panels {
		c.panel(p)
	}
	if lg := d.Legend; lg != nil {
		c.panel(lg.Panel)
		for _, p := range lg.Paths {
			c.path(p)
		}
		for _, s := range lg.Symbols {
			c.symbol(s)
		}
	}
	fc, err := newFaces()
	if err == nil { // the fonts are compiled in; without them, draw no text
		for _, l := range d.Labels {
			rasterLabel(img, fc, l)
		}
	}
	return img
}

// path fills a path's rings, or strokes its lines (dashed if set).
func (c *canvas) path(p Path) {
	if p.Fill.A > 0 {
		for _, r := range p.Rings {
			c.addPolygon(r)
		}
		c.paint(p.Fill)
	}
	if p.Stroke.A > 0 && p.Width > 0 {
		for _, r := range p.Rings {
			if p.Fill.A > 0 && len(r) > 0 {
				r = append(r[:len(r):len(r)], r[0]) // close the ring
			}
			if p.Dash[0] > 0 {
				for _, d := range dashed(r, p.Dash[0], p.Dash[1]) {
					c.addStroke(d, p.Width, true)
				}
			} else {
				c.addStroke(r, p.Width, false)
			}
		}
		c.paint(p.Stroke)
	}
}

func (c *canvas) symbol(s Symbol) {
	c.shape(s.Shape, s.X, s.Y, s.Radius+1.3, s.Edge)
	c.shape(s.Shape, s.X, s.Y, s.Radius, s.Fill)
	if s.Dot.A > 0 {
		c.shape(Circle, s.X, s.Y, 1.6, s.Dot)
	}
}

func (c *canvas) panel(p Panel) {
	c.addClockwise(roundedRect(p.X+0.5, p.Y+0.5, p.W-1, p.H-1, 3.5))
	c.paint(p.Edge)
	c.addClockwise(roundedRect(p.X+1, p.Y+1, p.W-2, p.H-2, 3))
	c.paint(p.Fill)
}

func (c *canvas) shape(sh Shape, x, y, r float64, col color.NRGBA) {
	c.addClockwise(shapePoints(sh, x, y, r, 24))
	c.paint(col)
}

// roundedRect approximates a rectangle with corners of radius r.
func roundedRect(x, y, w, h, r float64) []Point {
	var pts []Point
	corners := []struct{ cx, cy, a0 float64 }{
		{x + w - r, y + r, -math.Pi / 2}, {x + w - r, y + h - r, 0},
		{x + r, y + h - r, math.Pi / 2}, {x + r, y + r, math.Pi},
	}
	for _, c := range corners {
		for i := 0; i <= 4; i++ {
			a := c.a0 + math.Pi/2*float64(i)/4
			pts = append(pts, Point{c.cx + r*math.Cos(a), c.cy + r*math.Sin(a)})
		}
	}
	return pts
}

// rasterLabel draws a label's text, with its halo first: the text's
// coverage grown by 1.5 px, painted once so the halo's alpha does not
// build up where glyphs are close.
func rasterLabel(img *image.RGBA, fc *faces, l Label) {
	const pad = 3
	face := fc.face(l.Style)
	left := l.Box.X - l.Box.W/2
	x0, y0 := int(math.Floor(left))-pad, int(math.Floor(l.Box.Y-l.Box.H/2))-pad
	mask := image.NewAlpha(image.Rect(x0, y0, int(math.Ceil(left+l.Box.W))+pad+1, int(math.Ceil(l.Box.Y+l.Box.H/2))+pad+1))
	dr := font.Drawer{Dst: mask, Src: image.Opaque, Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(left * 64)), Y: fixed.Int26_6(math.Round(l.Baseline * 64))}}
	dr.DrawString(l.Text)
	if l.Halo.A > 0 {
		draw.DrawMask(img, mask.Rect, image.NewUniform(l.Halo), image.Point{}, dilate(mask), mask.Rect.Min, draw.Over)
	}
	draw.DrawMask(img, mask.Rect, image.NewUniform(l.Style.Color), image.Point{}, mask, mask.Rect.Min, draw.Over)
}

// haloWeights are the 5×5 kernel of dilate: full weight within 1 px of the
// centre, fading to none at 2 px.
var haloWeights = func() (w [5][5]float64) {
	for dy := -2; dy <= 2; dy++ {
		for dx := -2; dx <= 2; dx++ {
			w[dy+2][dx+2] = math.Max(0, math.Min(1, 2-math.Hypot(float64(dx), float64(dy))))
		}
	}
	return w
}()

// dilate returns the mask grown by about 1.5 px: each pixel takes the
// largest weighted coverage around it.
func dilate(m *image.Alpha) *image.Alpha {
	out := image.NewAlpha(m.Rect)
	r := m.Rect
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			var best float64
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					w := haloWeights[dy+2][dx+2]
					if w == 0 || !image.Pt(x+dx, y+dy).In(r) {
						continue
					}
					best = math.Max(best, w*float64(m.Pix[m.PixOffset(x+dx, y+dy)]))
				}
			}
			out.Pix[out.PixOffset(x, y)] = uint8(best)
		}
	}
	return out
}
