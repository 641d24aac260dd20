package browsertest

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// testTimeout bounds each test. SwiftShader draws WebGL on the CPU, so loading
// and first frames take seconds, not milliseconds.
const testTimeout = 60 * time.Second

// waitTimeout bounds one wait for a condition inside a test.
const waitTimeout = 30 * time.Second

// mapPage is one browser tab running the map for one test.
type mapPage struct {
	t   *testing.T
	tab context.Context // the tab itself; lives until the test ends
	ctx context.Context // the tab with the test's deadline: use it for actions

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
	dialogs []string
}

// newPage opens a tab that records its console and JavaScript dialogs, and
// saves a screenshot and the console under test-output/ if the test fails.
func newPage(t *testing.T) *mapPage {
	t.Helper()
	needBrowser(t)
	tab, closeTab := chromedp.NewContext(env.browser)
	t.Cleanup(closeTab)
	p := &mapPage{t: t, tab: tab}
	// Both subscribe before anything loads, so no early message is lost.
	messages := chromedp.Console(tab)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.console = append(p.console, m)
			p.mu.Unlock()
		}
	}()
	// Listen, unlike Events, sees a dialog before the reply to any later
	// command, so a check after an evaluation cannot miss one.
	err := chromedp.Listen(tab, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			p.mu.Lock()
			p.dialogs = append(p.dialogs, string(d.Type)+": "+d.Message)
			p.mu.Unlock()
			// An open dialog stalls the page; dismiss it so the test can
			// report it. Listeners must not send commands themselves.
			go chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	// Emulate focus, as a reader's visible tab has: document.hasFocus() and
	// focus-dependent behaviour then match a real session.
	if _, err := chromedp.Run(tab, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})); err != nil {
		t.Fatalf("emulating focus: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, testTimeout)
	p.ctx = ctx
	t.Cleanup(cancel)
	t.Cleanup(p.saveArtefacts) // runs first: cleanups run last-in, first-out
	return p
}

// openMap opens the site with a URL hash ("" for none) and waits until the
// first full frame is drawn.
func openMap(t *testing.T, hash string) *mapPage {
	t.Helper()
	p := newPage(t)
	p.load(hash)
	return p
}

func (p *mapPage) load(hash string) {
	p.t.Helper()
	p.do(chromedp.Navigate(env.baseURL + hash))
	// heartland.ready resolves after the first full frame; it rejects with the
	// message the page shows when the map cannot start.
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](
		`(async () => { await window.heartland.ready; return true; })()`, chromedp.EvalAwaitPromise)); err != nil {
		p.t.Fatalf("waiting for heartland.ready: %v", err)
	}
}

// do runs actions in the tab and stops the test on error.
func (p *mapPage) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// evalJS evaluates a JavaScript expression in the page and decodes its value.
func evalJS[T any](p *mapPage, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls check until it reports done, and fails the test with the
// last description it gave when waitTimeout passes.
func (p *mapPage) waitFor(what string, check func() (done bool, got string)) {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		done, got := check()
		if done {
			return
		}
		if time.Now().After(deadline) || p.ctx.Err() != nil {
			p.t.Fatalf("waiting for %s: still %s after %v", what, got, waitTimeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitJS polls a JavaScript condition until it is true.
func (p *mapPage) waitJS(what, cond string) {
	p.t.Helper()
	p.waitFor(what, func() (bool, string) {
		ok := evalJS[bool](p, "!!("+cond+")")
		return ok, fmt.Sprintf("false (%s)", cond)
	})
}

// mapState is heartland.getState().
type mapState struct {
	Center   [2]float64 `json:"center"`
	Zoom     float64    `json:"zoom"`
	Layers   []string   `json:"layers"`
	Selected *string    `json:"selected"`
}

func (s mapState) String() string {
	sel := "null"
	if s.Selected != nil {
		sel = fmt.Sprintf("%q", *s.Selected)
	}
	return fmt.Sprintf("{center: [%.4f, %.4f], zoom: %.3f, selected: %s}", s.Center[0], s.Center[1], s.Zoom, sel)
}

func (p *mapPage) state() mapState {
	p.t.Helper()
	return evalJS[mapState](p, `window.heartland.getState()`)
}

// setState calls heartland.setState with a JavaScript object literal.
func (p *mapPage) setState(literal string) {
	p.t.Helper()
	evalJS[bool](p, "(window.heartland.setState("+literal+"), true)")
}

// project is heartland.project([lon, lat]): CSS pixels of the map.
func (p *mapPage) project(lon, lat float64) (x, y float64) {
	p.t.Helper()
	xy := evalJS[[2]float64](p, fmt.Sprintf(`window.heartland.project([%g, %g])`, lon, lat))
	return xy[0], xy[1]
}

// unproject is heartland.unproject([x, y]): [lon, lat] degrees.
func (p *mapPage) unproject(x, y float64) [2]float64 {
	p.t.Helper()
	return evalJS[[2]float64](p, fmt.Sprintf(`window.heartland.unproject([%g, %g])`, x, y))
}

// requireCanvasAt fails the test unless the map's canvas, not an overlay,
// is what a pointer at (x, y) CSS pixels would reach.
func (p *mapPage) requireCanvasAt(x, y float64) {
	p.t.Helper()
	tag := evalJS[string](p, fmt.Sprintf(
		`(document.elementFromPoint(%g, %g) || {tagName: "nothing"}).tagName`, x, y))
	if tag != "CANVAS" {
		p.t.Fatalf("elementFromPoint(%.0f, %.0f) = %s; want the map's CANVAS", x, y, tag)
	}
}

// warnings returns the console warnings so far.
func (p *mapPage) warnings() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var w []string
	for _, m := range p.console {
		if m.Type == chromedp.ConsoleWarning {
			w = append(w, m.Text)
		}
	}
	return w
}

func (p *mapPage) openedDialogs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.dialogs...)
}

// saveArtefacts writes test-output/<TestName>.png and .console.txt when the
// test failed, or for every test when BROWSERTEST_SCREENSHOTS=all.
func (p *mapPage) saveArtefacts() {
	if !p.t.Failed() && os.Getenv("BROWSERTEST_SCREENSHOTS") != "all" {
		return
	}
	dir := filepath.Join(env.root, "test-output")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Log(err)
		return
	}
	base := filepath.Join(dir, strings.ReplaceAll(p.t.Name(), "/", "_"))
	// The test's own context may have expired; give the screenshot its own.
	ctx, cancel := context.WithTimeout(p.tab, 15*time.Second)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
		p.t.Logf("no screenshot: %v", err)
	} else if err := os.WriteFile(base+".png", png, 0o644); err != nil {
		p.t.Log(err)
	} else {
		p.t.Logf("screenshot: %s", base+".png")
	}
	p.mu.Lock()
	var log strings.Builder
	for _, m := range p.console {
		fmt.Fprintln(&log, m.String())
	}
	for _, d := range p.dialogs {
		fmt.Fprintln(&log, "dialog: "+d)
	}
	p.mu.Unlock()
	if err := os.WriteFile(base+".console.txt", []byte(log.String()), 0o644); err != nil {
		p.t.Log(err)
	} else {
		p.t.Logf("console log: %s", base+".console.txt")
	}
}

// near reports whether a and b differ by at most tol in each coordinate.
func near(a, b [2]float64, tol float64) bool {
	return math.Abs(a[0]-b[0]) <= tol && math.Abs(a[1]-b[1]) <= tol
}

// ftoa formats a float so JavaScript reads back the same number.
func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
