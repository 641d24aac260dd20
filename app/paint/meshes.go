package paint

import (
	"image/color"

	"github.com/paulmach/orb"

	"heartland/app/scene"
	"heartland/geo"
	"heartland/mapstyle"
)

// Mesh is a geo.Mesh with the colour it is drawn in.
type Mesh struct {
	geo.Mesh
	Color color.RGBA
}

// LayerMesh is a mesh of one layer, drawn while the layer is shown.
type LayerMesh struct {
	Mesh
	Layer string
}

// Level is every mesh the map draws at one simplification level.
type Level struct {
	Level                                                int
	Neighbours, Central, Territories, Lakes, FormerLakes *Mesh // fills
	Borders, BordersCentral, Coasts                      *Mesh // strokes
	// Lines are the thematic and readers' lines, one mesh per line group
	// (scene.LineKey); the map draws them in the scene's LineKinds order.
	Lines map[scene.LineKey]*Mesh
	// CustomFills are readers' areas, one mesh per layer and fill colour.
	CustomFills []*LayerMesh

	scene    *scene.Scene
	outline  color.RGBA
	outlines map[string]*Mesh // per selected country, built on first use
}

// Build returns the meshes of a level in palette p's colours: the map's
// own layers from the data bundle when it holds the level (built as the
// bundle builds them otherwise), and a reader's layers in their colours.
func Build(s *scene.Scene, level int, p mapstyle.Palette) *Level {
	m := &Level{
		Level: level, scene: s, outline: RGBA(p.Outline), outlines: map[string]*Mesh{},
		Neighbours: &Mesh{Color: RGBA(p.Neighbour)}, Central: &Mesh{Color: RGBA(p.Central)},
		Territories: &Mesh{Color: RGBA(p.Territory)}, Lakes: &Mesh{Color: RGBA(p.Water)},
		FormerLakes: &Mesh{Color: RGBA(p.FormerLake)}, Borders: &Mesh{Color: RGBA(p.Border)},
		BordersCentral: &Mesh{Color: RGBA(p.BorderStrong)}, Coasts: &Mesh{Color: RGBA(p.Coast)},
		Lines: map[scene.LineKey]*Mesh{},
	}
	fills := map[string]*Mesh{"central": m.Central, "neighbours": m.Neighbours, "territories": m.Territories,
		"lakes": m.Lakes, "former-lakes": m.FormerLakes, "borders": m.Borders, "borders-central": m.BordersCentral, "coasts": m.Coasts}
	for _, lm := range mapMeshes(s, level) {
		switch k := lm.Key; {
		case fills[k.Group] != nil:
			fills[k.Group].Mesh = lm.Mesh
		case k.Group == "lines":
			key := scene.LineKey{Layer: k.Layer, Kind: k.Kind, Dash: k.Dash, Gap: k.Gap}
			m.Lines[key] = &Mesh{Mesh: lm.Mesh, Color: RGBA(p.KindColor(k.Kind))}
		}
	}
	metresPerPx := geo.SimplifyTolerance(float64(level)) * 2
	for _, it := range s.Items() {
		if it.Custom {
			m.addCustom(it, geo.SimplifyWorld(it.World, level), metresPerPx, p)
		}
	}
	return m
}

// mapMeshes returns the meshes of the map's own layers at a level: the
// data bundle's if it has the level, built otherwise.
func mapMeshes(s *scene.Scene, level int) []geo.LevelMesh {
	if lm := s.PreparedMeshes(level); lm != nil {
		return lm
	}
	features := make([]geo.MapFeature, 0, len(s.Items()))
	for _, it := range s.Items() {
		if !it.Custom {
			features = append(features, geo.MapFeature{Layer: it.Layer, Feature: it.Feature, World: it.World})
		}
	}
	return geo.MapLevelMeshes(features, level, mapstyle.DashPattern)
}

// addCustom adds a reader's feature, simplified to g: its line, or its
// area's outline, to its line group, and its area to its fill.
func (m *Level) addCustom(it *scene.Item, g orb.Geometry, metresPerPx float64, p mapstyle.Palette) {
	if lines := geo.Linework(g); lines != nil {
		key := it.LineKey()
		km, ok := m.Lines[key]
		if !ok {
			km = &Mesh{Color: ItemColor(it, p)}
			m.Lines[key] = km
		}
		for _, l := range lines {
			km.AddStroke(l, key.Dash*metresPerPx, key.Gap*metresPerPx)
		}
	}
	if mp := geo.AsMultiPolygon(g); mp != nil {
		m.customFill(it, p).AddPolygons(mp)
	}
}

// customFill returns the fill mesh for a reader's area: its simplestyle
// "fill" (or its layer's colour) blended toward the land, the way a
// translucent fill looks, because stencilled fills must be opaque.
func (m *Level) customFill(it *scene.Item, p mapstyle.Palette) *Mesh {
	c := it.Color
	if r, g, b, ok := geo.SimpleStyleColor(it.Feature.Props, "fill"); ok {
		c = color.RGBA{r, g, b, 0xff}
	}
	c = Blend(c, RGBA(p.Neighbour), 0.35)
	for _, cf := range m.CustomFills {
		if cf.Color == c && cf.Layer == it.Layer {
			return &cf.Mesh
		}
	}
	cf := &LayerMesh{Mesh: Mesh{Color: c}, Layer: it.Layer}
	m.CustomFills = append(m.CustomFills, cf)
	return &cf.Mesh
}

// CountryOutline returns the outline of a country at the level, in the
// palette's outline colour, or nil for an id that is not a country.
func (m *Level) CountryOutline(id string) *Mesh {
	if o, ok := m.outlines[id]; ok {
		return o
	}
	mp := countryShape(m.scene, id, m.Level)
	if mp == nil {
		return nil
	}
	o := &Mesh{Color: m.outline}
	o.AddLines(mp)
	m.outlines[id] = o
	return o
}

// countryShape is a country's area simplified for a level, or nil for an
// id that is not a country.
func countryShape(s *scene.Scene, id string, level int) orb.MultiPolygon {
	it := s.Item(id)
	if id == "" || it == nil || it.Layer != "countries" {
		return nil
	}
	return geo.AsMultiPolygon(geo.SimplifyWorld(it.World, level))
}

// ItemColor is the colour an item is drawn in with palette p: a reader's
// feature's own, else its kind's.
func ItemColor(it *scene.Item, p mapstyle.Palette) color.RGBA {
	if it.Custom {
		return it.Color
	}
	return RGBA(p.KindColor(it.Feature.Kind))
}

// RGBA copies a colour's bytes: the map keeps straight (not premultiplied)
// alpha in color.RGBA, as the palette does in color.NRGBA.
func RGBA(c color.NRGBA) color.RGBA { return color.RGBA{c.R, c.G, c.B, c.A} }

// Blend mixes a share of colour a into b.
func Blend(a, b color.RGBA, share float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(share*float64(x) + (1-share)*float64(y) + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
