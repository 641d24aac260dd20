package paint

import "math"

// MapImage is the bookkeeping of the map drawn once into an offscreen image
// a little larger than the screen. While the view moves, frames only move
// and scale that image; the map is drawn again when the image no longer
// covers the screen, when its scale drifts past 1.5×, when the content
// changed (Stale), and once more, anti-aliased, when the view comes to
// rest. Software WebGL fills a few stencilled meshes in tens of
// milliseconds; one textured quad is nearly free. Transforms are x' = a*x +
// tx, y' = -a*y + ty from world metres to device pixels.
type MapImage struct {
	W, H    int     // the image's size, device pixels
	Margin  float64 // device pixels beyond each screen edge
	A       float64 // world-to-device scale the image was drawn at
	TX, TY  float64 // its translation, device pixels of the image
	Smooth  bool    // drawn anti-aliased
	Stale   bool    // the content (layers, palette) changed since
	Renders int     // how often it was drawn
}

// Resize sizes the image for a screen of w×h device pixels, with margins
// of an eighth of the longer side; it reports whether the size changed, so
// that the image must be made anew (and drawn).
func (c *MapImage) Resize(w, h int) bool {
	margin := math.Round(0.125 * float64(max(w, h)))
	iw, ih := w+2*int(margin), h+2*int(margin)
	if iw == c.W && ih == c.H {
		return false
	}
	c.W, c.H, c.Margin, c.A = iw, ih, margin, 0
	return true
}

// covers reports whether the image can stand in for the map at transform
// a, tx, ty on a w×h screen: it fills the screen and is scaled by at most
// 1.5×.
func (c *MapImage) covers(a, tx, ty float64, w, h int) bool {
	if c.A == 0 {
		return false
	}
	k := a / c.A
	if k < 1/1.5 || k > 1.5 {
		return false
	}
	x0, y0 := k*(0-c.TX)+tx, k*(0-c.TY)+ty // where the image's corners land on screen
	x1, y1 := k*(float64(c.W)-c.TX)+tx, k*(float64(c.H)-c.TY)+ty
	return x0 <= 0 && y0 <= 0 && x1 >= float64(w) && y1 >= float64(h)
}

// Update reports whether the map must be drawn into the image for the view
// a, tx, ty on a w×h screen (smooth: anti-aliased, at rest), and if so takes
// that view, with the margin, as the image's own.
func (c *MapImage) Update(a, tx, ty float64, w, h int, smooth bool) bool {
	if !c.Stale && c.covers(a, tx, ty, w, h) && (!smooth || c.Smooth) {
		return false
	}
	c.A, c.TX, c.TY = a, tx+c.Margin, ty+c.Margin
	c.Smooth, c.Stale = smooth, false
	c.Renders++
	return true
}

// Placement is where the image goes on the screen for the view a, tx, ty:
// scaled by k about its origin, then moved by dx, dy device pixels. exact:
// unscaled and moved by whole pixels, where nearest-neighbour sampling is
// exact and cheaper than linear in software WebGL.
func (c *MapImage) Placement(a, tx, ty float64) (k, dx, dy float64, exact bool) {
	k = a / c.A
	if math.Abs(k-1) < 1e-9 {
		return 1, math.Round(tx - c.TX), math.Round(ty - c.TY), true
	}
	return k, tx - k*c.TX, ty - k*c.TY, false
}
