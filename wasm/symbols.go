//go:build js

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/placement"
)

// symbolPass draws the point symbols placement.Symbols keeps in a frame,
// and remembers which are shown: a decluttered symbol cannot be clicked.
type symbolPass struct {
	shown  map[string]bool   // ids drawn this frame; hit tests skip the rest
	points []placement.Point // this frame's candidates
	items  []*item           // by Point.Ref
	placed []placement.Symbol
	verts  []ebiten.Vertex
	idx    []uint16
	shapes map[symbolShape][][2]float32

	sprites map[spriteKey]*ebiten.Image // rendered symbols, for dpr
	dpr     float64
}

func newSymbolPass() *symbolPass {
	p := &symbolPass{shown: map[string]bool{}, shapes: map[symbolShape][][2]float32{}}
	for _, s := range []symbolShape{shapeCircle, shapeSquare, shapeTriangle, shapeDiamond, shapeStar} {
		p.shapes[s] = unitShape(s)
	}
	return p
}

// place asks placement which of the scene's point symbols this frame shows
// (the hovered and selected ones always, and larger; the rest by priority
// where they do not crowd) and notes their ids for hit tests.
func (p *symbolPass) place(g *Game) {
	p.points, p.items = p.points[:0], p.items[:0]
	for _, it := range g.scene.Points() {
		st := styleOf(it)
		p.points = append(p.points, placement.Point{Ref: len(p.items), ID: it.Feature.ID, Layer: it.Layer,
			World: it.AnchorPoint(), Radius: st.radius, Priority: st.priority, Name: it.Feature.Name,
			Capital: it.Feature.Kind == "capital"})
		p.items = append(p.items, it)
	}
	p.placed = placement.Symbols(p.placed[:0], p.points, g.placementView())
	clear(p.shown)
	for _, s := range p.placed {
		p.shown[s.ID] = true
	}
}

// placementView is what placement decides this frame's symbols and names
// from.
func (g *Game) placementView() placement.View {
	return placement.View{Camera: g.cam, Visible: g.scene.Visible, Hover: g.m.Hover(), Selected: g.m.Selected(),
		Emphasis: g.m.Emphasis()}
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
		it := p.items[s.Ref]
		img := p.sprite(styleOf(it), s.Capital, s.R)
		b := img.Bounds()
		op := &ebiten.DrawImageOptions{}
		op.GeoM.Translate(math.Round(s.X*dpr-float64(b.Dx())/2), math.Round(s.Y*dpr-float64(b.Dy())/2))
		if faded(it) {
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
