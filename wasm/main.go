//go:build js

// Command wasm is Heartland in the browser: Ebiten draws the map into the
// page's canvas and syscall/js runs the panels, legend, URL hash and the
// window.heartland API.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/app"
	"heartland/assets"
	"heartland/geo"
	"heartland/mapstyle"
)

func main() {
	// Start-up builds most of the heap at once, and wasm memory never
	// shrinks: collecting at a third of the usual growth until the first frame
	// keeps that peak, and so the page's memory for good, a few MB lower.
	debug.SetGCPercent(startGCPercent)
	mainAt := pageNow()
	g, err := newGame()
	if err != nil {
		fatal(err.Error())
		select {}
	}
	g.timings["mainAt"] = mainAt
	g.timings["gameAt"] = pageNow()
	ebiten.SetScreenClearedEveryFrame(false)
	// In an iframe the canvas has no focus until clicked; keep running.
	ebiten.SetRunnableOnUnfocused(true)
	ebiten.SetWindowTitle("Heartland")
	// InitUnfocused: the page, not the canvas, has focus at start, so no
	// focus ring shows until a keyboard user tabs to the map.
	if err := ebiten.RunGameWithOptions(g, &ebiten.RunGameOptions{InitUnfocused: true}); err != nil {
		fatal("the map could not start: " + err.Error() + ". Heartland needs WebGL 2.")
	}
}

// loadData waits for the data bundle heartland.js fetches beside the wasm
// and hands it to the assets package.
func loadData() error {
	promise := js.Global().Get("heartland").Get("_data")
	if promise.Type() != js.TypeObject {
		return fmt.Errorf("the page did not fetch the map's data (heartland-data.bin)")
	}
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	onData := js.FuncOf(func(_ js.Value, args []js.Value) any {
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Length())
		js.CopyBytesToGo(b, u8)
		done <- result{b: b}
		return nil
	})
	onFail := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{err: fmt.Errorf("the map's data could not be downloaded (%s)", args[0].Get("message").String())}
		return nil
	})
	defer onData.Release()
	defer onFail.Release()
	promise.Call("then", onData, onFail)
	r := <-done
	// The copy is ours now; let the browser free its 1.2 MB.
	js.Global().Get("heartland").Delete("_data")
	if r.err != nil {
		return r.err
	}
	return assets.UseBundle(r.b)
}

func newGame() (*Game, error) {
	start := time.Now()
	if err := loadData(); err != nil {
		return nil, err
	}
	loaded := time.Now()
	cfg := readConfig()
	applyTheme(cfg.theme) // before any colour is copied into a mesh or style
	layers, err := assets.LayersPacked()
	if err != nil {
		return nil, fmt.Errorf("map data is broken: %w", err)
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		return nil, fmt.Errorf("country facts are broken: %w", err)
	}
	stories, err := assets.Stories()
	if err != nil {
		return nil, fmt.Errorf("stories are broken: %w", err)
	}
	decoded := time.Now()
	s := newDrawnScene(layers, facts)
	projected := time.Now()
	world := s.WorldBound()
	// The data is cut 3% wider than the map rectangle; keep the cut unseen.
	pad := (world.Right() - world.Left()) * 0.03 / 1.06
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: world.Pad(-pad), MaxZoom: 11})
	canvas := js.Global().Get("document").Call("querySelector", "canvas")
	// Ebiten gives the canvas tabindex 1, which jumps it ahead of the page.
	canvas.Call("setAttribute", "tabindex", 0)
	canvas.Call("setAttribute", "role", "application")
	// shell.MoveCanvas scales about the top-left corner.
	canvas.Get("style").Set("transformOrigin", "0 0")
	canvas.Call("setAttribute", "aria-roledescription", "map")
	canvas.Call("setAttribute", "aria-label", "Map of Central Asia. Arrow keys pan, plus and minus zoom, 0 resets.")
	g := &Game{cam: cam, scene: s, labels: newLabeler(s), ui: newDOM(canvas),
		symbols: newSymbolPass(),
		wakeCh:  make(chan struct{}, 1)}
	s.SymbolShown = func(id string) bool { return g.symbols.shown[id] } // a decluttered symbol cannot be clicked
	g.ui.trackKeys()
	g.hl = newHighlighter(js.Global().Get("document"))
	g.m = app.New(cam, s.Scene, shell{g}, time.Now)
	g.listenInput(canvas)
	listenCooperative(canvas, func(input string) { g.ui.emit("gesturehint", map[string]any{"input": input}) })
	g.installAPI()
	present := map[string]bool{}
	for _, l := range layers {
		present[l.ID] = true
	}
	g.ui.buildLegend(present)
	g.list = g.ui.newFeatureList(g.goTo, g.wake)
	g.ui.newAboutDialog()
	g.newStoryPlayer(stories)
	g.listenPresenter()
	g.newQuizPlayer()
	hideUnless(cfg.legend, ".legend")
	hideUnless(cfg.search, ".search")
	g.search = g.ui.newSearchBox(s.SearchIndex(), g.goTo, mapstyle.KindLabel)
	g.listenPage()
	g.onFrame = g.firstFrame
	g.timings = map[string]any{"dataWaitMs": ms(loaded.Sub(start)), "decodeMs": ms(decoded.Sub(loaded)), "sceneMs": ms(projected.Sub(decoded)),
		"uiMs": ms(time.Since(projected))}
	return g, nil
}

// goTo flies to a feature and opens its panel: a search result or an entry
// of the list of places.
func (g *Game) goTo(id string) {
	g.m.FlyTo(id, 0)
	g.m.Select(id)
}

// firstFrame restores the URL state, then resolves heartland.ready after the
// first full frame.
func (g *Game) firstFrame() {
	if g.readyDone {
		return
	}
	g.readyDone = true
	debug.SetGCPercent(100)
	js.Global().Get("heartland").Call("_ready")
}

// startGCPercent is GOGC until the first frame.
const startGCPercent = 30

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pageNow is performance.now(): milliseconds since navigation, to place the
// start-up phases on the page's timeline.
func pageNow() float64 { return js.Global().Get("performance").Call("now").Float() }
