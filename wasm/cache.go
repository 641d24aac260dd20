//go:build js

package main

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// mapCache is the map drawn once into an offscreen image a little larger
// than the screen. While the view moves, frames only move and scale this
// image; the map is drawn again when the image no longer covers the screen,
// when its scale drifts too far, when the content changes, and once more,
// anti-aliased, when the view comes to rest. Software WebGL fills a few
// stencilled meshes in tens of milliseconds; one textured quad is nearly free.
type mapCache struct {
	img      *ebiten.Image
	margin   float64 // device pixels beyond each screen edge
	a        float64 // world-to-device scale the image was drawn at
	tx, ty   float64 // its translation, device pixels of img
	smooth   bool    // drawn anti-aliased
	stale    bool    // content (hover, selection, layers) changed since
	renders  int
	lastSize image.Point
}

// invalidate forces the next frame to draw the map again.
func (c *mapCache) invalidate() { c.stale = true }

// covers reports whether the cached image can stand in for the map at the
// current transform: it fills the screen and is scaled by at most 1.5×.
func (c *mapCache) covers(a, tx, ty float64, w, h int) bool {
	if c.img == nil {
		return false
	}
	k := a / c.a
	if k < 1/1.5 || k > 1.5 {
		return false
	}
	b := c.img.Bounds()
	// Where the image's corners land on screen.
	x0, y0 := k*(0-c.tx)+tx, k*(0-c.ty)+ty
	x1, y1 := k*(float64(b.Dx())-c.tx)+tx, k*(float64(b.Dy())-c.ty)+ty
	return x0 <= 0 && y0 <= 0 && x1 >= float64(w) && y1 >= float64(h)
}

// ensure makes the image the screen size plus margins.
func (c *mapCache) ensure(w, h int) {
	size := image.Pt(w, h)
	if c.img != nil && size == c.lastSize {
		return
	}
	if c.img != nil {
		c.img.Deallocate()
	}
	c.lastSize = size
	c.margin = math.Round(0.125 * float64(max(w, h)))
	c.img = ebiten.NewImage(w+2*int(c.margin), h+2*int(c.margin))
}

// blit draws the cached map onto the screen for the transform a, tx, ty.
func (c *mapCache) blit(screen *ebiten.Image, a, tx, ty float64) {
	k := a / c.a
	op := &ebiten.DrawImageOptions{}
	// An unscaled image moves by whole device pixels: nearest-neighbour
	// sampling is exact then, and cheaper than linear in software WebGL.
	op.Blend = ebiten.BlendCopy
	if math.Abs(k-1) < 1e-9 {
		op.GeoM.Translate(math.Round(tx-c.tx), math.Round(ty-c.ty))
	} else {
		op.GeoM.Translate(-c.tx, -c.ty)
		op.GeoM.Scale(k, k)
		op.GeoM.Translate(tx, ty)
		op.Filter = ebiten.FilterLinear
	}
	screen.DrawImage(c.img, op)
}

// drawFrame brings the cache up to date if it must be, then puts the map on
// the screen.
func (g *Game) drawFrame(screen *ebiten.Image, smooth bool) {
	b := screen.Bounds()
	a, tx, ty := g.cam.Affine()
	c := &g.cache
	c.ensure(b.Dx(), b.Dy())
	if c.stale || !c.covers(a, tx, ty, b.Dx(), b.Dy()) || (smooth && !c.smooth) {
		c.a, c.tx, c.ty = a, tx+c.margin, ty+c.margin
		c.smooth, c.stale = smooth, false
		c.img.Fill(colorWater)
		g.drawMap(c.img, view{a: c.a, tx: c.tx, ty: c.ty, smooth: c.smooth})
		c.renders++
	}
	c.blit(screen, a, tx, ty) // covers the whole screen: no clear needed
}
