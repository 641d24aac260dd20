//go:build js

package main

import (
	"errors"
	"image"
	"image/color"
	"io/fs"
	"slices"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/paulmach/orb"

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
// draws of it, built lazily per simplification level.
type drawnScene struct {
	*scene.Scene
	levels   map[int]*levelMeshes
	levelUse []int // levels in levels, least recently used first
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
	return &drawnScene{Scene: s, levels: map[int]*levelMeshes{}}
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

// levelMeshes are all meshes of one simplification level.
type levelMeshes struct {
	neighbours, central, territories, lakes *mesh
	formerLakes                             *mesh
	borders, bordersCentral, coasts         *mesh
	level                                   int
	outlines                                map[string]*mesh // per selected country, built on first use
	lines                                   map[scene.LineKey]*mesh
	customFills                             []*layerMesh // readers' areas, one mesh per layer and fill colour
}

// maxCachedLevels bounds the meshes kept: the full-detail level alone holds
// tens of megabytes, and a reader rarely jumps between more than a few.
const maxCachedLevels = 2

// dropMeshes forgets every level's meshes: the features or the palette
// changed, and the next frame builds them anew.
func (s *drawnScene) dropMeshes() { s.levels, s.levelUse = map[int]*levelMeshes{}, nil }

// meshes returns the meshes for a level, building them on first use and
// dropping the least recently used level beyond maxCachedLevels.
func (s *drawnScene) meshes(level int) *levelMeshes {
	s.levelUse = slices.DeleteFunc(s.levelUse, func(l int) bool { return l == level })
	s.levelUse = append(s.levelUse, level)
	for len(s.levelUse) > maxCachedLevels {
		delete(s.levels, s.levelUse[0])
		s.levelUse = s.levelUse[1:]
	}
	if m, ok := s.levels[level]; ok {
		return m
	}
	m := &levelMeshes{
		neighbours: &mesh{color: colorNeighbour}, central: &mesh{color: colorCentral},
		territories: &mesh{color: colorTerritory}, lakes: &mesh{color: colorWater},
		formerLakes: &mesh{color: colorFormerLake},
		borders:     &mesh{color: colorBorder}, bordersCentral: &mesh{color: colorBorderStrong},
		coasts: &mesh{color: colorCoast},
		level:  level, outlines: map[string]*mesh{},
		lines: map[scene.LineKey]*mesh{},
	}
	for _, lm := range s.mapMeshes(level) {
		m.use(s, lm)
	}
	scale := geo.SimplifyTolerance(float64(level)) * 2 // world metres per CSS pixel at the level
	for _, it := range s.Items() {
		if !it.Custom {
			continue
		}
		g := geo.SimplifyWorld(it.World, level)
		addLineMeshes(m, it, g, scale)
		if mp := geo.AsMultiPolygon(g); mp != nil {
			m.customFill(it).AddPolygons(mp)
		}
	}
	s.levels[level] = m
	return m
}

// mapMeshes returns the meshes of the map's own layers at a level: the
// data bundle's if it has the level, built otherwise.
func (s *drawnScene) mapMeshes(level int) []geo.LevelMesh {
	if lm := s.PreparedMeshes(level); lm != nil {
		return lm
	}
	features := make([]geo.MapFeature, 0, len(s.Items()))
	for _, it := range s.Items() {
		if !it.Custom {
			features = append(features, geo.MapFeature{Layer: it.Layer, Feature: it.Feature, World: it.World})
		}
	}
	return geo.MapLevelMeshes(features, level, dashPattern)
}

// use files one of geo.MapLevelMeshes' meshes under its role, coloured.
func (m *levelMeshes) use(s *drawnScene, lm geo.LevelMesh) {
	fills := map[string]*mesh{"central": m.central, "neighbours": m.neighbours, "territories": m.territories,
		"lakes": m.lakes, "former-lakes": m.formerLakes, "borders": m.borders, "borders-central": m.bordersCentral, "coasts": m.coasts}
	k := lm.Key
	switch {
	case fills[k.Group] != nil:
		fills[k.Group].Mesh = lm.Mesh
	case k.Group == "lines":
		key := scene.LineKey{Layer: k.Layer, Kind: k.Kind, Dash: k.Dash, Gap: k.Gap}
		m.lines[key] = &mesh{Mesh: lm.Mesh, color: kindStyles[k.Kind].color}
	}
}

// countryOutline returns the outline of one country at the level, or nil.
func (m *levelMeshes) countryOutline(s *drawnScene, id string) *mesh {
	return m.countryMesh(s, id, m.outlines, func(mp orb.MultiPolygon) *mesh {
		o := &mesh{color: colorOutline}
		o.AddLines(mp)
		return o
	})
}

// countryMesh returns cache[id], built from the country's shape at the
// level on first use, or nil for an id that is not a country.
func (m *levelMeshes) countryMesh(s *drawnScene, id string, cache map[string]*mesh, build func(orb.MultiPolygon) *mesh) *mesh {
	if mm, ok := cache[id]; ok {
		return mm
	}
	it := s.Item(id)
	if id == "" || it == nil || it.Layer != "countries" {
		return nil
	}
	mp := geo.AsMultiPolygon(geo.SimplifyWorld(it.World, m.level))
	if mp == nil {
		return nil
	}
	mm := build(mp)
	cache[id] = mm
	return mm
}

// addLineMeshes adds a reader's line, or the outline of a reader's area,
// to its group's mesh.
func addLineMeshes(m *levelMeshes, it *item, g orb.Geometry, metresPerPx float64) {
	var lines orb.MultiLineString
	switch g := g.(type) {
	case orb.LineString:
		lines = orb.MultiLineString{g}
	case orb.MultiLineString:
		lines = g
	case orb.Polygon, orb.MultiPolygon: // custom areas: drawn as outlines
		for _, p := range geo.AsMultiPolygon(g) {
			for _, r := range p {
				lines = append(lines, orb.LineString(r))
			}
		}
	default:
		return
	}
	key, c := it.LineKey(), styleOf(it).color
	km, ok := m.lines[key]
	if !ok {
		km = &mesh{color: c}
		m.lines[key] = km
	}
	for _, l := range lines {
		if key.Dash > 0 {
			for _, d := range geo.Dashes(l, key.Dash*metresPerPx, key.Gap*metresPerPx) {
				km.AddDash(d)
			}
		} else {
			km.AddLine(l)
		}
	}
}

// customFill returns the fill mesh for a reader's area: its simplestyle
// "fill" (or its layer's colour) blended toward the land, the way a
// translucent fill looks, because stencilled fills must be opaque.
func (m *levelMeshes) customFill(it *item) *mesh {
	c := it.Color
	if r, g, b, ok := geo.SimpleStyleColor(it.Feature.Props, "fill"); ok {
		c = color.RGBA{r, g, b, 0xff}
	}
	c = blend(c, colorNeighbour, 0.35)
	for _, cf := range m.customFills {
		if cf.color == c && cf.layer == it.Layer {
			return &cf.mesh
		}
	}
	cf := &layerMesh{layer: it.Layer}
	cf.color = c
	m.customFills = append(m.customFills, cf)
	return &cf.mesh
}

// layerMesh is a mesh that belongs to one layer, for its visibility.
type layerMesh struct {
	mesh
	layer string
}

// blend mixes a share of colour a into b.
func blend(a, b color.RGBA, share float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(share*float64(x) + (1-share)*float64(y) + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
