//go:build js

package main

import (
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app"
	"heartland/geo"
)

// Game is the Ebiten game: the renderer of an app.Map. Page events change
// the map in their own callbacks (input.go); Update asks the map what a
// frame must do, and Draw draws it.
type Game struct {
	m      *app.Map
	cam    *geo.Camera // m.Cam
	scene  *drawnScene
	labels *labeler
	ui     *dom
	hl     *highlighter // hover and selection, above the canvas

	plan      app.Plan // what this frame draws, from Update
	frames    int
	frameMS   []float64 // recent frame times, milliseconds
	readyDone bool

	cache       mapCache
	symbols     *symbolPass
	search      *searchBox
	list        *featureList
	story       *app.StoryPlayer
	quiz        *app.QuizPlayer
	spot        spotlight
	customCount int
	wakeCh      chan struct{}
	timings     map[string]any // start-up phases, milliseconds, for stats()
	idleFrames  int
	afterLayout []func() // run once the map has its first size
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
	if _, ok := g.timings["updateAt"]; !ok {
		g.timings["updateAt"] = pageNow()
	}
	g.parkWhileIdle()
	if len(g.afterLayout) > 0 && g.width > 0 {
		for _, fn := range g.afterLayout {
			fn()
		}
		g.afterLayout = nil
	}
	if g.list.refreshNeeded {
		g.list.refresh(g)
	}
	p := g.m.Frame()
	g.plan.Draw = g.plan.Draw || p.Draw
	g.plan.Restyle = g.plan.Restyle || p.Restyle
	g.plan.Smooth = p.Smooth
	return nil
}

func (g *Game) Draw(screen *ebiten.Image) {
	defer func() {
		if r := recover(); r != nil {
			report(r) // Update stops the loop on its next call
		}
	}()
	if !g.plan.Draw || crashed {
		return
	}
	start := time.Now()
	if !g.readyDone {
		g.timings["drawAt"] = pageNow()
	}
	p := g.plan
	g.plan = app.Plan{}
	if p.Restyle {
		g.cache.invalidate()
	}
	g.drawFrame(screen, p.Smooth)
	if !g.readyDone {
		g.timings["firstDrawMs"] = ms(time.Since(start))
	}
	t1 := time.Now()
	g.symbols.place(g)
	t2 := time.Now()
	g.symbols.draw(screen, g.dpr, g.faded)
	t3 := time.Now()
	g.labels.draw(screen, g, g.symbols.placed)
	t4 := time.Now()
	g.ui.updateScale(g.cam)
	g.followHighlight()
	if !g.readyDone {
		g.timings["symbolsPlaceMs"], g.timings["symbolsDrawMs"], g.timings["labelsMs"] = ms(t2.Sub(t1)), ms(t3.Sub(t2)), ms(t4.Sub(t3))
	}
	g.m.Drawn(p.Smooth)
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
		if g.m.Resize(w, h, dpr) { // the first size: now the URL's view can be restored
			g.restoreHash()
			g.m.Restored()
		}
		g.plan.Draw = true
	}
	return math.Ceil(w * dpr), math.Ceil(h * dpr)
}

func (g *Game) Layout(w, h int) (int, int) { panic("LayoutF is used") }

// drawMap draws fills, lakes, lines and the spotlight at the level for the
// current zoom, with the world-to-device transform v.
func (g *Game) drawMap(screen *ebiten.Image, v view) {
	m := g.scene.meshes(geo.LevelFor(g.cam.Zoom()))
	dpr := float32(g.dpr * g.m.Emphasis()) // line widths scale with it
	if g.scene.Visible("countries") {
		m.neighbours.draw(screen, v, 0, ebiten.FillRuleNonZero)
		m.territories.draw(screen, v, 0, ebiten.FillRuleNonZero)
		m.central.draw(screen, v, 0, ebiten.FillRuleNonZero)
		if g.scene.Visible("water") { // dry now: land that a selection may cover
			m.formerLakes.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
	}
	if g.scene.Visible("water") {
		m.lakes.draw(screen, v, 0, ebiten.FillRuleNonZero)
	}
	for _, cf := range m.customFills { // readers' areas, under every line
		if g.scene.Visible(cf.layer) {
			cf.draw(screen, v, 0, ebiten.FillRuleNonZero)
		}
	}
	if g.scene.Visible("boundaries") {
		m.coasts.draw(screen, v, 0.5*dpr, ebiten.FillRuleFillAll)
		m.borders.draw(screen, v, 0.5*dpr, ebiten.FillRuleFillAll)
		m.bordersCentral.draw(screen, v, 0.7*dpr, ebiten.FillRuleFillAll)
	}
	g.drawLines(screen, m, v, dpr)
	// Hover and selection are drawn above the canvas (highlight.go), but
	// presenter mode's spotlight dims all but the selection in the map.
	if spot := g.spotlit(); spot != "" {
		g.drawSpotlight(screen, v, geo.LevelFor(g.cam.Zoom()), spot)
		g.drawOutline(screen, m, v, dpr)
	}
}

// drawOutline outlines the selected country.
func (g *Game) drawOutline(screen *ebiten.Image, m *levelMeshes, v view, dpr float32) {
	if o := m.countryOutline(g.scene, g.m.Selected()); o != nil {
		o.draw(screen, v, 1.25*dpr, ebiten.FillRuleFillAll)
	}
}

// parkWhileIdle blocks the game loop while nothing is to be drawn, until a
// page listener, an API call or the map's next deadline (the end of a
// motion, the URL's update) wakes it. Ebiten asks for a new animation frame
// only after Update returns, so a still map — and a map the compositor is
// moving during a gesture — costs almost no CPU.
func (g *Game) parkWhileIdle() {
	if g.plan.Draw || !g.readyDone || g.m.Busy() || g.list.refreshNeeded {
		g.idleFrames = 0
		return
	}
	if g.idleFrames++; g.idleFrames < 3 {
		return
	}
	// The minute is only a safety net: page events and API calls wake the
	// loop. Waking every 5 s cost a few ms of CPU a second at rest.
	timeout := time.Minute
	if d := g.m.Deadline(); !d.IsZero() {
		timeout = time.Until(d)
	}
	if timeout <= 0 {
		return
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-g.wakeCh:
	case <-t.C:
	}
}

// wake ends parkWhileIdle; safe to call from any JS callback.
func (g *Game) wake() {
	select {
	case g.wakeCh <- struct{}{}:
	default:
	}
}

// drawLines draws the strategic lines with a white casing, dashed by
// status.
func (g *Game) drawLines(screen *ebiten.Image, m *levelMeshes, v view, dpr float32) {
	for _, k := range g.scene.LineKinds() {
		km := m.lines[k]
		if km == nil || !g.scene.Visible(k.Layer) {
			continue
		}
		w := float32(kindStyles[k.Kind].width) * dpr
		casing := km.color
		km.color = colorCasing
		km.draw(screen, v, w/2+dpr, ebiten.FillRuleFillAll)
		km.color = casing
		km.draw(screen, v, w/2, ebiten.FillRuleFillAll)
	}
}

func (g *Game) recordFrame(d time.Duration) {
	g.frames++
	g.frameMS = append(g.frameMS, float64(d.Microseconds())/1000)
	if len(g.frameMS) > 240 {
		g.frameMS = g.frameMS[len(g.frameMS)-240:]
	}
}
