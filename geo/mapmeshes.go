package geo

import (
	"strings"

	"github.com/paulmach/orb"
)

// MapFeature is a feature of one of the map's own layers with its geometry
// in world metres, as the map draws it.
type MapFeature struct {
	Layer   string
	Feature *Feature
	World   orb.Geometry
}

// MeshKey names one of the meshes a level of the map is drawn from. Group
// is "central", "neighbours" or "territories" (country fills), "lakes" or
// "former-lakes" (water fills), "borders", "borders-central" or "coasts"
// (boundary strokes) or "lines" (the strokes of one strategic kind, dashed
// Dash and Gap CSS pixels when those are not 0). Hover and selection are
// drawn apart from the meshes (the page's SVG overlay), so no feature has
// a mesh of its own.
type MeshKey struct {
	Group       string
	Layer, Kind string  // "lines"
	Dash, Gap   float64 // "lines": CSS pixels, 0 for solid
}

// LevelMesh is one mesh of a level.
type LevelMesh struct {
	Key  MeshKey
	Mesh Mesh
}

// DashFunc gives the dash and gap, in CSS pixels, of a line of a kind and
// status; 0, 0 is solid (mapstyle.DashPattern).
type DashFunc func(kind, status string) (dash, gap float64)

// mapStrategicLayers are the thematic layers whose lines the map strokes.
var mapStrategicLayers = []string{"energy", "minerals", "trade", "cities"}

// MapLevelMeshes simplifies the map's features for a level and tessellates
// them into the meshes the map draws, in the order each mesh first gets a
// feature. The browser draws the levels the data bundle holds from the
// bundle (PreparedScene) and builds others with this, so both are alike.
func MapLevelMeshes(features []MapFeature, level int, dash DashFunc) []LevelMesh {
	b := levelMeshBuilder{at: map[MeshKey]int{}}
	central := map[string]bool{}
	for _, f := range features {
		if f.Layer == "countries" && f.Feature.StringProp("group") == "central" {
			central[f.Feature.ID] = true
		}
	}
	metresPerPx := SimplifyTolerance(float64(level)) * 2
	for _, f := range features {
		g := SimplifyWorld(f.World, level)
		kind := f.Feature.Kind
		switch {
		case f.Layer == "countries":
			group := "neighbours"
			if central[f.Feature.ID] {
				group = "central"
			} else if kind == "territory" {
				group = "territories"
			}
			b.mesh(MeshKey{Group: group}).AddPolygons(AsMultiPolygon(g))
		case f.Layer == "water":
			group := "lakes"
			if kind == "former-lake" {
				group = "former-lakes"
			}
			b.mesh(MeshKey{Group: group}).AddPolygons(AsMultiPolygon(g))
		case f.Layer == "boundaries":
			group := "borders"
			if kind == "coast" {
				group = "coasts"
			} else if touchesCentral(f.Feature, central) {
				group = "borders-central"
			}
			b.mesh(MeshKey{Group: group}).AddLines(g)
		case isMapStrategic(f.Layer):
			b.addStrategicLines(f, g, dash, metresPerPx)
		}
	}
	return b.out
}

func isMapStrategic(layer string) bool {
	for _, l := range mapStrategicLayers {
		if l == layer {
			return true
		}
	}
	return false
}

// touchesCentral reports whether a border has a Central Asian state on
// either side (its "countries" property).
func touchesCentral(f *Feature, central map[string]bool) bool {
	list, _ := f.Props["countries"].([]any)
	for _, c := range list {
		if code, _ := c.(string); central[code] {
			return true
		}
	}
	return false
}

type levelMeshBuilder struct {
	out []LevelMesh
	at  map[MeshKey]int
}

func (b *levelMeshBuilder) mesh(k MeshKey) *Mesh { return &b.out[b.index(k)].Mesh }

// index returns the number of k's mesh, adding it if new; pointers into
// b.out last only until the next new mesh.
func (b *levelMeshBuilder) index(k MeshKey) int {
	i, ok := b.at[k]
	if !ok {
		i = len(b.out)
		b.at[k] = i
		b.out = append(b.out, LevelMesh{Key: k})
	}
	return i
}

// addStrategicLines adds a strategic line to its kind's mesh, in dashes if
// its status says so. Points add nothing.
func (b *levelMeshBuilder) addStrategicLines(f MapFeature, g orb.Geometry, dash DashFunc, metresPerPx float64) {
	lines := Linework(g)
	if lines == nil {
		return
	}
	d, gap := dash(f.Feature.Kind, f.Feature.StringProp("status"))
	kind := b.mesh(MeshKey{Group: "lines", Layer: f.Layer, Kind: f.Feature.Kind, Dash: d, Gap: gap})
	for _, l := range lines {
		kind.AddStroke(l, d*metresPerPx, gap*metresPerPx)
	}
}

// Linework is what a map strokes of a geometry: a line or lines as they
// are, an area's rings as outlines; nil for points.
func Linework(g orb.Geometry) orb.MultiLineString {
	switch g := g.(type) {
	case orb.LineString:
		return orb.MultiLineString{g}
	case orb.MultiLineString:
		return g
	case orb.Polygon, orb.MultiPolygon:
		var lines orb.MultiLineString
		for _, p := range AsMultiPolygon(g) {
			for _, r := range p {
				lines = append(lines, orb.LineString(r))
			}
		}
		return lines
	}
	return nil
}

// AddStroke adds a line, solid when dash is 0, else in dashes of dash and
// gaps of gap world metres.
func (m *Mesh) AddStroke(l orb.LineString, dash, gap float64) {
	if dash <= 0 {
		m.AddLine(l)
		return
	}
	for _, piece := range Dashes(l, dash, gap) {
		m.AddDash(piece)
	}
}

// String is the key as text, for errors and the bundle's table of meshes.
func (k MeshKey) String() string {
	var s strings.Builder
	s.WriteString(k.Group)
	for _, part := range []string{k.Layer, k.Kind} {
		if part != "" {
			s.WriteString("/" + part)
		}
	}
	return s.String()
}
