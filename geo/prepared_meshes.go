package geo

import (
	"slices"
	"sync"
)

// Chunk arrays that are the same for every fill or every stroke are not
// written: fills have no stroke offsets, and strokes are quads whose
// indices follow one pattern. Loaded chunks share these arrays.
const (
	chunkNoOffsets = 1 << iota // OX and OY are all 0
	chunkQuads                 // Idx is quadIndices[:len]
)

var shared struct {
	once    sync.Once
	zeros   []float32
	quadIdx []uint16
}

// sharedArrays returns a zero offset array and the quad index pattern,
// long enough for any chunk. Both are read-only.
func sharedArrays() ([]float32, []uint16) {
	shared.once.Do(func() {
		shared.zeros = make([]float32, MaxChunkVertices)
		quads := MaxChunkVertices / 4
		shared.quadIdx = make([]uint16, 0, 6*quads)
		for q := 0; q < quads; q++ {
			v := uint16(4 * q)
			shared.quadIdx = append(shared.quadIdx, v, v+1, v+2, v+1, v+3, v+2)
		}
	})
	return shared.zeros, shared.quadIdx
}

func chunkFlags(c *Chunk) int {
	flags := 0
	if !slices.ContainsFunc(c.OX, func(o float32) bool { return o != 0 }) &&
		!slices.ContainsFunc(c.OY, func(o float32) bool { return o != 0 }) {
		flags |= chunkNoOffsets
	}
	_, quads := sharedArrays()
	if len(c.WX)%4 == 0 && len(c.Idx) == len(c.WX)/4*6 && slices.Equal(c.Idx, quads[:len(c.Idx)]) {
		flags |= chunkQuads
	}
	return flags
}

// writeLevels writes the meshes of each level, in increasing level order.
func writeLevels(w *sectionWriter, levels map[int][]LevelMesh) {
	order := make([]int, 0, len(levels))
	for l := range levels {
		order = append(order, l)
	}
	slices.Sort(order)
	var v values
	var arrays []func()
	v.u32(len(order))
	for _, level := range order {
		meshes := levels[level]
		v.u32(level)
		v.u32(len(meshes))
		for _, m := range meshes {
			k := m.Key
			v.str(k.Group)
			v.str(k.Layer)
			v.str(k.Kind)
			v.f64(k.Dash)
			v.f64(k.Gap)
			v.u32(len(m.Mesh.Chunks))
			for _, c := range m.Mesh.Chunks {
				flags := chunkFlags(c)
				v.u32(len(c.WX))
				v.u32(len(c.Idx))
				v.u32(flags)
				arrays = append(arrays, func() {
					writeArray(w, c.WX)
					writeArray(w, c.WY)
					if flags&chunkNoOffsets == 0 {
						writeArray(w, c.OX)
						writeArray(w, c.OY)
					}
					if flags&chunkQuads == 0 {
						writeArray(w, c.Idx)
					}
				})
			}
		}
	}
	w.section(v.b)
	for _, write := range arrays {
		write()
	}
}

// readLevels reads what writeLevels wrote, checking that every index
// names a vertex of its chunk.
func readLevels(r *sectionReader) (map[int][]LevelMesh, error) {
	v := valueReader{b: r.section("levels"), what: "levels"}
	type chunkHead struct{ nv, ni, flags int }
	var heads []chunkHead
	var chunks []*Chunk
	out := map[int][]LevelMesh{}
	for range v.count(8) {
		level, n := v.u32(), v.count(36)
		meshes := make([]LevelMesh, n)
		for i := range meshes {
			m := &meshes[i]
			m.Key = MeshKey{Group: v.str(), Layer: v.str(), Kind: v.str(), Dash: v.f64(), Gap: v.f64()}
			m.Mesh.Chunks = make([]*Chunk, v.count(12))
			for k := range m.Mesh.Chunks {
				h := chunkHead{v.u32(), v.u32(), v.u32()}
				if v.err == nil && (h.nv > MaxChunkVertices || h.flags > chunkNoOffsets|chunkQuads ||
					(h.flags&chunkQuads != 0 && (h.nv%4 != 0 || h.ni != h.nv/4*6))) {
					return nil, corrupt("level %d: chunk of %d vertices, %d indices, flags %d", level, h.nv, h.ni, h.flags)
				}
				c := &Chunk{}
				m.Mesh.Chunks[k] = c
				heads, chunks = append(heads, h), append(chunks, c)
			}
		}
		if _, dup := out[level]; dup && v.err == nil {
			return nil, corrupt("level %d twice", level)
		}
		out[level] = meshes
	}
	if v.err != nil {
		return nil, v.err
	}
	zeros, quads := sharedArrays()
	for i, c := range chunks {
		h := heads[i]
		c.WX = viewSection[float32](r, "mesh x")
		c.WY = viewSection[float32](r, "mesh y")
		if h.flags&chunkNoOffsets != 0 {
			c.OX, c.OY = zeros[:h.nv:h.nv], zeros[:h.nv:h.nv]
		} else {
			c.OX = viewSection[float32](r, "mesh offsets x")
			c.OY = viewSection[float32](r, "mesh offsets y")
		}
		if h.flags&chunkQuads != 0 {
			c.Idx = quads[:h.ni:h.ni]
		} else {
			c.Idx = viewSection[uint16](r, "mesh indices")
		}
		if r.err != nil {
			return nil, r.err
		}
		if len(c.WX) != h.nv || len(c.WY) != h.nv || len(c.OX) != h.nv || len(c.OY) != h.nv || len(c.Idx) != h.ni {
			return nil, corrupt("mesh chunk %d: arrays do not have its %d vertices and %d indices", i, h.nv, h.ni)
		}
		for _, ix := range c.Idx {
			if int(ix) >= h.nv {
				return nil, corrupt("mesh chunk %d: index %d past its %d vertices", i, ix, h.nv)
			}
		}
	}
	return out, nil
}
