//go:build js

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"heartland/geo"
)

// The spotlight, in presenter mode, dims everything but the selected
// country or feature, so that a class looks where the teacher points: the
// map outside a selected country goes dark, and the symbols and names
// outside it fade.

var colorSpot = color.RGBA{0x10, 0x14, 0x1c, 0xff}

const (
	spotAlpha  = 0.6  // how much of colorSpot covers the dimmed map
	fadedAlpha = 0.35 // symbols and names outside the spotlight
)

// spotlight holds what the spotlit selection needs across frames.
type spotlight struct {
	id     string        // the spotlit feature
	mask   *ebiten.Image // the dimmed area, drawn opaque and then laid translucent over the map
	meshes map[int]*mesh // per level: a rectangle around everything, with the country as a hole
	inside map[*item]bool
}

// spotlit returns the id of the feature in the spotlight: the selection, in
// presenter mode, when its layer is shown; otherwise "".
func (g *Game) spotlit() string {
	if !g.m.Presenting() || g.m.Selected() == "" {
		return ""
	}
	if it := g.scene.Item(g.m.Selected()); it == nil || !g.scene.Visible(it.Layer) {
		return ""
	}
	return g.m.Selected()
}

// drawSpotlight dims dst, the map drawn for level, except inside the
// spotlit country. Fans of a polygon overlap, so a translucent colour drawn
// straight from them would darken some pixels twice: the mask is drawn
// opaque into its own image, which then covers the map evenly.
func (g *Game) drawSpotlight(dst *ebiten.Image, v view, level int, id string) {
	sp := &g.spot
	sp.follow(id)
	m, ok := sp.meshes[level]
	if !ok {
		m = &mesh{color: colorSpot}
		b := g.scene.WorldBound()
		pad := 4 * max(b.Right()-b.Left(), b.Top()-b.Bottom())
		x0, y0, x1, y1 := b.Left()-pad, b.Bottom()-pad, b.Right()+pad, b.Top()+pad
		m.AddPolygons(orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}})
		if it := g.scene.Item(id); it.Layer == "countries" {
			m.AddPolygons(geo.AsMultiPolygon(geo.SimplifyWorld(it.World, level)))
		}
		sp.meshes[level] = m
	}
	b := dst.Bounds()
	if sp.mask == nil || sp.mask.Bounds() != b {
		sp.free()
		sp.mask = ebiten.NewImage(b.Dx(), b.Dy())
	}
	sp.mask.Clear()
	m.draw(sp.mask, v, 0, ebiten.FillRuleEvenOdd)
	op := &ebiten.DrawImageOptions{}
	op.ColorScale.ScaleAlpha(spotAlpha)
	dst.DrawImage(sp.mask, op)
}

// follow drops what was built for another spotlit feature.
func (sp *spotlight) follow(id string) {
	if sp.id != id || sp.meshes == nil {
		sp.id, sp.meshes, sp.inside = id, map[int]*mesh{}, map[*item]bool{}
	}
}

// free gives back the mask's memory when presenter mode ends.
func (sp *spotlight) free() {
	if sp.mask != nil {
		sp.mask.Deallocate()
		sp.mask = nil
	}
}

// faded reports whether a feature's symbol and name are outside the
// spotlight: not the spotlit feature and not within the spotlit country.
func (g *Game) faded(it *item) bool {
	id := g.spotlit()
	if id == "" || it == nil || it.Feature.ID == id {
		return false
	}
	spot := g.scene.Item(id)
	if spot.Layer != "countries" {
		return true
	}
	if it.Layer == "countries" {
		return true
	}
	sp := &g.spot
	sp.follow(id)
	in, ok := sp.inside[it]
	if !ok {
		in = planar.MultiPolygonContains(geo.AsMultiPolygon(spot.World), it.AnchorPoint())
		sp.inside[it] = in
	}
	return !in
}
