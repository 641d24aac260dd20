package placement

import (
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Area is a feature that may be named at its label anchor: a country or a
// lake.
type Area struct {
	Ref     int       // the caller's index of the feature, returned as is
	Layer   string    // layer id; named only while it is visible
	Kind    string    // feature kind ("country", "territory", …)
	Name    string    // the feature's name; an area without one is not named
	Central bool      // one of the five Central Asian countries
	Anchor  orb.Point // where the name sits, world metres (geo.LabelAnchor)
	Span    float64   // width of the feature's bound, world metres
	// World, the feature's geometry in world metres, lets a country whose
	// anchor is off screen be named inside the part of it in view.
	World orb.Geometry
}

// Measure returns the width and height, in CSS pixels, of a text written
// in a style at its size. The live map measures with the browser's canvas,
// the poster with its font metrics.
type Measure func(text string, st Style) (width, height float64)

// Label is a name placed on screen.
type Label struct {
	Text  string       // as written (capitals for CentralName)
	Style Style        //
	Box   geo.LabelBox // CSS pixels, emphasis included
	Side  Side         // where it sits: OnAnchor for an area, else beside its symbol
	Ref   int          // the Ref of the Area or Point it names
}

// NamesArea reports whether the label names an Area; otherwise it names a
// symbol's Point.
func (l Label) NamesArea() bool { return l.Side == OnAnchor }

// Side is where a label sits relative to what it names.
type Side uint8

const (
	OnAnchor Side = iota // centred on an area's anchor
	Right                // right of a symbol, its text starting there
	Left                 // left of a symbol, its text ending there
	Above
	Below
)

// Gaps and limits, in CSS pixels.
const (
	LabelGap     = 5  // free space kept around every label
	MinWaterSpan = 60 // how wide a lake must appear to be named
)

// Named reports whether the area gets a name, so a caller can skip
// finding the anchors of those that do not.
func (a Area) Named() bool {
	_, _, ok := a.style()
	return ok
}

// style returns the style and rank of the area's name, or false when it
// gets none.
func (a Area) style() (Style, int, bool) {
	switch {
	case a.Name == "":
		return 0, 0, false
	case a.Layer == "countries" && a.Central:
		return CentralName, rankCentral, true
	case a.Layer == "countries" && a.Kind == "country":
		return NeighbourName, rankNeighbour, true
	case a.Layer == "water":
		return WaterName, rankWater, true
	}
	return 0, 0, false
}

// rank orders the areas' names: Central Asia, then other countries, then water.
const (
	rankCentral = iota
	rankNeighbour
	rankWater
)

// areaName is an area that gets a name, measured on first use.
type areaName struct {
	Area
	text          string
	style         Style
	rank          int
	width, height float64          // 0 until measured
	shape         orb.MultiPolygon // World simplified (areaShape), on first use
}

// textKey names a measured text.
type textKey struct {
	text  string
	style Style
}

// Labels places the names of one map's areas and symbols, frame after
// frame. Texts are measured once; buffers are reused, so a frame allocates
// nothing once every name shown has been measured.
type Labels struct {
	measure Measure
	areas   []areaName
	sizes   map[textKey][2]float64 // symbols' names measured

	boxes  [][]geo.LabelBox // this frame's candidates, in priority order, slices of flat
	flat   []geo.LabelBox
	labels []Label // per candidate: the label, or Text "" for an obstacle
	kept   []geo.Placed
	out    []Label
}

// NewLabels chooses which areas get names and in which style — the
// Central Asian countries in bold capitals, other countries muted, named
// lakes in italic — and orders them: Central Asia, other countries, then
// water, each widest first.
func NewLabels(areas []Area, measure Measure) *Labels {
	l := &Labels{measure: measure, sizes: map[textKey][2]float64{}}
	for _, a := range areas {
		st, rank, ok := a.style()
		if !ok {
			continue
		}
		n := areaName{Area: a, text: a.Name, style: st, rank: rank}
		if st.Upper() {
			n.text = strings.ToUpper(n.text)
		}
		l.areas = append(l.areas, n)
	}
	slices.SortStableFunc(l.areas, func(a, b areaName) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		switch {
		case a.Span > b.Span:
			return -1
		case a.Span < b.Span:
			return 1
		}
		return 0
	})
	return l
}

// Place places the names of a view and returns them; the slice is reused
// by the next call. Obstacles (the page's buttons, a poster's title block)
// are kept clear first; then Central Asia's names, each moved up or down
// if that clears the symbols; the symbols themselves; the symbols' names,
// right of each symbol, else left, above or below; other countries; and
// the lakes that appear at least MinWaterSpan wide. Every label lies
// inside the viewport and clears every earlier one by LabelGap; one that
// cannot is left out. Nothing is placed while the "labels" layer is hidden.
func (l *Labels) Place(v View, symbols []Symbol, obstacles []geo.LabelBox) []Label {
	l.out = l.out[:0]
	if !v.Visible("labels") {
		return l.out
	}
	l.boxes, l.flat, l.labels = l.boxes[:0], l.flat[:0], l.labels[:0]
	for _, b := range obstacles {
		l.add(Label{}, b)
	}
	l.addAreas(v, rankCentral, symbols)
	for _, s := range symbols {
		d := 2 * s.R
		l.add(Label{}, geo.LabelBox{X: s.X, Y: s.Y, W: d, H: d})
	}
	for _, s := range symbols {
		l.addSymbolName(v, s)
	}
	l.addAreas(v, rankNeighbour, symbols)
	l.addAreas(v, rankWater, symbols)
	w, h, _ := v.Camera.Viewport()
	l.kept = geo.PlaceCandidates(l.kept[:0], l.boxes, w, h, LabelGap)
	for _, k := range l.kept {
		lb := l.labels[k.Label]
		if lb.Text == "" {
			continue // an obstacle
		}
		lb.Box = k.Box
		if !lb.NamesArea() {
			lb.Side = Right + Side(slices.Index(l.boxes[k.Label], k.Box))
		}
		l.out = append(l.out, lb)
	}
	return l.out
}

// add offers a label at the first of boxes that is free; a label without
// text is an obstacle.
func (l *Labels) add(lb Label, boxes ...geo.LabelBox) {
	// Copied into flat, so the argument does not escape. When flat grows,
	// earlier candidates keep the old array, which nothing writes again.
	n := len(l.flat)
	l.flat = append(l.flat, boxes...)
	l.boxes = append(l.boxes, l.flat[n:len(l.flat):len(l.flat)])
	l.labels = append(l.labels, lb)
}

// addAreas offers the names of one rank's visible areas.
func (l *Labels) addAreas(v View, rank int, symbols []Symbol) {
	scale, k := v.Camera.Scale(), v.emphasis()
	for i := range l.areas {
		a := &l.areas[i]
		if a.rank != rank || !v.Visible(a.Layer) || rank == rankWater && a.Span*scale < MinWaterSpan {
			continue
		}
		if a.width == 0 {
			a.width, a.height = l.measure(a.text, a.style)
		}
		b := geo.LabelBox{W: a.width * k, H: a.height * k}
		b.X, b.Y = v.Camera.WorldToScreen(a.Anchor)
		if rank == rankCentral { // a country's name may move up or down to clear symbols
			b.Y = clearOfSymbols(b, symbols)
		}
		lb := Label{Text: a.text, Style: a.style, Side: OnAnchor, Ref: a.Ref}
		if inView(b, v.Camera) || a.World == nil || a.rank == rankWater {
			l.add(lb, b)
			continue
		}
		if a.shape == nil {
			a.shape = areaShape(a.World)
		}
		if spot, ok := visibleBox(a.shape, b, v.Camera); ok {
			l.add(lb, spot)
		}
	}
}

// inView reports whether a box lies wholly on the camera's screen.
func inView(b geo.LabelBox, cam *geo.Camera) bool {
	w, h, _ := cam.Viewport()
	return b.X-b.W/2 >= 0 && b.Y-b.H/2 >= 0 && b.X+b.W/2 <= w && b.Y+b.H/2 <= h
}

// visibleBox moves a name's box to the roomiest point of the shape's part
// in view, if the name's height fits there.
func visibleBox(shape orb.MultiPolygon, b geo.LabelBox, cam *geo.Camera) (geo.LabelBox, bool) {
	w, h, _ := cam.Viewport()
	view := orb.MultiPoint{cam.ScreenToWorld(0, 0), cam.ScreenToWorld(w, h)}.Bound()
	p, room, ok := visibleSpot(shape, view)
	if !ok || room*cam.Scale() < b.H/2+LabelGap {
		return b, false
	}
	b.X, b.Y = cam.WorldToScreen(p)
	return b, true
}

// addSymbolName offers a symbol's short name right of it, else left, above
// or below.
func (l *Labels) addSymbolName(v View, s Symbol) {
	name := ShortName(s.Name)
	if name == "" {
		return
	}
	st := PointName
	if s.Capital {
		st = CapitalName
	}
	key := textKey{name, st}
	size, ok := l.sizes[key]
	if !ok {
		size[0], size[1] = l.measure(name, st)
		l.sizes[key] = size
	}
	k := v.emphasis()
	w, h := size[0]*k, size[1]*k
	off := s.R + LabelGap + 1
	l.add(Label{Text: name, Style: st, Side: Right, Ref: s.Ref},
		geo.LabelBox{X: s.X + off + w/2, Y: s.Y, W: w, H: h},
		geo.LabelBox{X: s.X - off - w/2, Y: s.Y, W: w, H: h},
		geo.LabelBox{X: s.X, Y: s.Y - off - h/2, W: w, H: h},
		geo.LabelBox{X: s.X, Y: s.Y + off + h/2, W: w, H: h})
}

// ButtonColumn is the strip at the right edge of a width×height map (CSS
// pixels) where the live map's zoom and tool buttons stand (web/style.css
// .controls): names there would be cut by them, so the map passes it to
// Place as an obstacle. A poster has no buttons.
func ButtonColumn(width, height float64) geo.LabelBox {
	const strip = 56
	return geo.LabelBox{X: width - strip/2, Y: height / 2, W: strip, H: height}
}
