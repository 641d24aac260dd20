//go:build js

package main

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(image.White)
	return img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
}()

// item is a feature with its geometry projected to world metres once.
type item struct {
	layer   string
	feature *geo.Feature
	world   orb.Geometry
	anchor  orb.Point // label anchor, world metres
	central bool
}

// scene is the data as the renderer needs it: projected features, the hit
// index and lazily built meshes per simplification level.
type scene struct {
	layers     []geo.Layer
	items      []*item
	byID       map[string]*item
	index      *geo.Index
	levels     map[int]*levelMeshes
	worldBound orb.Bound // world metres covered by the countries layer
	facts      assets.Facts
	visible    map[string]bool
}

// levelMeshes are all meshes of one simplification level.
type levelMeshes struct {
	neighbours, central, territories, lakes *mesh
	formerLakes                             *mesh
	borders, bordersCentral, coasts         *mesh
	fill, outline                           map[string]*mesh // per country, for hover and selection
}

func newScene(layers []geo.Layer, facts assets.Facts) *scene {
	s := &scene{layers: layers, byID: map[string]*item{}, index: geo.NewIndex(),
		levels: map[int]*levelMeshes{}, facts: facts, visible: map[string]bool{}}
	for li := range layers {
		l := &layers[li]
		s.visible[l.ID] = true
		for fi := range l.Features {
			f := &l.Features[fi]
			it := &item{layer: l.ID, feature: f, world: geo.ToWorld(geo.CentralAsia, f.Geometry),
				central: f.StringProp("group") == "central"}
			if ll, ok := f.LabelPoint(); ok { // computed by heartland pack
				it.anchor = geo.CentralAsia.Forward(ll)
			}
			s.items = append(s.items, it)
			s.byID[f.ID] = it
			if l.ID == "countries" { // borders and lakes are not selectable yet
				s.index.Add(l.ID, f, it.world)
				if s.worldBound.IsZero() {
					s.worldBound = it.world.Bound()
				}
				s.worldBound = s.worldBound.Union(it.world.Bound())
			}
		}
	}
	s.index.Build()
	return s
}

// meshes returns the meshes for a level, building them on first use.
func (s *scene) meshes(level int) *levelMeshes {
	if m, ok := s.levels[level]; ok {
		return m
	}
	m := &levelMeshes{
		neighbours: &mesh{color: colorNeighbour}, central: &mesh{color: colorCentral},
		territories: &mesh{color: colorTerritory}, lakes: &mesh{color: colorWater},
		formerLakes: &mesh{color: colorFormerLake},
		borders:     &mesh{color: colorBorder}, bordersCentral: &mesh{color: colorBorderStrong},
		coasts: &mesh{color: colorCoast},
		fill:   map[string]*mesh{}, outline: map[string]*mesh{},
	}
	for _, it := range s.items {
		g := geo.SimplifyWorld(it.world, level)
		switch it.layer {
		case "countries":
			mp := asMultiPolygon(g)
			switch {
			case it.central:
				m.central.AddPolygons(mp)
			case it.feature.Kind == "territory":
				m.territories.AddPolygons(mp)
			default:
				m.neighbours.AddPolygons(mp)
			}
			fill, outline := &mesh{}, &mesh{color: colorOutline}
			fill.AddPolygons(mp)
			outline.AddLines(mp)
			m.fill[it.feature.ID], m.outline[it.feature.ID] = fill, outline
		case "water":
			if it.feature.Kind == "former-lake" {
				m.formerLakes.AddPolygons(asMultiPolygon(g))
			} else {
				m.lakes.AddPolygons(asMultiPolygon(g))
			}
		case "boundaries":
			switch {
			case it.feature.Kind == "coast":
				m.coasts.AddLines(g)
			case s.touchesCentral(it.feature):
				m.bordersCentral.AddLines(g)
			default:
				m.borders.AddLines(g)
			}
		}
	}
	s.levels[level] = m
	return m
}

// touchesCentral reports whether a border has a Central Asian state on
// either side.
func (s *scene) touchesCentral(f *geo.Feature) bool {
	list, _ := f.Props["countries"].([]any)
	for _, c := range list {
		if code, _ := c.(string); code != "" {
			if it, ok := s.byID[code]; ok && it.central {
				return true
			}
		}
	}
	return false
}

// asMultiPolygon returns polygonal geometry as a multipolygon, or nil.
func asMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.MultiPolygon:
		return g
	case orb.Polygon:
		return orb.MultiPolygon{g}
	}
	return nil
}
