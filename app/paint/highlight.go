package paint

import (
	"image/color"
	"strconv"

	"github.com/paulmach/orb"

	"heartland/app/scene"
	"heartland/app/views"
	"heartland/geo"
	"heartland/mapstyle"
)

// The highlight is SVG above the canvas: the browser paints it with the
// event that changed it, where a new WebGL map image would cost hundreds of
// milliseconds on software WebGL. Its paths are in world metres, y up; one
// group transform (HighlightTransform) maps them to the drawn view.

// Highlight paths, in the order the SVG stacks them.
const (
	HoverArea = iota
	SelectedArea
	HoverCasing
	HoverStroke
	SelectedCasing
	SelectedStroke
	HighlightPaths // how many
)

// Highlight returns the attributes of each highlight path (HoverArea …
// SelectedStroke) for hover and selected ("" for none) at a level, in
// palette p with line widths grown by emphasis. A country is filled and
// the selected one outlined; a line is drawn wider over a casing. An empty
// path has only its "d". spotlit: presenter mode's spotlight marks the
// selected area instead.
func Highlight(s *scene.Scene, hover, selected string, spotlit bool, level int, p mapstyle.Palette, emphasis float64) [HighlightPaths][]views.Attr {
	var out [HighlightPaths][]views.Attr
	if hover == selected {
		hover = ""
	}
	hoverFill := p.HoverMuted
	if it := s.Item(hover); it != nil && it.Central {
		hoverFill = p.Hover
	}
	out[HoverArea] = areaPath(s, hover, level, attrs("fill", hex(hoverFill), "fill-opacity", "0.60", "fill-rule", "evenodd", "stroke", "none"))
	sel := selected
	if spotlit {
		sel = ""
	}
	width := strconv.FormatFloat(2.5*emphasis, 'f', 1, 64)
	out[SelectedArea] = areaPath(s, sel, level, attrs("fill", hex(p.Selected), "fill-opacity", "0.45", "fill-rule", "evenodd",
		"stroke", hex(p.Outline), "stroke-width", width))
	out[HoverCasing], out[HoverStroke] = linePaths(s, hover, level, p, emphasis)
	out[SelectedCasing], out[SelectedStroke] = linePaths(s, selected, level, p, emphasis)
	return out
}

// areaPath is the country id's outline at the level with style, or an
// empty path.
func areaPath(s *scene.Scene, id string, level int, style []views.Attr) []views.Attr {
	it := s.Item(id)
	if it == nil || it.Layer != "countries" || !s.Visible(it.Layer) {
		return attrs("d", "")
	}
	var d []byte
	for _, poly := range geo.AsMultiPolygon(geo.SimplifyWorld(it.World, level)) {
		for _, ring := range poly {
			d = appendPath(d, orb.LineString(ring), true)
		}
	}
	if d == nil {
		return attrs("d", "")
	}
	return append(style, views.Attr{Name: "d", Value: string(d)})
}

// linePaths are a thematic or reader's line's course, drawn wider over an
// outline-coloured casing, or two empty paths.
func linePaths(s *scene.Scene, id string, level int, p mapstyle.Palette, emphasis float64) (casing, stroke []views.Attr) {
	it := s.Item(id)
	var lines orb.MultiLineString
	if it != nil && it.Layer != "countries" && s.Visible(it.Layer) {
		switch l := geo.SimplifyWorld(it.World, level).(type) {
		case orb.LineString:
			lines = orb.MultiLineString{l}
		case orb.MultiLineString:
			lines = l
		}
	}
	var d []byte
	for _, l := range lines {
		d = appendPath(d, l, false)
	}
	if len(d) == 0 {
		return attrs("d", ""), attrs("d", "")
	}
	w := mapstyle.Kinds[it.Feature.Kind].Width * emphasis
	casing = attrs("d", string(d), "fill", "none", "stroke", hex(p.Outline), "stroke-width", strconv.FormatFloat(w+3, 'f', 1, 64))
	stroke = attrs("d", string(d), "fill", "none", "stroke", views.HexColor(ItemColor(it, p)), "stroke-width", strconv.FormatFloat(w+1, 'f', 1, 64))
	return casing, stroke
}

// appendPath appends an SVG path of a line or ring in world metres, y up
// (the group's transform flips it), to whole metres.
func appendPath(d []byte, l orb.LineString, closed bool) []byte {
	for i, p := range l {
		if i == 0 {
			d = append(d, 'M')
		} else {
			d = append(d, 'L')
		}
		d = strconv.AppendFloat(d, p[0], 'f', 0, 64)
		d = append(d, ' ')
		d = strconv.AppendFloat(d, p[1], 'f', 0, 64)
	}
	if closed && len(l) > 0 {
		d = append(d, 'Z')
	}
	return d
}

// HighlightTransform is the SVG transform that maps the paths' world metres
// to CSS pixels of a view drawn with the device transform x' = a*x + tx,
// y' = -a*y + ty at dpr device pixels per CSS pixel.
func HighlightTransform(a, tx, ty, dpr float64) string {
	k := a / dpr
	return "matrix(" + strconv.FormatFloat(k, 'g', 9, 64) + " 0 0 " + strconv.FormatFloat(-k, 'g', 9, 64) + " " +
		strconv.FormatFloat(tx/dpr, 'f', 2, 64) + " " + strconv.FormatFloat(ty/dpr, 'f', 2, 64) + ")"
}

// attrs pairs names and values.
func attrs(nv ...string) []views.Attr {
	out := make([]views.Attr, 0, len(nv)/2+1)
	for i := 0; i+1 < len(nv); i += 2 {
		out = append(out, views.Attr{Name: nv[i], Value: nv[i+1]})
	}
	return out
}

func hex(c color.NRGBA) string { return views.HexColor(RGBA(c)) }

// HighlightFrame is the highlight's SVG, empty: fixed over the whole
// page, above the canvas and ignoring the pointer, with a group (g) that
// holds the HighlightPaths paths in stacking order, each stroked at a width
// in CSS pixels whatever the group's scale.
func HighlightFrame() views.Node {
	g := views.El("g", "", "")
	for range HighlightPaths {
		g.Kids = append(g.Kids, views.Node{Tag: "path", Attrs: attrs("vector-effect", "non-scaling-stroke", "stroke-linejoin", "round", "stroke-linecap", "round")})
	}
	return views.Node{Tag: "svg", Class: "highlight", Kids: []views.Node{g}, Attrs: attrs("id", "highlight", "aria-hidden", "true",
		"style", "position: fixed; left: 0; top: 0; width: 100%; height: 100%; pointer-events: none; overflow: hidden; transform-origin: 0 0")}
}
