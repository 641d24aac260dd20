package browsertest

import (
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Ebiten answers a lost WebGL context by reloading the page (v2.8.8,
// internal/ui/ui_js.go); the URL hash holds the whole view, so the reader
// gets the same map back.
func TestLostWebGLContextComesBackWithTheSameView(t *testing.T) {
	p := openMap(t, "")
	p.setState(`{center: [69.2, 41.3], zoom: 6.5, selected: "UZB", layers: ["countries", "boundaries", "water", "labels", "energy"]}`)
	p.waitJS("the hash to hold the view", `/map=6\.50\/41\.3000\/69\.2000/.test(location.hash) && /select=UZB/.test(location.hash)`)
	evalJS[bool](p, `(window.__beforeLoss = true)`)
	evalJS[any](p, `(() => {
	  const gl = document.querySelector("canvas").getContext("webgl2");
	  const ext = gl && gl.getExtension("WEBGL_lose_context");
	  if (ext) ext.loseContext();
	  return !!ext;
	})()`)
	// While the page reloads, evaluations fail ("target navigated"): keep
	// asking until the new page answers.
	reloaded := `window.__beforeLoss === undefined && window.heartland && typeof heartland.getState === "function" && heartland.stats().frames > 0`
	deadline := time.Now().Add(waitTimeout)
	for {
		if ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool]("!!("+reloaded+")")); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reload and draw within %v after the context loss", waitTimeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[any](`heartland.ready`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	s := p.state()
	if math.Abs(s.Zoom-6.5) > 0.01 || !near(s.Center, [2]float64{69.2, 41.3}, 0.01) || s.Selected == nil || *s.Selected != "UZB" {
		t.Errorf("after the context loss getState() = %v; want 6.5 at [69.2, 41.3] with UZB selected", s)
	}
	if len(s.Layers) != 5 {
		t.Errorf("layers after the context loss = %v; want the five that were on", s.Layers)
	}
}
