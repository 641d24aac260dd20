package views

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"heartland/mapstyle"
)

var (
	testEdge = color.RGBA{0x11, 0x22, 0x33, 0xff}
	testInk  = func(kind string) color.RGBA { return color.RGBA{0xab, 0xcd, byte(len(kind)), 0xff} }
)

func TestLegendListsThePresentLayersKindsInOrderThenTheBaseLayers(t *testing.T) {
	legend := Legend(map[string]bool{"cities": true, "energy": true, "countries": true}, testInk, testEdge)
	var layers []string
	for _, box := range find(legend, tagged("input")) {
		if box.Attr("type") != "checkbox" || box.Attr("checked") != "" || !slices.Contains(attrNames(box), "checked") {
			t.Errorf("toggle %v: want a ticked checkbox", box.Attrs)
		}
		layers = append(layers, box.Attr("data-layer"))
	}
	if want := []string{"energy", "cities", "countries", "boundaries", "water", "labels"}; !slices.Equal(layers, want) {
		t.Errorf("legend toggles = %v; want %v (mapstyle.Layers' order, then the base layers)", layers, want)
	}
	var kinds []string
	for _, li := range find(legend[0].Kids, tagged("li")) {
		kinds = append(kinds, li.TextContent())
		if len(find(li.Kids, tagged("svg"))) != 1 {
			t.Errorf("legend row %q has no swatch", li.TextContent())
		}
	}
	want := []string{"Oil field", "Gas field", "Oil and gas field", "Oil pipeline", "Gas pipeline", "Terminal or pumping station"}
	if !slices.Equal(kinds, want) {
		t.Errorf("energy rows = %q; want %q", kinds, want)
	}
	if got := legend[0].Kids[0].TextContent(); got != " Energy" {
		t.Errorf("energy toggle reads %q; want \" Energy\"", got)
	}
	key := find(legend, classed("key"))
	if len(key) != 1 || key[0].TextContent() != " planned or proposed" ||
		find(key, tagged("line"))[0].Attr("stroke-dasharray") != "5 3" {
		t.Errorf("legend key = %+v; want a dashed line and \" planned or proposed\"", key)
	}
}

func TestSwatchDrawsAKindAsTheMapDoes(t *testing.T) {
	line := Swatch(mapstyle.Kinds["gas-pipeline"], color.RGBA{1, 2, 3, 255}, testEdge, false)
	l := find([]Node{line}, tagged("line"))
	if len(l) != 1 || l[0].Attr("stroke") != "#010203" || l[0].Attr("stroke-width") != "3" || l[0].Attr("stroke-dasharray") != "" {
		t.Errorf("gas pipeline swatch = %+v; want a solid #010203 line 3 wide (2.2 + 0.8)", line)
	}
	if line.Class != "swatch-svg" || line.Attr("viewBox") != "-11 -7 22 14" || line.Attr("aria-hidden") != "true" {
		t.Errorf("swatch svg = %+v; want class swatch-svg, a 22×14 view box, hidden from screen readers", line)
	}
	square := Swatch(mapstyle.Kinds["port"], color.RGBA{0xff, 0, 0x80, 255}, testEdge, false)
	p := find([]Node{square}, tagged("polygon"))
	if len(p) != 1 || p[0].Attr("fill") != "#ff0080" || p[0].Attr("stroke") != "#112233" || p[0].Attr("stroke-width") != "1.3" {
		t.Fatalf("port swatch = %+v; want a #ff0080 polygon edged #112233", square)
	}
	if want := "4.67,4.67 -4.67,4.67 -4.67,-4.67 4.67,-4.67"; p[0].Attr("points") != want {
		t.Errorf("port points = %q; want %q, mapstyle's square at radius 5 + 0.5", p[0].Attr("points"), want)
	}
	if star := find([]Node{Swatch(mapstyle.Kinds["capital"], testEdge, testEdge, false)}, tagged("polygon")); len(strings.Fields(star[0].Attr("points"))) != 10 {
		t.Errorf("capital swatch points = %q; want a five-pointed star's 10", star[0].Attr("points"))
	}
}

func TestCustomLegendHasItsToggleRemoveButtonAndKindsInTheLayersColour(t *testing.T) {
	c := color.RGBA{0x88, 0x22, 0x55, 0xff}
	g := CustomLegend("custom2", "<b>Trip</b>", c, map[string]bool{"custom-area": true, "custom-point": true}, testEdge)
	if g.Attr("id") != "legend-custom2" || g.Class != "legend-group legend-custom" {
		t.Errorf("group id %q class %q; want legend-custom2, legend-group legend-custom", g.Attr("id"), g.Class)
	}
	btn := find([]Node{g}, classed("legend-remove"))
	if len(btn) != 1 || btn[0].Tag != "button" || btn[0].Attr("aria-label") != "Remove layer <b>Trip</b>" || btn[0].Text != "×" {
		t.Errorf("remove button = %+v; want a button named after the layer, its name as text", btn)
	}
	if box := find([]Node{g}, tagged("input")); len(box) != 1 || box[0].Attr("data-layer") != "custom2" {
		t.Errorf("toggle = %+v; want one for custom2", box)
	}
	var rows []string
	for _, li := range find([]Node{g}, tagged("li")) {
		rows = append(rows, li.TextContent())
	}
	if want := []string{"Point", "Area"}; !slices.Equal(rows, want) {
		t.Errorf("rows = %q; want %q", rows, want)
	}
	if fills := find([]Node{g}, tagged("polygon")); len(fills) != 1 || fills[0].Attr("fill") != "#882255" {
		t.Errorf("point swatch = %+v; want one in the layer's #882255", fills)
	}
}

func attrNames(n Node) []string {
	var out []string
	for _, a := range n.Attrs {
		out = append(out, a.Name)
	}
	return out
}
