//go:build js

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/geo"
	"heartland/placement"
)

// labeler draws the names placement.Labels places in a frame, each a
// sprite the browser's canvas renders once (textraster.go), with a halo.
type labeler struct {
	policy    *placement.Labels
	areas     []*item // by Area.Ref
	obstacles []geo.LabelBox
	text      *textRaster

	sprites   map[labelKey]*ebiten.Image // rendered labels, for spriteDPR
	spriteDPR float64
	haloPx    float64
}

// labelKey names one rendered label.
type labelKey struct {
	text  string
	style placement.Style
}

func newLabeler(s *drawnScene) *labeler {
	l := &labeler{text: newTextRaster(), sprites: map[labelKey]*ebiten.Image{}}
	var areas []placement.Area
	for _, it := range s.Items() {
		b := it.World.Bound()
		a := placement.Area{Ref: len(l.areas), Layer: it.Layer, Kind: it.Feature.Kind, Name: it.Feature.Name,
			Central: it.Central, Anchor: it.Anchor, Span: b.Right() - b.Left(), World: it.World}
		if a.Named() {
			areas = append(areas, a)
			l.areas = append(l.areas, it)
		}
	}
	l.policy = placement.NewLabels(areas, l.text.measure)
	return l
}

// recolour drops the sprites drawn in the old palette's inks.
func (l *labeler) recolour() {
	for _, img := range l.sprites {
		img.Deallocate()
	}
	l.sprites = map[labelKey]*ebiten.Image{}
}

// draw places the names of this frame with placement.Labels, clear of the
// symbols and of the button column, and draws them with a light halo,
// faded outside the spotlight.
func (l *labeler) draw(screen *ebiten.Image, g *Game, symbols []placement.Symbol) {
	w, h, dpr := g.cam.Viewport()
	l.obstacles = append(l.obstacles[:0], placement.ButtonColumn(w, h))
	k := g.m.Emphasis() // presenter mode: larger text
	for _, lb := range l.policy.Place(g.placementView(), symbols, l.obstacles) {
		var it *item
		if lb.NamesArea() {
			it = l.areas[lb.Ref]
		} else {
			it = g.symbols.items[lb.Ref]
		}
		l.drawLabel(screen, lb, dpr, k, g.faded(it))
	}
}

// drawLabel puts a label's sprite on the screen at whole device pixels,
// faded outside the spotlight.
func (l *labeler) drawLabel(screen *ebiten.Image, lb placement.Label, dpr, scale float64, faded bool) {
	img := l.sprite(labelKey{lb.Text, lb.Style}, dpr*scale)
	op := &ebiten.DrawImageOptions{}
	if faded {
		op.ColorScale.ScaleAlpha(fadedAlpha)
	}
	b := lb.Box
	op.GeoM.Translate(math.Round((b.X-b.W/2)*dpr)-l.haloPx, math.Round((b.Y-b.H/2)*dpr)-l.haloPx)
	screen.DrawImage(img, op)
}

// sprite returns a label rendered once, with its halo, at dpr, so that a
// frame costs one quad per label.
func (l *labeler) sprite(key labelKey, dpr float64) *ebiten.Image {
	if dpr != l.spriteDPR {
		for _, img := range l.sprites {
			img.Deallocate()
		}
		l.sprites, l.spriteDPR = map[labelKey]*ebiten.Image{}, dpr
		l.haloPx = math.Max(1, math.Round(1.5*dpr))
	}
	if img, ok := l.sprites[key]; ok {
		return img
	}
	img := l.text.render(key.text, key.style, math.Round(key.style.Size()*dpr), l.haloPx)
	l.sprites[key] = img
	return img
}

// inkColor is a style's ink in the active palette.
func inkColor(ink placement.Ink) color.RGBA {
	switch ink {
	case placement.InkLabelMuted:
		return colorLabelMuted
	case placement.InkLabelWater:
		return colorLabelWater
	}
	return colorLabel
}
