package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// oilFieldColor is the Okabe–Ito vermillion of oil-field symbols (wasm/kinds.go).
var oilFieldColor = color.RGBA{0xD5, 0x5E, 0x00, 0xff}

// layerFeature is one feature of assets/layers/<layer>.geojson, as far as
// the tests need it.
type layerFeature struct {
	ID, Name, Kind string
	Type           string          // geometry type
	Coordinates    json.RawMessage // geometry coordinates, undecoded
}

// readLayer reads assets/layers/<layer>.geojson; ok is false when the file
// does not exist.
func readLayer(t *testing.T, layer string) (features []layerFeature, ok bool) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(env.root, "assets", "layers", layer+".geojson"))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties struct {
				ID   string `json:"id"`
				Name string `json:"name"`
				Kind string `json:"kind"`
			} `json:"properties"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		t.Fatalf("%s.geojson: %v", layer, err)
	}
	for _, f := range fc.Features {
		features = append(features, layerFeature{ID: f.Properties.ID, Name: f.Properties.Name, Kind: f.Properties.Kind,
			Type: f.Geometry.Type, Coordinates: f.Geometry.Coordinates})
	}
	return features, true
}

// findFeature returns the feature of a layer matching match, or stops the test.
func findFeature(t *testing.T, layer, what string, match func(layerFeature) bool) layerFeature {
	t.Helper()
	features, ok := readLayer(t, layer)
	if !ok {
		t.Fatalf("assets/layers/%s.geojson is missing", layer)
	}
	for _, f := range features {
		if match(f) {
			return f
		}
	}
	t.Fatalf("assets/layers/%s.geojson has no %s", layer, what)
	return layerFeature{}
}

// pointFeature returns the name and [lon, lat] of a point feature by id.
func pointFeature(t *testing.T, layer, id string) (name string, lonLat [2]float64) {
	t.Helper()
	f := findFeature(t, layer, "feature with id "+id, func(f layerFeature) bool { return f.ID == id })
	if f.Type != "Point" {
		t.Fatalf("%s in %s.geojson is a %s; want a Point", id, layer, f.Type)
	}
	if err := json.Unmarshal(f.Coordinates, &lonLat); err != nil {
		t.Fatalf("coordinates of %s: %v", id, err)
	}
	return f.Name, lonLat
}

// zoomTo centres the map on a place at a zoom close enough that its symbol
// is not decluttered away, and waits until the map has drawn that view.
func (p *mapPage) zoomTo(lonLat [2]float64, zoom float64) {
	p.t.Helper()
	moves := p.moves()
	p.setState(fmt.Sprintf(`{center: [%s, %s], zoom: %s}`, ftoa(lonLat[0]), ftoa(lonLat[1]), ftoa(zoom)))
	p.waitSettled(moves)
}

func (p *mapPage) frames() int {
	p.t.Helper()
	return evalJS[int](p, `window.heartland.stats().frames`)
}

// moveLog counts heartland's "move" events, which fire once the view has
// rested for a moment, and records the frame count and view at the last one.
type moveLog struct {
	N      int        `json:"n"`
	Frames int        `json:"frames"`
	Center [2]float64 `json:"center"`
	Zoom   float64    `json:"zoom"`
}

// moves installs the move listener on first use and returns the log so far.
func (p *mapPage) moves() moveLog {
	p.t.Helper()
	return evalJS[moveLog](p, `(() => {
		if (!window.__moves) {
			window.__moves = {n: 0, frames: 0, center: [0, 0], zoom: 0};
			window.heartland.on("move", m => {
				window.__moves.n++;
				window.__moves.frames = window.heartland.stats().frames;
				window.__moves.center = m.center;
				window.__moves.zoom = m.zoom;
			});
		}
		return window.__moves;
	})()`)
}

// waitSettled waits, after a change of view, until the view has come to rest
// where getState says it is (a move event newer than before reported it) and
// the frame drawn at rest after that event is on screen. Waiting on frames
// alone is not enough: under SwiftShader one frame can take most of a second.
func (p *mapPage) waitSettled(before moveLog) {
	p.t.Helper()
	p.waitFor("the view to settle", func() (bool, string) {
		m := p.moves()
		s := p.state()
		f := p.frames()
		done := m.N > before.N && f > m.Frames && near(m.Center, s.Center, 1e-9) && math.Abs(m.Zoom-s.Zoom) < 1e-9
		return done, fmt.Sprintf("last move %+v, frames %d, getState() = %v", m, f, s)
	})
}

// requireFeatureAt fails the test unless a click at (x, y) would select id:
// the symbol is drawn there and nothing covers it.
func (p *mapPage) requireFeatureAt(x, y float64, id string) {
	p.t.Helper()
	p.requireCanvasAt(x, y)
	got := evalJS[*string](p, fmt.Sprintf(`(window.heartland.featureAt([%g, %g]) || {id: null}).id`, x, y))
	if got == nil || *got != id {
		g := "null"
		if got != nil {
			g = *got
		}
		p.t.Fatalf("featureAt([%.0f, %.0f]) = %s; want %s (is its symbol drawn there?)", x, y, g, id)
	}
}

// pollColour waits until the dominant colour around a place matches want.
func (p *mapPage) pollColour(what string, lonLat [2]float64, r int, want color.RGBA) {
	p.t.Helper()
	p.waitFor(what, func() (bool, string) {
		img, _, dpr := p.screenshot()
		x, y := p.project(lonLat[0], lonLat[1])
		got := dominantColor(img, int(math.Round(x*dpr)), int(math.Round(y*dpr)), r)
		return colorNear(got, want, colorTolerance), fmt.Sprintf("%s; want %s ± %d", hex(got), hex(want), colorTolerance)
	})
}

// hashLayers returns the layers= list of a URL hash, and whether it has one.
func hashLayers(hash string) ([]string, bool) {
	q, err := url.ParseQuery(strings.TrimPrefix(hash, "#"))
	if err != nil || !q.Has("layers") {
		return nil, false
	}
	if q.Get("layers") == "" {
		return []string{}, true
	}
	return strings.Split(q.Get("layers"), ","), true
}

func TestEnergyToggleHidesAndShowsFieldSymbols(t *testing.T) {
	_, tengiz := pointFeature(t, "energy", "tengiz")
	p := openMap(t, "")
	p.zoomTo(tengiz, 7)
	x, y := p.project(tengiz[0], tengiz[1])
	p.requireFeatureAt(x, y, "tengiz")
	// r=2: a 5×5 square, well inside the 5.5 px radius of the symbol.
	p.pollColour("Tengiz's oil-field symbol", tengiz, 2, oilFieldColor)

	requireLayer := func(on bool) {
		t.Helper()
		s := p.state()
		if slices.Contains(s.Layers, "energy") != on {
			t.Errorf("getState().layers = %v; want energy %s", s.Layers, map[bool]string{true: "in it", false: "left out"}[on])
		}
		h := evalJS[string](p, `location.hash`)
		layers, ok := hashLayers(h)
		if !ok || slices.Contains(layers, "energy") != on || (on && len(layers) < 2) {
			t.Errorf("location.hash = %q; want a layers= list %s energy", h, map[bool]string{true: "with", false: "without"}[on])
		}
		if checked := evalJS[bool](p, `document.querySelector('input[data-layer="energy"]').checked`); checked != on {
			t.Errorf("the Energy checkbox is checked=%v; want %v", checked, on)
		}
	}

	p.do(chromedp.Click(`input[data-layer="energy"]`))
	p.waitJS("the energy layer to turn off", `!heartland.getState().layers.includes("energy")`)
	p.pollColour("land where Tengiz's symbol was", tengiz, 2, centralColor)
	requireLayer(false)
	if f := evalJS[*string](p, fmt.Sprintf(`(window.heartland.featureAt([%g, %g]) || {id: null}).id`, x, y)); f != nil && *f == "tengiz" {
		t.Errorf("featureAt(Tengiz) = tengiz with the energy layer off; a hidden symbol must not be clickable")
	}

	p.do(chromedp.Click(`input[data-layer="energy"]`))
	p.waitJS("the energy layer to turn on", `heartland.getState().layers.includes("energy")`)
	p.pollColour("Tengiz's oil-field symbol back", tengiz, 2, oilFieldColor)
	requireLayer(true)
}

// panelContent is what the tests read from an open feature panel.
type panelContent struct {
	Title   string   `json:"title"`
	Text    string   `json:"text"`
	Status  string   `json:"status"`
	Figures []string `json:"figures"`
	Summary string   `json:"summary"`
	Sources []struct {
		Href   string `json:"href"`
		Target string `json:"target"`
		Rel    string `json:"rel"`
		Text   string `json:"text"`
	} `json:"sources"`
}

func (p *mapPage) panelContent() panelContent {
	p.t.Helper()
	return evalJS[panelContent](p, `(() => {
		const body = document.getElementById("panel-body");
		const text = el => el ? el.textContent.trim() : "";
		return {
			title: text(document.getElementById("panel-title")),
			text: text(document.getElementById("panel")),
			status: text(body.querySelector(".status")),
			figures: [...body.querySelectorAll("dl.facts dd")].map(text),
			summary: text(body.querySelector(".why")),
			sources: [...body.querySelectorAll("ol.sources a")].map(a => ({
				href: a.href, target: a.target, rel: a.rel, text: text(a)})),
		};
	})()`)
}

var yearInParens = regexp.MustCompile(`\((1[89]|20)\d\d\)`)

func TestClickOnKashaganOpensItsPanel(t *testing.T) {
	name, kashagan := pointFeature(t, "energy", "kashagan")
	p := openMap(t, "")
	p.zoomTo(kashagan, 7)
	x, y := p.project(kashagan[0], kashagan[1])
	p.requireFeatureAt(x, y, "kashagan")
	p.do(chromedp.MouseClickXY(x, y))
	p.waitPanel(name)

	c := p.panelContent()
	if c.Status == "" {
		t.Errorf("the panel shows no status (.status); text: %q", c.Text)
	}
	withYear := 0
	for _, f := range c.Figures {
		if yearInParens.MatchString(f) {
			withYear++
		}
	}
	if withYear == 0 {
		t.Errorf("no figure (dl.facts dd) carries its year in parentheses; figures: %q", c.Figures)
	}
	if c.Summary == "" {
		t.Errorf("the panel shows no summary (.why); text: %q", c.Text)
	}
	if len(c.Sources) == 0 {
		t.Errorf("the panel lists no sources (ol.sources a); text: %q", c.Text)
	}
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.Href, "https://") || s.Target != "_blank" || !slices.Contains(strings.Fields(s.Rel), "noopener") {
			t.Errorf("source link %q: href=%q target=%q rel=%q; want an https:// href, target=_blank and rel with noopener",
				s.Text, s.Href, s.Target, s.Rel)
		}
	}
	if s := p.state(); s.Selected == nil || *s.Selected != "kashagan" {
		t.Errorf("getState() = %v; want selected kashagan", s)
	}
}

// searchOptions returns the texts of the visible search results.
func (p *mapPage) searchOptions() []string {
	p.t.Helper()
	return evalJS[[]string](p, `(() => { const l = document.getElementById("search-results");
		return l.hidden ? [] : [...l.querySelectorAll("li[role=option]")].map(li => li.textContent.trim()); })()`)
}

func TestSearchKashaganFliesThereAndOpensPanel(t *testing.T) {
	name, kashagan := pointFeature(t, "energy", "kashagan")
	p := openMap(t, "")
	home := p.state()
	p.moves()
	evalJS[bool](p, `(window.__sel = [], window.heartland.on("select", s => window.__sel.push(s && s.id)), true)`)

	p.do(chromedp.Focus(`#search-input`), chromedp.SendKeys(`#search-input`, "kash"))
	var options []string
	p.waitFor("a search result containing "+name, func() (bool, string) {
		options = p.searchOptions()
		return slices.ContainsFunc(options, func(o string) bool { return strings.Contains(o, name) }), fmt.Sprintf("options %q", options)
	})
	if exp := evalJS[string](p, `document.getElementById("search-input").getAttribute("aria-expanded")`); exp != "true" {
		t.Errorf(`#search-input aria-expanded = %q with results shown; want "true"`, exp)
	}
	i := slices.IndexFunc(options, func(o string) bool { return strings.HasPrefix(o, name) })
	if i < 0 {
		t.Fatalf("no option starts with %q: %q", name, options)
	}
	for range i + 1 {
		p.do(chromedp.KeyEvent(kb.ArrowDown))
	}
	if sel := evalJS[string](p, `(document.querySelector('#search-results li[aria-selected="true"]') || {textContent: ""}).textContent`); !strings.HasPrefix(sel, name) {
		t.Errorf("after %d ArrowDown the selected option is %q; want %s", i+1, sel, name)
	}
	// A person pauses before Enter; by then the idle game loop is parked and
	// the Enter's wake-up runs it inside the keydown, as in real use.
	time.Sleep(500 * time.Millisecond)
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor("a select event for kashagan", func() (bool, string) {
		sel := evalJS[[]*string](p, `window.__sel`)
		return slices.ContainsFunc(sel, func(s *string) bool { return s != nil && *s == "kashagan" }), fmt.Sprintf("select events %q", derefAll(sel))
	})
	if s := p.state(); s.Selected == nil || *s.Selected != "kashagan" {
		t.Errorf("getState() = %v after choosing %s; want selected kashagan", s, name)
	}
	p.waitFor("the flight to end near "+name, func() (bool, string) {
		s := p.state()
		return near(s.Center, kashagan, 1) && s.Zoom > home.Zoom, "getState() = " + s.String()
	})
	p.waitSettled(moveLog{N: -1})
	if s := p.state(); !near(s.Center, kashagan, 1) || s.Zoom <= home.Zoom {
		t.Errorf("getState() = %v after the flight; want the centre within 1° of %v and zoomed in from %.2f", s, kashagan, home.Zoom)
	}
	if !evalJS[bool](p, `document.getElementById("search-results").hidden`) {
		t.Errorf("the result list is still shown after choosing a result")
	}
	// The panel must stay open: the Enter that chose the result must not
	// also press the panel's close button, which has focus by then.
	if s := p.state(); !evalJS[bool](p, panelOpen) || s.Selected == nil || *s.Selected != "kashagan" {
		t.Errorf("after Enter on the result and the flight, the panel is open=%v and getState() = %v; want %s's panel still open "+
			"(did the Enter also activate #panel-close, which got focus during its keydown?)", evalJS[bool](p, panelOpen), s, name)
		evalJS[bool](p, `window.heartland.select("kashagan")`) // so the checks below still test Escape
		p.waitPanel(name)
	}

	// Nothing matches: one disabled "No place…" option.
	evalJS[bool](p, `(document.getElementById("search-input").value = "", true)`)
	p.do(chromedp.Focus(`#search-input`), chromedp.SendKeys(`#search-input`, "zzzz"))
	p.waitFor(`the "No place…" option`, func() (bool, string) {
		o := p.searchOptions()
		return len(o) == 1 && strings.HasPrefix(o[0], "No place"), fmt.Sprintf("options %q", o)
	})
	// Escape in the field clears it and closes the list, not the panel.
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitJS("the search field to clear", `document.getElementById("search-input").value === ""`)
	if !evalJS[bool](p, `document.getElementById("search-results").hidden`) {
		t.Errorf("the result list is still shown after Escape")
	}
	time.Sleep(300 * time.Millisecond) // give a wrongly forwarded Escape time to reach the map
	if !evalJS[bool](p, panelOpen) || p.panelTitle() != name {
		t.Errorf("Escape in the search field closed the panel (visible=%v, title %q); want %s still open",
			evalJS[bool](p, panelOpen), p.panelTitle(), name)
	}
	if s := p.state(); s.Selected == nil || *s.Selected != "kashagan" {
		t.Errorf("getState() = %v after Escape in the search field; want kashagan still selected", s)
	}
}

// caspianWater is open water in the middle Caspian, east of the Aktau–Alat
// and Kuryk–Alat sea routes and clear of ports and fields.
var caspianWater = [2]float64{52.0, 41.5}

func TestHoverShowsTooltipName(t *testing.T) {
	name, almaty := pointFeature(t, "cities", "almaty")
	p := openMap(t, "")
	p.zoomTo(almaty, 7)
	x, y := p.project(almaty[0], almaty[1])
	p.requireFeatureAt(x, y, "almaty")
	p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x - 20, Y: y - 20}),
		mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x, Y: y}))
	const tooltip = `(() => { const t = document.getElementById("tooltip");
		return {visible: !t.hidden && getComputedStyle(t).display !== "none" && t.getBoundingClientRect().width > 0,
			text: t.textContent.trim()}; })()`
	type tip struct {
		Visible bool   `json:"visible"`
		Text    string `json:"text"`
	}
	p.waitFor("the tooltip "+name, func() (bool, string) {
		got := evalJS[tip](p, tooltip)
		return got.Visible && got.Text == name, fmt.Sprintf("%+v", got)
	})

	p.zoomTo(caspianWater, 7)
	wx, wy := p.project(caspianWater[0], caspianWater[1])
	p.requireCanvasAt(wx, wy)
	if got := p.colourAt(caspianWater[0], caspianWater[1]); !colorNear(got, waterColor, colorTolerance) {
		t.Fatalf("the map at %v = %s; want open water %s", caspianWater, hex(got), hex(waterColor))
	}
	if f := evalJS[*struct{ ID string }](p, jsCall("featureAt", wx, wy)); f != nil {
		t.Fatalf("featureAt(the middle Caspian) = %+v; want null, open water", f)
	}
	p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: wx + 5, Y: wy + 5}),
		mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: wx, Y: wy}))
	p.waitFor("the tooltip to hide over water", func() (bool, string) {
		got := evalJS[tip](p, tooltip)
		return !got.Visible, fmt.Sprintf("%+v", got)
	})
}

// lineCoords decodes a LineString's or MultiLineString's vertices.
func lineCoords(t *testing.T, f layerFeature) [][2]float64 {
	t.Helper()
	var pts [][2]float64
	switch f.Type {
	case "LineString":
		if err := json.Unmarshal(f.Coordinates, &pts); err != nil {
			t.Fatal(err)
		}
	case "MultiLineString":
		var parts [][][2]float64
		if err := json.Unmarshal(f.Coordinates, &parts); err != nil {
			t.Fatal(err)
		}
		for _, part := range parts {
			pts = append(pts, part...)
		}
	default:
		t.Fatalf("%s is a %s; want a line", f.ID, f.Type)
	}
	return pts
}

func TestPipelineClickOpensPanelWithRoute(t *testing.T) {
	cpc := findFeature(t, "energy", "oil-pipeline whose id contains cpc", func(f layerFeature) bool {
		return f.Kind == "oil-pipeline" && strings.Contains(f.ID, "cpc")
	})
	pts := lineCoords(t, cpc)
	if len(pts) < 3 {
		t.Fatalf("%s has %d vertices; want at least 3", cpc.ID, len(pts))
	}
	mid := pts[len(pts)/2]
	p := openMap(t, "")
	p.zoomTo(mid, 7)
	x, y := p.project(mid[0], mid[1])
	p.requireFeatureAt(x, y, cpc.ID)
	p.do(chromedp.MouseClickXY(x, y))
	p.waitPanel(cpc.Name)
	c := p.panelContent()
	if !strings.Contains(c.Text, "Route") || !strings.Contains(c.Text, "→") {
		t.Errorf("the panel of %s does not show a Route with →; text: %q", cpc.Name, c.Text)
	}
	if s := p.state(); s.Selected == nil || *s.Selected != cpc.ID {
		t.Errorf("getState() = %v; want selected %s", s, cpc.ID)
	}
}

// legendKinds are the legend labels of every kind in assets/layers/SCHEMA.md,
// by layer, in legend order.
var legendKinds = []struct {
	layer string
	kinds [][2]string // kind, label
}{
	{"energy", [][2]string{{"oil-field", "Oil field"}, {"gas-field", "Gas field"}, {"oil-gas-field", "Oil and gas field"},
		{"oil-pipeline", "Oil pipeline"}, {"gas-pipeline", "Gas pipeline"}, {"terminal", "Terminal or pumping station"}}},
	{"minerals", [][2]string{{"uranium", "Uranium mine"}, {"rare-earths", "Rare earths"}, {"critical-mineral", "Other critical mineral"},
		{"copper", "Copper mine"}, {"gold", "Gold mine"}}},
	{"trade", [][2]string{{"rail-corridor", "Rail corridor"}, {"road-corridor", "Road corridor"}, {"sea-route", "Sea route"},
		{"port", "Port"}, {"dry-port", "Dry port"}, {"border-crossing", "Border crossing"}}},
	{"cities", [][2]string{{"capital", "Capital"}, {"city", "City"}}},
}

func TestLegendListsEveryKindWithASymbol(t *testing.T) {
	p := openMap(t, "")
	type entry struct {
		Text   string `json:"text"`
		Swatch bool   `json:"swatch"`
	}
	type group struct {
		Layer   string  `json:"layer"`
		Label   string  `json:"label"`
		Checked bool    `json:"checked"`
		Kinds   []entry `json:"kinds"`
	}
	groups := evalJS[[]group](p, `[...document.querySelectorAll("#legend-body input[type=checkbox][data-layer]")].map(box => {
		const g = box.closest(".legend-group");
		const ul = g ? g.querySelector("ul") : null;
		return {layer: box.dataset.layer, label: (box.closest("label") || box).textContent.trim(), checked: box.checked,
			kinds: ul ? [...ul.children].map(li => ({text: li.textContent.trim(),
				swatch: !!li.querySelector("svg polygon, svg line, svg circle, svg rect, svg path")})) : []};
	})`)
	byLayer := map[string]group{}
	for _, g := range groups {
		if _, dup := byLayer[g.Layer]; dup {
			t.Errorf("the legend has two checkboxes for layer %s", g.Layer)
		}
		byLayer[g.Layer] = g
	}
	for _, base := range []string{"countries", "boundaries", "water", "labels"} {
		if g, ok := byLayer[base]; !ok || g.Label == "" || !g.Checked {
			t.Errorf("the legend's checkbox for %s: %+v (found %v); want a labelled, ticked checkbox", base, g, ok)
		}
	}
	for _, l := range legendKinds {
		features, present := readLayer(t, l.layer)
		for _, f := range features {
			if !slices.ContainsFunc(l.kinds, func(k [2]string) bool { return k[0] == f.Kind }) {
				t.Errorf("%s.geojson: %s has kind %q, which no legend entry of %s covers", l.layer, f.ID, f.Kind, l.layer)
			}
		}
		g, shown := byLayer[l.layer]
		if !present || len(features) == 0 {
			if shown {
				t.Errorf("the legend has a %s group, but assets/layers/%s.geojson has no features", l.layer, l.layer)
			}
			continue
		}
		if !shown {
			t.Errorf("the legend has no checkbox for the %s layer (%d features)", l.layer, len(features))
			continue
		}
		if g.Label == "" || !g.Checked {
			t.Errorf("the %s checkbox: label %q, checked %v; want a label and ticked", l.layer, g.Label, g.Checked)
		}
		var want, got []string
		for _, k := range l.kinds {
			want = append(want, k[1])
		}
		for _, e := range g.Kinds {
			got = append(got, e.Text)
			if !e.Swatch {
				t.Errorf("legend entry %q of %s has no SVG symbol", e.Text, l.layer)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("the %s legend lists %q; want %q", l.layer, got, want)
		}
	}
}

// touch dispatches one Input.dispatchTouchEvent.
func touch(typ input.DispatchTouchEventType, points ...[2]float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tps := []*input.TouchPoint{}
		for i, pt := range points {
			id := float64(i + 1)
			tps = append(tps, &input.TouchPoint{X: pt[0], Y: pt[1], ID: &id})
		}
		_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: tps})
		return err
	})
}

func TestTouchPinchZooms(t *testing.T) {
	p := openMap(t, "")
	p.zoomTo([2]float64{64, 44}, 5.5) // room to zoom either way
	w, h := evalJS[float64](p, `innerWidth`), evalJS[float64](p, `innerHeight`)
	cx, cy := w/2, h/2
	p.requireCanvasAt(cx-100, cy)
	p.requireCanvasAt(cx+100, cy)
	before := p.state()
	// Without touch emulation Input.dispatchTouchEvent never returns in
	// headless Chromium.
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5})
		return err
	}))
	moves := p.moves()

	const steps = 10
	actions := []chromedp.Action[chromedp.Void]{touch(input.DispatchTouchEventTypeTouchStart, [2]float64{cx - 100, cy}, [2]float64{cx + 100, cy})}
	for i := 1; i <= steps; i++ {
		half := 100 + 100*float64(i)/steps
		actions = append(actions, touch(input.DispatchTouchEventTypeTouchMove, [2]float64{cx - half, cy}, [2]float64{cx + half, cy}))
	}
	actions = append(actions, touch(input.DispatchTouchEventTypeTouchEnd))
	p.do(actions...)

	p.waitState("the pinch to zoom in", func(s mapState) bool { return s.Zoom > before.Zoom+0.1 })
	p.waitSettled(moves)
	after := p.state()
	if dz := after.Zoom - before.Zoom; dz < 0.5 || dz > 1.5 {
		t.Errorf("zoom went from %.3f to %.3f (%+.3f) after spreading two fingers from 200 to 400 px; want about +1 (0.5 to 1.5)",
			before.Zoom, after.Zoom, dz)
	}
	if !near(after.Center, before.Center, 0.5) {
		t.Errorf("a pinch symmetric about the centre moved the centre from %v to %v; want it kept ± 0.5°", before.Center, after.Center)
	}
	if after.Selected != nil {
		t.Errorf("getState() = %v after a pinch; a pinch must not select", after)
	}
}

func TestResizeKeepsMapDrawn(t *testing.T) {
	p := openMap(t, "")
	// Centre the Caspian so it stays in view, clear of the legend, in a
	// smaller window.
	p.zoomTo(caspianWater, 6)
	frames, moves := p.frames(), p.moves()
	p.do(chromedp.EmulateViewport(800, 600))
	p.waitFor("a frame at the new size", func() (bool, string) {
		n := p.frames()
		return n > frames, fmt.Sprintf("stats().frames = %d (was %d)", n, frames)
	})
	p.waitSettled(moves)
	if w, h := evalJS[float64](p, `innerWidth`), evalJS[float64](p, `innerHeight`); w != 800 || h != 600 {
		t.Fatalf("the window is %.0f×%.0f after EmulateViewport(800, 600)", w, h)
	}
	img, _, dpr := p.screenshot()
	if b := img.Bounds(); math.Abs(float64(b.Dx())-800*dpr) > 1 || math.Abs(float64(b.Dy())-600*dpr) > 1 {
		t.Fatalf("the screenshot is %v; want 800×600 CSS pixels at dpr %g", b, dpr)
	}
	if n := distinctColors(img); n < 16 {
		t.Errorf("the screenshot after resizing has %d distinct colours; want a drawn map", n)
	}
	x, y := p.project(caspianWater[0], caspianWater[1])
	if x < 0 || y < 0 || x >= 800 || y >= 600 {
		t.Fatalf("project(%v) = [%.0f, %.0f]; the middle Caspian left the 800×600 view", caspianWater, x, y)
	}
	p.requireCanvasAt(x, y)
	if got := dominantColor(img, int(x*dpr), int(y*dpr), 3); !colorNear(got, waterColor, colorTolerance) {
		t.Errorf("the middle Caspian after resizing = %s at [%.0f, %.0f]; want water %s", hex(got), x, y, hex(waterColor))
	}
	// The drawing buffer follows the new size: the map reaches the right edge.
	const ex, ey = 790, 400
	p.requireCanvasAt(ex, ey)
	if got := dominantColor(img, int(ex*dpr), int(ey*dpr), 3); got.A != 0xff ||
		colorNear(got, color.RGBA{0, 0, 0, 0xff}, 4) || colorNear(got, color.RGBA{0xff, 0xff, 0xff, 0xff}, 4) {
		t.Errorf("the pixel at (%d, %d), %.2f, is %s after resizing; want the map drawn up to the new edge", ex, ey, p.unproject(ex, ey), hex(got))
	}
}

func TestEscapeReturnsFocus(t *testing.T) {
	p := openMap(t, "")
	kaz := [2]float64{67, 48} // central Kazakhstan, away from any symbol
	x, y := p.project(kaz[0], kaz[1])
	p.requireFeatureAt(x, y, "KAZ")
	p.do(chromedp.MouseClickXY(x, y))
	p.waitPanel("Kazakhstan")
	p.waitFor("focus on the panel's close button", func() (bool, string) {
		tag := evalJS[string](p, `document.activeElement.id || document.activeElement.tagName`)
		return tag == "panel-close", "focus is on " + tag
	})
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitJS("the panel to be hidden", `document.getElementById("panel").hidden`)
	p.waitFor("focus back on the map's canvas", func() (bool, string) {
		tag := evalJS[string](p, `document.activeElement ? document.activeElement.tagName : "none"`)
		return tag == "CANVAS", "document.activeElement is " + tag
	})
	if s := p.state(); s.Selected != nil {
		t.Errorf("getState() = %v after Escape; want selected null", s)
	}
}
