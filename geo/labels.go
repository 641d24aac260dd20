package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// LabelAnchor returns the point of a world-metre multipolygon where a label
// sits best: the interior point of its largest polygon farthest from any
// edge (an approximate pole of inaccessibility), found by a coarse grid
// search refined three times around the best cell.
func LabelAnchor(mp orb.MultiPolygon) orb.Point {
	var best orb.Polygon
	bestArea := -1.0
	for _, p := range mp {
		if a := math.Abs(planar.Area(p)); a > bestArea {
			best, bestArea = p, a
		}
	}
	if best == nil {
		return orb.Point{}
	}
	b := best.Bound()
	center, radius := b.Center(), math.Max(b.Right()-b.Left(), b.Top()-b.Bottom())/2
	bestPt, bestD := planar.CentroidArea(best)
	bestD = edgeDistance(best, bestPt)
	for round := 0; round < 4; round++ {
		const n = 16
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				p := orb.Point{center[0] - radius + 2*radius*float64(i)/n, center[1] - radius + 2*radius*float64(j)/n}
				if d := edgeDistance(best, p); d > bestD {
					bestPt, bestD = p, d
				}
			}
		}
		center, radius = bestPt, radius/4
	}
	return bestPt
}

// edgeDistance is the distance from p to the polygon's boundary, or -1 when
// p lies outside.
func edgeDistance(p orb.Polygon, pt orb.Point) float64 {
	if !planar.PolygonContains(p, pt) {
		return -1
	}
	d := math.Inf(1)
	for _, r := range p {
		d = math.Min(d, planar.DistanceFrom(orb.LineString(r), pt))
	}
	return d
}

// LabelBox is a label's rectangle in screen pixels: its centre and size.
type LabelBox struct {
	X, Y, W, H float64
}

func (a LabelBox) overlaps(b LabelBox, gap float64) bool {
	return math.Abs(a.X-b.X)*2 < a.W+b.W+2*gap && math.Abs(a.Y-b.Y)*2 < a.H+b.H+2*gap
}

// PlaceLabels chooses which labels to show: boxes are taken in order (most
// important first) and kept when they lie inside the width×height viewport
// and overlap no kept box by less than gap pixels. It appends the kept
// indexes to dst and returns it, so the frame loop can reuse the slice.
func PlaceLabels(dst []int, boxes []LabelBox, width, height, gap float64) []int {
	for i, b := range boxes {
		if b.X-b.W/2 < 0 || b.Y-b.H/2 < 0 || b.X+b.W/2 > width || b.Y+b.H/2 > height {
			continue
		}
		free := true
		for _, k := range dst {
			if b.overlaps(boxes[k], gap) {
				free = false
				break
			}
		}
		if free {
			dst = append(dst, i)
		}
	}
	return dst
}

// AddLabelPoints stores in the "label" property of every polygonal feature
// the [lon, lat] degrees of its LabelAnchor under projection p. The search is
// too slow to run in the browser at start-up, so the packer runs it once.
func AddLabelPoints(features []Feature, p Albers) {
	for i := range features {
		f := &features[i]
		mp := AsMultiPolygon(f.Geometry)
		if mp == nil {
			continue
		}
		ll := p.Inverse(LabelAnchor(ToWorld(p, mp).(orb.MultiPolygon)))
		if f.Props == nil {
			f.Props = map[string]any{}
		}
		f.Props["label"] = []any{math.Round(ll[0]*1e4) / 1e4, math.Round(ll[1]*1e4) / 1e4}
	}
}

// LabelPoint returns the feature's "label" property as [lon, lat] degrees.
func (f Feature) LabelPoint() (orb.Point, bool) {
	l, ok := f.Props["label"].([]any)
	if !ok || len(l) != 2 {
		return orb.Point{}, false
	}
	lon, ok1 := l[0].(float64)
	lat, ok2 := l[1].(float64)
	return orb.Point{lon, lat}, ok1 && ok2 && checkPoints(lon, lat) == nil
}

// PlaceCandidates is PlaceLabels for labels that may sit in several places
// (right of a symbol, else left, above, below): for each label, in order, it
// keeps the first of its boxes that lies in the viewport and clears every
// box kept so far by gap pixels. It appends to dst one entry per kept label:
// the label's index and the box chosen.
func PlaceCandidates(dst []Placed, labels [][]LabelBox, width, height, gap float64) []Placed {
	for i, boxes := range labels {
	next:
		for _, b := range boxes {
			if b.X-b.W/2 < 0 || b.Y-b.H/2 < 0 || b.X+b.W/2 > width || b.Y+b.H/2 > height {
				continue
			}
			for _, k := range dst {
				if b.overlaps(k.Box, gap) {
					continue next
				}
			}
			dst = append(dst, Placed{Label: i, Box: b})
			break
		}
	}
	return dst
}

// Placed is a label kept by PlaceCandidates and where it goes.
type Placed struct {
	Label int
	Box   LabelBox
}
