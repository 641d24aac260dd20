//go:build js

package main

import (
	"math"
	"syscall/js"
	"time"

	"github.com/paulmach/orb"
)

// flight is an animated camera move: centre and zoom eased from one view to
// another, zooming out on the way when the two are far apart.
type flight struct {
	from, to orb.Point // [lon, lat]
	z0, z1   float64
	bump     float64 // extra zoom-out at mid-flight
	start    time.Time
	duration time.Duration
}

// flyTo frames a feature: a point at a close zoom, anything else fitted.
// With prefers-reduced-motion the camera jumps.
func (g *Game) flyTo(id string) {
	it := g.scene.byID[id]
	if it == nil {
		return
	}
	target := *g.cam
	if p, ok := it.world.(orb.Point); ok {
		target.SetView(target.Projection().Inverse(p), math.Max(g.cam.Zoom(), 6.5))
	} else {
		target.FitBounds(it.feature.Geometry.Bound(), 60)
	}
	g.flyToView(target.Center(), target.Zoom())
}

// flyToView flies to a centre [lon, lat] and zoom (jumps with
// prefers-reduced-motion).
func (g *Game) flyToView(center orb.Point, zoom float64) {
	target := *g.cam
	target.SetView(center, zoom) // applies the limits, so the flight ends where the map can be
	if g.flyLift != 0 {
		// Something covers the foot of the map (the story bar): raise the
		// target into the part the reader can see.
		target.PanBy(0, -g.flyLift/2)
	}
	f := &flight{from: g.cam.Center(), to: target.Center(), z0: g.cam.Zoom(), z1: target.Zoom(), start: time.Now()}
	if reducedMotion() {
		g.cam.SetView(f.to, f.z1)
		g.markMoved()
		return
	}
	x0, y0 := g.cam.Project(f.from)
	x1, y1 := g.cam.Project(f.to)
	w, _, _ := g.cam.Viewport()
	f.bump = math.Min(3, math.Log2(1+math.Hypot(x1-x0, y1-y0)/w))
	f.duration = time.Duration(500+250*f.bump) * time.Millisecond
	g.flight = f
	g.markMoved()
}

// stepFlight moves the camera along the flight; it returns false when none
// is under way.
func (g *Game) stepFlight() bool {
	f := g.flight
	if f == nil {
		return false
	}
	t := math.Min(1, float64(time.Since(f.start))/float64(f.duration))
	e := t * t * (3 - 2*t) // smoothstep
	center := orb.Point{f.from[0] + e*(f.to[0]-f.from[0]), f.from[1] + e*(f.to[1]-f.from[1])}
	zoom := f.z0 + e*(f.z1-f.z0) - f.bump*math.Sin(math.Pi*t)
	g.cam.SetView(center, zoom)
	g.markMoved()
	if t >= 1 {
		g.cam.SetView(f.to, f.z1)
		g.flight = nil
	}
	return true
}

func reducedMotion() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
}
