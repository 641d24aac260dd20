package app

import "math"

// Pointer is one pointer event: mouse, pen or touch, in CSS pixels of the
// map element.
type Pointer struct {
	ID    int
	X, Y  float64
	Mouse bool // a mouse, which can hover; touch and pen cannot
}

// GestureKind says what a pointer event means for the map.
type GestureKind int

const (
	GestureNone  GestureKind = iota
	GestureHover             // a mouse moved with no button down, at X, Y
	GesturePan               // move by DX, DY; a pinch also zooms by Zoom levels about X, Y
	GestureClick             // a press and release without a drag, at X, Y
	GestureEnd               // the last pointer of a drag or pinch was lifted
)

// Gesture is the meaning of one pointer event.
type Gesture struct {
	Kind   GestureKind
	X, Y   float64 // CSS pixels
	DX, DY float64 // CSS pixels
	Zoom   float64 // zoom levels
}

// dragThreshold is how far, in CSS pixels, a pressed pointer must move
// before the press is a drag rather than a click.
const dragThreshold = 4

// Gestures turns pointer events into pans, pinches and clicks. A press and
// release with no movement between them is a click however short the press,
// so a click is never lost to a fast release.
type Gestures struct {
	down    map[int][2]float64 // pointers pressed, CSS pixels
	start   [2]float64         // where the first pointer went down
	dragged bool               // the press became a drag or pinch
	pinch   float64            // distance between two pointers at the last move
}

// Active reports whether a pointer is pressed.
func (g *Gestures) Active() bool { return len(g.down) > 0 }

// Down records a press.
func (g *Gestures) Down(p Pointer) Gesture {
	if g.down == nil {
		g.down = map[int][2]float64{}
	}
	g.down[p.ID] = [2]float64{p.X, p.Y}
	if len(g.down) == 1 {
		g.start, g.dragged = [2]float64{p.X, p.Y}, false
	}
	g.pinch = 0
	return Gesture{}
}

// Move follows a pointer: a hover when nothing is pressed, else a pan, or
// a pinch with two pointers.
func (g *Gestures) Move(p Pointer) Gesture {
	prev, down := g.down[p.ID]
	if !down {
		if p.Mouse && len(g.down) == 0 {
			return Gesture{Kind: GestureHover, X: p.X, Y: p.Y}
		}
		return Gesture{}
	}
	g.down[p.ID] = [2]float64{p.X, p.Y}
	switch len(g.down) {
	case 1:
		if !g.dragged && math.Hypot(p.X-g.start[0], p.Y-g.start[1]) > dragThreshold {
			g.dragged = true
			// The first move of a drag carries the way from the press.
			return Gesture{Kind: GesturePan, DX: p.X - g.start[0], DY: p.Y - g.start[1]}
		}
		if g.dragged {
			return Gesture{Kind: GesturePan, DX: p.X - prev[0], DY: p.Y - prev[1]}
		}
		return Gesture{}
	case 2:
		g.dragged = true
		var pts [2][2]float64
		i := 0
		for _, q := range g.down {
			pts[i] = q
			i++
		}
		d := math.Hypot(pts[0][0]-pts[1][0], pts[0][1]-pts[1][1])
		out := Gesture{Kind: GesturePan, X: (pts[0][0] + pts[1][0]) / 2, Y: (pts[0][1] + pts[1][1]) / 2,
			// The moving finger shifts the midpoint by half its own motion.
			DX: (p.X - prev[0]) / 2, DY: (p.Y - prev[1]) / 2}
		if g.pinch > 0 && d > 0 {
			out.Zoom = math.Log2(d / g.pinch)
		}
		g.pinch = d
		return out
	}
	return Gesture{}
}

// Up releases a pointer: a click if it was the only one and never dragged.
func (g *Gestures) Up(p Pointer) Gesture {
	return g.release(p, true)
}

// Cancel releases a pointer the browser took away (a scroll, a system
// gesture): never a click.
func (g *Gestures) Cancel(p Pointer) Gesture {
	return g.release(p, false)
}

func (g *Gestures) release(p Pointer, up bool) Gesture {
	if _, down := g.down[p.ID]; !down {
		return Gesture{}
	}
	delete(g.down, p.ID)
	g.pinch = 0
	if len(g.down) > 0 {
		return Gesture{}
	}
	dragged := g.dragged
	g.dragged = false
	switch {
	case dragged:
		return Gesture{Kind: GestureEnd}
	case up:
		return Gesture{Kind: GestureClick, X: p.X, Y: p.Y}
	}
	return Gesture{Kind: GestureEnd}
}

// WheelZoom turns a wheel event into zoom levels: deltaMode 0 is pixels, 1
// lines, 2 pages; ctrl is set for a trackpad pinch, a finer gesture. One
// notch of a mouse wheel (100 px) zooms by about a quarter level.
func WheelZoom(deltaY float64, deltaMode int, ctrl bool) float64 {
	switch deltaMode {
	case 1:
		deltaY *= 16
	case 2:
		deltaY *= 800
	}
	per := 450.0
	if ctrl {
		per = 100
	}
	z := -deltaY / per
	if math.IsNaN(z) {
		return 0
	}
	return math.Max(-1, math.Min(1, z))
}
