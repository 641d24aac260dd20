package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// fakePage records what the map asks of the page, one line per call.
type fakePage struct {
	calls     []string
	transform [3]float64 // the last MoveCanvas
	hash      string
	reduced   bool
	payloads  map[string]any // the last payload of each event
}

func (p *fakePage) log(format string, args ...any) {
	p.calls = append(p.calls, fmt.Sprintf(format, args...))
}

func (p *fakePage) OpenPanel(id string)                   { p.log("open %s", id) }
func (p *fakePage) ClosePanel()                           { p.log("close") }
func (p *fakePage) ShowTooltip(text string, x, y float64) { p.log("tooltip %s", text) }
func (p *fakePage) HideTooltip()                          { p.log("notooltip") }
func (p *fakePage) SetPointerCursor(on bool)              {}
func (p *fakePage) WriteHash(hash string)                 { p.hash = hash; p.log("hash %s", hash) }
func (p *fakePage) Emit(event string, payload any)        { p.emit(event, payload) }
func (p *fakePage) Warn(msg string)                       { p.log("warn %s", msg) }
func (p *fakePage) SyncLayers()                           { p.log("sync") }
func (p *fakePage) Highlight(hover, selected string)      { p.log("highlight %s %s", hover, selected) }
func (p *fakePage) CoveredEdges() geo.Padding             { return geo.Padding{} }
func (p *fakePage) MoveCanvas(k, dx, dy float64)          { p.transform = [3]float64{k, dx, dy} }
func (p *fakePage) Wake(afterPaint bool)                  { p.log("wake %v", afterPaint) }
func (p *fakePage) Settled()                              { p.log("settled") }
func (p *fakePage) ReducedMotion() bool                   { return p.reduced }
func (p *fakePage) SetPresenter(on bool)                  { p.log("presenter %v", on) }
func (p *fakePage) ToggleFullscreen()                     { p.log("fullscreen") }

// emit records an event and its payload.
func (p *fakePage) emit(event string, payload any) {
	if p.payloads == nil {
		p.payloads = map[string]any{}
	}
	p.payloads[event] = payload
	p.log("emit %s", event)
}

// took returns the calls since the last took and forgets them.
func (p *fakePage) took() string {
	s := strings.Join(p.calls, "; ")
	p.calls = nil
	return s
}

// has reports whether a call starting with prefix was made since the last took.
func (p *fakePage) has(prefix string) bool {
	for _, c := range p.calls {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// fakeScene has two countries as squares in world metres and a point.
type fakeScene struct {
	features map[string]Feature
	areas    map[string]orb.Bound // world metres
	points   map[string]orb.Point // world metres
	layers   []string
	visible  map[string]bool
}

func newFakeScene() *fakeScene {
	p := geo.CentralAsia
	kaz := orb.Bound{Min: p.Forward(orb.Point{50, 42}), Max: p.Forward(orb.Point{80, 54})}
	uzb := orb.Bound{Min: p.Forward(orb.Point{56, 37}), Max: p.Forward(orb.Point{72, 41.5})}
	return &fakeScene{
		features: map[string]Feature{
			"KAZ":    {ID: "KAZ", Name: "Kazakhstan", Kind: "country", Layer: "countries"},
			"UZB":    {ID: "UZB", Name: "Uzbekistan", Kind: "country", Layer: "countries"},
			"almaty": {ID: "almaty", Name: "Almaty", Kind: "city", Layer: "cities", Symbol: true, At: orb.Point{76.9, 43.25}},
		},
		areas:   map[string]orb.Bound{"KAZ": kaz, "UZB": uzb},
		points:  map[string]orb.Point{"almaty": p.Forward(orb.Point{76.9, 43.25})},
		layers:  []string{"countries", "cities", "labels"},
		visible: map[string]bool{"countries": true, "cities": true, "labels": true},
	}
}

func (s *fakeScene) FeatureAt(w orb.Point, tol float64) (Feature, bool) {
	for id, p := range s.points {
		if s.visible[s.features[id].Layer] && w.X()-p.X() < tol && p.X()-w.X() < tol && w.Y()-p.Y() < tol && p.Y()-w.Y() < tol {
			return s.features[id], true
		}
	}
	for id, b := range s.areas {
		if s.visible[s.features[id].Layer] && b.Contains(w) {
			return s.features[id], true
		}
	}
	return Feature{}, false
}

func (s *fakeScene) Feature(id string) (Feature, bool) {
	f, ok := s.features[id]
	return f, ok
}

func (s *fakeScene) Bound(id string) orb.Bound {
	if b, ok := s.areas[id]; ok {
		return orb.Bound{Min: geo.CentralAsia.Inverse(b.Min), Max: geo.CentralAsia.Inverse(b.Max)}
	}
	return orb.Bound{Min: s.features[id].At, Max: s.features[id].At}
}

func (s *fakeScene) LayerIDs() []string               { return s.layers }
func (s *fakeScene) Visible(layer string) bool        { return s.visible[layer] }
func (s *fakeScene) SetVisible(layer string, on bool) { s.visible[layer] = on }

// clock is a settable time.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }

// testMap is a 1280×800 map at DPR 1 that has drawn its first frame.
func testMap() (*Map, *fakePage, *fakeScene, *clock) {
	page, scene, c := &fakePage{}, newFakeScene(), &clock{t: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	var corners orb.MultiPoint
	for _, c := range []orb.Point{{10, 5}, {10, 75}, {120, 5}, {120, 75}, {66, 5}, {66, 75}} {
		corners = append(corners, geo.CentralAsia.Forward(c))
	}
	world := corners.Bound()
	cam := geo.NewCamera(geo.CentralAsia, geo.Limits{World: world, MaxZoom: 11})
	m := New(cam, scene, page, c.now)
	m.Resize(1280, 800, 1)
	m.Restored()
	drawFrame(m)
	page.took()
	return m, page, scene, c
}

// drawFrame runs one frame as the renderer does and reports what it drew.
func drawFrame(m *Map) Plan {
	p := m.Frame()
	if p.Draw {
		m.Drawn(p.Smooth)
	}
	return p
}

// screen returns where [lon, lat] is on the map, CSS pixels.
func screen(m *Map, lon, lat float64) (x, y float64) { return m.Cam.Project(orb.Point{lon, lat}) }
