package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Row names of the pages measured.
const (
	nameHeartland  = "Heartland"
	nameEmbed      = "Heartland embed.html"
	nameLeaflet    = "Leaflet"
	nameMapLibre   = "MapLibre"
	nameLeafletNE  = "Leaflet, NE 10m"
	nameMapLibreNE = "MapLibre, NE 10m"
)

// frameBudgetMs is one frame at 60 Hz.
const frameBudgetMs = 1000.0 / 60

// report is everything BENCHMARKS.md shows.
type report struct {
	Date            time.Time
	Took            time.Duration
	Machine         string
	Browser         string
	Flags           []string
	Runs, GoCount   int
	DPRs            []float64
	WasmBrotliBytes float64
	Targets         []target
	Samples         map[float64]map[string][]sample // DPR → target name → runs
	Failures        []string
	LoadBefore      string // load averages, 1 5 15 min
	LoadAfter       string
	Go              []goBench
	Only            string                    // the part run with -only, or ""
	LatencyDPR      float64                   // the DPR of the latency runs
	Latency         map[string]*latencySample // by target name
}

// agg is the medians over the runs of one target at one DPR; a metric the
// target did not measure is absent.
type agg map[string]float64

// Metric keys of agg, with the row label and unit of each.
var metrics = []struct{ key, label string }{
	{"bytes", "bytes transferred, total (KB)"},
	{"warmFirst", "first pixels, browser already running (ms from navigation)"},
	{"first", "first pixels, cold browser (ms from navigation)"},
	{"embedWarm", "embed.html: first pixels, browser already running (ms)"},
	{"poster", "embed.html: first pixels, cold browser (ms)"},
	{"live", "first frame of the live map shown (ms)"},
	{"ready", "interactive, `ready` (ms)"},
	{"embedReady", "embed.html: interactive (ms)"},
	{"frameMedian", "frame interval, median (ms)"},
	{"frameP95", "frame interval, p95 (ms)"},
	{"frameOver", "frames over 16.7 ms (by more than 1 ms of vsync jitter)"},
	{"frames", "frames drawn on the 240-event path"},
	{"appP95", "Heartland Update+Draw, p95 (ms)"},
	{"idleTree", "idle CPU, whole browser process tree (ms/s)"},
	{"idlePage", "idle CPU, page TaskDuration (ms/s)"},
	{"hitUs", "what is under this pixel (µs/query)"},
	{"hitRate", "queries that found a feature (%)"},
	{"heap", "JS heap + wasm memory after GC, loaded (MB)"},
	{"heapAfter", "JS heap + wasm memory after GC, after the path (MB)"},
	{"goHeap", "Go heap in use, loaded (MB)"},
}

var byteKinds = []string{"html", "js", "css", "wasm", "data", "image", "other"}

func aggregate(ss []sample) agg {
	a := agg{}
	if len(ss) == 0 {
		return a
	}
	pick := func(key string, f func(s sample) float64) {
		var xs []float64
		for _, s := range ss {
			if v := f(s); v > 0 || key == "frameOver" || key == "idleTree" || key == "idlePage" || key == "hitRate" {
				xs = append(xs, v)
			}
		}
		if len(xs) > 0 {
			a[key] = median(xs)
		}
	}
	pick("bytes", func(s sample) float64 { return s.Bytes["total"] / 1000 })
	for _, k := range byteKinds {
		pick("bytes."+k, func(s sample) float64 { return s.Bytes[k] / 1000 })
	}
	pick("first", func(s sample) float64 { return s.FirstPixelsMs })
	pick("warmFirst", func(s sample) float64 { return s.WarmFirstPixelsMs })
	pick("live", func(s sample) float64 { return s.LiveMs })
	pick("ready", func(s sample) float64 { return s.ReadyMs })
	if len(ss[0].FrameMs) == 0 {
		return a
	}
	pick("frameMedian", func(s sample) float64 { return median(s.FrameMs) })
	pick("frameP95", func(s sample) float64 { return quantile(s.FrameMs, 0.95) })
	pick("frameOver", func(s sample) float64 {
		n := 0
		for _, f := range s.FrameMs {
			if f > frameBudgetMs+1 { // 1 ms of vsync jitter is not a late frame
				n++
			}
		}
		return float64(n)
	})
	pick("frames", func(s sample) float64 { return float64(len(s.FrameMs)) })
	pick("appP95", func(s sample) float64 { return s.AppFrameP95Ms })
	pick("idleTree", func(s sample) float64 { return s.IdleTreeMsPerS })
	pick("idlePage", func(s sample) float64 { return s.IdlePageMsPerS })
	pick("hitUs", func(s sample) float64 { return s.HitUs })
	pick("hitRate", func(s sample) float64 { return s.HitRate * 100 })
	pick("heap", func(s sample) float64 { return s.HeapBytes / 1e6 })
	pick("heapAfter", func(s sample) float64 { return s.HeapAfterPathBytes / 1e6 })
	pick("goHeap", func(s sample) float64 { return s.GoHeapBytes / 1e6 })
	return a
}

// columns returns the aggregates of one DPR by page, with embed.html's
// figures folded into Heartland's column.
func (r *report) columns(dpr float64) map[string]agg {
	cols := map[string]agg{}
	for _, t := range r.Targets {
		cols[t.Name] = aggregate(r.Samples[dpr][t.Name])
	}
	hl, embed := cols[nameHeartland], cols[nameEmbed]
	if v, ok := embed["first"]; ok {
		hl["poster"] = v
	}
	if v, ok := embed["warmFirst"]; ok {
		hl["embedWarm"] = v
	}
	if v, ok := embed["ready"]; ok {
		hl["embedReady"] = v
	}
	return cols
}

func (r *report) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Heartland benchmarks\n\n")
	w("Written by `make bench` (`go run ./cmd/bench`) on %s; the whole run took %s. ",
		r.Date.Format("2006-01-02 15:04 MST"), r.Took.Round(time.Second))
	w("Reproduce with `make bench`; `go run ./cmd/bench -runs N -dprs 1,2 -count N` after `make dist` sets the run counts.\n\n")
	w("- Machine: %s; %s.\n", r.Machine, runtime.Version())
	w("- Load average (1, 5, 15 min): %s at the start, %s at the end. The machine is shared: figures taken under load are slower than on an idle one.\n", r.LoadBefore, r.LoadAfter)
	if r.Browser != "" {
		w("- Browser: %s, headless, WebGL 2 on SwiftShader (CPU, no GPU), viewport %d×%d CSS px.\n", r.Browser, viewW, viewH)
		w("- Flags: `%s`.\n", strings.Join(r.Flags, " "))
	}
	r.writeTargets(w)
	if r.Browser != "" && r.Only != "latency" {
		r.writeBrowser(w)
	}
	if len(r.Latency) > 0 {
		r.writeLatency(w)
	}
	if len(r.Go) > 0 {
		r.writeGo(w)
	}
	if len(r.Failures) > 0 {
		w("\n## Failed runs (left out of the medians)\n\n")
		for _, f := range r.Failures {
			w("- %s\n", f)
		}
	}
	return b.String()
}

// target checks of issue 6, for Heartland with all layers on.
func (r *report) writeTargets(w func(string, ...any)) {
	if r.Browser == "" {
		return
	}
	w("\n## Targets (Heartland, all layers on)\n\n| target | ")
	for _, d := range r.DPRs {
		w("DPR %g | ", d)
	}
	w("\n|---|")
	for range r.DPRs {
		w("---|")
	}
	w("\n")
	type check func(c map[string]agg) (string, bool, bool) // text, met, known
	colDPR := 0.0                                          // the column being written
	row := func(name string, c check) {
		w("| %s | ", name)
		for _, d := range r.DPRs {
			colDPR = d
			text, met, known := c(r.columns(d))
			switch {
			case !known:
				w("— | ")
			case met:
				w("%s — **met** | ", text)
			default:
				w("%s — **missed** | ", text)
			}
		}
		w("\n")
	}
	atMost := func(key string, limit float64, unit string) check {
		return func(c map[string]agg) (string, bool, bool) {
			v, ok := c[nameHeartland][key]
			return fmt.Sprintf("%.3g %s", v, unit), v <= limit, ok
		}
	}
	withCold := func(warm, cold string) check {
		return func(c map[string]agg) (string, bool, bool) {
			v, ok := c[nameHeartland][warm]
			return fmt.Sprintf("%.0f ms (cold browser %.0f)", v, c[nameHeartland][cold]), v <= 150, ok
		}
	}
	row("1. first pixels ≤ 150 ms, browser running: index.html", withCold("warmFirst", "first"))
	row("1. first pixels ≤ 150 ms, browser running: embed.html", withCold("embedWarm", "poster"))
	row("2. ready ≤ 800 ms and before Leaflet (cold)", func(c map[string]agg) (string, bool, bool) {
		v, ok := c[nameHeartland]["ready"]
		l, okL := c[nameLeaflet]["ready"]
		return fmt.Sprintf("%.0f ms (Leaflet %.0f)", v, l), v <= 800 && v < l, ok && okL
	})
	// Latency is measured at one DPR; the other columns say nothing.
	latencyCheck := func(pick func(*latencySample) ([]float64, int), limit float64) check {
		return func(map[string]agg) (string, bool, bool) {
			l := r.Latency[nameHeartland]
			if l == nil || colDPR != r.LatencyDPR {
				return "", false, false
			}
			xs, lost := pick(l)
			if len(xs) == 0 {
				return fmt.Sprintf("all %d lost", lost), false, true
			}
			p95 := quantile(xs, 0.95)
			return fmt.Sprintf("p95 %.0f ms, %d of %d lost", p95, lost, len(xs)+lost), p95 <= limit && lost == 0, true
		}
	}
	for _, style := range pressStyles {
		row("3. "+style+" → panel: p95 ≤ 50 ms, none lost", latencyCheck(func(l *latencySample) ([]float64, int) { return l.Click[style], l.Lost[style] }, 50))
	}
	row("3. hover → tooltip: p95 ≤ 50 ms", latencyCheck(func(l *latencySample) ([]float64, int) { return l.Hover, l.HoverLost }, 50))
	row("3. URL hash follows a move (setState, drag) ≤ 300 ms", latencyCheck(func(l *latencySample) ([]float64, int) {
		return append(append([]float64{}, l.HashSet...), l.HashDrag...), l.HashSetLost + l.HashDragLost
	}, 300))
	row("4. frame interval median ≤ ½ MapLibre's", func(c map[string]agg) (string, bool, bool) {
		v, ok := c[nameHeartland]["frameMedian"]
		m, okM := c[nameMapLibre]["frameMedian"]
		return fmt.Sprintf("%.1f ms (MapLibre %.1f)", v, m), v <= m/2, ok && okM
	})
	row("4. frame interval p95 ≤ MapLibre's median", func(c map[string]agg) (string, bool, bool) {
		v, ok := c[nameHeartland]["frameP95"]
		m, okM := c[nameMapLibre]["frameMedian"]
		return fmt.Sprintf("%.1f ms (MapLibre median %.1f)", v, m), v <= m, ok && okM
	})
	row("5. memory after the pan/zoom path ≤ 100 MB (JS heap + wasm)", atMost("heapAfter", 100, "MB"))
	row("5. memory loaded ≤ 48 MB (JS heap + wasm)", atMost("heap", 48, "MB"))
	row("6. wasm ≤ 2.0 MB brotli", func(map[string]agg) (string, bool, bool) {
		return fmt.Sprintf("%.2f MB", r.WasmBrotliBytes/1e6), r.WasmBrotliBytes <= 2.0e6, r.WasmBrotliBytes > 0
	})
	row("7. idle CPU ≤ 10 ms/s, whole browser", atMost("idleTree", 10, "ms/s"))
	row("hit test ≤ 10 µs/query (issue 6)", atMost("hitUs", 10, "µs"))
}

// writeLatency is the click, tap, hover and URL hash table.
func (r *report) writeLatency(w func(string, ...any)) {
	w("\n## Clicks, taps, hover and the URL hash\n\n")
	w("One run at DPR %g, after the map has loaded and settled. %d places well inside (up to) nine countries of the home view (Kazakhstan, Uzbekistan, Turkmenistan, Kyrgyzstan, Tajikistan, Afghanistan, Iran, Russia, China) are clicked in turn on each map, in three ways: a synthetic click (CDP mousePressed, then mouseReleased as soon as it is acknowledged), a 150 ms press, and a touch tap (CDP Input.dispatchTouchEvent, touch emulation on). ", r.LatencyDPR, clickCount)
	w("Each map finds the pixel of a place with its own projection and must show the place's country there (Heartland's `featureAt`, Leaflet's SVG path, MapLibre's `queryRenderedFeatures`); if a line or symbol covers it, the nearest clear point up to 24 px away is used. ")
	w("Before each click the previous answer is closed and 300 ms pass. Latency is measured in the page: from the pointerdown event's `timeStamp` (and, for mouse clicks, also from the pointerup's, as a click is complete only then: a 150 ms press cannot be answered within 50 ms of its pointerdown by a map that answers clicks) to the first requestAnimationFrame after a MutationObserver sees the answer naming the right country — Heartland's `#panel` shown with its `#panel-title`, the Leaflet page's popup (`bindPopup`), the MapLibre page's popup (`new maplibregl.Popup()` from `map.on('click', layer, …)`). A click with no answer after 5 s is lost. ")
	w("Hover (Heartland) moves the mouse from each place to the next and times pointermove → `#tooltip` showing the country's name. The URL hash is timed from `setState({center, zoom})` (5 views) or a drag's pointerup (5 drags) until `location.hash` holds the new view, checked every 4 ms.\n\n")
	w("| | Heartland | Leaflet | MapLibre |\n|---|--:|--:|--:|\n")
	cell := func(name string, pick func(*latencySample) ([]float64, int)) string {
		l := r.Latency[name]
		if l == nil {
			return "—"
		}
		xs, lost := pick(l)
		if len(xs) == 0 && lost == 0 {
			return "—"
		}
		if len(xs) == 0 {
			return fmt.Sprintf("all %d lost", lost)
		}
		return fmt.Sprintf("%.0f / %.0f ms, %d of %d lost", median(xs), quantile(xs, 0.95), lost, len(xs)+lost)
	}
	rowOf := func(label string, pick func(*latencySample) ([]float64, int)) {
		w("| %s | %s | %s | %s |\n", label, cell(nameHeartland, pick), cell(nameLeaflet, pick), cell(nameMapLibre, pick))
	}
	for _, style := range pressStyles {
		rowOf(style+" → panel or popup, median / p95", func(l *latencySample) ([]float64, int) { return l.Click[style], l.Lost[style] })
	}
	for _, style := range pressStyles[:2] {
		rowOf("the same "+style+", from its pointerup", func(l *latencySample) ([]float64, int) { return l.ClickFromUp[style], l.Lost[style] })
	}
	rowOf("hover → tooltip, median / p95", func(l *latencySample) ([]float64, int) { return l.Hover, l.HoverLost })
	rowOf("setState → URL hash, median / p95", func(l *latencySample) ([]float64, int) { return l.HashSet, l.HashSetLost })
	rowOf("drag's pointerup → URL hash, median / p95", func(l *latencySample) ([]float64, int) { return l.HashDrag, l.HashDragLost })
	for _, name := range []string{nameHeartland, nameLeaflet, nameMapLibre} {
		if l := r.Latency[name]; l != nil && len(l.Missed) > 0 {
			w("\n%s: no clear point of the country near %s; not clicked.\n", name, strings.Join(l.Missed, ", "))
		}
	}
}

func (r *report) writeBrowser(w func(string, ...any)) {
	w("\n## Browser benchmark\n\n")
	w("Medians of %d cold runs per page and device pixel ratio (a fresh browser and profile each, pages interleaved). ", r.Runs)
	w("All pages draw the same features — `assets/borders/{countries,boundaries,lakes}.geojson` and `assets/layers/*.geojson`, the geometry Heartland draws, exported with its colours and line widths — ")
	w("fitted to the area Heartland's home view frames (lon %g…%g, lat %g…%g; Heartland keeps it clear of its legend, in its Albers projection, the anchors in Web Mercator). ", homeView[0], homeView[2], homeView[1], homeView[3])
	w("The NE 10m columns draw raw Natural Earth 1:10m admin-0 (world-atlas `countries-10m.json`, the whole world) instead. ")
	w("Leaflet 1.9.4 draws SVG; MapLibre GL JS 6.17.0 draws WebGL from one GeoJSON source; both are served brotli-compressed, like Heartland's files. The anchors draw points as circles and no labels (MapLibre would need a glyph server) nor dashes for planned routes; Heartland draws its symbols, labels and dashes, so it does a little more work.\n\n")
	w("How: headless Chromium on SwiftShader gives no paint-timing entries, so first pixels are the task after the next animation frame that follows: the poster image's decode for Heartland (index.html's poster of the home view, embed.html's poster; watched from the moment the parser adds the image), Leaflet adding the layers, MapLibre's first render with the source loaded; the first frame of Heartland's live map is the same after `heartland.ready`. ")
	w("Cold is the first page of a fresh browser; browser already running is another fresh browser that first shows an unrelated page (a data: URL) and then navigates to the map; the HTTP cache is off in both. ")
	w("`ready` is each page's own signal: `heartland.timing.readyMs` (first full frame), Leaflet's layers added, MapLibre's first `idle`. ")
	w("Frames are requestAnimationFrame intervals while the same 240 input events arrive one per 16.7 ms over CDP (a 120-step figure-of-eight drag, then 60 wheel steps in and 60 out). ")
	w("Idle CPU is 5 s of a still map, once a second has passed with under 50 ms of CPU in the browser (30 s at most): utime+stime of the Chromium process tree from /proc, and the page's Performance.getMetrics TaskDuration. ")
	w("The hit test (on the loaded, settled map) times 1000 fixed pseudo-random pixels: `heartland.featureAt` (across the JS–wasm boundary), `map.queryRenderedFeatures`, and `document.elementFromPoint` for Leaflet's SVG. ")
	w("Memory is Runtime.getHeapUsage after a forced GC plus every wasm memory the page instantiated (MapLibre's worker heaps are not included).\n")
	for _, d := range r.DPRs {
		cols := r.columns(d)
		w("\n### Device pixel ratio %g\n\n", d)
		w("| | Heartland | Leaflet | MapLibre | Heartland ÷ Leaflet | Heartland ÷ MapLibre | Leaflet, NE 10m | MapLibre, NE 10m |\n")
		w("|---|--:|--:|--:|--:|--:|--:|--:|\n")
		for _, m := range metrics {
			hl, ok := cols[nameHeartland][m.key]
			l, okL := cols[nameLeaflet][m.key]
			ml, okM := cols[nameMapLibre][m.key]
			if !ok && !okL && !okM {
				continue
			}
			anchorKey := m.key
			if m.key == "poster" || m.key == "embedReady" || m.key == "embedWarm" {
				anchorKey = map[string]string{"poster": "first", "embedReady": "ready", "embedWarm": "warmFirst"}[m.key]
				l, okL = cols[nameLeaflet][anchorKey]
				ml, okM = cols[nameMapLibre][anchorKey]
			}
			w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", m.label, num(hl, ok), num(l, okL), num(ml, okM),
				ratio(hl, l, ok && okL), ratio(hl, ml, ok && okM),
				num(cols[nameLeafletNE][anchorKey], has(cols[nameLeafletNE], anchorKey)),
				num(cols[nameMapLibreNE][anchorKey], has(cols[nameMapLibreNE], anchorKey)))
		}
		w("\nBytes by kind (KB, headers plus compressed body):\n\n| kind | Heartland | Heartland embed.html | Leaflet | MapLibre | Leaflet, NE 10m | MapLibre, NE 10m |\n|---|--:|--:|--:|--:|--:|--:|\n")
		for _, k := range byteKinds {
			key := "bytes." + k
			w("| %s |", k)
			for _, n := range []string{nameHeartland, nameEmbed, nameLeaflet, nameMapLibre, nameLeafletNE, nameMapLibreNE} {
				w(" %s |", num(cols[n][key], has(cols[n], key)))
			}
			w("\n")
		}
	}
}

func (r *report) writeGo(w func(string, ...any)) {
	w("\n## Go benchmarks\n\n")
	w("`go test -run '^$' -bench . -benchmem -count %d` over %s (not internal/browsertest); medians of the runs. Raw output: `build/bench/go-bench.txt`.\n\n",
		r.GoCount, strings.Join(goBenchPackages, " "))
	w("| package | benchmark | time/op | B/op | allocs/op | other |\n|---|---|--:|--:|--:|---|\n")
	for _, g := range r.Go {
		var other []string
		for _, u := range g.Units {
			if !slices.Contains([]string{"ns/op", "B/op", "allocs/op"}, u) {
				other = append(other, fmt.Sprintf("%.4g %s", g.Median[u], u))
			}
		}
		w("| %s | %s | %s | %.4g | %.4g | %s |\n", strings.TrimPrefix(g.Pkg, "heartland/"), strings.TrimPrefix(g.Name, "Benchmark"),
			duration(g.Median["ns/op"]), g.Median["B/op"], g.Median["allocs/op"], strings.Join(other, ", "))
	}
}

// summary is the browser tables, printed when the run ends.
func (r *report) summary() string {
	md := r.markdown()
	if i := strings.Index(md, "\n## Targets"); i >= 0 {
		return md[i:]
	}
	return md
}

func has(a agg, key string) bool { _, ok := a[key]; return ok }

func num(v float64, ok bool) string {
	switch {
	case !ok:
		return "—"
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func ratio(a, b float64, ok bool) string {
	if !ok || b == 0 {
		return "—"
	}
	return fmt.Sprintf("×%.2f", a/b)
}

// duration formats nanoseconds with a readable unit.
func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.3g s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	}
	return fmt.Sprintf("%.3g ns", ns)
}
