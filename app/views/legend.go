package views

import (
	"fmt"
	"image/color"
	"strings"

	"heartland/mapstyle"
)

// baseLayers are the reference layers, toggled like the thematic ones, in
// the legend's order.
var baseLayers = []struct{ id, name string }{
	{mapstyle.LayerCountries, "Countries"},
	{mapstyle.LayerBoundaries, "Borders and coasts"},
	{mapstyle.LayerWater, "Lakes"},
	{mapstyle.LayerLabels, "Labels"},
}

// Legend is the map's key, the children of #legend-body: for each thematic
// layer present, in mapstyle.Layers' order, its toggle and every kind with
// the symbol or line the map draws for it; a key to the dashed lines of
// planned routes; then the base layers' toggles. kindColor gives a kind's
// colour in the active palette and edge the symbols' outline, so legend
// and map cannot disagree.
func Legend(present map[string]bool, kindColor func(kind string) color.RGBA, edge color.RGBA) []Node {
	var out []Node
	for _, l := range mapstyle.Layers {
		if !present[l.ID] {
			continue
		}
		ul := El("ul", "kinds", "")
		for _, k := range l.Kinds {
			ul.Kids = append(ul.Kids, kindItem(k, kindColor(k), edge))
		}
		out = append(out, El("div", "legend-group", "", LayerToggle(l.ID, l.Name), ul))
	}
	const dashedKind = "oil-pipeline"
	out = append(out, El("p", "key", "",
		Swatch(mapstyle.Kinds[dashedKind], kindColor(dashedKind), edge, true), TextNode(" planned or proposed")))
	base := El("div", "legend-group legend-base", "")
	for _, l := range baseLayers {
		base.Kids = append(base.Kids, LayerToggle(l.id, l.name))
	}
	return append(out, base)
}

// CustomLegend is a reader's layer in the legend (id "legend-" + layer
// id): its toggle, a button that removes it (class legend-remove, which
// the page wires), and a swatch for each of the custom kinds it holds, in
// the layer's colour c.
func CustomLegend(id, name string, c color.RGBA, kinds map[string]bool, edge color.RGBA) Node {
	remove := El("button", "legend-remove", "×").With("type", "button").
		With("aria-label", "Remove layer "+name).With("title", "Remove this layer")
	ul := El("ul", "kinds", "")
	for _, k := range []string{"custom-point", "custom-line", "custom-area"} {
		if kinds[k] {
			ul.Kids = append(ul.Kids, kindItem(k, c, edge))
		}
	}
	return El("div", "legend-group legend-custom", "",
		El("div", "legend-custom-head", "", LayerToggle(id, name), remove), ul).With("id", "legend-"+id)
}

// LayerToggle is a layer's ticked checkbox (data-layer is the layer id)
// with its name.
func LayerToggle(id, name string) Node {
	box := El("input", "", "").With("type", "checkbox").With("checked", "").With("data-layer", id)
	return El("label", "layer-toggle", "", box, TextNode(" "+name))
}

// kindItem is a legend row: a kind's swatch and its name.
func kindItem(kind string, c, edge color.RGBA) Node {
	k := mapstyle.Kinds[kind]
	return El("li", "", "", Swatch(k, c, edge, false), TextNode(k.Label))
}

// Swatch is a kind's symbol, or its line (dashed if asked), as a small
// inline SVG drawn as the map draws it: the symbol's shape at its radius
// in colour c with an edge, or a line a little wider than the map's.
func Swatch(k mapstyle.Kind, c, edge color.RGBA, dashed bool) Node {
	svg := El("svg", "swatch-svg", "").With("width", "22").With("height", "14").
		With("viewBox", "-11 -7 22 14").With("aria-hidden", "true")
	if k.Width > 0 {
		line := El("line", "", "").With("x1", "-10").With("y1", "0").With("x2", "10").With("y2", "0").
			With("stroke", HexColor(c)).With("stroke-width", fmt.Sprint(k.Width+0.8))
		if dashed {
			line = line.With("stroke-dasharray", "5 3")
		}
		svg.Kids = []Node{line}
		return svg
	}
	var pts []string
	r := k.Radius + 0.5
	for _, u := range mapstyle.UnitShape(k.Shape, 16) {
		// Through float32, as the map's symbol meshes hold the shape.
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", float64(float32(u[0]))*r, float64(float32(u[1]))*r))
	}
	svg.Kids = []Node{El("polygon", "", "").With("points", strings.Join(pts, " ")).With("fill", HexColor(c)).
		With("stroke", HexColor(edge)).With("stroke-width", "1.3")}
	return svg
}

// HexColor writes an opaque colour as #rrggbb.
func HexColor(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
