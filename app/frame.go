package app

import (
	"slices"
	"time"
)

// Plan is what the renderer does in a frame.
type Plan struct {
	Draw    bool // draw the map at the camera's view
	Restyle bool // the cached map image must be drawn anew, not only moved
	Smooth  bool // anti-alias: the view is at rest
}

// viewChanged follows a camera change. A jump (an API call, the URL, a
// resize) is drawn in the next frame. A gesture, a key or a flight is shown
// at once by the compositor moving the last picture, and drawn anew only
// when that picture no longer holds (Band) or the motion has quieted.
func (m *Map) viewChanged(jump bool) {
	now := m.now()
	m.moving = true
	if jump || !m.hasSnap {
		m.requestDraw(false)
		return
	}
	a, tx, ty := m.Cam.Affine()
	w, h, dpr := m.Cam.Viewport()
	k, dx, dy := m.snap.TransformTo(a, tx, ty, dpr)
	m.page.MoveCanvas(k, dx, dy)
	if !m.Band.Holds(k, dx, dy, w, h) {
		m.requestDraw(false)
	}
	if !m.gestures.Active() && m.flight == nil {
		wasIdle := m.drawAt.IsZero()
		m.drawAt = now.Add(quietDelay)
		if wasIdle {
			m.page.Wake(false) // the parked loop learns the new deadline
		}
	}
}

// Frame is called by the renderer once per frame: it moves a flight on,
// says what to draw, and once the view is at rest and drawn so (in this
// frame's Draw), writes the URL and emits the move event.
func (m *Map) Frame() Plan {
	now := m.now()
	m.stepFlight(now)
	if !m.drawAt.IsZero() && !now.Before(m.drawAt) {
		m.drawAt = time.Time{}
		if !m.smooth || m.viewMoved() {
			m.drawNow = true
		}
	}
	var p Plan
	if m.drawNow {
		p = Plan{Draw: true, Restyle: m.restyle, Smooth: m.atRest()}
		m.drawNow, m.restyle = false, false
	}
	if m.moving && m.atRest() && !m.drawNow {
		m.moving = false
		m.WriteHash()
		m.page.Settled()
		c := m.Cam.Center()
		m.page.Emit("move", map[string]any{"center": []any{c[0], c[1]}, "zoom": m.Cam.Zoom()})
	}
	return p
}

// atRest reports whether nothing moves the view: no press, flight or wheel.
func (m *Map) atRest() bool {
	return !m.gestures.Active() && m.flight == nil && m.drawAt.IsZero()
}

// viewMoved reports whether the camera left the last picture's view.
func (m *Map) viewMoved() bool {
	a, tx, ty := m.Cam.Affine()
	return !m.hasSnap || a != m.snap.A || tx != m.snap.TX || ty != m.snap.TY
}

// Drawn tells the map the renderer drew the camera's view (smooth: with
// anti-aliasing); the canvas needs no compositor transform any more.
func (m *Map) Drawn(smooth bool) {
	a, tx, ty := m.Cam.Affine()
	m.snap, m.hasSnap, m.smooth = Snapshot{A: a, TX: tx, TY: ty}, true, smooth
	m.page.MoveCanvas(1, 0, 0)
}

// Restored says the view came from the URL or is the home view: not a
// move, so nothing is written back to the URL.
func (m *Map) Restored() { m.moving = false }

// Busy reports whether the next frame has work: a draw or a flight.
func (m *Map) Busy() bool { return m.drawNow || m.flight != nil }

// Deadline is when Frame must run next if nothing else happens; zero for
// never.
func (m *Map) Deadline() time.Time { return m.drawAt }

// FrameStats are the last and the 95th-percentile frame time of recent
// frames, in their unit (milliseconds); zeros before the first frame.
func FrameStats(times []float64) (last, p95 float64) {
	if len(times) == 0 {
		return 0, 0
	}
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	return times[len(times)-1], sorted[len(sorted)*95/100]
}
