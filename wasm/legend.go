//go:build js

package main

import (
	"image/color"
	"syscall/js"

	"heartland/app/views"
)

// buildLegend fills #legend-body with views.Legend: a toggle per layer
// and, under each thematic layer present, every kind with the symbol the
// map draws for it, in the active palette's colours.
func (d *dom) buildLegend(present map[string]bool) {
	legend := d.doc.Call("getElementById", "legend-body")
	if legend.IsNull() {
		return
	}
	kindColor := func(kind string) color.RGBA { return kindStyles[kind].color }
	d.appendAll(legend, views.Legend(present, kindColor, colorSymbolEdge))
}

func hexColor(c color.RGBA) string { return views.HexColor(c) }

// addCustomLegend adds a reader's layer to the top of the legend
// (views.CustomLegend), its remove button calling remove.
func (d *dom) addCustomLegend(id, name string, c color.RGBA, kinds map[string]bool, remove func()) {
	legend := d.doc.Call("getElementById", "legend-body")
	if legend.IsNull() {
		return
	}
	group := d.render(views.CustomLegend(id, name, c, kinds, colorSymbolEdge))
	listen(group.Call("querySelector", ".legend-remove"), "click", func(js.Value) { remove() })
	legend.Call("insertBefore", group, legend.Get("firstChild"))
	d.onLayerToggle(group)
}

func (d *dom) removeCustomLegend(id string) {
	if el := d.doc.Call("getElementById", "legend-"+id); !el.IsNull() {
		el.Call("remove")
	}
}

// onLayerToggle wires the layer checkboxes inside root to d.onToggle.
func (d *dom) onLayerToggle(root js.Value) {
	boxes := root.Call("querySelectorAll", "input[data-layer]")
	for i := 0; i < boxes.Length(); i++ {
		box := boxes.Index(i)
		listen(box, "change", func(js.Value) {
			if d.onToggle != nil {
				d.onToggle(box.Get("dataset").Get("layer").String(), box.Get("checked").Bool())
			}
		})
	}
}
