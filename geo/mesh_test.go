package geo

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestMeshFansEachRingAndDropsTheClosingPoint(t *testing.T) {
	var m Mesh
	m.AddRing(orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}})
	if n := m.VertexCount(); n != 4 {
		t.Fatalf("square: %d vertices; want 4", n)
	}
	want := []uint16{0, 1, 2, 0, 2, 3}
	got := m.Chunks[0].Idx
	if len(got) != len(want) {
		t.Fatalf("square fan indices = %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("square fan indices = %v; want %v", got, want)
		}
	}
}

func TestMeshSplitsChunksBeforeUint16IndicesOverflow(t *testing.T) {
	var m Mesh
	big := make(orb.Ring, 40001)
	for i := range big {
		big[i] = orb.Point{float64(i), float64(i % 7)}
	}
	big[len(big)-1] = big[0]
	m.AddRing(big)
	m.AddRing(big)
	if len(m.Chunks) != 2 {
		t.Fatalf("%d chunks for %d vertices; want 2", len(m.Chunks), m.VertexCount())
	}
	for i, c := range m.Chunks {
		if len(c.WX) > MaxChunkVertices {
			t.Errorf("chunk %d has %d vertices; limit %d", i, len(c.WX), MaxChunkVertices)
		}
		for _, ix := range c.Idx {
			if int(ix) >= len(c.WX) {
				t.Fatalf("chunk %d: index %d past its %d vertices", i, ix, len(c.WX))
			}
		}
	}
}

func TestMeshStrokeQuadSurroundsItsSegment(t *testing.T) {
	var m Mesh
	m.AddLine(orb.LineString{{0, 0}, {10, 0}, {10, 0}}) // the repeated point adds nothing
	c := m.Chunks[0]
	if len(c.WX) != 4 || len(c.Idx) != 6 {
		t.Fatalf("one segment: %d vertices, %d indices; want 4 and 6", len(c.WX), len(c.Idx))
	}
	for i := range c.OY {
		if c.OY[i] != 1 && c.OY[i] != -1 {
			t.Errorf("vertex %d offset y = %v; want ±1 (half a width each side)", i, c.OY[i])
		}
	}
	if c.OX[0] != -1 || c.OX[2] != 1 {
		t.Errorf("end offsets = %v, %v; want -1 before the start and +1 past the end", c.OX[0], c.OX[2])
	}
}

func TestMeshOutlinesPolygonRings(t *testing.T) {
	var m Mesh
	m.AddLines(orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}})
	if n := m.VertexCount(); n != 12 {
		t.Errorf("triangle outline: %d vertices; want 3 segments × 4", n)
	}
}
