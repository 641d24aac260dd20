//go:build js

package main

import (
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/geo"
)

// labelStyle is one of the few fixed text styles.
type labelStyle struct {
	font  string  // CSS font style and weight: "bold", "italic", "normal"
	size  float64 // CSS pixels
	color color.RGBA
	upper bool
}

// label is a candidate label: text, anchor and style, in priority order.
type label struct {
	text   string
	anchor [2]float64 // world metres
	style  *labelStyle
	width  float64 // CSS pixels at size, measured once
	height float64
	span   float64 // world-metre width of the feature, to rank and to hide small ones
	rank   int     // 0 Central Asia, 1 other countries, 2 water
	item   *item   // the feature named
}

// minWaterSpan is how wide, in CSS pixels, a lake must appear to be named.
const minWaterSpan = 60

// labeler places and draws labels so that they never overlap.
type labeler struct {
	labels []label
	cands  [][]geo.LabelBox
	kept   []geo.Placed
	slots  []slot
	text   *textRaster

	sprites   map[*label]*ebiten.Image // rendered labels, for spriteDPR
	spriteDPR float64
	haloPx    float64

	points                   map[*item]*label
	pointStyle, capitalStyle *labelStyle
	inks                     map[*labelStyle]*color.RGBA // the palette colour each style is drawn in
}

// recolour takes the styles' colours from the palette again and drops the
// sprites drawn in the old ones.
func (l *labeler) recolour() {
	for st, ink := range l.inks {
		st.color = *ink
	}
	for _, img := range l.sprites {
		img.Deallocate()
	}
	l.sprites = map[*label]*ebiten.Image{}
}

func newLabeler(s *drawnScene) *labeler {
	l := &labeler{text: newTextRaster(), points: map[*item]*label{}, inks: map[*labelStyle]*color.RGBA{}}
	style := func(font string, size float64, ink *color.RGBA, upper bool) *labelStyle {
		st := &labelStyle{font: font, size: size, color: *ink, upper: upper}
		l.inks[st] = ink
		return st
	}
	central := style("bold", 14, &colorLabel, true)
	neighbour := style("normal", 12.5, &colorLabelMuted, false)
	water := style("italic", 12, &colorLabelWater, false)
	l.pointStyle = style("normal", 11.5, &colorLabel, false)
	l.capitalStyle = style("bold", 12, &colorLabel, false)
	for _, it := range s.Items() {
		var st *labelStyle
		rank := 0
		switch {
		case it.Layer == "countries" && it.Central:
			st = central
		case it.Layer == "countries" && it.Feature.Kind == "country":
			st, rank = neighbour, 1
		case it.Layer == "water" && it.Feature.Name != "":
			st, rank = water, 2
		default:
			continue
		}
		b := it.World.Bound()
		l.labels = append(l.labels, label{text: it.Feature.Name, anchor: it.Anchor, style: st,
			span: b.Right() - b.Left(), rank: rank, item: it})
	}
	// Central Asia first, then other countries and then lakes, each by size.
	sort.SliceStable(l.labels, func(i, j int) bool {
		a, b := l.labels[i], l.labels[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.span > b.span
	})
	for i := range l.labels {
		lb := &l.labels[i]
		if lb.style.upper {
			lb.text = strings.ToUpper(lb.text)
		}
	}
	return l
}

// slot is a label candidate of this frame; lb is nil for a symbol, which
// labels must avoid but which is not drawn here.
type slot struct {
	lb *label
}

// draw places the labels for the current view — Central Asia's names
// first, then the symbols as obstacles, then the symbols' names (right of
// the symbol, else left, above or below), then the rest — and draws the
// kept ones with a light halo.
func (l *labeler) draw(screen *ebiten.Image, g *Game, symbols []placedSymbol) {
	if !g.scene.Visible("labels") {
		return
	}
	l.cands, l.slots = l.cands[:0], l.slots[:0]
	scale := g.cam.Scale()
	k := g.emphasis() // presenter mode: larger text
	add := func(lb *label, boxes ...geo.LabelBox) {
		l.cands = append(l.cands, boxes)
		l.slots = append(l.slots, slot{lb})
	}
	static := func(rank int) {
		for i := range l.labels {
			lb := &l.labels[i]
			if lb.rank != rank {
				continue
			}
			x, y := g.cam.WorldToScreen(lb.anchor)
			if lb.rank == 2 && lb.span*scale < minWaterSpan {
				continue // too small to name at this zoom
			}
			if lb.width == 0 { // measured on first use
				lb.width, lb.height = l.text.measure(lb.text, lb.style)
			}
			bw, bh := lb.width*k, lb.height*k
			if rank == 0 { // a country name may move up or down to clear symbols
				y = clearOfSymbols(x, y, bw, bh, symbols)
			}
			add(lb, geo.LabelBox{X: x, Y: y, W: bw, H: bh})
		}
	}
	// The zoom and tool buttons stand in a column at the right edge
	// (web/style.css .controls): names there would be cut by them.
	w, h, dpr := g.cam.Viewport()
	add(nil, geo.LabelBox{X: w - controlsStrip/2, Y: h / 2, W: controlsStrip, H: h})
	static(0)
	for _, s := range symbols {
		d := 2 * s.radius
		add(nil, geo.LabelBox{X: s.x, Y: s.y, W: d, H: d})
	}
	for _, s := range symbols {
		lb := l.pointLabel(s.it)
		off := s.radius + labelGap + 1
		w, h := lb.width*k, lb.height*k
		add(lb,
			geo.LabelBox{X: s.x + off + w/2, Y: s.y, W: w, H: h},
			geo.LabelBox{X: s.x - off - w/2, Y: s.y, W: w, H: h},
			geo.LabelBox{X: s.x, Y: s.y - off - h/2, W: w, H: h},
			geo.LabelBox{X: s.x, Y: s.y + off + h/2, W: w, H: h})
	}
	static(1)
	static(2)
	l.kept = geo.PlaceCandidates(l.kept[:0], l.cands, w, h, labelGap)
	for _, kept := range l.kept {
		if lb := l.slots[kept.Label].lb; lb != nil {
			l.drawLabel(screen, lb, kept.Box, dpr, k, g.faded(lb.item))
		}
	}
}

// controlsStrip is the width, in CSS pixels, of the button column at the
// map's right edge that names keep clear of.
const controlsStrip = 56

// labelGap is the free space, in CSS pixels, kept around every label.
const labelGap = 5

// clearOfSymbols is geo.ClearOfSymbols, the label policy the poster shares,
// for a label of w×h centred at (x, y).
func clearOfSymbols(x, y, w, h float64, symbols []placedSymbol) float64 {
	return geo.ClearOfSymbols(geo.LabelBox{X: x, Y: y, W: w, H: h}, symbols,
		func(s placedSymbol) (float64, float64, float64) { return s.x, s.y, s.radius })
}

// pointLabel returns the label of a symbol's feature, measured on first use.
func (l *labeler) pointLabel(it *item) *label {
	lb, ok := l.points[it]
	if !ok {
		st := l.pointStyle
		if it.Feature.Kind == "capital" {
			st = l.capitalStyle
		}
		name := geo.ShortName(it.Feature.Name)
		w, h := l.text.measure(name, st)
		lb = &label{text: name, style: st, width: w, height: h, item: it}
		l.points[it] = lb
	}
	return lb
}

// drawLabel puts a label's sprite on the screen at whole device pixels,
// faded outside the spotlight.
func (l *labeler) drawLabel(screen *ebiten.Image, lb *label, b geo.LabelBox, dpr, scale float64, faded bool) {
	img := l.sprite(lb, dpr*scale)
	op := &ebiten.DrawImageOptions{}
	if faded {
		op.ColorScale.ScaleAlpha(fadedAlpha)
	}
	op.GeoM.Translate(math.Round((b.X-b.W/2)*dpr)-l.haloPx, math.Round((b.Y-b.H/2)*dpr)-l.haloPx)
	screen.DrawImage(img, op)
}

// sprite returns a label rendered once, with its halo, at dpr, so that a
// frame costs one quad per label.
func (l *labeler) sprite(lb *label, dpr float64) *ebiten.Image {
	if dpr != l.spriteDPR {
		for _, img := range l.sprites {
			img.Deallocate()
		}
		l.sprites, l.spriteDPR = map[*label]*ebiten.Image{}, dpr
		l.haloPx = math.Max(1, math.Round(1.5*dpr))
	}
	if img, ok := l.sprites[lb]; ok {
		return img
	}
	img := l.text.render(lb.text, lb.style, math.Round(lb.style.size*dpr), l.haloPx)
	l.sprites[lb] = img
	return img
}
