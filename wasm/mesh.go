//go:build js

package main

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/geo"
)

// view is the world-to-device transform of one frame and its quality.
type view struct {
	a, tx, ty float64
	smooth    bool // anti-alias
}

// mesh is a geo.Mesh with its colour and the Ebiten vertices it is drawn
// with, allocated once and repositioned when the view changes.
type mesh struct {
	geo.Mesh
	color color.RGBA
	verts [][]ebiten.Vertex // per chunk
}

// draw positions the vertices for the transform x' = a*x + tx, y' = -a*y +
// ty (device pixels), offsets stroke corners by halfWidth device pixels and
// draws every chunk. Anti-aliasing doubles the fill work, so the map draws
// without it while moving and with it once the view rests.
func (m *mesh) draw(dst *ebiten.Image, v view, halfWidth float32, rule ebiten.FillRule) {
	op := &ebiten.DrawTrianglesOptions{FillRule: rule, AntiAlias: v.smooth}
	r, g, b, al := float32(m.color.R)/255, float32(m.color.G)/255, float32(m.color.B)/255, float32(m.color.A)/255
	for len(m.verts) < len(m.Chunks) {
		m.verts = append(m.verts, make([]ebiten.Vertex, len(m.Chunks[len(m.verts)].WX)))
	}
	for ci, c := range m.Chunks {
		vs := m.verts[ci]
		for i := range vs {
			p := &vs[i]
			p.DstX = float32(v.a*c.WX[i]+v.tx) + c.OX[i]*halfWidth
			p.DstY = float32(-v.a*c.WY[i]+v.ty) + c.OY[i]*halfWidth
			p.SrcX, p.SrcY = 1, 1
			p.ColorR, p.ColorG, p.ColorB, p.ColorA = r, g, b, al
		}
		dst.DrawTriangles(vs, c.Idx, whitePixel, op)
	}
}
