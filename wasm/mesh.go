//go:build js

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app/paint"
	"heartland/geo"
)

// view is the world-to-device transform of one frame and its quality.
type view struct {
	a, tx, ty float64
	smooth    bool // anti-alias
}

// mesh is a geo.Mesh with its colour.
type mesh struct {
	geo.Mesh
	color color.RGBA
}

// drawable is a paint.Mesh as the renderer draws it.
func drawable(m *paint.Mesh) *mesh { return &mesh{Mesh: m.Mesh, color: m.Color} }

// vertexScratch holds one chunk's vertices while it is drawn. Ebiten copies
// vertices during DrawTriangles, so meshes need not keep their own: those
// took 48 bytes per vertex for every cached level, over 70 MB of the heap
// after zooming in to full detail.
var vertexScratch []ebiten.Vertex

// draw positions the vertices for the transform x' = a*x + tx, y' = -a*y +
// ty (device pixels), offsets stroke corners by halfWidth device pixels and
// draws every chunk. Anti-aliasing doubles the fill work, so the map draws
// without it while moving and with it once the view rests.
func (m *mesh) draw(dst *ebiten.Image, v view, halfWidth float32, rule ebiten.FillRule) {
	op := &ebiten.DrawTrianglesOptions{FillRule: rule, AntiAlias: v.smooth}
	r, g, b, al := float32(m.color.R)/255, float32(m.color.G)/255, float32(m.color.B)/255, float32(m.color.A)/255
	for _, c := range m.Chunks {
		if cap(vertexScratch) < len(c.WX) {
			vertexScratch = make([]ebiten.Vertex, len(c.WX))
		}
		vs := vertexScratch[:len(c.WX)]
		for i := range vs {
			p := &vs[i]
			p.DstX = float32(v.a*float64(c.WX[i])+v.tx) + c.OX[i]*halfWidth
			p.DstY = float32(-v.a*float64(c.WY[i])+v.ty) + c.OY[i]*halfWidth
			p.SrcX, p.SrcY = 1, 1
			p.ColorR, p.ColorG, p.ColorB, p.ColorA = r, g, b, al
		}
		dst.DrawTriangles(vs, c.Idx, whitePixel, op)
	}
}
