//go:build js

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app/paint"
)

// mapCache is the map drawn once into an offscreen image a little larger
// than the screen; paint.MapImage decides when it is drawn again and
// where it goes on the screen.
type mapCache struct {
	paint.MapImage
	img *ebiten.Image
}

// invalidate forces the next frame to draw the map again.
func (c *mapCache) invalidate() { c.Stale = true }

// drawFrame brings the cache up to date if it must be, then puts the map on
// the screen.
func (g *Game) drawFrame(screen *ebiten.Image, smooth bool) {
	b := screen.Bounds()
	a, tx, ty := g.cam.Affine()
	c := &g.cache
	if c.Resize(b.Dx(), b.Dy()) || c.img == nil {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img = ebiten.NewImage(c.W, c.H)
	}
	if c.Update(a, tx, ty, b.Dx(), b.Dy(), smooth) {
		c.img.Fill(colorWater)
		g.drawMap(c.img, view{a: c.A, tx: c.TX, ty: c.TY, smooth: c.Smooth})
	}
	k, dx, dy, exact := c.Placement(a, tx, ty)
	op := &ebiten.DrawImageOptions{Blend: ebiten.BlendCopy} // covers the whole screen: no clear needed
	op.GeoM.Scale(k, k)
	op.GeoM.Translate(dx, dy)
	if !exact {
		op.Filter = ebiten.FilterLinear
	}
	screen.DrawImage(c.img, op)
}
