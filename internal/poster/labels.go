package poster

import (
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

// Label sizes and gaps, in CSS pixels, as in wasm/labels.go.
const (
	labelGap     = 5  // free space kept around every label
	minWaterSpan = 60 // how wide a lake must appear to be named
)

// areaLabel is a country or lake name before placement.
type areaLabel struct {
	text   string
	anchor orb.Point // world metres
	span   float64   // world-metre width of the feature
	rank   int       // 0 Central Asia, 1 other countries, 2 water
	style  TextStyle
}

// candidate is one label to place, with a box per place it may go; an
// obstacle (a symbol, the title block) has no text.
type candidate struct {
	text    string
	style   TextStyle
	ascent  float64
	anchors []Anchor // per box
}

// labelPlacer collects candidates in priority order.
type labelPlacer struct {
	boxes [][]geo.LabelBox
	cands []candidate
}

func (p *labelPlacer) obstacle(b geo.LabelBox) {
	p.boxes = append(p.boxes, []geo.LabelBox{b})
	p.cands = append(p.cands, candidate{})
}

func (p *labelPlacer) add(c candidate, boxes ...geo.LabelBox) {
	p.boxes = append(p.boxes, boxes)
	p.cands = append(p.cands, c)
}

// drawLabels places names the way wasm/labels.go does — the title block
// and attribution as obstacles, Central Asia's names, the symbols as
// obstacles, the symbols' names (right, else left, above, below), other
// countries, then lakes wide enough — and adds the kept ones.
func (r *renderer) drawLabels(symbols []placedSymbol, obstacles []geo.LabelBox) {
	var p labelPlacer
	for _, b := range obstacles {
		p.obstacle(b)
	}
	areas := r.areaLabels()
	r.addAreaLabels(&p, areas, 0, symbols)
	for _, s := range symbols {
		d := 2 * s.r
		p.obstacle(geo.LabelBox{X: s.x, Y: s.y, W: d, H: d})
	}
	for _, s := range symbols {
		r.addPointLabel(&p, s)
	}
	r.addAreaLabels(&p, areas, 1, symbols)
	r.addAreaLabels(&p, areas, 2, symbols)
	kept := geo.PlaceCandidates(nil, p.boxes, float64(r.d.Width), float64(r.d.Height), labelGap)
	for _, k := range kept {
		c := p.cands[k.Label]
		if c.text == "" {
			continue
		}
		anchor := Middle
		for j, b := range p.boxes[k.Label] {
			if b == k.Box {
				anchor = c.anchors[j]
			}
		}
		r.d.Labels = append(r.d.Labels, Label{Text: c.text, Box: k.Box, Anchor: anchor, Style: c.style,
			Baseline: k.Box.Y - k.Box.H/2 + c.ascent, Halo: r.pal.Halo})
	}
}

// areaLabels lists the names of visible countries and lakes, Central Asia
// first, then other countries, then lakes, each by size.
func (r *renderer) areaLabels() []areaLabel {
	central := TextStyle{Font: Bold, Size: 14, Color: r.pal.Label}
	neighbour := TextStyle{Font: Regular, Size: 12.5, Color: r.pal.LabelMuted}
	water := TextStyle{Font: Italic, Size: 12, Color: r.pal.LabelWater}
	var out []areaLabel
	for _, it := range r.items {
		if !r.visible[it.layer] || it.f.Name == "" {
			continue
		}
		l := areaLabel{text: it.f.Name, span: it.bound.Right() - it.bound.Left()}
		switch {
		case it.layer == "countries" && it.central:
			l.style, l.text = central, strings.ToUpper(l.text)
		case it.layer == "countries" && it.f.Kind == "country":
			l.style, l.rank = neighbour, 1
		case it.layer == "water":
			l.style, l.rank = water, 2
		default:
			continue
		}
		if ll, ok := it.f.LabelPoint(); ok { // computed by heartland pack
			l.anchor = geo.CentralAsia.Forward(ll)
		} else if mp := geo.AsMultiPolygon(it.world); mp != nil {
			l.anchor = geo.LabelAnchor(mp)
		} else {
			continue
		}
		out = append(out, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank < out[j].rank
		}
		return out[i].span > out[j].span
	})
	return out
}

func (r *renderer) addAreaLabels(p *labelPlacer, areas []areaLabel, rank int, symbols []placedSymbol) {
	scale := r.cam.Scale()
	for _, l := range areas {
		if l.rank != rank || rank == 2 && l.span*scale < minWaterSpan {
			continue
		}
		w, asc, desc := measure(l.text, l.style)
		b := geo.LabelBox{W: w, H: asc + desc}
		b.X, b.Y = r.cam.WorldToScreen(l.anchor)
		if rank == 0 { // a country name may move up or down to clear symbols
			b.Y = geo.ClearOfSymbols(b, symbols, func(s placedSymbol) (float64, float64, float64) { return s.x, s.y, s.r })
		}
		p.add(candidate{text: l.text, style: l.style, ascent: asc, anchors: []Anchor{Middle}}, b)
	}
}

// addPointLabel offers a symbol's name right of it, else left, above or
// below.
func (r *renderer) addPointLabel(p *labelPlacer, s placedSymbol) {
	st := TextStyle{Font: Regular, Size: 11.5, Color: r.pal.Label}
	if s.it.f.Kind == "capital" {
		st = TextStyle{Font: Bold, Size: 12, Color: r.pal.Label}
	}
	name := geo.ShortName(s.it.f.Name)
	if name == "" {
		return
	}
	w, asc, desc := measure(name, st)
	h, off := asc+desc, s.r+labelGap+1
	p.add(candidate{text: name, style: st, ascent: asc, anchors: []Anchor{Start, End, Middle, Middle}},
		geo.LabelBox{X: s.x + off + w/2, Y: s.y, W: w, H: h},
		geo.LabelBox{X: s.x - off - w/2, Y: s.y, W: w, H: h},
		geo.LabelBox{X: s.x, Y: s.y - off - h/2, W: w, H: h},
		geo.LabelBox{X: s.x, Y: s.y + off + h/2, W: w, H: h})
}

// drawTitleBlock adds the title panel (top left: the title, and the
// selection's name if any) and the attribution (bottom right), and returns
// their boxes for labels to avoid.
func (r *renderer) drawTitleBlock(facts assets.Facts) []geo.LabelBox {
	const margin, padX, padY, lineGap = 12, 10, 7, 3
	lines := []struct {
		text  string
		style TextStyle
	}{{r.d.Title, TextStyle{Font: Bold, Size: 20, Color: r.pal.Label}}}
	if name := r.selectedName(facts); name != "" {
		lines = append(lines, struct {
			text  string
			style TextStyle
		}{name, TextStyle{Font: Regular, Size: 13, Color: r.pal.LabelMuted}})
	}
	panel := Panel{X: margin, Y: margin, Fill: r.pal.Panel, Edge: r.pal.PanelEdge}
	y := float64(margin + padY)
	for i, l := range lines {
		w, asc, desc := measure(l.text, l.style)
		if i > 0 {
			y += lineGap
		}
		r.d.Labels = append(r.d.Labels, Label{Text: l.text, Style: l.style, Anchor: Start, Baseline: y + asc,
			Box: geo.LabelBox{X: margin + padX + w/2, Y: y + (asc+desc)/2, W: w, H: asc + desc}})
		y += asc + desc
		panel.W = math.Max(panel.W, w+2*padX)
	}
	panel.H = y + padY - margin
	r.d.Panels = append(r.d.Panels, panel)

	st := TextStyle{Font: Regular, Size: 10.5, Color: r.pal.LabelMuted}
	w, asc, desc := measure(Attribution, st)
	W, H := float64(r.d.Width), float64(r.d.Height)
	att := geo.LabelBox{X: W - 8 - w/2, Y: H - 5 - (asc+desc)/2, W: w, H: asc + desc}
	r.d.Labels = append(r.d.Labels, Label{Text: Attribution, Style: st, Anchor: End, Box: att,
		Baseline: att.Y - att.H/2 + asc, Halo: r.pal.Halo})
	return []geo.LabelBox{{X: panel.X + panel.W/2, Y: panel.Y + panel.H/2, W: panel.W, H: panel.H}, att}
}

// selectedName names the selection for the title block: a country by its
// facts (with its capital), else the feature's own name.
func (r *renderer) selectedName(facts assets.Facts) string {
	if r.selected == "" {
		return ""
	}
	if c, ok := facts.Countries[r.selected]; ok {
		if c.Capital != nil && c.Capital.Text != "" {
			return c.Name + " · capital " + c.Capital.Text
		}
		return c.Name
	}
	if it := r.byID[r.selected]; it != nil {
		return it.f.Name
	}
	return ""
}
