package app

import (
	"fmt"
	"math"
)

// Snapshot is the view the canvas was last drawn at, as the camera's
// world-to-device transform x' = A*x + TX, y' = -A*y + TY. While the view
// moves, the compositor shows this picture scaled and moved to the new view
// (Page.MoveCanvas) instead of drawing it anew.
type Snapshot struct {
	A, TX, TY float64
}

// Band limits how far a snapshot may stand in for the view: scaled up past
// MaxScale it blurs, scaled down past MinScale or moved so that more than
// MaxUncovered of the map is bare, it shows too little.
type Band struct {
	MinScale, MaxScale float64
	MaxUncovered       float64 // share of the map's area, 0..1
}

// DefaultBand was chosen on software WebGL, where a new picture costs
// 100–400 ms: a wheel zoom of five levels redraws about six times.
var DefaultBand = Band{MinScale: 0.6, MaxScale: 3, MaxUncovered: 0.3}

// TransformTo returns the CSS transform (scale k about the top-left corner,
// then a move by dx, dy CSS pixels) that shows the snapshot at the view
// whose transform is a, tx, ty (device pixels); dpr is device pixels per
// CSS pixel.
func (s Snapshot) TransformTo(a, tx, ty, dpr float64) (k, dx, dy float64) {
	k = a / s.A
	return k, (tx - k*s.TX) / dpr, (ty - k*s.TY) / dpr
}

// Uncovered returns the share of a w×h map (CSS pixels) the transformed
// snapshot leaves bare.
func Uncovered(k, dx, dy, w, h float64) float64 {
	if w <= 0 || h <= 0 {
		return 0
	}
	ox := math.Max(0, math.Min(w, dx+k*w)-math.Max(0, dx))
	oy := math.Max(0, math.Min(h, dy+k*h)-math.Max(0, dy))
	return 1 - (ox*oy)/(w*h)
}

// Holds reports whether the snapshot transformed by k, dx, dy can stand in
// for a w×h map.
func (b Band) Holds(k, dx, dy, w, h float64) bool {
	if !(k >= b.MinScale && k <= b.MaxScale) { // also false for NaN
		return false
	}
	return Uncovered(k, dx, dy, w, h) <= b.MaxUncovered
}

// CanvasTransform is the CSS transform that moves the last picture for
// Page.MoveCanvas(k, dx, dy): "" for none.
func CanvasTransform(k, dx, dy float64) string {
	if k == 1 && dx == 0 && dy == 0 {
		return ""
	}
	return fmt.Sprintf("translate(%.2fpx,%.2fpx) scale(%.5f)", dx, dy, k)
}
