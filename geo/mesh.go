package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// MaxChunkVertices keeps each draw batch inside uint16 indices: a batch past
// 65,535 vertices would wrap silently.
const MaxChunkVertices = 65535

// Mesh is world-metre geometry triangulated once for drawing. Fills are
// triangle fans, drawn with a non-zero stencil so concave rings and holes
// come out right; strokes are one quad per segment whose corners a renderer
// pushes out by half the line width in screen pixels, so line width stays
// constant at every zoom without re-tessellating.
type Mesh struct {
	Chunks []*Chunk
}

// Chunk is one draw batch: parallel per-vertex slices and uint16 indices.
// World coordinates are float32: within the map's few thousand kilometres
// of the projection's centre that is under half a metre, a hundredth of a
// device pixel at the closest zoom, and it halves the meshes' memory and
// the bytes of the meshes shipped in the data bundle (PreparedScene).
type Chunk struct {
	WX, WY []float32 // world metres
	OX, OY []float32 // stroke offset in half-widths, screen axes (y down); 0 for fills
	Idx    []uint16
}

// room returns a chunk with space for n more vertices.
func (m *Mesh) room(n int) *Chunk {
	if len(m.Chunks) == 0 || len(m.Chunks[len(m.Chunks)-1].WX)+n > MaxChunkVertices {
		m.Chunks = append(m.Chunks, &Chunk{})
	}
	return m.Chunks[len(m.Chunks)-1]
}

func (c *Chunk) add(p orb.Point, ox, oy float32) uint16 {
	c.WX = append(c.WX, float32(p[0]))
	c.WY = append(c.WY, float32(p[1]))
	c.OX = append(c.OX, ox)
	c.OY = append(c.OY, oy)
	return uint16(len(c.WX) - 1)
}

// AddRing adds a closed ring as a triangle fan. Rings longer than a chunk
// cannot be fanned and are skipped; simplification keeps real rings shorter.
func (m *Mesh) AddRing(r orb.Ring) {
	n := len(r)
	if n > 1 && r[0] == r[n-1] {
		n-- // the closing point repeats the first
	}
	if n < 3 || n > MaxChunkVertices {
		return
	}
	c := m.room(n)
	base := c.add(r[0], 0, 0)
	for i := 1; i < n; i++ {
		v := c.add(r[i], 0, 0)
		if i >= 2 {
			c.Idx = append(c.Idx, base, v-1, v)
		}
	}
}

// AddPolygons adds every ring of a world-metre multipolygon.
func (m *Mesh) AddPolygons(mp orb.MultiPolygon) {
	for _, p := range mp {
		for _, r := range p {
			m.AddRing(r)
		}
	}
}

// AddLine adds a line as quads extended by half a width at each end, which
// closes the gaps at joins without round-join geometry.
func (m *Mesh) AddLine(ls orb.LineString) { m.addLine(ls, 1) }

// AddDash adds a dash: like AddLine, but its two ends stop square at the
// line's ends (butt caps), so the gaps between dashes stay open.
func (m *Mesh) AddDash(ls orb.LineString) { m.addLine(ls, 0) }

// addLine adds quads; ext is how far, in half-widths, each segment runs on
// past its ends.
func (m *Mesh) addLine(ls orb.LineString, ext float32) {
	for i := 0; i+1 < len(ls); i++ {
		p, q := ls[i], ls[i+1]
		dx, dy := q[0]-p[0], -(q[1] - p[1]) // screen y grows down
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		ux, uy := float32(dx/l), float32(dy/l)
		nx, ny := -uy, ux
		ux, uy = ux*ext, uy*ext
		c := m.room(4)
		v0 := c.add(p, snapOffset(nx-ux), snapOffset(ny-uy))
		c.add(p, snapOffset(-nx-ux), snapOffset(-ny-uy))
		c.add(q, snapOffset(nx+ux), snapOffset(ny+uy))
		c.add(q, snapOffset(-nx+ux), snapOffset(-ny+uy))
		c.Idx = append(c.Idx, v0, v0+1, v0+2, v0+1, v0+3, v0+2)
	}
}

// offsetSteps is the resolution of stroke offsets, in steps per half-width.
// Snapped offsets move a line's edge by at most 1/256 of its half-width,
// far below a pixel, and compress to a quarter of the bytes of unsnapped
// ones in the shipped meshes (BenchmarkPreparedScene reports the sizes).
const offsetSteps = 128

func snapOffset(o float32) float32 {
	return float32(math.Round(float64(o)*offsetSteps) / offsetSteps)
}

// AddLines adds lines, or the rings of polygons as outlines.
func (m *Mesh) AddLines(g orb.Geometry) {
	switch g := g.(type) {
	case orb.LineString:
		m.AddLine(g)
	case orb.MultiLineString:
		for _, l := range g {
			m.AddLine(l)
		}
	case orb.Polygon:
		for _, r := range g {
			m.AddLine(orb.LineString(r))
		}
	case orb.MultiPolygon:
		for _, p := range g {
			m.AddLines(p)
		}
	}
}

// VertexCount is the number of vertices over all chunks.
func (m *Mesh) VertexCount() int {
	n := 0
	for _, c := range m.Chunks {
		n += len(c.WX)
	}
	return n
}
