package scene

import (
	"image/color"
	"sort"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

// Item is a feature with its geometry projected to world metres once.
type Item struct {
	Layer   string
	Feature *geo.Feature
	// World is the geometry in world metres. It may share the data bundle's
	// memory (geo.PreparedScene.World): never modify it.
	World   orb.Geometry
	Anchor  orb.Point // label anchor, world metres; zero if the feature has none
	Central bool      // one of the five Central Asian states
	Status  string    // a thematic feature's status ("planned", …), which dashes its line
	Custom  bool      // from a reader's own GeoJSON
	// Color is a reader's feature's own colour: its simplestyle colour, else
	// its layer's. Zero for the map's own features, which the palette colours.
	Color   color.RGBA
	indexed bool // in the hit index
}

// AnchorPoint is where a point feature sits, or else its label anchor,
// world metres.
func (it *Item) AnchorPoint() orb.Point {
	if p, ok := it.World.(orb.Point); ok {
		return p
	}
	return it.Anchor
}

// LineKey is the group a line (or a reader's area outline) is drawn in.
func (it *Item) LineKey() LineKey {
	dash, gap := mapstyle.DashPattern(it.Feature.Kind, it.Status)
	return LineKey{Layer: it.Layer, Kind: it.Feature.Kind, Dash: dash, Gap: gap, Color: it.Color}
}

// LineKey groups line features drawn alike: one mesh per layer, kind and
// dash; a reader's lines also by colour, since custom layers of one kind
// differ in it.
type LineKey struct {
	Layer, Kind string
	Dash, Gap   float64    // CSS pixels; 0 for solid (mapstyle.DashPattern)
	Color       color.RGBA // a reader's colour; zero for the palette's
}

// Scene is the map's data: its layers' features in world metres, the hit
// index and the shown layers. Build it with New.
type Scene struct {
	layers     []geo.Layer
	items      []*Item
	byID       map[string]*Item
	index      *geo.Index
	visible    map[string]bool
	worldBound orb.Bound // world metres covered by the countries layer
	facts      assets.Facts
	points     []*Item // thematic and custom point features, most important first
	lineKinds  []LineKey
	prepared   *geo.PreparedScene // nil if unused

	// SymbolShown, when set, says whether a point feature's symbol is on
	// screen: the renderer declutters crowded symbols, and a hidden one
	// cannot be clicked. nil: every symbol is shown.
	SymbolShown func(id string) bool
}

// New builds the scene of layers, every one shown, with the "labels"
// switch on. ps is the data bundle's prepared scene (geo.PreparedScene),
// or nil: the scene then projects, anchors and indexes the features itself.
// The prepared geometry is used in place, never copied or modified. The
// scene is always usable; notUsed says why ps, or its hit index, was set
// aside and computed instead (nil when it was used, or ps is nil).
func New(layers []geo.Layer, facts assets.Facts, ps *geo.PreparedScene) (s *Scene, notUsed error) {
	s = &Scene{layers: layers, byID: map[string]*Item{}, index: geo.NewIndex(), facts: facts,
		visible: map[string]bool{mapstyle.LayerLabels: true}}
	if ps != nil {
		if notUsed = ps.Check(layers); notUsed == nil {
			s.prepared = ps
		}
	}
	for li := range layers {
		l := &layers[li]
		s.visible[l.ID] = true
		for fi := range l.Features {
			f := &l.Features[fi]
			it := &Item{Layer: l.ID, Feature: f, Central: f.StringProp("group") == "central"}
			if n := len(s.items); s.prepared != nil {
				it.World = s.prepared.World(n)
				it.Anchor, _ = s.prepared.Anchor(n)
			} else {
				f.Unpack() // layers may come packed (assets.LayersPacked); a bad geometry stays nil
				it.World = geo.ToWorld(geo.CentralAsia, f.Geometry)
				if ll, ok := f.LabelPoint(); ok { // computed by heartland pack
					it.Anchor = geo.CentralAsia.Forward(ll)
				}
			}
			s.items = append(s.items, it)
			s.byID[f.ID] = it
			if Indexed(l.ID, f) {
				s.index.Add(l.ID, f, it.World)
				it.indexed = true
			}
			if IsStrategic(l.ID) {
				it.Status = f.StringProp("status")
				if it.indexed {
					s.file(it)
				}
			}
			if l.ID == mapstyle.LayerCountries {
				if s.worldBound.IsZero() {
					s.worldBound = it.World.Bound()
				}
				s.worldBound = s.worldBound.Union(it.World.Bound())
			}
		}
	}
	if err := s.useIndex(); err != nil {
		notUsed = err
	}
	s.sortPoints()
	return s, notUsed
}

// useIndex takes the prepared hit index if it holds what s indexed, and
// otherwise builds s.index, returning why.
func (s *Scene) useIndex() error {
	if s.prepared != nil {
		n := 0
		ix, err := s.prepared.Bind(s.layers, func(string, *geo.Feature) bool { n++; return s.items[n-1].indexed })
		if err == nil {
			s.index = ix
			return nil
		}
		s.index.Build()
		return err
	}
	s.index.Build()
	return nil
}

// Indexed says which of the map's own features a click can select:
// countries, and thematic features of a kind the map knows (heartland check
// reports unknown kinds; the map skips them). Borders and lakes are not
// selectable. The data bundle's prepared hit index holds the same
// (geo.PreparedScene.Bind checks it).
func Indexed(layer string, f *geo.Feature) bool {
	if layer == mapstyle.LayerCountries {
		return true
	}
	_, known := mapstyle.Kinds[f.Kind]
	return known && IsStrategic(layer)
}

// file adds a thematic or reader's feature to the points or to its line
// group.
func (s *Scene) file(it *Item) {
	switch it.World.(type) {
	case orb.Point:
		s.points = append(s.points, it)
	case orb.LineString, orb.MultiLineString, orb.Polygon, orb.MultiPolygon:
		key := it.LineKey()
		for _, k := range s.lineKinds {
			if k == key {
				return
			}
		}
		s.lineKinds = append(s.lineKinds, key)
	}
}

// sortPoints puts the points in the order symbols are kept when they
// crowd: by their kind's priority, then as they came.
func (s *Scene) sortPoints() {
	sort.SliceStable(s.points, func(i, j int) bool {
		return mapstyle.Kinds[s.points[i].Feature.Kind].Priority < mapstyle.Kinds[s.points[j].Feature.Kind].Priority
	})
}

// IsStrategic reports whether a layer is one of the thematic layers.
func IsStrategic(layer string) bool {
	for _, l := range mapstyle.Layers {
		if l.ID == layer {
			return true
		}
	}
	return false
}

// Layers are the scene's layers in drawing order, a reader's last, with
// every lon/lat geometry decoded.
func (s *Scene) Layers() []geo.Layer {
	geo.UnpackAll(s.layers) // a geometry that cannot be decoded stays nil
	return s.layers
}

// Items are every feature of every layer, in drawing order.
func (s *Scene) Items() []*Item { return s.items }

// Item returns the feature or country id, or nil.
func (s *Scene) Item(id string) *Item { return s.byID[id] }

// Points are the point features that get symbols, most important first.
func (s *Scene) Points() []*Item { return s.points }

// LineKinds are the groups the thematic and custom lines are drawn in.
func (s *Scene) LineKinds() []LineKey { return s.lineKinds }

// WorldBound is the world metres the countries layer covers.
func (s *Scene) WorldBound() orb.Bound { return s.worldBound }

// Facts are the country facts the scene was built with.
func (s *Scene) Facts() assets.Facts { return s.facts }

// PreparedMeshes returns the data bundle's meshes of the map's own layers
// at a level, or nil if it has none for the level. Do not modify them.
func (s *Scene) PreparedMeshes(level int) []geo.LevelMesh {
	if s.prepared == nil {
		return nil
	}
	return s.prepared.Meshes(level)
}

// DisplayName returns the name of a country or feature id, or the id.
func (s *Scene) DisplayName(id string) string {
	if c, ok := s.facts.Countries[id]; ok {
		return c.Name
	}
	if it, ok := s.byID[id]; ok && it.Feature.Name != "" {
		return it.Feature.Name
	}
	return id
}

// SearchIndex lists every named country and lake and every thematic
// feature; a reader's own features are not searched.
func (s *Scene) SearchIndex() *geo.SearchIndex {
	var entries []geo.SearchEntry
	for _, it := range s.items {
		f := it.Feature
		switch {
		case it.Layer == mapstyle.LayerCountries && f.Kind == "country":
			entries = append(entries, geo.SearchEntry{ID: f.ID, Name: s.DisplayName(f.ID), Kind: "country", Layer: it.Layer})
		case it.Layer == mapstyle.LayerWater && f.Name != "", IsStrategic(it.Layer):
			entries = append(entries, geo.SearchEntry{ID: f.ID, Name: f.Name, Kind: f.Kind, Layer: it.Layer})
		}
	}
	return geo.NewSearchIndex(entries)
}
