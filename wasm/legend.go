//go:build js

package main

import (
	"fmt"
	"image/color"
	"strings"
	"syscall/js"
)

// baseLayers are the reference layers, toggled like the thematic ones.
var baseLayers = []struct{ id, name string }{
	{"countries", "Countries"},
	{"boundaries", "Borders and coasts"},
	{"water", "Lakes"},
	{"labels", "Labels"},
}

// buildLegend fills #legend with a toggle per layer and, under each
// thematic layer, every kind with the symbol the map draws for it. It is
// built from kindStyles, so legend and map cannot disagree.
func (d *dom) buildLegend(present map[string]bool) {
	legend := d.doc.Call("getElementById", "legend-body")
	if legend.IsNull() {
		return
	}
	for _, l := range strategicLayers {
		if !present[l.id] {
			continue
		}
		group := d.el("div", "legend-group", "")
		group.Call("append", d.layerToggle(l.id, l.name))
		ul := d.el("ul", "kinds", "")
		for _, k := range l.kinds {
			st := kindStyles[k]
			li := d.el("li", "", "")
			li.Call("append", d.swatch(st, false), d.doc.Call("createTextNode", st.label))
			ul.Call("append", li)
		}
		group.Call("append", ul)
		legend.Call("append", group)
	}
	note := d.el("p", "key", "")
	note.Call("append", d.swatch(kindStyles["oil-pipeline"], true), d.doc.Call("createTextNode", " planned or proposed"))
	legend.Call("append", note)
	base := d.el("div", "legend-group legend-base", "")
	for _, l := range baseLayers {
		base.Call("append", d.layerToggle(l.id, l.name))
	}
	legend.Call("append", base)
}

func (d *dom) layerToggle(id, name string) js.Value {
	label := d.el("label", "layer-toggle", "")
	box := d.el("input", "", "")
	box.Set("type", "checkbox")
	box.Set("checked", true)
	box.Get("dataset").Set("layer", id)
	label.Call("append", box, d.doc.Call("createTextNode", " "+name))
	return label
}

// swatch draws a kind's symbol (or line) as a small inline SVG.
func (d *dom) swatch(st kindStyle, dashed bool) js.Value {
	const ns = "http://www.w3.org/2000/svg"
	svg := d.doc.Call("createElementNS", ns, "svg")
	svg.Call("setAttribute", "width", "22")
	svg.Call("setAttribute", "height", "14")
	svg.Call("setAttribute", "viewBox", "-11 -7 22 14")
	svg.Call("setAttribute", "aria-hidden", "true")
	svg.Call("setAttribute", "class", "swatch-svg")
	if st.width > 0 {
		line := d.doc.Call("createElementNS", ns, "line")
		for k, v := range map[string]string{"x1": "-10", "y1": "0", "x2": "10", "y2": "0", "stroke": hexColor(st.color),
			"stroke-width": fmt.Sprint(st.width + 0.8)} {
			line.Call("setAttribute", k, v)
		}
		if dashed {
			line.Call("setAttribute", "stroke-dasharray", "5 3")
		}
		svg.Call("append", line)
		return svg
	}
	var pts []string
	r := st.radius + 0.5
	for _, u := range unitShape(st.shape) {
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", float64(u[0])*r, float64(u[1])*r))
	}
	poly := d.doc.Call("createElementNS", ns, "polygon")
	poly.Call("setAttribute", "points", strings.Join(pts, " "))
	poly.Call("setAttribute", "fill", hexColor(st.color))
	poly.Call("setAttribute", "stroke", hexColor(colorSymbolEdge))
	poly.Call("setAttribute", "stroke-width", "1.3")
	svg.Call("append", poly)
	return svg
}

func hexColor(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// addCustomLegend adds a reader's layer to the legend: toggle, swatches of
// the kinds it holds, and a button that removes it.
func (d *dom) addCustomLegend(id, name string, c color.RGBA, kinds map[string]bool, remove func()) {
	legend := d.doc.Call("getElementById", "legend-body")
	if legend.IsNull() {
		return
	}
	group := d.el("div", "legend-group legend-custom", "")
	group.Set("id", "legend-"+id)
	head := d.el("div", "legend-custom-head", "")
	btn := d.el("button", "legend-remove", "×")
	btn.Set("type", "button")
	btn.Call("setAttribute", "aria-label", "Remove layer "+name)
	btn.Set("title", "Remove this layer")
	btn.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any { remove(); return nil }))
	head.Call("append", d.layerToggle(id, name), btn)
	group.Call("append", head)
	ul := d.el("ul", "kinds", "")
	for _, k := range []string{"custom-point", "custom-line", "custom-area"} {
		if kinds[k] {
			st := kindStyles[k]
			st.color = c
			li := d.el("li", "", "")
			li.Call("append", d.swatch(st, false), d.doc.Call("createTextNode", st.label))
			ul.Call("append", li)
		}
	}
	group.Call("append", ul)
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
		box.Call("addEventListener", "change", safeFunc(func(js.Value, []js.Value) any {
			if d.onToggle != nil {
				d.onToggle(box.Get("dataset").Get("layer").String(), box.Get("checked").Bool())
			}
			return nil
		}))
	}
}
