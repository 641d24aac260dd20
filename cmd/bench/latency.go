package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The latency benchmark clicks country interiors on each map as a reader
// would and times, inside the page, from the pointerdown event's timestamp
// to the first animation frame after the map's answer is in the DOM:
// Heartland's panel (#panel shown, #panel-title naming the country), the
// Leaflet and MapLibre pages' popups (opened from the click handler with the
// country's name). The clicks, their order, the waits between them and the
// check are the same on every map; only the map's own API finds the pixel
// of a place and the country under a pixel.

// clickPlace is a point inside a country, in degrees.
type clickPlace struct {
	ID       string // ISO alpha-3, as the data names the country
	Lon, Lat float64
}

// clickPlaces are 24 points well inside nine countries of the home view,
// ordered so that no two in a row are in the same country (the hover
// benchmark moves from each to the next).
var clickPlaces = []clickPlace{
	{"KAZ", 68, 48.5}, {"UZB", 62.5, 42.5}, {"TKM", 57, 40}, {"KGZ", 74.5, 41.5}, {"RUS", 60, 54},
	{"TJK", 71.5, 38.8}, {"AFG", 65, 35.5}, {"IRN", 54, 36.2}, {"CHN", 84, 42}, {"KAZ", 63, 50},
	{"UZB", 65.5, 40.2}, {"TKM", 60, 38.6}, {"KGZ", 76.5, 41.8}, {"RUS", 52, 52.5}, {"TJK", 73.5, 38.6},
	{"AFG", 68, 35.5}, {"IRN", 52, 35.3}, {"CHN", 82, 44.2}, {"KAZ", 78, 48.8}, {"UZB", 64, 41.5},
	{"TKM", 55.6, 39.2}, {"RUS", 80, 53.5}, {"KGZ", 72.5, 41.2}, {"CHN", 85, 40},
}

// clickCount is how many of clickPlaces are clicked (-clicks).
var clickCount = len(clickPlaces)

// pressStyles are the ways a click arrives: a synthetic click whose button
// is released at once, a 150 ms press, and a touch tap.
var pressStyles = []string{"click 0 ms", "press 150 ms", "touch tap"}

// lostAfter is how long a click may go unanswered before it counts as lost.
const lostAfter = 5 * time.Second

// latencySample is what one latency run of one map measured, in ms; lost
// clicks are counted, not timed.
type latencySample struct {
	Click        map[string][]float64 // by press style, from the pointerdown
	ClickFromUp  map[string][]float64 // the same clicks from the pointerup
	Lost         map[string]int       // by press style
	Missed       []string             // places whose country the map does not show near the point
	Hover        []float64            // Heartland: pointermove → tooltip with the name
	HoverLost    int
	HashSet      []float64 // Heartland: setState → location.hash holds the view
	HashSetLost  int
	HashDrag     []float64 // Heartland: pointerup of a drag → location.hash changed
	HashDragLost int
}

// pageAPI is how the benchmark asks each kind of page for the pixel of a
// place, the country under a pixel, and to close its answer.
type pageAPI struct {
	project, countryAt, close string
	// check is the DOM condition of an answer naming want (a JS string literal).
	check func(want string) string
}

var pageAPIs = map[string]pageAPI{
	"heartland": {
		project:   `heartland.project([%g, %g])`,
		countryAt: `(() => { const f = heartland.featureAt([%g, %g]); return f && f.layer === "countries" ? f.id : null; })()`,
		close:     `heartland.select(null)`,
		check: func(want string) string {
			return `() => !document.getElementById("panel").hidden && document.getElementById("panel-title").textContent === ` + want
		},
	},
	"leaflet": {
		project: `bench.project([%g, %g])`, countryAt: `bench.countryAt(%g, %g)`, close: `bench.closePopup()`,
		check: func(want string) string {
			return `() => { const el = document.querySelector(".leaflet-popup-content"); return !!el && el.textContent === ` + want + ` }`
		},
	},
}

func init() {
	api := pageAPIs["leaflet"]
	api.check = func(want string) string {
		return `() => { const el = document.querySelector(".maplibregl-popup-content"); return !!el && el.textContent === ` + want + ` }`
	}
	pageAPIs["maplibre"] = api
}

// answerClosed is the DOM condition of no answer showing.
var answerClosed = map[string]string{
	"heartland": `document.getElementById("panel").hidden`,
	"leaflet":   `!document.querySelector(".leaflet-popup")`,
	"maplibre":  `!document.querySelector(".maplibregl-popup")`,
}

// measureLatency loads t in a fresh browser and runs the click benchmark in
// each press style, then, for Heartland, the hover and URL hash benchmarks.
func measureLatency(chromium string, t target, dpr float64) (*latencySample, error) {
	tab, pid, stop, err := launch(chromium, dpr)
	if err != nil {
		return nil, err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(tab, 10*time.Minute)
	defer cancel()
	console := trackConsole(tab)
	if err := preparePage(ctx, dpr); err != nil {
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(t))); err != nil {
		return nil, fmt.Errorf("navigating: %w", err)
	}
	var s sample
	if err := awaitReady(ctx, t, &s); err != nil {
		return nil, fmt.Errorf("%s: %w; console: %s", t.Name, err, console.String())
	}
	settle(pid, 30*time.Second)
	api := pageAPIs[t.Kind]
	names, err := countryNames(ctx, t)
	if err != nil {
		return nil, err
	}
	l := &latencySample{Click: map[string][]float64{}, ClickFromUp: map[string][]float64{}, Lost: map[string]int{}}
	for _, style := range pressStyles {
		if style == "touch tap" {
			if _, err := cdp.Call(ctx, chromedp.FromContext(ctx).Target, emulation.SetTouchEmulationEnabled,
				emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}); err != nil {
				return nil, err
			}
		}
		for _, pl := range clickPlaces[:clickCount] {
			x, y, ok, err := findCountry(ctx, api, pl)
			if err != nil {
				return nil, err
			}
			if !ok {
				if style == pressStyles[0] {
					l.Missed = append(l.Missed, fmt.Sprintf("%s at %g,%g", pl.ID, pl.Lon, pl.Lat))
				}
				continue
			}
			ms, err := timeAnswer(ctx, t.Kind, api.check(jsString(names[pl.ID])), "pointerdown", func() error { return press(ctx, style, x, y) })
			if err != nil {
				return nil, err
			}
			logf("%s: %s on %s: %.0f ms", t.Name, style, pl.ID, ms)
			if ms < 0 {
				l.Lost[style]++
				continue
			}
			l.Click[style] = append(l.Click[style], ms)
			if up, err := eval[*float64](ctx, `__bench.probeFromUp`); err == nil && up != nil {
				l.ClickFromUp[style] = append(l.ClickFromUp[style], *up)
			}
		}
	}
	if t.Kind == "heartland" {
		if err := heartlandHoverAndHash(ctx, l); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// countryNames maps country ids to the name each page shows for them:
// Heartland's panel title comes from its fact sheets, so it is read by
// selecting each country once; the anchors show the data's name.
func countryNames(ctx context.Context, t target) (map[string]string, error) {
	names := map[string]string{}
	for _, pl := range clickPlaces {
		if _, ok := names[pl.ID]; ok {
			continue
		}
		if t.Kind != "heartland" {
			name, err := eval[string](ctx, fmt.Sprintf(`(async () => (await bench.data).features.find((f) => f.properties._layer === "countries" && f.properties.id === %s).properties.name)()`, jsString(pl.ID)))
			if err != nil {
				return nil, fmt.Errorf("no country %s in the anchor data: %w", pl.ID, err)
			}
			names[pl.ID] = name
			continue
		}
		name, err := eval[string](ctx, fmt.Sprintf(`(async () => {
			heartland.select(%s);
			for (let i = 0; i < 500; i++) {
				const p = document.getElementById("panel");
				if (!p.hidden && p.textContent) break;
				await new Promise((r) => setTimeout(r, 10));
			}
			const title = document.getElementById("panel-title").textContent;
			heartland.select(null);
			return title;
		})()`, jsString(pl.ID)))
		if err != nil || name == "" {
			return nil, fmt.Errorf("selecting %s gave no panel title (%v)", pl.ID, err)
		}
		names[pl.ID] = name
	}
	return names, nil
}

// findCountry returns a CSS pixel where the page shows pl's country: the
// place itself, or the nearest point of a fixed spiral around it (up to
// 24 px) where no line, symbol or name lies on top.
func findCountry(ctx context.Context, api pageAPI, pl clickPlace) (x, y float64, ok bool, err error) {
	xy, err := eval[[2]float64](ctx, fmt.Sprintf(api.project, pl.Lon, pl.Lat))
	if err != nil {
		return 0, 0, false, err
	}
	for r := 0.0; r <= 24; r += 6 {
		for a := 0; a < 8; a++ {
			px, py := math.Round(xy[0]+r*math.Cos(float64(a)*math.Pi/4)), math.Round(xy[1]+r*math.Sin(float64(a)*math.Pi/4))
			if px < 20 || py < 20 || px > viewW-20 || py > viewH-20 {
				continue
			}
			id, err := eval[*string](ctx, fmt.Sprintf(api.countryAt, px, py))
			if err != nil {
				return 0, 0, false, err
			}
			if id != nil && *id == pl.ID {
				return px, py, true, nil
			}
			if r == 0 {
				break
			}
		}
	}
	return 0, 0, false, nil
}

// timeAnswer closes any answer, waits for the page to be still for a
// moment, arms the probe on event, does act and waits for the probe: the
// ms from the event to the frame after check holds, or -1 if lost.
func timeAnswer(ctx context.Context, kind, check, event string, act func() error) (float64, error) {
	if _, err := eval[any](ctx, "void ("+pageAPIs[kind].close+")"); err != nil {
		return 0, err
	}
	if err := waitJS(ctx, answerClosed[kind], lostAfter); err != nil {
		return 0, fmt.Errorf("the previous answer did not close: %w", err)
	}
	time.Sleep(300 * time.Millisecond) // the closing frame
	if _, err := eval[bool](ctx, fmt.Sprintf(`__bench.probe(%q, %s, %d)`, event, check, lostAfter.Milliseconds())); err != nil {
		return 0, err
	}
	if err := act(); err != nil {
		return 0, err
	}
	return pollProbe(ctx)
}

// press clicks or taps (x, y) CSS pixels in one of pressStyles.
func press(ctx context.Context, style string, x, y float64) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		mouse := func(typ input.DispatchMouseEventType, buttons int64) error {
			_, err := cdp.Call(ctx, tt, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1})
			return err
		}
		switch style {
		case "touch tap":
			if _, err := cdp.Call(ctx, tt, input.DispatchTouchEvent, input.DispatchTouchEventParams{
				Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tt, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
			return err
		case "press 150 ms":
			if err := mouse(chromedp.MousePressed, 1); err != nil {
				return err
			}
			time.Sleep(150 * time.Millisecond)
			return mouse(chromedp.MouseReleased, 0)
		}
		if err := mouse(chromedp.MousePressed, 1); err != nil {
			return err
		}
		return mouse(chromedp.MouseReleased, 0)
	}))
}

// heartlandHoverAndHash runs Heartland's hover benchmark (the mouse moves
// from each click place to the next; the tooltip must name the country)
// and its URL hash benchmark (setState and drags; location.hash must
// follow).
func heartlandHoverAndHash(ctx context.Context, l *latencySample) error {
	if _, err := cdp.Call(ctx, chromedp.FromContext(ctx).Target, emulation.SetTouchEmulationEnabled,
		emulation.SetTouchEmulationEnabledParams{Enabled: false}); err != nil {
		return err
	}
	if _, err := eval[any](ctx, `heartland.select(null)`); err != nil {
		return err
	}
	move := func(x, y float64) error {
		return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tt, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x, Y: y})
			return err
		}))
	}
	api := pageAPIs["heartland"]
	for i, pl := range clickPlaces[:clickCount] {
		x, y, ok, err := findCountry(ctx, api, pl)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		name, err := eval[string](ctx, fmt.Sprintf(`heartland.featureAt([%g, %g]).name`, x, y))
		if err != nil {
			return err
		}
		check := `() => { const t = document.getElementById("tooltip"); return !t.hidden && t.textContent === ` + jsString(name) + ` }`
		if i == 0 { // the starting point
			move(x, y)
			time.Sleep(time.Second)
			continue
		}
		time.Sleep(300 * time.Millisecond)
		if _, err := eval[bool](ctx, fmt.Sprintf(`__bench.probe("pointermove", %s, %d)`, check, lostAfter.Milliseconds())); err != nil {
			return err
		}
		if err := move(x, y); err != nil {
			return err
		}
		ms, err := pollProbe(ctx)
		if err != nil {
			return err
		}
		if ms < 0 {
			l.HoverLost++
		} else {
			l.Hover = append(l.Hover, ms)
		}
	}
	return heartlandHash(ctx, l)
}

// pollProbe waits for the armed probe's result.
func pollProbe(ctx context.Context) (float64, error) {
	for end := time.Now().Add(lostAfter + 2*time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		v, err := eval[*float64](ctx, `__bench.probeResult`)
		if err != nil {
			return 0, err
		}
		if v != nil {
			return *v, nil
		}
	}
	return -1, nil
}

// hashViews are the views setState moves to, each away from the last.
var hashViews = [][3]float64{{66, 43, 6}, {70, 45, 5.5}, {60, 41, 6.5}, {75, 42, 6}, {64, 47, 5.5}}

// heartlandHash times how long location.hash takes to follow a move: five
// setState calls and five mouse drags, from the call (or the drag's
// pointerup) to the first check, every 4 ms, that finds the new view.
func heartlandHash(ctx context.Context, l *latencySample) error {
	for _, v := range hashViews {
		ms, err := eval[float64](ctx, fmt.Sprintf(`(async () => {
			const before = location.hash, t0 = performance.now();
			heartland.setState({center: [%g, %g], zoom: %g});
			// The hash holds map=ZOOM/LAT/LON (geo.State.Hash).
			const holds = () => {
				const m = /(?:^#|&)map=([0-9.]+)\/(-?[0-9.]+)\/(-?[0-9.]+)/.exec(location.hash);
				return !!m && Math.abs(m[1] - %g) < 0.02 && Math.abs(m[2] - %g) < 0.01 && Math.abs(m[3] - %g) < 0.01;
			};
			while (performance.now() - t0 < %d) {
				if (location.hash !== before && holds()) return performance.now() - t0;
				await new Promise((r) => setTimeout(r, 4));
			}
			return -1;
		})()`, v[0], v[1], v[2], v[2], v[1], v[0], lostAfter.Milliseconds()))
		if err != nil {
			return err
		}
		if ms < 0 {
			l.HashSetLost++
		} else {
			l.HashSet = append(l.HashSet, ms)
		}
		time.Sleep(500 * time.Millisecond)
	}
	for i := range 5 {
		if _, err := eval[bool](ctx, fmt.Sprintf(`(() => {
			__bench.probeResult = null;
			const before = location.hash;
			window.addEventListener("pointerup", (e) => {
				const t0 = e.timeStamp;
				const poll = () => {
					if (location.hash !== before) __bench.probeResult = performance.now() - t0;
					else if (performance.now() - t0 > %d) __bench.probeResult = -1;
					else setTimeout(poll, 4);
				};
				poll();
			}, {capture: true, once: true});
			return true;
		})()`, lostAfter.Milliseconds())); err != nil {
			return err
		}
		dx := 120.0
		if i%2 == 1 {
			dx = -120
		}
		if err := drag(ctx, viewW/2, viewH/2, dx, 40); err != nil {
			return err
		}
		ms, err := pollProbe(ctx)
		if err != nil {
			return err
		}
		if ms < 0 {
			l.HashDragLost++
		} else {
			l.HashDrag = append(l.HashDrag, ms)
		}
		time.Sleep(500 * time.Millisecond)
	}
	return nil
}

// drag presses at (x, y), moves by (dx, dy) in 10 steps 16 ms apart, and
// releases.
func drag(ctx context.Context, x, y, dx, dy float64) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		mouse := func(typ input.DispatchMouseEventType, x, y float64, buttons int64) error {
			_, err := cdp.Call(ctx, tt, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1})
			return err
		}
		if err := mouse(chromedp.MousePressed, x, y, 1); err != nil {
			return err
		}
		for i := 1; i <= 10; i++ {
			time.Sleep(16 * time.Millisecond)
			if err := mouse(chromedp.MouseMoved, x+dx*float64(i)/10, y+dy*float64(i)/10, 1); err != nil {
				return err
			}
		}
		return mouse(chromedp.MouseReleased, x+dx, y+dy, 0)
	}))
}

// waitJS polls a JavaScript condition until it holds or limit passes.
func waitJS(ctx context.Context, cond string, limit time.Duration) error {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		ok, err := eval[bool](ctx, "!!("+cond+")")
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
	}
	return fmt.Errorf("%s still false after %v", cond, limit)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b := strings.Builder{}
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
