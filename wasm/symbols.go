//go:build js

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// symbolPass collects the point symbols of one frame: which are shown after
// decluttering, and their vertices, so all of them draw in one call.
type symbolPass struct {
	shown  map[string]bool // ids drawn this frame; hit tests skip the rest
	placed []placedSymbol
	verts  []ebiten.Vertex
	idx    []uint16
	shapes map[symbolShape][][2]float32

	sprites map[spriteKey]*ebiten.Image // rendered symbols, for dpr
	dpr     float64
}

// placedSymbol is a symbol kept on screen, in CSS pixels.
type placedSymbol struct {
	it     *item
	x, y   float64
	radius float64
}

// symbolGap is the free space, in CSS pixels, kept between two symbols.
const symbolGap = 2

func newSymbolPass() *symbolPass {
	p := &symbolPass{shown: map[string]bool{}, shapes: map[symbolShape][][2]float32{}}
	for _, s := range []symbolShape{shapeCircle, shapeSquare, shapeTriangle, shapeDiamond, shapeStar} {
		p.shapes[s] = unitShape(s)
	}
	return p
}

// place declutters the visible point features: most important first, each
// kept only where it overlaps no kept symbol; the hovered and selected ones
// are always kept, and drawn larger.
func (p *symbolPass) place(g *Game) {
	clear(p.shown)
	p.placed = p.placed[:0]
	w, h, _ := g.cam.Viewport()
	add := func(it *item, force bool) {
		x, y := g.cam.WorldToScreen(it.AnchorPoint())
		r := styleOf(it).radius * g.emphasis()
		if it.Feature.ID == g.m.Hover() || it.Feature.ID == g.m.Selected() {
			r *= 1.4
		}
		if x < -r || y < -r || x > w+r || y > h+r || p.shown[it.Feature.ID] {
			return
		}
		if !force {
			for _, q := range p.placed {
				if math.Hypot(q.x-x, q.y-y) < q.radius+r+symbolGap {
					return
				}
			}
		}
		p.placed = append(p.placed, placedSymbol{it, x, y, r})
		p.shown[it.Feature.ID] = true
	}
	for _, id := range []string{g.m.Selected(), g.m.Hover()} {
		if it := g.scene.Item(id); it != nil && styleOf(it).radius > 0 && g.scene.Visible(it.Layer) {
			add(it, true)
		}
	}
	for _, it := range g.scene.Points() {
		if g.scene.Visible(it.Layer) {
			add(it, false)
		}
	}
}

// draw puts the placed symbols on the screen, emphasised ones last so they
// sit on top, and those outside the spotlight faded. Each symbol is a sprite drawn once per kind and size (see
// sprite), so a frame costs one textured quad per symbol, which Ebiten
// batches into a single draw call.
func (p *symbolPass) draw(screen *ebiten.Image, dpr float64, faded func(*item) bool) {
	if p.dpr != dpr {
		p.sprites, p.dpr = map[spriteKey]*ebiten.Image{}, dpr
	}
	for i := len(p.placed) - 1; i >= 0; i-- { // the forced ones were placed first
		s := p.placed[i]
		img := p.sprite(styleOf(s.it), s.it.Feature.Kind == "capital", s.radius)
		b := img.Bounds()
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(math.Round(s.x*dpr-float64(b.Dx())/2), math.Round(s.y*dpr-float64(b.Dy())/2))
		if faded(s.it) {
			op.ColorScale.ScaleAlpha(fadedAlpha)
		}
		screen.DrawImage(img, op)
	}
}

// spriteKey names one rendered symbol.
type spriteKey struct {
	shape   symbolShape
	color   color.RGBA
	radius  float64
	capital bool
}

// sprite returns the symbol for a style and radius, rendering it (dark
// outline, colour, and a white dot for capitals) anti-aliased on first use.
func (p *symbolPass) sprite(st kindStyle, capital bool, radius float64) *ebiten.Image {
	key := spriteKey{st.shape, st.color, radius, capital}
	if img, ok := p.sprites[key]; ok {
		return img
	}
	outer := (radius + 1.3) * 1.3 * p.dpr // shapes reach 1.3× their radius
	size := int(math.Ceil(2*outer)) + 2
	c := float64(size) / 2
	p.verts, p.idx = p.verts[:0], p.idx[:0]
	shape := p.shapes[st.shape]
	p.fan(shape, c, c, (radius+1.3)*p.dpr, colorSymbolEdge)
	p.fan(shape, c, c, radius*p.dpr, st.color)
	if capital {
		p.fan(p.shapes[shapeCircle], c, c, 1.6*p.dpr, colorCasing)
	}
	img := ebiten.NewImage(size, size)
	img.DrawTriangles(p.verts, p.idx, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
	p.sprites[key] = img
	return img
}

// fan appends a filled shape centred on (x, y) device pixels.
func (p *symbolPass) fan(shape [][2]float32, x, y, r float64, c color.RGBA) {
	base := uint16(len(p.verts))
	cr, cg, cb, ca := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	p.verts = append(p.verts, ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: 1, SrcY: 1, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
	for _, u := range shape {
		p.verts = append(p.verts, ebiten.Vertex{DstX: float32(x) + u[0]*float32(r), DstY: float32(y) + u[1]*float32(r),
			SrcX: 1, SrcY: 1, ColorR: cr, ColorG: cg, ColorB: cb, ColorA: ca})
	}
	n := uint16(len(shape))
	for i := uint16(0); i < n; i++ {
		p.idx = append(p.idx, base, base+1+i, base+1+(i+1)%n)
	}
}
