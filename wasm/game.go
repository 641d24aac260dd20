//go:build js

package main

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/geo"
)

// Game is the Ebiten game: Update turns queued input into camera and
// selection changes; Draw redraws only when something changed.
type Game struct {
	cam      *geo.Camera
	scene    *scene
	labels   *labeler
	input    *inputQueue
	ui       *dom
	hover    string
	selected string

	dirty     bool // the map must be redrawn
	moved     bool // the view changed since the last hash update
	lastMove  time.Time
	frames    int
	frameMS   []float64 // recent frame times, milliseconds
	lastFrame time.Time
	readyDone bool
	viewInit  bool
	onFrame   func()
	width     float64
	height    float64
	dpr       float64
}

func (g *Game) Update() error {
	g.input.drain(g)
	if g.moved && time.Since(g.lastMove) > 300*time.Millisecond {
		g.moved = false
		g.ui.viewSettled(g)
	}
	return nil
}

func (g *Game) Draw(screen *ebiten.Image) {
	if !g.dirty {
		return
	}
	start := time.Now()
	g.dirty = false
	screen.Fill(colorWater)
	g.drawMap(screen)
	g.labels.draw(screen, g)
	g.ui.updateScale(g.cam)
	g.recordFrame(time.Since(start))
	if g.onFrame != nil {
		g.onFrame()
	}
}

// LayoutF makes the screen device pixels, so lines and text stay crisp on
// high-DPI displays.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	if w != g.width || h != g.height || dpr != g.dpr {
		g.width, g.height, g.dpr = w, h, dpr
		g.cam.SetViewport(w, h, dpr)
		if !g.viewInit { // the first size: now a view can be framed
			g.viewInit = true
			g.resetView()
			g.restoreHash()
		}
		g.markMoved()
	}
	return math.Ceil(w * dpr), math.Ceil(h * dpr)
}

func (g *Game) Layout(w, h int) (int, int) { panic("LayoutF is used") }

// drawMap draws fills, lakes, highlights and lines at the level for the
// current zoom.
func (g *Game) drawMap(screen *ebiten.Image) {
	m := g.scene.meshes(geo.LevelFor(g.cam.Zoom()))
	a, tx, ty := g.cam.Affine()
	dpr := float32(g.dpr)
	if g.scene.visible["countries"] {
		m.neighbours.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		m.territories.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		m.central.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		if f, ok := m.fill[g.hover]; ok && g.hover != g.selected {
			f.color = colorHoverMuted
			if it := g.scene.byID[g.hover]; it != nil && it.central {
				f.color = colorHover
			}
			f.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		}
		if f, ok := m.fill[g.selected]; ok {
			f.color = colorSelected
			f.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		}
	}
	if g.scene.visible["water"] {
		m.formerLakes.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
		m.lakes.draw(screen, a, tx, ty, 0, ebiten.FillRuleNonZero)
	}
	if g.scene.visible["boundaries"] {
		m.coasts.draw(screen, a, tx, ty, 0.5*dpr, ebiten.FillRuleFillAll)
		m.borders.draw(screen, a, tx, ty, 0.5*dpr, ebiten.FillRuleFillAll)
		m.bordersCentral.draw(screen, a, tx, ty, 0.7*dpr, ebiten.FillRuleFillAll)
	}
	if o, ok := m.outline[g.selected]; ok {
		o.draw(screen, a, tx, ty, 1.25*dpr, ebiten.FillRuleFillAll)
	}
}

// markMoved asks for a redraw after the view changed.
func (g *Game) markMoved() {
	g.dirty, g.moved, g.lastMove = true, true, time.Now()
}

func (g *Game) recordFrame(d time.Duration) {
	g.frames++
	g.frameMS = append(g.frameMS, float64(d.Microseconds())/1000)
	if len(g.frameMS) > 240 {
		g.frameMS = g.frameMS[len(g.frameMS)-240:]
	}
}
