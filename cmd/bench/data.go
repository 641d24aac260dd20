package main

import (
	"encoding/json"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"

	"heartland/geo"
	"heartland/internal/poster"
	"heartland/mapstyle"
)

// palette is the live map's light palette, which internal/poster mirrors
// from wasm/style.go (build-tagged js, so not importable here).
var palette = poster.Light

// Border widths in CSS pixels: wasm/game.go draws borders with a half width
// of 0.5 px and borders of a Central Asian state with 0.7 px.
const (
	borderWidth        = 1.0
	borderCentralWidth = 1.4
)

// regionSources are the files the wasm draws (from packed copies), in the
// order it draws them: fills, water, borders, then the strategic layers.
var regionSources = []struct{ path, layer string }{
	{"assets/borders/countries.geojson", "countries"},
	{"assets/borders/lakes.geojson", "water"},
	{"assets/borders/boundaries.geojson", "boundaries"},
	{"assets/layers/trade.geojson", "trade"},
	{"assets/layers/energy.geojson", "energy"},
	{"assets/layers/minerals.geojson", "minerals"},
	{"assets/layers/cities.geojson", "cities"},
}

// anchorFeature is the part of a GeoJSON feature the export reads and writes.
type anchorFeature struct {
	Type       string          `json:"type"`
	Properties map[string]any  `json:"properties"`
	Geometry   json.RawMessage `json:"geometry"`
}

// exportRegion writes the geometry Heartland draws as one GeoJSON file whose
// features carry their drawing style (_fill, _stroke, _width, _radius, _z),
// so the Leaflet and MapLibre pages draw the same thing with the same look.
func exportRegion(root, out string) error {
	central := map[string]bool{}
	var all []anchorFeature
	for _, src := range regionSources {
		data, err := os.ReadFile(filepath.Join(root, src.path))
		if err != nil {
			return err
		}
		var fc struct{ Features []anchorFeature }
		if err := json.Unmarshal(data, &fc); err != nil {
			return fmt.Errorf("%s: %w", src.path, err)
		}
		for _, f := range fc.Features {
			if src.layer == "countries" && f.Properties["group"] == "central" {
				central[fmt.Sprint(f.Properties["id"])] = true
			}
			f.Properties["_layer"] = src.layer
			styleFeature(f.Properties, src.layer, central)
			all = append(all, f)
		}
	}
	// Paint order within the one source: fills under water under borders
	// under lines under points.
	slices.SortStableFunc(all, func(a, b anchorFeature) int {
		return int(a.Properties["_z"].(float64) - b.Properties["_z"].(float64))
	})
	return writeJSON(out, map[string]any{"type": "FeatureCollection", "features": all})
}

// styleFeature sets the drawing style of one feature, as wasm/levelmeshes.go
// and wasm/game.go choose it.
func styleFeature(p map[string]any, layer string, central map[string]bool) {
	kind, _ := p["kind"].(string)
	set := func(z float64, fill, stroke color.Color, width, radius float64) {
		p["_z"], p["_fill"], p["_stroke"], p["_width"], p["_radius"] = z, hex(fill), hex(stroke), width, radius
	}
	switch layer {
	case "countries":
		fill := palette.Neighbour
		switch {
		case p["group"] == "central":
			fill = palette.Central
		case kind == "territory":
			fill = palette.Territory
		}
		set(0, fill, fill, 0, 0)
	case "water":
		fill := palette.Water
		if kind == "former-lake" {
			fill = palette.FormerLake
		}
		set(1, fill, fill, 0, 0)
	case "boundaries":
		stroke, width := palette.Border, borderWidth
		if kind == "coast" {
			stroke = palette.Coast
		}
		if list, _ := p["countries"].([]any); slices.ContainsFunc(list, func(c any) bool { s, _ := c.(string); return central[s] }) {
			stroke, width = palette.BorderStrong, borderCentralWidth
		}
		set(2, stroke, stroke, width, 0)
	default:
		k := mapstyle.Kinds[kind]
		z := 3.0
		if k.Width == 0 {
			z = 4 // a point symbol
		}
		set(z, k.Color, palette.SymbolEdge, k.Width, k.Radius)
	}
}

// exportNaturalEarth converts world-atlas's Natural Earth 1:10m TopoJSON,
// the whole world unclipped, to GeoJSON with the neighbour style: the
// "raw data" anchors.
func exportNaturalEarth(topoPath, out string) error {
	data, err := os.ReadFile(topoPath)
	if err != nil {
		return fmt.Errorf("%w (make bench installs world-atlas@2.0.2 into build/npm)", err)
	}
	topo, err := geo.DecodeTopology(data)
	if err != nil {
		return fmt.Errorf("%s: %w", topoPath, err)
	}
	var features []map[string]any
	for _, g := range topo.Objects["countries"] {
		mp := topo.MultiPolygon(g)
		if len(mp) == 0 {
			continue
		}
		coords := make([][][][2]float64, len(mp))
		for i, poly := range mp {
			for _, ring := range poly {
				pts := make([][2]float64, len(ring))
				for k, pt := range ring {
					pts[k] = pt
				}
				coords[i] = append(coords[i], pts)
			}
		}
		props := map[string]any{"id": g.ID, "name": g.Properties["name"], "_layer": "countries"}
		styleFeature(props, "countries", nil)
		props["_stroke"], props["_width"] = hex(palette.Border), borderWidth
		features = append(features, map[string]any{"type": "Feature", "properties": props,
			"geometry": map[string]any{"type": "MultiPolygon", "coordinates": coords}})
	}
	if len(features) == 0 {
		return fmt.Errorf("%s: no countries object", topoPath)
	}
	return writeJSON(out, map[string]any{"type": "FeatureCollection", "features": features})
}

// hex is a CSS colour: #rrggbb (both anchors draw opaque).
func hex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

func writeJSON(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
