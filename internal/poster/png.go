package poster

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNG rasterises the drawing, anti-aliased, to a Width×Height image: the
// same paths, symbols and labels the SVG holds, drawn in pure Go.
func (d *Drawing) PNG() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, d.Width, d.Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(d.Palette.Water), image.Point{}, draw.Src)
	z := vector.NewRasterizer(d.Width, d.Height)
	for _, p := range d.Paths {
		rasterPath(img, z, p)
	}
	for _, s := range d.Symbols {
		rasterShape(img, z, s.Shape, s.X, s.Y, s.Radius+1.3, s.Edge)
		rasterShape(img, z, s.Shape, s.X, s.Y, s.Radius, s.Fill)
		if s.Dot.A > 0 {
			rasterShape(img, z, Circle, s.X, s.Y, 1.6, s.Dot)
		}
	}
	for _, p := range d.Panels {
		z.Reset(d.Width, d.Height)
		addClockwise(z, roundedRect(p.X+0.5, p.Y+0.5, p.W-1, p.H-1, 3.5))
		paintMask(img, z, p.Edge)
		z.Reset(d.Width, d.Height)
		addClockwise(z, roundedRect(p.X+1, p.Y+1, p.W-2, p.H-2, 3))
		paintMask(img, z, p.Fill)
	}
	fc, err := newFaces()
	if err == nil { // the fonts are compiled in; without them, draw no text
		for _, l := range d.Labels {
			rasterLabel(img, fc, l)
		}
	}
	return img
}

// rasterPath fills a path's rings, or strokes its lines (dashed if set).
func rasterPath(img *image.RGBA, z *vector.Rasterizer, p Path) {
	b := img.Bounds()
	if p.Fill.A > 0 {
		z.Reset(b.Dx(), b.Dy())
		for _, r := range p.Rings {
			addPolygon(z, r)
		}
		paintMask(img, z, p.Fill)
	}
	if p.Stroke.A > 0 && p.Width > 0 {
		z.Reset(b.Dx(), b.Dy())
		for _, r := range p.Rings {
			if p.Fill.A > 0 && len(r) > 0 {
				r = append(r[:len(r):len(r)], r[0]) // close the ring
			}
			if p.Dash[0] > 0 {
				for _, d := range dashed(r, p.Dash[0], p.Dash[1]) {
					addStroke(z, d, p.Width, true)
				}
			} else {
				addStroke(z, r, p.Width, false)
			}
		}
		paintMask(img, z, p.Stroke)
	}
}

func rasterShape(img *image.RGBA, z *vector.Rasterizer, sh Shape, x, y, r float64, c color.NRGBA) {
	b := img.Bounds()
	z.Reset(b.Dx(), b.Dy())
	addClockwise(z, shapePoints(sh, x, y, r, 24))
	paintMask(img, z, c)
}

// paintMask composites colour c over img through the rasteriser's coverage.
func paintMask(img *image.RGBA, z *vector.Rasterizer, c color.NRGBA) {
	z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
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

// dilate returns the mask grown by about 1.5 px: each pixel takes the
// largest coverage within that distance (a 5×5 disc with soft corners).
func dilate(m *image.Alpha) *image.Alpha {
	out := image.NewAlpha(m.Rect)
	r := m.Rect
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			var best float64
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					d := math.Hypot(float64(dx), float64(dy))
					w := math.Max(0, math.Min(1, 2-d)) // full weight within 1 px, fading to 2 px
					if w == 0 {
						continue
					}
					if p := image.Pt(x+dx, y+dy); p.In(r) {
						best = math.Max(best, w*float64(m.AlphaAt(p.X, p.Y).A))
					}
				}
			}
			out.SetAlpha(x, y, color.Alpha{uint8(best)})
		}
	}
	return out
}
