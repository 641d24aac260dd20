//go:build js

package main

import (
	"errors"
	"image"
	"image/color"
	"io/fs"
	"slices"
	"sort"
	"syscall/js"

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
	style   kindStyle // strategic-layer and custom features
	status  string
	custom  bool // from a reader's own GeoJSON
	indexed bool // in the hit index
}

// isStrategic reports whether a layer is one of the thematic layers.
func isStrategic(layer string) bool {
	for _, l := range strategicLayers {
		if l.id == layer {
			return true
		}
	}
	return false
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
	levelUse   []int   // levels in s.levels, least recently used first
	points     []*item // strategic point features, most important first
	lineKinds  []lineKey
	prepared   *geo.PreparedScene // from the data bundle; nil if it has none
}

// lineKey groups line features drawn alike: one mesh per layer, kind and
// dash (custom layers of one kind differ in colour).
type lineKey struct {
	layer     string
	kind      string
	dash, gap float64    // CSS pixels; 0 for solid
	color     color.RGBA // a custom feature's own stroke colour
}

// levelMeshes are all meshes of one simplification level.
type levelMeshes struct {
	neighbours, central, territories, lakes *mesh
	formerLakes                             *mesh
	borders, bordersCentral, coasts         *mesh
	level                                   int
	fills, outlines                         map[string]*mesh // per country, built when hovered or selected
	lines                                   map[lineKey]*mesh
	customFills                             []*layerMesh     // readers' areas, one mesh per layer and fill colour
	featureLines                            map[string]*mesh // per line feature, for hover and selection
}

func newScene(layers []geo.Layer, facts assets.Facts) *scene {
	s := &scene{layers: layers, byID: map[string]*item{}, index: geo.NewIndex(),
		levels: map[int]*levelMeshes{}, facts: facts, visible: map[string]bool{}}
	s.prepared = loadPrepared(layers)
	for li := range layers {
		l := &layers[li]
		s.visible[l.ID] = true
		for fi := range l.Features {
			f := &l.Features[fi]
			it := &item{layer: l.ID, feature: f, central: f.StringProp("group") == "central"}
			if n := len(s.items); s.prepared != nil {
				it.world = s.prepared.World(n)
				it.anchor, _ = s.prepared.Anchor(n)
			} else {
				it.world = geo.ToWorld(geo.CentralAsia, f.Geometry)
				if ll, ok := f.LabelPoint(); ok { // computed by heartland pack
					it.anchor = geo.CentralAsia.Forward(ll)
				}
			}
			s.items = append(s.items, it)
			s.byID[f.ID] = it
			if isStrategic(l.ID) {
				s.addStrategic(it)
			}
			if l.ID == "countries" { // borders and lakes are not selectable
				s.index.Add(l.ID, f, it.world)
				it.indexed = true
				if s.worldBound.IsZero() {
					s.worldBound = it.world.Bound()
				}
				s.worldBound = s.worldBound.Union(it.world.Bound())
			}
		}
	}
	s.useIndex()
	sort.SliceStable(s.points, func(i, j int) bool { return s.points[i].style.priority < s.points[j].style.priority })
	return s
}

// loadPrepared returns the data bundle's prepared scene (projected
// geometry, label anchors, hit index and the home level's meshes, see
// geo.PreparedScene), or nil, with a console warning if it is broken, when
// the map must compute them itself.
func loadPrepared(layers []geo.Layer) *geo.PreparedScene {
	ps, err := assets.PreparedScene()
	if err == nil {
		err = ps.Check(layers)
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			js.Global().Get("console").Call("warn", "Heartland: the prepared scene is not used: "+err.Error())
		}
		return nil
	}
	return ps
}

// useIndex takes the prepared hit index if it holds what s indexed, and
// otherwise builds s.index.
func (s *scene) useIndex() {
	if s.prepared != nil {
		n := 0
		ix, err := s.prepared.Bind(s.layers, func(string, *geo.Feature) bool { n++; return s.items[n-1].indexed })
		if err == nil {
			s.index = ix
			return
		}
		js.Global().Get("console").Call("warn", "Heartland: the prepared hit index is not used: "+err.Error())
	}
	s.index.Build()
}

// addStrategic indexes a thematic feature and files it for drawing.
func (s *scene) addStrategic(it *item) {
	st, ok := kindStyles[it.feature.Kind]
	if !ok {
		return // heartland check reports unknown kinds; the map skips them
	}
	it.style, it.status = st, it.feature.StringProp("status")
	s.index.Add(it.layer, it.feature, it.world)
	it.indexed = true
	switch it.world.(type) {
	case orb.Point:
		s.points = append(s.points, it)
	case orb.LineString, orb.MultiLineString, orb.Polygon, orb.MultiPolygon:
		dash, gap := dashPattern(it.feature.Kind, it.status)
		key := lineKey{it.layer, it.feature.Kind, dash, gap, it.style.color}
		for _, k := range s.lineKinds {
			if k == key {
				return
			}
		}
		s.lineKinds = append(s.lineKinds, key)
	}
}

// maxCachedLevels bounds the meshes kept: the full-detail level alone holds
// tens of megabytes, and a reader rarely jumps between more than a few.
const maxCachedLevels = 3

// meshes returns the meshes for a level, building them on first use and
// dropping the least recently used level beyond maxCachedLevels.
func (s *scene) meshes(level int) *levelMeshes {
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
		level:  level, fills: map[string]*mesh{}, outlines: map[string]*mesh{},
		lines: map[lineKey]*mesh{}, featureLines: map[string]*mesh{},
	}
	for _, lm := range s.mapMeshes(level) {
		m.use(s, lm)
	}
	scale := geo.SimplifyTolerance(float64(level)) * 2 // world metres per CSS pixel at the level
	for _, it := range s.items {
		if !it.custom {
			continue
		}
		g := geo.SimplifyWorld(it.world, level)
		s.addLineMeshes(m, it, g, scale)
		if mp := geo.AsMultiPolygon(g); mp != nil {
			m.customFill(it).AddPolygons(mp)
		}
	}
	s.levels[level] = m
	return m
}

// mapMeshes returns the meshes of the map's own layers at a level: the
// data bundle's if it has the level, built otherwise.
func (s *scene) mapMeshes(level int) []geo.LevelMesh {
	if s.prepared != nil {
		if lm := s.prepared.Meshes(level); lm != nil {
			return lm
		}
	}
	features := make([]geo.MapFeature, 0, len(s.items))
	for _, it := range s.items {
		if !it.custom {
			features = append(features, geo.MapFeature{Layer: it.layer, Feature: it.feature, World: it.world})
		}
	}
	return geo.MapLevelMeshes(features, level, dashPattern)
}

// use files one of geo.MapLevelMeshes' meshes under its role, coloured.
func (m *levelMeshes) use(s *scene, lm geo.LevelMesh) {
	fills := map[string]*mesh{"central": m.central, "neighbours": m.neighbours, "territories": m.territories,
		"lakes": m.lakes, "former-lakes": m.formerLakes, "borders": m.borders, "borders-central": m.bordersCentral, "coasts": m.coasts}
	k := lm.Key
	switch {
	case fills[k.Group] != nil:
		fills[k.Group].Mesh = lm.Mesh
	case k.Group == "lines":
		c := kindStyles[k.Kind].color
		m.lines[lineKey{k.Layer, k.Kind, k.Dash, k.Gap, c}] = &mesh{Mesh: lm.Mesh, color: c}
	case k.Group == "feature":
		if it := s.byID[k.ID]; it != nil {
			m.featureLines[k.ID] = &mesh{Mesh: lm.Mesh, color: it.style.color}
		}
	}
}

// countryFill returns the fill of one country at the level, for hover and
// selection, or nil for an id that is not a country. Fills and outlines
// are built on first use: building them for every country at every level
// tripled the meshes' memory for the few a reader points at.
func (m *levelMeshes) countryFill(s *scene, id string) *mesh {
	return m.countryMesh(s, id, m.fills, func(mp orb.MultiPolygon) *mesh {
		f := &mesh{}
		f.AddPolygons(mp)
		return f
	})
}

// countryOutline returns the outline of one country at the level, or nil.
func (m *levelMeshes) countryOutline(s *scene, id string) *mesh {
	return m.countryMesh(s, id, m.outlines, func(mp orb.MultiPolygon) *mesh {
		o := &mesh{color: colorOutline}
		o.AddLines(mp)
		return o
	})
}

// countryMesh returns cache[id], built from the country's shape at the
// level on first use, or nil for an id that is not a country.
func (m *levelMeshes) countryMesh(s *scene, id string, cache map[string]*mesh, build func(orb.MultiPolygon) *mesh) *mesh {
	if mm, ok := cache[id]; ok {
		return mm
	}
	mp := s.countryShape(id, m.level)
	if mp == nil {
		return nil
	}
	mm := build(mp)
	cache[id] = mm
	return mm
}

// countryShape is a country's outline simplified for the level, or nil.
func (s *scene) countryShape(id string, level int) orb.MultiPolygon {
	it := s.byID[id]
	if id == "" || it == nil || it.layer != "countries" {
		return nil
	}
	return geo.AsMultiPolygon(geo.SimplifyWorld(it.world, level))
}

// addLineMeshes adds a strategic line to its kind's mesh (dashed if its
// status says so) and to its own mesh for highlighting.
func (s *scene) addLineMeshes(m *levelMeshes, it *item, g orb.Geometry, metresPerPx float64) {
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
	dash, gap := dashPattern(it.feature.Kind, it.status)
	key := lineKey{it.layer, it.feature.Kind, dash, gap, it.style.color}
	km, ok := m.lines[key]
	if !ok {
		km = &mesh{color: it.style.color}
		m.lines[key] = km
	}
	own := &mesh{color: it.style.color}
	for _, l := range lines {
		own.AddLine(l)
		if dash > 0 {
			for _, d := range geo.Dashes(l, dash*metresPerPx, gap*metresPerPx) {
				km.AddDash(d)
			}
		} else {
			km.AddLine(l)
		}
	}
	m.featureLines[it.feature.ID] = own
}

// anchorPoint is where a point feature sits, in world metres.
func (it *item) anchorPoint() orb.Point {
	if p, ok := it.world.(orb.Point); ok {
		return p
	}
	return it.anchor
}

// displayName returns the name of a country or feature id, or the id.
func (s *scene) displayName(id string) string {
	if c, ok := s.facts.Countries[id]; ok {
		return c.Name
	}
	if it, ok := s.byID[id]; ok && it.feature.Name != "" {
		return it.feature.Name
	}
	return id
}

// searchIndex lists every named country, lake and strategic feature.
func (s *scene) searchIndex() *geo.SearchIndex {
	var entries []geo.SearchEntry
	for _, it := range s.items {
		f := it.feature
		switch {
		case it.layer == "countries" && f.Kind == "country":
			entries = append(entries, geo.SearchEntry{ID: f.ID, Name: s.displayName(f.ID), Kind: "country", Layer: it.layer})
		case it.layer == "water" && f.Name != "", isStrategic(it.layer):
			entries = append(entries, geo.SearchEntry{ID: f.ID, Name: f.Name, Kind: f.Kind, Layer: it.layer})
		}
	}
	return geo.NewSearchIndex(entries)
}

// kindLabel names a kind for people: "Oil field", "Country".
func kindLabel(kind string) string {
	if st, ok := kindStyles[kind]; ok {
		return st.label
	}
	switch kind {
	case "country":
		return "Country"
	case "lake":
		return "Lake"
	case "former-lake":
		return "Former lake"
	}
	return kind
}

// addCustomLayer adds a reader's layer: its features are projected, indexed
// and drawn in colour c. Meshes are rebuilt lazily on the next frame.
func (s *scene) addCustomLayer(l geo.Layer, c color.RGBA) {
	s.layers = append(s.layers, l)
	layer := &s.layers[len(s.layers)-1]
	s.visible[l.ID] = true
	for fi := range layer.Features {
		f := &layer.Features[fi]
		it := &item{layer: l.ID, feature: f, world: geo.ToWorld(geo.CentralAsia, f.Geometry), custom: true}
		it.style = kindStyles[f.Kind]
		it.style.color = c
		it.style.layer = l.ID
		// simplestyle: a feature may carry its own colour.
		for _, key := range []string{"marker-color", "stroke"} {
			if r, g, b, ok := geo.SimpleStyleColor(f.Props, key); ok {
				it.style.color = color.RGBA{r, g, b, 0xff}
				break
			}
		}
		s.items = append(s.items, it)
		s.byID[f.ID] = it
		s.index.Add(l.ID, f, it.world)
		it.indexed = true
		if _, ok := it.world.(orb.Point); ok {
			s.points = append(s.points, it)
		} else {
			key := lineKey{l.ID, f.Kind, 0, 0, it.style.color}
			if !slices.Contains(s.lineKinds, key) {
				s.lineKinds = append(s.lineKinds, key)
			}
		}
	}
	s.afterChange()
}

// removeLayer drops a custom layer and everything drawn or indexed for it.
func (s *scene) removeLayer(id string) bool {
	i := slices.IndexFunc(s.layers, func(l geo.Layer) bool { return l.ID == id })
	if i < 0 {
		return false
	}
	s.layers = slices.Delete(s.layers, i, i+1)
	keep := func(it *item) bool { return it.layer != id }
	for _, it := range s.items {
		if !keep(it) {
			delete(s.byID, it.feature.ID)
		}
	}
	s.items = slices.DeleteFunc(s.items, func(it *item) bool { return !keep(it) })
	s.points = slices.DeleteFunc(s.points, func(it *item) bool { return !keep(it) })
	s.lineKinds = slices.DeleteFunc(s.lineKinds, func(k lineKey) bool { return k.layer == id })
	delete(s.visible, id)
	s.index = geo.NewIndex()
	for _, it := range s.items {
		if it.indexed {
			s.index.Add(it.layer, it.feature, it.world)
		}
	}
	s.afterChange()
	return true
}

// afterChange rebuilds what depends on the set of features.
func (s *scene) afterChange() {
	s.index.Build()
	sort.SliceStable(s.points, func(i, j int) bool { return s.points[i].style.priority < s.points[j].style.priority })
	s.levels, s.levelUse = map[int]*levelMeshes{}, nil
}

// customFill returns the fill mesh for a reader's area: its simplestyle
// "fill" (or its layer's colour) blended toward the land, the way a
// translucent fill looks, because stencilled fills must be opaque.
func (m *levelMeshes) customFill(it *item) *mesh {
	c := it.style.color
	if r, g, b, ok := geo.SimpleStyleColor(it.feature.Props, "fill"); ok {
		c = color.RGBA{r, g, b, 0xff}
	}
	c = blend(c, colorNeighbour, 0.35)
	for _, cf := range m.customFills {
		if cf.color == c && cf.layer == it.layer {
			return &cf.mesh
		}
	}
	cf := &layerMesh{layer: it.layer}
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
