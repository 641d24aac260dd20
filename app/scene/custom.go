package scene

import (
	"image/color"
	"slices"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// AddCustomLayer adds a reader's layer, shown: its features are projected
// and indexed, coloured c unless a feature carries its own simplestyle
// colour ("marker-color", else "stroke").
func (s *Scene) AddCustomLayer(l geo.Layer, c color.RGBA) {
	s.layers = append(s.layers, l)
	layer := &s.layers[len(s.layers)-1]
	s.visible[l.ID] = true
	for fi := range layer.Features {
		f := &layer.Features[fi]
		it := &Item{Layer: l.ID, Feature: f, World: geo.ToWorld(geo.CentralAsia, f.Geometry), Custom: true, Color: c}
		for _, key := range []string{"marker-color", "stroke"} {
			if r, g, b, ok := geo.SimpleStyleColor(f.Props, key); ok {
				it.Color = color.RGBA{r, g, b, 0xff}
				break
			}
		}
		s.items = append(s.items, it)
		s.byID[f.ID] = it
		s.index.Add(l.ID, f, it.World)
		it.indexed = true
		if _, ok := it.World.(orb.Point); ok {
			s.points = append(s.points, it)
		} else if key := it.LineKey(); !slices.Contains(s.lineKinds, key) {
			s.lineKinds = append(s.lineKinds, key)
		}
	}
	s.index.Build()
	s.sortPoints()
}

// RemoveLayer drops a layer and everything indexed or filed for it; it
// reports false for a layer the scene does not have.
func (s *Scene) RemoveLayer(id string) bool {
	i := slices.IndexFunc(s.layers, func(l geo.Layer) bool { return l.ID == id })
	if i < 0 {
		return false
	}
	s.layers = slices.Delete(s.layers, i, i+1)
	gone := func(it *Item) bool { return it.Layer == id }
	for _, it := range s.items {
		if gone(it) {
			delete(s.byID, it.Feature.ID)
		}
	}
	s.items = slices.DeleteFunc(s.items, gone)
	s.points = slices.DeleteFunc(s.points, gone)
	s.lineKinds = slices.DeleteFunc(s.lineKinds, func(k LineKey) bool { return k.Layer == id })
	delete(s.visible, id)
	s.index = geo.NewIndex()
	for _, it := range s.items {
		if it.indexed {
			s.index.Add(it.Layer, it.Feature, it.World)
		}
	}
	s.index.Build()
	return true
}
