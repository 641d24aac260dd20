package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// tileWorld is the number of CSS pixels the Earth's circumference spans at
// zoom 0, so zoom levels read like those of web maps (MapLibre, Leaflet).
const tileWorld = 256

// Limits keeps the camera on the region, as MapLibre's maxBounds does: the
// viewport never shows anything outside World, so the map can be neither lost
// nor zoomed out past the data; the zoom also stays within MaxZoom.
type Limits struct {
	World   orb.Bound // world metres the viewport must stay inside
	MaxZoom float64
}

// Camera maps between [lon, lat] degrees, world metres of its projection and
// screen coordinates in CSS pixels of the map element (origin top-left, y
// down). The zero value is not usable: build one with NewCamera.
type Camera struct {
	proj          Albers
	limits        Limits
	center        orb.Point // world metres
	zoom          float64
	width, height float64 // CSS pixels
	dpr           float64 // device pixels per CSS pixel
}

// NewCamera returns a camera on the centre of limits.World with a 1×1
// viewport; call SetViewport and FitBounds before use.
func NewCamera(proj Albers, limits Limits) *Camera {
	c := &Camera{proj: proj, limits: limits, width: 1, height: 1, dpr: 1}
	c.center = limits.World.Center()
	c.clamp()
	return c
}

// SetViewport sets the size of the map element in CSS pixels and the device
// pixel ratio. Sizes below one pixel, or not finite, become one.
func (c *Camera) SetViewport(width, height, dpr float64) {
	c.width, c.height = viewportSize(width), viewportSize(height)
	if !(dpr > 0) || math.IsInf(dpr, 0) {
		dpr = 1
	}
	c.dpr = dpr
	c.clamp()
}

// viewportSize keeps NaN and Inf out of the camera, which would otherwise
// stay NaN through every later clamp.
func viewportSize(v float64) float64 {
	if !(v >= 1) || math.IsInf(v, 1) {
		return 1
	}
	return v
}

// Viewport returns the map size in CSS pixels and the device pixel ratio.
func (c *Camera) Viewport() (width, height, dpr float64) { return c.width, c.height, c.dpr }

// Projection returns the camera's projection.
func (c *Camera) Projection() Albers { return c.proj }

// Center returns the [lon, lat] in degrees at the middle of the viewport.
func (c *Camera) Center() orb.Point { return c.proj.Inverse(c.center) }

// Zoom returns the zoom level: the scale doubles with each whole step.
func (c *Camera) Zoom() float64 { return c.zoom }

// SetView moves the camera to centre [lon, lat] degrees and zoom, then
// applies the limits. Non-finite values are ignored.
func (c *Camera) SetView(center orb.Point, zoom float64) {
	if finite(center[0]) && finite(center[1]) {
		c.center = c.proj.Forward(orb.Point{center[0], math.Max(-89, math.Min(89, center[1]))})
	}
	if finite(zoom) {
		c.zoom = zoom
	}
	c.clamp()
}

// Scale returns CSS pixels per world metre at the current zoom.
func (c *Camera) Scale() float64 { return scaleAt(c.zoom) }

func scaleAt(zoom float64) float64 {
	return tileWorld * math.Exp2(zoom) / (2 * math.Pi * EarthRadius)
}

// WorldToScreen turns world metres into CSS pixels.
func (c *Camera) WorldToScreen(w orb.Point) (x, y float64) {
	s := c.Scale()
	return c.width/2 + (w[0]-c.center[0])*s, c.height/2 - (w[1]-c.center[1])*s
}

// ScreenToWorld turns CSS pixels into world metres.
func (c *Camera) ScreenToWorld(x, y float64) orb.Point {
	s := c.Scale()
	return orb.Point{c.center[0] + (x-c.width/2)/s, c.center[1] - (y-c.height/2)/s}
}

// Project turns [lon, lat] degrees into CSS pixels.
func (c *Camera) Project(lonLat orb.Point) (x, y float64) {
	return c.WorldToScreen(c.proj.Forward(lonLat))
}

// Unproject turns CSS pixels into [lon, lat] degrees.
func (c *Camera) Unproject(x, y float64) orb.Point {
	return c.proj.Inverse(c.ScreenToWorld(x, y))
}

// Affine returns the world-to-device-pixel transform as x' = a*x + tx,
// y' = -a*y + ty, for drawing pre-projected geometry without per-point calls.
func (c *Camera) Affine() (a, tx, ty float64) {
	s := c.Scale() * c.dpr
	return s, (c.width/2)*c.dpr - c.center[0]*s, (c.height/2)*c.dpr + c.center[1]*s
}

// PanBy moves the map content by dx, dy CSS pixels, as a drag does.
func (c *Camera) PanBy(dx, dy float64) {
	if !finite(dx) || !finite(dy) {
		return
	}
	s := c.Scale()
	c.center[0] -= dx / s
	c.center[1] += dy / s
	c.clamp()
}

// ZoomAround changes the zoom by dz while the point under (x, y) CSS pixels
// stays where it is, as wheel and pinch zooms do.
func (c *Camera) ZoomAround(x, y, dz float64) {
	if !finite(x) || !finite(y) || !finite(dz) {
		return
	}
	anchor := c.ScreenToWorld(x, y)
	c.zoom += dz
	c.clamp()
	s := c.Scale()
	c.center = orb.Point{anchor[0] - (x-c.width/2)/s, anchor[1] + (y-c.height/2)/s}
	c.clamp()
}

// FitBounds centres the camera on a lon/lat bound and picks the largest zoom
// at which it fits inside the viewport less padding CSS pixels on each side.
// Bounds or padding that are not finite are ignored.
func (c *Camera) FitBounds(b orb.Bound, padding float64) {
	c.FitBoundsPadded(b, Padding{padding, padding, padding, padding})
}

// Padding is space in CSS pixels kept clear on each side of the viewport,
// for example where a legend or a panel covers the map.
type Padding struct{ Top, Right, Bottom, Left float64 }

// FitBoundsPadded is FitBounds with a different padding on each side: the
// bound is framed in the part of the viewport the padding leaves free.
func (c *Camera) FitBoundsPadded(b orb.Bound, p Padding) {
	zoom, center := c.fitPadded(c.proj.ForwardBound(b), p)
	if math.IsNaN(zoom) || math.IsNaN(center[0]) || math.IsNaN(center[1]) {
		return // NaN would survive clamp and stick
	}
	c.zoom, c.center = zoom, center
	c.clamp()
}

// fitPadded returns the zoom and centre that frame a world bound in the
// viewport less padding; the centre shifts towards the freer side.
func (c *Camera) fitPadded(w orb.Bound, p Padding) (float64, orb.Point) {
	for _, v := range []float64{p.Top, p.Right, p.Bottom, p.Left} {
		if !finite(v) {
			return math.NaN(), orb.Point{}
		}
	}
	availW := math.Max(1, c.width-p.Left-p.Right)
	availH := math.Max(1, c.height-p.Top-p.Bottom)
	s := math.Min(availW/math.Max(w.Right()-w.Left(), 1), availH/math.Max(w.Top()-w.Bottom(), 1))
	center := w.Center()
	center[0] -= (p.Left - p.Right) / 2 / s
	center[1] += (p.Top - p.Bottom) / 2 / s
	return math.Log2(s * 2 * math.Pi * EarthRadius / tileWorld), center
}

// MinZoom returns the smallest zoom the limits allow in this viewport: the
// one at which the viewport just covers World along its tighter axis.
func (c *Camera) MinZoom() float64 {
	w := c.limits.World
	s := math.Max(c.width/math.Max(w.Right()-w.Left(), 1), c.height/math.Max(w.Top()-w.Bottom(), 1))
	return math.Log2(s * 2 * math.Pi * EarthRadius / tileWorld)
}

// clamp applies the zoom and pan limits.
func (c *Camera) clamp() {
	c.zoom = math.Max(c.MinZoom(), math.Min(c.limits.MaxZoom, c.zoom))
	w, s := c.limits.World, c.Scale()
	halfW, halfH := c.width/2/s, c.height/2/s
	c.center[0] = clampRange(c.center[0], w.Left()+halfW, w.Right()-halfW)
	c.center[1] = clampRange(c.center[1], w.Bottom()+halfH, w.Top()-halfH)
}

// clampRange limits v to [lo, hi], or returns their middle when lo > hi.
func clampRange(v, lo, hi float64) float64 {
	if lo > hi {
		return (lo + hi) / 2
	}
	return math.Max(lo, math.Min(hi, v))
}

// VisibleWorld returns the world-metre bound of the viewport.
func (c *Camera) VisibleWorld() orb.Bound {
	return orb.Bound{Min: c.ScreenToWorld(0, c.height), Max: c.ScreenToWorld(c.width, 0)}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
