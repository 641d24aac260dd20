//go:build js

package main

import (
	"strconv"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// highlighter draws the hovered and selected areas and lines as SVG above
// the canvas. The browser paints them with the event that changed them: a
// new WebGL map image for a highlight costs hundreds of milliseconds on
// software WebGL and would hold up the next click. Paths are in world
// metres at the simplification level of the last drawn view; one group
// transform maps them to that view, and during a gesture the SVG moves
// with the canvas (shell.MoveCanvas).
type highlighter struct {
	svg, group             js.Value
	hover, selected        js.Value // area fills
	lineCasing, lineStroke [2]js.Value
	ids                    [2]string // hover, selected shown now
	level                  int
	transform              string
}

func newHighlighter(doc js.Value) *highlighter {
	const ns = "http://www.w3.org/2000/svg"
	el := func(tag string) js.Value { return doc.Call("createElementNS", ns, tag) }
	h := &highlighter{svg: el("svg"), group: el("g"), hover: el("path"), selected: el("path"), level: -1}
	h.svg.Set("id", "highlight")
	h.svg.Call("setAttribute", "aria-hidden", "true")
	h.svg.Call("setAttribute", "class", "highlight")
	st := h.svg.Get("style")
	for k, v := range map[string]string{"position": "fixed", "left": "0", "top": "0", "width": "100%", "height": "100%",
		"pointerEvents": "none", "overflow": "hidden", "transformOrigin": "0 0"} {
		st.Set(k, v)
	}
	h.group.Call("append", h.hover, h.selected)
	for i := range h.lineCasing {
		h.lineCasing[i], h.lineStroke[i] = el("path"), el("path")
		h.group.Call("append", h.lineCasing[i], h.lineStroke[i])
	}
	for _, p := range []js.Value{h.hover, h.selected, h.lineCasing[0], h.lineStroke[0], h.lineCasing[1], h.lineStroke[1]} {
		p.Call("setAttribute", "vector-effect", "non-scaling-stroke")
		p.Call("setAttribute", "stroke-linejoin", "round")
		p.Call("setAttribute", "stroke-linecap", "round")
	}
	h.svg.Call("append", h.group)
	// Right after the canvas: above the map, below every control and panel.
	canvas := doc.Call("querySelector", "canvas")
	canvas.Call("after", h.svg)
	return h
}

// showHighlight draws the highlight of hover and selected ("" for none)
// for the last drawn view.
func (g *Game) showHighlight(hover, selected string) {
	h := g.hl
	if h == nil {
		return
	}
	h.ids = [2]string{hover, selected}
	level := geo.LevelFor(g.cam.Zoom())
	if h.level >= 0 {
		level = h.level // the paths stay at the drawn view's level until it is drawn again
	}
	spot := g.spotlit() // presenter mode marks the selection with its spotlight
	if hover == selected {
		hover = ""
	}
	g.areaPath(h.hover, hover, level, func(it *item) (string, float64, string) {
		if it.Central {
			return hexColor(colorHover), 0.6, ""
		}
		return hexColor(colorHoverMuted), 0.6, ""
	})
	sel := selected
	if spot != "" {
		sel = ""
	}
	g.areaPath(h.selected, sel, level, func(*item) (string, float64, string) {
		return hexColor(colorSelected), 0.45, hexColor(colorOutline)
	})
	for i, id := range []string{hover, selected} {
		g.linePath(h.lineCasing[i], h.lineStroke[i], id, level)
	}
}

// areaPath sets p to the country id's outline at the level, or empties it.
func (g *Game) areaPath(p js.Value, id string, level int, style func(*item) (fill string, opacity float64, stroke string)) {
	it := g.scene.Item(id)
	var mp orb.MultiPolygon
	if it != nil && it.Layer == "countries" && g.scene.Visible(it.Layer) {
		mp = geo.AsMultiPolygon(geo.SimplifyWorld(it.World, level))
	}
	if mp == nil {
		p.Call("setAttribute", "d", "")
		return
	}
	fill, opacity, stroke := style(it)
	p.Call("setAttribute", "fill", fill)
	p.Call("setAttribute", "fill-opacity", strconv.FormatFloat(opacity, 'f', 2, 64))
	p.Call("setAttribute", "fill-rule", "evenodd")
	if stroke != "" {
		p.Call("setAttribute", "stroke", stroke)
		p.Call("setAttribute", "stroke-width", strconv.FormatFloat(2.5*g.m.Emphasis(), 'f', 1, 64))
	} else {
		p.Call("setAttribute", "stroke", "none")
	}
	var d []byte
	for _, poly := range mp {
		for _, ring := range poly {
			d = appendPath(d, orb.LineString(ring), true)
		}
	}
	p.Call("setAttribute", "d", string(d))
}

// linePath sets casing and stroke to a thematic line's course, drawn wider
// and outlined, or empties them.
func (g *Game) linePath(casing, stroke js.Value, id string, level int) {
	it := g.scene.Item(id)
	var lines orb.MultiLineString
	if it != nil && it.Layer != "countries" && g.scene.Visible(it.Layer) {
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
	casing.Call("setAttribute", "d", string(d))
	stroke.Call("setAttribute", "d", string(d))
	if len(d) == 0 {
		return
	}
	st := styleOf(it)
	w := st.width * g.m.Emphasis()
	casing.Call("setAttribute", "fill", "none")
	casing.Call("setAttribute", "stroke", hexColor(colorOutline))
	casing.Call("setAttribute", "stroke-width", strconv.FormatFloat(w+3, 'f', 1, 64))
	stroke.Call("setAttribute", "fill", "none")
	stroke.Call("setAttribute", "stroke", hexColor(st.color))
	stroke.Call("setAttribute", "stroke-width", strconv.FormatFloat(w+1, 'f', 1, 64))
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

// followHighlight maps the highlight to the view just drawn, and redraws
// its paths when that view is at another simplification level.
func (g *Game) followHighlight() {
	h := g.hl
	if h == nil {
		return
	}
	a, tx, ty := g.cam.Affine()
	k := a / g.dpr
	t := "matrix(" + strconv.FormatFloat(k, 'g', 9, 64) + " 0 0 " + strconv.FormatFloat(-k, 'g', 9, 64) + " " +
		strconv.FormatFloat(tx/g.dpr, 'f', 2, 64) + " " + strconv.FormatFloat(ty/g.dpr, 'f', 2, 64) + ")"
	if t != h.transform {
		h.transform = t
		h.group.Call("setAttribute", "transform", t)
	}
	if level := geo.LevelFor(g.cam.Zoom()); level != h.level {
		h.level = level
		g.showHighlight(h.ids[0], h.ids[1])
	}
}
