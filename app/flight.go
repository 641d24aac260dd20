package app

import (
	"math"
	"time"

	"github.com/paulmach/orb"
)

// flight is an animated camera move: centre and zoom eased from one view to
// another, zooming out on the way when the two are far apart.
type flight struct {
	from, to orb.Point // [lon, lat] degrees
	z0, z1   float64
	bump     float64 // extra zoom-out at mid-flight, levels
	start    time.Time
	duration time.Duration
}

// FlyTo frames a feature: a point at a close zoom, anything else fitted.
// lift is how many CSS pixels at the foot of the map something covers (the
// story bar), so the target sits in the part the reader sees.
func (m *Map) FlyTo(id string, lift float64) {
	f, ok := m.scene.Feature(id)
	if !ok || id == "" {
		return
	}
	target := *m.Cam
	if f.Symbol {
		target.SetView(f.At, math.Max(m.Cam.Zoom(), 6.5))
	} else {
		target.FitBounds(m.scene.Bound(id), 60)
	}
	m.FlyToView(target.Center(), target.Zoom(), lift)
}

// FlyToView flies to a centre [lon, lat] and zoom; with reduced motion the
// camera jumps.
func (m *Map) FlyToView(center orb.Point, zoom, lift float64) {
	target := *m.Cam
	target.SetView(center, zoom) // applies the limits, so the flight ends where the map can be
	if lift != 0 {
		target.PanBy(0, -lift/2)
	}
	f := &flight{from: m.Cam.Center(), to: target.Center(), z0: m.Cam.Zoom(), z1: target.Zoom(), start: m.now()}
	if m.page.ReducedMotion() {
		m.Cam.SetView(f.to, f.z1)
		m.viewChanged(true)
		return
	}
	x0, y0 := m.Cam.Project(f.from)
	x1, y1 := m.Cam.Project(f.to)
	w, _, _ := m.Cam.Viewport()
	f.bump = math.Min(3, math.Log2(1+math.Hypot(x1-x0, y1-y0)/w))
	f.duration = time.Duration(500+250*f.bump) * time.Millisecond
	m.flight = f
	m.drawAt = time.Time{}
	m.page.Wake(false)
}

// Flying reports whether a flight is under way.
func (m *Map) Flying() bool { return m.flight != nil }

// stepFlight moves the camera along the flight.
func (m *Map) stepFlight(now time.Time) {
	f := m.flight
	if f == nil {
		return
	}
	t := math.Min(1, float64(now.Sub(f.start))/float64(f.duration))
	e := t * t * (3 - 2*t) // smoothstep
	center := orb.Point{f.from[0] + e*(f.to[0]-f.from[0]), f.from[1] + e*(f.to[1]-f.from[1])}
	zoom := f.z0 + e*(f.z1-f.z0) - f.bump*math.Sin(math.Pi*t)
	m.Cam.SetView(center, zoom)
	if t >= 1 {
		m.Cam.SetView(f.to, f.z1)
		m.flight = nil
		m.viewChanged(true) // at rest: draw it
		return
	}
	m.viewChanged(false)
}
