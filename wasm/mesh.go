//go:build js

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/paulmach/orb"
)

// maxChunkVertices keeps each DrawTriangles batch inside uint16 indices: a
// batch past 65,535 vertices would wrap silently.
const maxChunkVertices = 65535

// mesh is geometry in world metres, triangulated once, whose screen
// positions are refreshed with the camera's affine transform when the view
// changes. Fills are triangle fans drawn with a non-zero stencil; strokes
// are one quad per segment whose corners are pushed out by half the line
// width in screen pixels.
type mesh struct {
	chunks []*chunk
	color  color.RGBA
}

type chunk struct {
	wx, wy []float64 // world metres per vertex
	ox, oy []float32 // stroke offset per vertex, in half-widths (screen axes)
	verts  []ebiten.Vertex
	idx    []uint16
}

// room returns a chunk with space for n more vertices.
func (m *mesh) room(n int) *chunk {
	if len(m.chunks) == 0 || len(m.chunks[len(m.chunks)-1].wx)+n > maxChunkVertices {
		m.chunks = append(m.chunks, &chunk{})
	}
	return m.chunks[len(m.chunks)-1]
}

func (c *chunk) add(p orb.Point, ox, oy float32) uint16 {
	c.wx = append(c.wx, p[0])
	c.wy = append(c.wy, p[1])
	c.ox = append(c.ox, ox)
	c.oy = append(c.oy, oy)
	c.verts = append(c.verts, ebiten.Vertex{ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1})
	return uint16(len(c.wx) - 1)
}

// addRing adds a ring as a triangle fan; with the non-zero rule, holes wound
// the other way cancel out.
func (m *mesh) addRing(r orb.Ring) {
	n := len(r) - 1 // the closing point repeats the first
	if n < 3 || n > maxChunkVertices {
		return
	}
	c := m.room(n)
	base := c.add(r[0], 0, 0)
	for i := 1; i < n; i++ {
		v := c.add(r[i], 0, 0)
		if i >= 2 {
			c.idx = append(c.idx, base, v-1, v)
		}
	}
}

// addPolygons adds every ring of a world multipolygon.
func (m *mesh) addPolygons(mp orb.MultiPolygon) {
	for _, p := range mp {
		for _, r := range p {
			m.addRing(r)
		}
	}
}

// addLine adds a line as quads extended by half a width at each end, which
// closes the gaps at joins without round-join geometry.
func (m *mesh) addLine(ls orb.LineString) {
	for i := 0; i+1 < len(ls); i++ {
		p, q := ls[i], ls[i+1]
		dx, dy := q[0]-p[0], -(q[1] - p[1]) // screen y grows down
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		ux, uy := float32(dx/l), float32(dy/l)
		nx, ny := -uy, ux
		c := m.room(4)
		v0 := c.add(p, nx-ux, ny-uy)
		c.add(p, -nx-ux, -ny-uy)
		c.add(q, nx+ux, ny+uy)
		c.add(q, -nx+ux, -ny+uy)
		c.idx = append(c.idx, v0, v0+1, v0+2, v0+1, v0+3, v0+2)
	}
}

func (m *mesh) addLines(g orb.Geometry) {
	switch g := g.(type) {
	case orb.LineString:
		m.addLine(g)
	case orb.MultiLineString:
		for _, l := range g {
			m.addLine(l)
		}
	case orb.Polygon:
		for _, r := range g {
			m.addLine(orb.LineString(r))
		}
	case orb.MultiPolygon:
		for _, p := range g {
			m.addLines(p)
		}
	}
}

// vertexCount is the number of vertices over all chunks.
func (m *mesh) vertexCount() int {
	n := 0
	for _, c := range m.chunks {
		n += len(c.wx)
	}
	return n
}

// draw positions the vertices for the transform x' = a*x + tx, y' = -a*y +
// ty (device pixels), offsets stroke corners by halfWidth device pixels and
// draws every chunk.
func (m *mesh) draw(dst *ebiten.Image, a, tx, ty float64, halfWidth float32, rule ebiten.FillRule) {
	op := &ebiten.DrawTrianglesOptions{FillRule: rule, AntiAlias: true}
	op.ColorScaleMode = ebiten.ColorScaleModeStraightAlpha
	r, g, b, al := float32(m.color.R)/255, float32(m.color.G)/255, float32(m.color.B)/255, float32(m.color.A)/255
	for _, c := range m.chunks {
		for i := range c.verts {
			v := &c.verts[i]
			v.DstX = float32(a*c.wx[i]+tx) + c.ox[i]*halfWidth
			v.DstY = float32(-a*c.wy[i]+ty) + c.oy[i]*halfWidth
			v.SrcX, v.SrcY = 1, 1
			v.ColorR, v.ColorG, v.ColorB, v.ColorA = r, g, b, al
		}
		dst.DrawTriangles(c.verts, c.idx, whitePixel, op)
	}
}
