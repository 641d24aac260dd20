package poster

import (
	"image/color"
	"math"

	"heartland/assets"
	"heartland/geo"
	"heartland/placement"
)

// drawLabels places names with the live map's policy (placement.Labels):
// the title block, attribution and legend as obstacles, Central Asia's
// names, the symbols as obstacles, the symbols' names (right, else left,
// above, below), other countries, then lakes wide enough. It adds the kept
// ones.
func (r *renderer) drawLabels(symbols []placement.Symbol, obstacles []geo.LabelBox) {
	measureLabel := func(text string, st placement.Style) (w, h float64) {
		w, asc, desc := measure(text, r.textStyle(st))
		return w, asc + desc
	}
	labels := placement.NewLabels(r.areas(), measureLabel)
	for _, l := range labels.Place(r.view(), symbols, obstacles) {
		st := r.textStyle(l.Style)
		_, asc, _ := measure(l.Text, st)
		r.d.Labels = append(r.d.Labels, Label{Text: l.Text, Box: l.Box, Anchor: sideAnchor[l.Side], Style: st,
			Baseline: l.Box.Y - l.Box.H/2 + asc, Halo: r.pal.Halo})
	}
}

// sideAnchor hangs a symbol's name from the edge next to the symbol.
var sideAnchor = [...]Anchor{placement.OnAnchor: Middle, placement.Right: Start, placement.Left: End,
	placement.Above: Middle, placement.Below: Middle}

// textStyle is a placement style in the poster's fonts and palette.
func (r *renderer) textStyle(st placement.Style) TextStyle {
	fonts := [...]Font{placement.Regular: Regular, placement.Bold: Bold, placement.Italic: Italic}
	inks := [...]color.NRGBA{placement.InkLabel: r.pal.Label, placement.InkLabelMuted: r.pal.LabelMuted,
		placement.InkLabelWater: r.pal.LabelWater}
	return TextStyle{Font: fonts[st.Font()], Size: st.Size(), Color: inks[st.Ink()]}
}

// areas lists the features placement may name, with their label anchors.
func (r *renderer) areas() []placement.Area {
	var out []placement.Area
	for i, it := range r.items {
		a := placement.Area{Ref: i, Layer: it.layer, Kind: it.f.Kind, Name: it.f.Name, Central: it.central,
			Span: it.bound.Right() - it.bound.Left(), World: it.world}
		if !a.Named() {
			continue
		}
		if ll, ok := it.f.LabelPoint(); ok { // computed by heartland pack
			a.Anchor = geo.CentralAsia.Forward(ll)
		} else if mp := geo.AsMultiPolygon(it.world); mp != nil {
			a.Anchor = geo.LabelAnchor(mp)
		} else {
			continue
		}
		out = append(out, a)
	}
	return out
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
