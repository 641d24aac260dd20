//go:build js

package main

import (
	"bytes"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"heartland/geo"
)

// labelStyle is one of the few fixed text styles; text/v2 caches glyphs per
// size, so sizes stay few and positions whole pixels.
type labelStyle struct {
	source *text.GoTextFaceSource
	size   float64 // CSS pixels
	color  color.RGBA
	upper  bool
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
}

// minWaterSpan is how wide, in CSS pixels, a lake must appear to be named.
const minWaterSpan = 60

// labeler places and draws labels so that they never overlap.
type labeler struct {
	labels []label
	boxes  []geo.LabelBox
	kept   []int
	faces  map[*labelStyle]*text.GoTextFace
	dpr    float64
}

func newLabeler(s *scene) *labeler {
	bold := mustFace(gobold.TTF)
	regular := mustFace(goregular.TTF)
	italic := mustFace(goitalic.TTF)
	central := &labelStyle{source: bold, size: 14, color: colorLabel, upper: true}
	neighbour := &labelStyle{source: regular, size: 12.5, color: colorLabelMuted}
	water := &labelStyle{source: italic, size: 12, color: colorLabelWater}
	l := &labeler{faces: map[*labelStyle]*text.GoTextFace{}}
	for _, it := range s.items {
		var st *labelStyle
		rank := 0
		switch {
		case it.layer == "countries" && it.central:
			st = central
		case it.layer == "countries" && it.feature.Kind == "country":
			st, rank = neighbour, 1
		case it.layer == "water" && it.feature.Name != "":
			st, rank = water, 2
		default:
			continue
		}
		b := it.world.Bound()
		l.labels = append(l.labels, label{text: it.feature.Name, anchor: it.anchor, style: st,
			span: b.Right() - b.Left(), rank: rank})
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
		w, h := text.Measure(lb.text, &text.GoTextFace{Source: lb.style.source, Size: lb.style.size}, 0)
		lb.width, lb.height = w, h
	}
	return l
}

func mustFace(ttf []byte) *text.GoTextFaceSource {
	src, err := text.NewGoTextFaceSource(bytes.NewReader(ttf))
	if err != nil {
		panic(err) // the fonts are compiled in: this cannot fail at run time
	}
	return src
}

func (l *labeler) face(st *labelStyle, dpr float64) *text.GoTextFace {
	if dpr != l.dpr {
		l.faces, l.dpr = map[*labelStyle]*text.GoTextFace{}, dpr
	}
	f, ok := l.faces[st]
	if !ok {
		f = &text.GoTextFace{Source: st.source, Size: math.Round(st.size * dpr)}
		l.faces[st] = f
	}
	return f
}

// draw places the labels for the current view and draws the kept ones with
// a light halo.
func (l *labeler) draw(screen *ebiten.Image, g *Game) {
	if !g.scene.visible["labels"] {
		return
	}
	l.boxes = l.boxes[:0]
	scale := g.cam.Scale()
	for _, lb := range l.labels {
		x, y := g.cam.WorldToScreen(lb.anchor)
		if lb.rank == 2 && lb.span*scale < minWaterSpan {
			x = -1e9 // too small to name here: PlaceLabels skips it
		}
		l.boxes = append(l.boxes, geo.LabelBox{X: x, Y: y, W: lb.width, H: lb.height})
	}
	w, h, dpr := g.cam.Viewport()
	l.kept = geo.PlaceLabels(l.kept[:0], l.boxes, w, h, 6)
	for _, i := range l.kept {
		lb, b := &l.labels[i], l.boxes[i]
		face := l.face(lb.style, dpr)
		x := math.Round((b.X - b.W/2) * dpr)
		y := math.Round((b.Y - b.H/2) * dpr)
		halo := math.Max(1, math.Round(1.5*dpr))
		for _, d := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {1, 1}, {-1, 1}, {1, -1}} {
			op := &text.DrawOptions{}
			op.GeoM.Translate(x+d[0]*halo, y+d[1]*halo)
			op.ColorScale.ScaleWithColor(colorHalo)
			text.Draw(screen, lb.text, face, op)
		}
		op := &text.DrawOptions{}
		op.GeoM.Translate(x, y)
		op.ColorScale.ScaleWithColor(lb.style.color)
		text.Draw(screen, lb.text, face, op)
	}
}
