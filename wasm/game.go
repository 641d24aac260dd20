//go:build js

package main

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/geo"
)

// settleDelay is how long the view must rest before the URL hash and the
// move event follow it.
const settleDelay = 300 * time.Millisecond

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

	cache       mapCache
	symbols     *symbolPass
	flight      *flight
	search      *searchBox
	list        *featureList
	story       *storyPlayer
	quiz        *quizPlayer
	flyLift     float64 // CSS px covered at the foot of the map, for flights
	presenting  bool    // presenter mode: larger labels, thicker lines, high contrast, spotlight
	spot        spotlight
	customCount int
	wakeCh      chan struct{}
	timings     map[string]any // start-up phases, milliseconds, for stats()
	idleFrames  int
	onFrame     func()
	width       float64
	height      float64
	dpr         float64
}

func (g *Game) Update() (err error) {
	defer func() {
		if r := recover(); r != nil {
			report(r)
			err = errCrashed
		}
	}()
	if crashed {
		return errCrashed
	}
	g.parkWhileIdle()
	g.input.drain(g)
	g.stepFlight()
	if g.list.refreshNeeded {
		g.list.refresh(g)
	}
	if g.moved && time.Since(g.lastMove) >= settleDelay {
		g.moved = false
		g.dirty = true // once more, anti-aliased (drawFrame sees !moved)
		g.ui.viewSettled(g)
	}
	return nil
}

func (g *Game) Draw(screen *ebiten.Image) {
	defer func() {
		if r := recover(); r != nil {
			report(r) // Update stops the loop on its next call
		}
	}()
	if !g.dirty || crashed {
		return
	}
	start := time.Now()
	g.dirty = false
	g.drawFrame(screen)
	if !g.readyDone {
		g.timings["firstDrawMs"] = ms(time.Since(start))
	}
	g.symbols.place(g)
	g.symbols.draw(screen, g.dpr, g.faded)
	g.labels.draw(screen, g, g.symbols.placed)
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
		g.markMoved()
		if !g.viewInit { // the first size: now a view can be framed
			g.viewInit = true
			g.resetView()
			g.restoreHash()
			g.moved = false // nothing moved yet: draw the first frame at rest quality
		}
	}
	return math.Ceil(w * dpr), math.Ceil(h * dpr)
}

func (g *Game) Layout(w, h int) (int, int) { panic("LayoutF is used") }

// drawMap draws fills, lakes, highlights and lines at the level for the
// current zoom, with the world-to-device transform v.
func (g *Game) drawMap(screen *ebiten.Image, v view) {
	m := g.scene.meshes(geo.LevelFor(g.cam.Zoom()))
	dpr := float32(g.dpr * g.emphasis()) // line widths scale with it
	if g.scene.visible["countries"] {
		m.neighbours.draw(screen, v, 0, ebiten.FillRuleNonZero)
		m.territories.draw(screen, v, 0, ebiten.FillRuleNonZero)
		m.central.draw(screen, v, 0, ebiten.FillRuleNonZero)
		if g.scene.visible["water"] { // dry now: land that a selection may cover
			m.formerLakes.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
		if f := m.countryFill(g.scene, g.hover); f != nil && g.hover != g.selected {
			f.color = colorHoverMuted
			if it := g.scene.byID[g.hover]; it != nil && it.central {
				f.color = colorHover
			}
			f.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
		if f := m.countryFill(g.scene, g.selected); f != nil && g.spotlit() == "" { // the spotlight marks it enough
			f.color = colorSelected
			f.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
	}
	if g.scene.visible["water"] {
		m.lakes.draw(screen, v, 0, ebiten.FillRuleNonZero)
	}
	for _, cf := range m.customFills { // readers' areas, under every line
		if g.scene.visible[cf.layer] {
			cf.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
	}
	if g.scene.visible["boundaries"] {
		m.coasts.draw(screen, v, 0.5*dpr, ebiten.FillRuleFillAll)
		m.borders.draw(screen, v, 0.5*dpr, ebiten.FillRuleFillAll)
		m.bordersCentral.draw(screen, v, 0.7*dpr, ebiten.FillRuleFillAll)
	}
	spot := g.spotlit()
	if spot == "" {
		g.drawOutline(screen, m, v, dpr)
	}
	g.drawLines(screen, m, v, dpr)
	if spot != "" { // the selection stays lit above the dimmed map
		g.drawSpotlight(screen, v, geo.LevelFor(g.cam.Zoom()), spot)
		g.drawOutline(screen, m, v, dpr)
	}
	g.drawHighlights(screen, m, v, dpr)
}

// drawOutline outlines the selected country.
func (g *Game) drawOutline(screen *ebiten.Image, m *levelMeshes, v view, dpr float32) {
	if o := m.countryOutline(g.scene, g.selected); o != nil {
		o.draw(screen, v, 1.25*dpr, ebiten.FillRuleFillAll)
	}
}

// parkWhileIdle blocks the game loop while nothing can change, until a page
// listener or an API call wakes it. Ebiten asks for a new animation frame
// only after Update returns, so a still map costs almost no CPU instead of
// running Update and Draw sixty times a second.
func (g *Game) parkWhileIdle() {
	if g.dirty || !g.readyDone || g.flight != nil || g.input.pending() || g.list.refreshNeeded {
		g.idleFrames = 0
		return
	}
	if g.idleFrames++; g.idleFrames < 3 {
		return
	}
	// Page events and API calls wake the loop; the timeout is only a safety
	// net. Waking every 5 s instead cost a few ms of CPU a second at rest.
	timeout := time.Minute
	if g.moved {
		timeout = time.Until(g.lastMove.Add(settleDelay))
	}
	if timeout <= 0 {
		return
	}
	t := time.NewTimer(timeout)
	select {
	case <-g.wakeCh:
	case <-t.C:
	}
	t.Stop()
}

// wake ends parkWhileIdle; safe to call from any JS callback.
func (g *Game) wake() {
	select {
	case g.wakeCh <- struct{}{}:
	default:
	}
}

// restyle redraws after what the map shows changed (hover, selection,
// layers), not only where it is.
func (g *Game) restyle() {
	g.cache.invalidate()
	g.redraw()
}

// redraw asks for the map to be drawn again, waking a parked loop.
func (g *Game) redraw() {
	g.dirty = true
	g.wake()
}

// drawLines draws the strategic lines with a white casing, dashed by
// status.
func (g *Game) drawLines(screen *ebiten.Image, m *levelMeshes, v view, dpr float32) {
	for _, k := range g.scene.lineKinds {
		km := m.lines[k]
		if km == nil || !g.scene.visible[k.layer] {
			continue
		}
		w := float32(kindStyles[k.kind].width) * dpr
		casing := km.color
		km.color = colorCasing
		km.draw(screen, v, w/2+dpr, ebiten.FillRuleFillAll)
		km.color = casing
		km.draw(screen, v, w/2, ebiten.FillRuleFillAll)
	}
}

// drawHighlights draws the hovered and selected lines wider, outlined.
func (g *Game) drawHighlights(screen *ebiten.Image, m *levelMeshes, v view, dpr float32) {
	for _, id := range []string{g.hover, g.selected} {
		if fl, ok := m.featureLines[id]; ok && g.scene.visible[g.scene.byID[id].layer] {
			w := float32(g.scene.byID[id].style.width) * dpr
			c := fl.color
			fl.color = colorOutline
			fl.draw(screen, v, w/2+1.5*dpr, ebiten.FillRuleFillAll)
			fl.color = c
			fl.draw(screen, v, w/2+0.5*dpr, ebiten.FillRuleFillAll)
		}
	}
}

// markMoved asks for a redraw after the view changed.
func (g *Game) markMoved() {
	g.dirty, g.moved, g.lastMove = true, true, time.Now()
	g.wake()
}

func (g *Game) recordFrame(d time.Duration) {
	g.frames++
	g.frameMS = append(g.frameMS, float64(d.Microseconds())/1000)
	if len(g.frameMS) > 240 {
		g.frameMS = g.frameMS[len(g.frameMS)-240:]
	}
}
