//go:build js

package main

import (
	"errors"
	"image"
	"io/fs"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app/paint"
	"heartland/app/scene"
	"heartland/assets"
	"heartland/geo"
)

var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(image.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}()

// item is a feature of the scene, as the renderer's files name it.
type item = scene.Item

// drawnScene is the map's data (scene.Scene) with the meshes the renderer
// draws of it (paint.Build), built lazily per simplification level.
type drawnScene struct {
	*scene.Scene
	levels paint.Cache[*levelMeshes]
}

// newDrawnScene builds the scene of layers, from the data bundle's prepared
// scene when it has one that fits them; a broken one is set aside with a
// console warning.
func newDrawnScene(layers []geo.Layer, facts assets.Facts) *drawnScene {
	warn := func(msg string) { js.Global().Get("console").Call("warn", "Heartland: "+msg) }
	ps, err := assets.PreparedScene()
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		warn("the prepared scene is not used: " + err.Error())
	}
	s, notUsed := scene.New(layers, facts, ps)
	if notUsed != nil {
		warn("the prepared scene is not used in full: " + notUsed.Error())
	}
	return &drawnScene{Scene: s}
}

// styleOf is how an item is drawn in the active palette: its kind's style,
// in a reader's own colour for a reader's feature.
func styleOf(it *item) kindStyle {
	st := kindStyles[it.Feature.Kind]
	if it.Custom {
		st.color = it.Color
	}
	return st
}

// levelMeshes are paint.Level's meshes in the renderer's terms.
type levelMeshes struct {
	neighbours, central, territories, lakes, formerLakes *mesh
	borders, bordersCentral, coasts                      *mesh
	lines                                                map[scene.LineKey]*mesh
	customFills                                          []*layerMesh
	src                                                  *paint.Level
}

// layerMesh is a mesh that belongs to one layer, for its visibility.
type layerMesh struct {
	mesh
	layer string
}

// dropMeshes forgets every level's meshes: the features or the palette
// changed, and the next frame builds them anew.
func (s *drawnScene) dropMeshes() { s.levels.Drop() }

// meshes returns the meshes for a level in the active palette, built on
// first use.
func (s *drawnScene) meshes(level int) *levelMeshes {
	return s.levels.Get(level, func(level int) *levelMeshes {
		l := paint.Build(s.Scene, level, activePalette)
		m := &levelMeshes{neighbours: drawable(l.Neighbours), central: drawable(l.Central), territories: drawable(l.Territories),
			lakes: drawable(l.Lakes), formerLakes: drawable(l.FormerLakes), borders: drawable(l.Borders),
			bordersCentral: drawable(l.BordersCentral), coasts: drawable(l.Coasts), lines: map[scene.LineKey]*mesh{}, src: l}
		for k, lm := range l.Lines {
			m.lines[k] = drawable(lm)
		}
		for _, cf := range l.CustomFills {
			m.customFills = append(m.customFills, &layerMesh{mesh: *drawable(&cf.Mesh), layer: cf.Layer})
		}
		return m
	})
}

// countryOutline returns the outline of one country at the level, or nil.
func (m *levelMeshes) countryOutline(_ *drawnScene, id string) *mesh {
	if o := m.src.CountryOutline(id); o != nil {
		return drawable(o)
	}
	return nil
}
