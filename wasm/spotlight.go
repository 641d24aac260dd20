//go:build js

package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app/paint"
)

// spotlight is presenter mode's spotlight (paint.Spotlight) with the image
// its mask is drawn into.
type spotlight struct {
	paint.Spotlight
	mask *ebiten.Image // the dimmed area, drawn opaque and then laid translucent over the map
}

const fadedAlpha = paint.FadedAlpha

// spotlit returns the id of the feature in the spotlight, or "".
func (g *Game) spotlit() string { return g.m.Spotlit() }

// drawSpotlight dims dst, the map drawn for level, except inside the
// spotlit country. Fans of a polygon overlap, so a translucent colour drawn
// straight from them would darken some pixels twice: the mask is drawn
// opaque into its own image, which then covers the map evenly.
func (g *Game) drawSpotlight(dst *ebiten.Image, v view, level int, id string) {
	sp := &g.spot
	b := dst.Bounds()
	if sp.mask == nil || sp.mask.Bounds() != b {
		sp.free()
		sp.mask = ebiten.NewImage(b.Dx(), b.Dy())
	}
	sp.mask.Clear()
	drawable(sp.Mask(g.scene.Scene, id, level)).draw(sp.mask, v, 0, ebiten.FillRuleEvenOdd)
	op := &ebiten.DrawImageOptions{}
	op.ColorScale.ScaleAlpha(paint.SpotAlpha)
	dst.DrawImage(sp.mask, op)
}

// free gives back the mask's memory when presenter mode ends.
func (sp *spotlight) free() {
	if sp.mask != nil {
		sp.mask.Deallocate()
		sp.mask = nil
	}
}

// faded reports whether a feature's symbol and name are outside the
// spotlight.
func (g *Game) faded(it *item) bool { return g.spot.Faded(g.scene.Scene, g.spotlit(), it) }
