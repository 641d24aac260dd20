package poster

import (
	"math"
	"sort"

	"heartland/geo"
	"heartland/mapstyle"
)

// Legend is the key to the kinds a poster shows: a panel with a swatch per
// kind, painted over the title panel and under the labels (its texts are
// in Drawing.Labels).
type Legend struct {
	Panel   Panel
	Paths   []Path   // line and area swatches
	Symbols []Symbol // point swatches
}

// Legend sizes, in CSS pixels.
const (
	legendMargin = 12 // from the poster's edge
	legendPad    = 8  // inside the panel
	legendRow    = 17 // one entry's height
	legendSwatch = 18 // a swatch's width
	legendGap    = 6  // swatch to text
	legendColGap = 14 // between columns
	legendMaxRow = 10 // entries per column before another column starts
)

// legendKey is one legend entry: a kind in a layer.
type legendKey struct{ layer, kind string }

// noteShown records that a feature of this style was drawn, for the legend.
func (r *renderer) noteShown(it *item) {
	k := legendKey{it.layer, it.f.Kind}
	if !strategicLayers[it.layer] {
		k.kind = customKind(it.world)
	}
	if _, ok := r.shown[k]; !ok {
		r.shown[k] = it.style
	}
}

// legendEntry is a legend row before layout.
type legendEntry struct {
	key   legendKey
	style kindStyle
	text  string
}

// legendEntries lists the kinds drawn: the thematic layers' in the app's
// legend order, then each reader's layer by its name.
func (r *renderer) legendEntries() []legendEntry {
	var out []legendEntry
	for _, l := range mapstyle.Layers {
		for _, kind := range l.Kinds {
			if st, ok := r.shown[legendKey{l.ID, kind}]; ok {
				out = append(out, legendEntry{legendKey{l.ID, kind}, st, mapstyle.Kinds[kind].Label})
			}
		}
	}
	var custom []legendEntry
	perLayer := map[string]int{}
	for k, st := range r.shown {
		if !strategicLayers[k.layer] {
			custom = append(custom, legendEntry{k, st, r.layerNames[k.layer]})
			perLayer[k.layer]++
		}
	}
	order := map[string]int{"custom-point": 0, "custom-line": 1, "custom-area": 2}
	sort.Slice(custom, func(i, j int) bool {
		a, b := custom[i].key, custom[j].key
		if a.layer != b.layer {
			return r.layerOrder[a.layer] < r.layerOrder[b.layer]
		}
		return order[a.kind] < order[b.kind]
	})
	for _, e := range custom {
		if e.text == "" {
			e.text = e.key.layer
		}
		if perLayer[e.key.layer] > 1 { // "My trip · Line" tells a layer's kinds apart
			e.text += " · " + mapstyle.Kinds[e.key.kind].Label
		}
		out = append(out, e)
	}
	return out
}

// drawLegend lays the entries out bottom left, in as many columns as the
// space below the title block needs, and returns the panel's box for
// labels to avoid. A poster too small for it gets none.
func (r *renderer) drawLegend(title, attribution geo.LabelBox) (geo.LabelBox, bool) {
	entries := r.legendEntries()
	if len(entries) == 0 {
		return geo.LabelBox{}, false
	}
	st := TextStyle{Font: Regular, Size: 11, Color: r.pal.Label}
	W, H := float64(r.d.Width), float64(r.d.Height)
	top := title.Y + title.H/2 + legendMargin
	bottom := H - legendMargin
	perCol := min(legendMaxRow, int((bottom-top-2*legendPad)/legendRow))
	if perCol < 1 {
		return geo.LabelBox{}, false
	}
	cols := (len(entries) + perCol - 1) / perCol
	rows := (len(entries) + cols - 1) / cols
	colW := make([]float64, cols)
	var asc, desc float64
	widths := make([]float64, len(entries))
	for i, e := range entries {
		widths[i], asc, desc = measure(e.text, st)
		colW[i/rows] = math.Max(colW[i/rows], legendSwatch+legendGap+widths[i])
	}
	panel := Panel{X: legendMargin, W: 2*legendPad + float64(cols-1)*legendColGap, H: 2*legendPad + float64(rows)*legendRow,
		Fill: r.pal.Panel, Edge: r.pal.PanelEdge}
	for _, w := range colW {
		panel.W += w
	}
	if panel.X+panel.W > W-legendMargin {
		return geo.LabelBox{}, false
	}
	if attLeft := attribution.X - attribution.W/2; panel.X+panel.W > attLeft {
		bottom = math.Min(bottom, attribution.Y-attribution.H/2-4) // keep the credit readable
	}
	panel.Y = bottom - panel.H
	if panel.Y < top {
		return geo.LabelBox{}, false
	}
	lg := &Legend{Panel: panel}
	x := panel.X + legendPad
	for c := 0; c < cols; c++ {
		for i := c * rows; i < min((c+1)*rows, len(entries)); i++ {
			cy := panel.Y + legendPad + (float64(i-c*rows)+0.5)*legendRow
			r.legendSwatch(lg, entries[i], x, cy)
			tx := x + legendSwatch + legendGap
			r.d.Labels = append(r.d.Labels, Label{Text: entries[i].text, Style: st, Anchor: Start, Baseline: cy - (asc+desc)/2 + asc,
				Box: geo.LabelBox{X: tx + widths[i]/2, Y: cy, W: widths[i], H: asc + desc}})
		}
		x += colW[c] + legendColGap
	}
	r.d.Legend = lg
	return geo.LabelBox{X: panel.X + panel.W/2, Y: panel.Y + panel.H/2, W: panel.W, H: panel.H}, true
}

// legendSwatch draws an entry's sample at (x, cy): its symbol, a short
// line with its casing, or a small outlined square for a reader's area.
func (r *renderer) legendSwatch(lg *Legend, e legendEntry, x, cy float64) {
	st := e.style
	mid := x + legendSwatch/2
	switch {
	case st.radius > 0:
		sym := Symbol{X: mid, Y: cy, Radius: math.Min(st.radius, 5.5), Shape: st.shape, Fill: st.color,
			Edge: r.pal.SymbolEdge, Capital: e.key.kind == "capital"}
		if sym.Capital {
			sym.Dot = r.pal.Casing // as the screen draws it
		}
		lg.Symbols = append(lg.Symbols, sym)
	case e.key.kind == "custom-area":
		sq := []Point{{mid - 5, cy - 5}, {mid + 5, cy - 5}, {mid + 5, cy + 5}, {mid - 5, cy + 5}, {mid - 5, cy - 5}}
		lg.Paths = append(lg.Paths, Path{Rings: [][]Point{sq}, Stroke: st.color, Width: st.width})
	default:
		line := [][]Point{{{x + 1, cy}, {x + legendSwatch - 1, cy}}}
		lg.Paths = append(lg.Paths, Path{Rings: line, Stroke: r.pal.Casing, Width: st.width + 2},
			Path{Rings: line, Stroke: st.color, Width: st.width})
	}
}
