package main

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// recorderJS is added to every page before its own scripts: it records the
// wasm memories a page instantiates, paint entries, and frame intervals.
//
//go:embed recorder.js
var recorderJS string

// homeView is the area Heartland's home view frames (homeView in
// wasm/actions.go; west, south, east, north in degrees): the anchors fit it.
var homeView = [4]float64{46, 35, 88, 55.5}

// Viewport of every run, CSS pixels.
const viewW, viewH = 1280, 800

// chromiumFlags are the browser tests' flags (docs/ARCHITECTURE.md): SwiftShader WebGL 2
// on the CPU, no calls to unreachable hosts, no throttling of the tab.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--no-first-run", "--disable-quic",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--use-angle=swiftshader", "--enable-unsafe-swiftshader",
	"--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
	"--disable-renderer-backgrounding", "--window-size=1280,800",
}

// target is one page to measure.
type target struct {
	Name   string // row name in the report
	URL    string
	Kind   string // "heartland", "leaflet" or "maplibre"
	Anchor string // "region" or "ne10m" for the anchors
	Poster bool   // Heartland's embed.html: first pixels are its poster
	Full   bool   // also frames, idle CPU, hit test and memory
}

// sample is what one cold run of one target measured.
type sample struct {
	Bytes              map[string]float64 // encoded bytes by kind, and "total"
	FirstPixelsMs      float64            // cold browser: the page is the first it loads
	WarmFirstPixelsMs  float64            // a running browser that has shown another page
	LiveMs             float64            // Heartland: the first frame of the live map shown
	ReadyMs            float64
	FrameMs            []float64 // rAF intervals over the scripted path
	IdleTreeMsPerS     float64   // CPU of the whole browser process tree
	IdlePageMsPerS     float64   // Performance.getMetrics TaskDuration of the page
	HitUs              float64
	HitRate            float64 // share of the points that hit something
	HeapBytes          float64 // JS heap used plus wasm memory, loaded and still
	HeapAfterPathBytes float64 // the same after the frame path
	GoHeapBytes        float64 // Heartland only: runtime HeapAlloc
	AppFrameP95Ms      float64 // Heartland only: stats().p95FrameMs (Update+Draw)
	Bounds             [4]float64
}

// launch starts a fresh Chromium with an empty profile (so the cache is
// cold) at the given device pixel ratio.
func launch(chromium string, dpr float64) (ctx context.Context, pid int, stop func(), err error) {
	profile, err := os.MkdirTemp("", "heartland-bench-")
	if err != nil {
		return nil, 0, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromium), chromedp.UserDataDir(profile),
		chromedp.Flag("force-device-scale-factor", fmt.Sprint(dpr))}
	for _, f := range chromiumFlags {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if hasValue {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop = func() { cancel(); cancelAlloc(); os.RemoveAll(profile) }
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, 0, nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	p := chromedp.FromContext(ctx).Browser.Process()
	if p == nil {
		stop()
		return nil, 0, nil, fmt.Errorf("%s: no browser process", chromium)
	}
	return ctx, p.Pid, stop, nil
}

// browserVersion returns Browser.getVersion's product and user agent.
func browserVersion(chromium string) (string, error) {
	ctx, _, stop, err := launch(chromium, 1)
	if err != nil {
		return "", err
	}
	defer stop()
	v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		return "", err
	}
	return v.Product + " (V8 " + v.JsVersion + ")", nil
}

// measure runs one target once in a fresh browser, and saves a screenshot
// of the loaded map to shot unless it is "".
func measure(chromium string, t target, dpr float64, shot string) (s sample, err error) {
	tab, pid, stop, err := launch(chromium, dpr)
	if err != nil {
		return s, err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(tab, 3*time.Minute)
	defer cancel()
	bytes := trackBytes(tab)
	console := trackConsole(tab)
	if err := preparePage(ctx, dpr); err != nil {
		return s, err
	}
	url := pageURL(t)
	logf("%s: navigating to %s", t.Name, url)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return s, fmt.Errorf("navigating: %w; console: %s", err, console.String())
	}
	logf("%s: loaded", t.Name)
	if err := awaitReady(ctx, t, &s); err != nil {
		return s, fmt.Errorf("%s: %w; console: %s", t.Name, err, console.String())
	}
	logf("%s: ready", t.Name)
	if shot != "" {
		if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
			os.WriteFile(shot, png, 0o644)
		}
	}
	if t.Full {
		if err := measureInteractive(ctx, t, pid, &s); err != nil {
			return s, fmt.Errorf("%s: %w", t.Name, err)
		}
	}
	s.Bytes = bytes.totals()
	return s, nil
}

// preparePage sets up a fresh tab: network and performance domains, no
// HTTP cache (every run loads every byte), the viewport, and recorder.js.
func preparePage(ctx context.Context, dpr float64) error {
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		for _, step := range []func() error{
			func() error { _, err := cdp.Call(ctx, tt, network.Enable, network.EnableParams{}); return err },
			func() error {
				_, err := cdp.Call(ctx, tt, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
				return err
			},
			func() error { _, err := cdp.Call(ctx, tt, performance.Enable, performance.EnableParams{}); return err },
			func() error { _, err := cdp.Call(ctx, tt, cdpruntime.Enable, cdp.Empty{}); return err },
			func() error {
				_, err := cdp.Call(ctx, tt, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
					Width: viewW, Height: viewH, DeviceScaleFactor: dpr})
				return err
			},
			func() error {
				_, err := cdp.Call(ctx, tt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recorderJS})
				return err
			},
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	}))
}

// pageURL is t's address; the anchors are told the area to fit.
func pageURL(t target) string {
	if t.Kind == "heartland" {
		return t.URL
	}
	return t.URL + fmt.Sprintf("&bounds=%g,%g,%g,%g", homeView[0], homeView[1], homeView[2], homeView[3])
}

// awaitReady waits for the map to be interactive and reads its start-up
// times. Heartland's first pixels are its poster's (embed.html's, and
// index.html's of the home view), or its first frame where no poster shows.
func awaitReady(ctx context.Context, t target, s *sample) error {
	type times struct{ First, Live, Ready float64 }
	expr := `(async () => { await bench.ready; return {First: bench.firstPixelsMs, Live: bench.firstPixelsMs, Ready: bench.readyMs}; })()`
	if t.Kind == "heartland" {
		expr = `(async () => { await heartland.ready;
			const live = await new Promise((res) => __bench.afterNextPaint(() => res(performance.now())));
			return {First: __bench.posterMs || live, Live: live, Ready: heartland.timing.readyMs}; })()`
	}
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[times](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if v.First <= 0 || v.Ready <= 0 {
		return fmt.Errorf("no start-up times (first pixels %v ms, ready %v ms)", v.First, v.Ready)
	}
	s.FirstPixelsMs, s.LiveMs, s.ReadyMs = v.First, v.Live, v.Ready
	return nil
}

// unrelatedPage is what a warm browser shows before it goes to the map.
const unrelatedPage = "data:text/html,<!doctype html><title>Elsewhere</title><h1>An unrelated page</h1><p>The browser is running.</p>"

// measureFirstPixels loads t in a fresh browser and returns its first
// pixels, ms from navigation. With warm, the browser first shows an
// unrelated page, as a reader's running browser has; its HTTP cache is
// empty either way.
func measureFirstPixels(chromium string, t target, dpr float64, warm bool) (float64, error) {
	tab, _, stop, err := launch(chromium, dpr)
	if err != nil {
		return 0, err
	}
	defer stop()
	ctx, cancel := context.WithTimeout(tab, 2*time.Minute)
	defer cancel()
	if err := preparePage(ctx, dpr); err != nil {
		return 0, err
	}
	if warm {
		if err := chromedp.Do(ctx, chromedp.Navigate(unrelatedPage)); err != nil {
			return 0, err
		}
		time.Sleep(500 * time.Millisecond)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(t))); err != nil {
		return 0, err
	}
	expr := `(async () => { await bench.ready; return bench.firstPixelsMs; })()`
	if t.Kind == "heartland" {
		expr = `(async () => {
			for (let i = 0; i < 3000 && !__bench.posterMs; i++) await new Promise((r) => setTimeout(r, 10));
			return __bench.posterMs || -1; })()`
	}
	ms, err := eval[float64](ctx, expr)
	if err == nil && ms <= 0 {
		err = fmt.Errorf("%s showed no poster within 30 s", t.Name)
	}
	return ms, err
}

// measureInteractive settles the loaded map, hit-tests it and reads its
// memory, then runs the frame path, settles again, measures idle CPU and
// reads memory once more.
func measureInteractive(ctx context.Context, t target, pid int, s *sample) error {
	settle(pid, 30*time.Second)
	var err error
	if s.HitUs, s.HitRate, err = hitTest(ctx, t); err != nil {
		return err
	}
	if s.HeapBytes, err = memory(ctx); err != nil {
		return err
	}
	if t.Kind == "heartland" {
		s.GoHeapBytes, _ = eval[float64](ctx, `heartland.stats().heapBytes`)
	}
	if s.FrameMs, err = framePath(ctx); err != nil {
		return err
	}
	if t.Kind == "heartland" {
		s.AppFrameP95Ms, _ = eval[float64](ctx, `heartland.stats().p95FrameMs`)
	}
	logf("frames recorded: %d, median %.1f ms, Heartland p95 Update+Draw %.1f ms", len(s.FrameMs), median(s.FrameMs), s.AppFrameP95Ms)
	settle(pid, 30*time.Second)
	if s.IdleTreeMsPerS, s.IdlePageMsPerS, err = idleCPU(ctx, pid, 5*time.Second); err != nil {
		return err
	}
	logf("idle: %.1f ms/s tree, %.1f ms/s page", s.IdleTreeMsPerS, s.IdlePageMsPerS)
	s.HeapAfterPathBytes, err = memory(ctx)
	return err
}

// hitTest times "what is under this pixel" over the same 1000 pixels on
// every page, in µs per query, and the share of queries that hit.
func hitTest(ctx context.Context, t target) (us, rate float64, err error) {
	call := map[string]string{"heartland": `heartland.featureAt([x, y])`, "leaflet": `bench.hit(x, y)`, "maplibre": `bench.hit(x, y)`}[t.Kind]
	type hits struct{ Us, Rate float64 }
	h, err := eval[hits](ctx, fmt.Sprintf(`(() => { const pts = %s; let found = 0;
		const t0 = performance.now();
		for (const [x, y] of pts) if (%s) found++;
		return {Us: (performance.now() - t0) * 1000 / pts.length, Rate: found / pts.length}; })()`, hitPointsJS(), call))
	return h.Us, h.Rate, err
}

// memory is the page's JS heap after a forced collection plus every wasm
// memory it instantiated, in bytes.
func memory(ctx context.Context) (bytes float64, err error) {
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tt, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
			return err
		}
		u, err := cdp.Call(ctx, tt, cdpruntime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return err
		}
		wasm, err := eval[float64](ctx, `__bench.wasmBytes()`)
		bytes = u.UsedSize + wasm
		return err
	}))
	return bytes, err
}

// hitPointsJS is the same 1000 pseudo-random CSS pixels for every page.
func hitPointsJS() string {
	r := rand.New(rand.NewPCG(6, 2026))
	pts := make([][2]int, 1000)
	for i := range pts {
		pts[i] = [2]int{40 + r.IntN(viewW-80), 40 + r.IntN(viewH-80)}
	}
	b, _ := json.Marshal(pts)
	return string(b)
}

// framePath drives the same 240 input events into every page — 120 mouse
// moves of a drag along a figure of eight, then 120 wheel steps, 60 in and
// 60 back out — one every 16.7 ms whether or not the page keeps up, as a
// real mouse does, and returns the page's frame intervals meanwhile.
func framePath(ctx context.Context) ([]float64, error) {
	if _, err := eval[any](ctx, `__bench.startFrames()`); err != nil {
		return nil, err
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tt *chromedp.Target) error {
		// DevTools answers each event once the page has handled it, so a
		// slow page would slow the path down: send each without waiting.
		send := func(call func() error) {
			wg.Go(func() {
				if err := call(); err != nil {
					mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					mu.Unlock()
				}
			})
		}
		tick := time.NewTicker(time.Second / 60)
		defer tick.Stop()
		for i := range 241 {
			if i > 0 {
				<-tick.C
			}
			send(pathEvent(ctx, tt, i))
		}
		return nil
	}))
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if err = cmp.Or(err, firstErr); err != nil {
		return nil, err
	}
	time.Sleep(500 * time.Millisecond) // the frames the last events cause
	return eval[[]float64](ctx, `__bench.stopFrames()`)
}

// pathEvent is step i of the scripted path: the press, the drag, the
// release, then the wheel.
func pathEvent(ctx context.Context, tt *chromedp.Target, i int) func() error {
	const cx, cy = viewW / 2, viewH / 2
	mouse := func(typ input.DispatchMouseEventType, x, y float64, buttons int64) func() error {
		return func() error {
			_, err := cdp.Call(ctx, tt, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: 1})
			return err
		}
	}
	a := 2 * math.Pi * float64(i%120) / 120
	switch {
	case i == 0:
		return mouse(chromedp.MousePressed, cx, cy, 1)
	case i < 120:
		return mouse(chromedp.MouseMoved, cx+220*math.Sin(a), cy+130*math.Sin(2*a), 1)
	case i == 120:
		return mouse(chromedp.MouseReleased, cx, cy, 0)
	}
	dy := -40.0
	if i > 180 {
		dy = 40
	}
	return func() error {
		_, err := cdp.Call(ctx, tt, dispatchWheel, wheelParams{Type: chromedp.MouseWheel, X: cx + 120*math.Cos(a), Y: cy, DeltaY: dy})
		return err
	}
}

// wheelParams are Input.dispatchMouseEvent's parameters for a wheel: the
// generated type omits a zero deltaX, which DevTools refuses for a wheel.
type wheelParams struct {
	Type   input.DispatchMouseEventType `json:"type"`
	X      float64                      `json:"x"`
	Y      float64                      `json:"y"`
	DeltaX float64                      `json:"deltaX"`
	DeltaY float64                      `json:"deltaY"`
}

var dispatchWheel = cdp.Command[wheelParams, cdp.Empty]{Method: input.CommandDispatchMouseEvent}

// settle waits, up to limit, until a second passes in which the browser
// process tree uses under 50 ms of CPU: the zoom's last frames, tiling and
// re-tessellation are done, so the idle figure measures a still map.
func settle(pid int, limit time.Duration) {
	for end := time.Now().Add(limit); time.Now().Before(end); {
		before := processTreeCPU(pid)
		time.Sleep(time.Second)
		if processTreeCPU(pid)-before < 50*time.Millisecond {
			return
		}
	}
}

// idleCPU measures a still page for d: the CPU time of the browser and all
// its descendant processes, and the page's own TaskDuration, per second.
func idleCPU(ctx context.Context, pid int, d time.Duration) (treeMsPerS, pageMsPerS float64, err error) {
	task := func() (float64, error) {
		m, err := chromedp.Run(ctx, chromedp.Action[*performance.GetMetricsResult](func(ctx context.Context, tt *chromedp.Target) (*performance.GetMetricsResult, error) {
			r, err := cdp.Call(ctx, tt, performance.GetMetrics, cdp.Empty{})
			return &r, err
		}))
		if err != nil {
			return 0, err
		}
		for _, x := range m.Metrics {
			if x.Name == "TaskDuration" {
				return x.Value, nil
			}
		}
		return 0, fmt.Errorf("Performance.getMetrics has no TaskDuration")
	}
	task0, err := task()
	if err != nil {
		return 0, 0, err
	}
	tree0, start := processTreeCPU(pid), time.Now()
	time.Sleep(d)
	tree1, elapsed := processTreeCPU(pid), time.Since(start).Seconds()
	task1, err := task()
	if err != nil {
		return 0, 0, err
	}
	return (tree1 - tree0).Seconds() * 1000 / elapsed, (task1 - task0) * 1000 / elapsed, nil
}

// logf reports progress when BENCH_VERBOSE is set.
func logf(format string, args ...any) {
	if os.Getenv("BENCH_VERBOSE") != "" {
		fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05.000")+" "+format+"\n", args...)
	}
}

func eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// consoleLog keeps the page's console messages and exceptions, to explain
// a run that fails.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

func trackConsole(tab context.Context) *consoleLog {
	l := &consoleLog{}
	chromedp.Listen(tab, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *cdpruntime.EventConsoleAPICalled:
			for _, a := range ev.Args {
				msg += " " + string(a.Value) + a.Description
			}
			msg = string(ev.Type) + ":" + msg
		case *cdpruntime.EventExceptionThrown:
			msg = "exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				msg += " " + ev.ExceptionDetails.Exception.Description
			}
		default:
			return
		}
		l.mu.Lock()
		l.msgs = append(l.msgs, msg)
		l.mu.Unlock()
	})
	return l
}

func (l *consoleLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.msgs) == 0 {
		return "(empty)"
	}
	return strings.Join(l.msgs[max(0, len(l.msgs)-10):], " | ")
}

// byteLog sums the encoded bytes (headers and compressed body) of every
// response, by kind.
type byteLog struct {
	mu      sync.Mutex
	kinds   map[network.RequestID]string
	bytes   map[string]float64
	pending map[network.RequestID]bool
}

func trackBytes(tab context.Context) *byteLog {
	l := &byteLog{kinds: map[network.RequestID]string{}, bytes: map[string]float64{}, pending: map[network.RequestID]bool{}}
	chromedp.Listen(tab, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.pending[ev.RequestID] = true
		case *network.EventLoadingFailed:
			delete(l.pending, ev.RequestID)
		case *network.EventResponseReceived:
			l.kinds[ev.RequestID] = kindOf(ev.Response.URL, ev.Response.MimeType)
		case *network.EventLoadingFinished:
			k := l.kinds[ev.RequestID]
			if k == "" {
				k = "other"
			}
			l.bytes[k] += ev.EncodedDataLength
			l.bytes["total"] += ev.EncodedDataLength
			delete(l.pending, ev.RequestID)
		}
	})
	return l
}

// totals waits, up to 10 s, for requests in flight (a streamed wasm is
// reported finished after the map is ready), then sums.
func (l *byteLog) totals() map[string]float64 {
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		l.mu.Lock()
		n := len(l.pending)
		l.mu.Unlock()
		if n == 0 {
			break
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string]float64{}
	for k, v := range l.bytes {
		out[k] = v
	}
	return out
}

// kindOf sorts a response into html, js, css, wasm, data, image or other.
func kindOf(url, mime string) string {
	u := strings.ToLower(strings.SplitN(url, "?", 2)[0])
	switch {
	case strings.HasSuffix(u, ".wasm") || strings.Contains(mime, "wasm"):
		return "wasm"
	case strings.Contains(mime, "javascript") || strings.HasSuffix(u, ".js") || strings.HasSuffix(u, ".mjs"):
		return "js"
	case strings.Contains(mime, "css"):
		return "css"
	case strings.Contains(mime, "html"):
		return "html"
	case strings.Contains(mime, "json") || strings.HasSuffix(u, ".geojson") || strings.HasSuffix(u, ".bin"):
		return "data"
	case strings.HasPrefix(mime, "image/"):
		return "image"
	}
	return "other"
}
