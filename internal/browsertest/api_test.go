package browsertest

import (
	"math"
	"testing"
	"time"
)

func TestFeatureAtAndProjectRoundTrip(t *testing.T) {
	p := openMap(t, "#"+baseLayersOnly)
	tashkent := [2]float64{69.24, 41.31}
	x, y := p.project(tashkent[0], tashkent[1])
	if back := p.unproject(x, y); !near(back, tashkent, 1e-6) {
		t.Errorf("unproject(project(%v)) = %v; want %v ± 1e-6", tashkent, back, tashkent)
	}

	type feature struct {
		ID    string `json:"id"`
		Kind  string `json:"kind"`
		Name  string `json:"name"`
		Layer string `json:"layer"`
	}
	x, y = p.project(76.9, 43.25)
	if f := evalJS[*feature](p, jsCall("featureAt", x, y)); f == nil || f.ID != "KAZ" {
		t.Errorf("featureAt(project(Almaty)) = %+v; want id KAZ", f)
	}
	x, y = p.project(51.0, 42.0)
	if f := evalJS[*feature](p, jsCall("featureAt", x, y)); f != nil {
		t.Errorf("featureAt(project(middle of the Caspian)) = %+v; want null", f)
	}
}

func TestSetStateAndEvents(t *testing.T) {
	p := openMap(t, "")
	evalJS[bool](p, `(window.__sel = [], window.heartland.on("select", s => window.__sel.push(s && s.id)), true)`)

	if !evalJS[bool](p, `window.heartland.select("TKM")`) {
		t.Fatal(`heartland.select("TKM") = false; want true`)
	}
	if sel := evalJS[[]*string](p, `window.__sel`); len(sel) == 0 || sel[len(sel)-1] == nil || *sel[len(sel)-1] != "TKM" {
		t.Errorf(`select listener got %v; want it to end with "TKM"`, derefAll(sel))
	}
	p.waitPanel("Turkmenistan")

	p.setState(`{zoom: 6, center: [60, 40]}`)
	if s := p.state(); !near(s.Center, [2]float64{60, 40}, 0.01) || math.Abs(s.Zoom-6) > 0.01 {
		t.Errorf("getState() = %v after setState({zoom: 6, center: [60, 40]}); want that view ± 0.01", s)
	}
	// Zoom 5 may be further out than the limits allow in this window: then
	// the map stops at its smallest zoom, which setState({zoom: 0}) reveals,
	// and keeps the requested centre in view.
	p.setState(`{zoom: 0}`)
	minZoom := p.state().Zoom
	p.setState(`{zoom: 5, center: [60, 40]}`)
	s := p.state()
	if want := math.Max(5, minZoom); math.Abs(s.Zoom-want) > 0.01 {
		t.Errorf("getState() = %v after setState({zoom: 5, center: [60, 40]}); want zoom %.3f (5, or the smallest allowed, %.3f)", s, want, minZoom)
	}
	if minZoom <= 5 && !near(s.Center, [2]float64{60, 40}, 0.01) {
		t.Errorf("getState() = %v after setState({zoom: 5, center: [60, 40]}); want center [60, 40] ± 0.01", s)
	}
	w, h := evalJS[float64](p, `innerWidth`), evalJS[float64](p, `innerHeight`)
	if x, y := p.project(60, 40); x < 0 || y < 0 || x > w || y > h {
		t.Errorf("project([60, 40]) = [%.0f, %.0f] after setState({zoom: 5, center: [60, 40]}); want it inside the %.0f×%.0f map", x, y, w, h)
	}
	if evalJS[bool](p, `window.heartland.select("NOPE")`) {
		t.Error(`heartland.select("NOPE") = true; want false for an unknown id`)
	}
	if s := p.state(); s.Selected == nil || *s.Selected != "TKM" {
		t.Errorf(`getState() = %v after select("NOPE"); want TKM still selected`, s)
	}
}

func TestStatsAndIdle(t *testing.T) {
	p := openMap(t, "")
	type stats struct {
		Frames      int     `json:"frames"`
		LastFrameMs float64 `json:"lastFrameMs"`
		HeapBytes   float64 `json:"heapBytes"`
	}
	before := evalJS[stats](p, `window.heartland.stats()`)
	if before.Frames <= 0 || before.LastFrameMs < 0 || before.HeapBytes <= 0 {
		t.Errorf("stats() = %+v; want frames > 0, lastFrameMs ≥ 0, heapBytes > 0", before)
	}
	// Measuring idleness needs time with nothing happening: a still map
	// must not redraw.
	time.Sleep(time.Second)
	if after := evalJS[stats](p, `window.heartland.stats()`); after.Frames != before.Frames {
		t.Errorf("stats().frames went from %d to %d in 1 s without input; want no redraws while still", before.Frames, after.Frames)
	}
}

// jsCall formats window.heartland.fn([a, b]).
func jsCall(fn string, a, b float64) string {
	return "window.heartland." + fn + "([" + ftoa(a) + ", " + ftoa(b) + "])"
}

func derefAll(ss []*string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "null"
		if s != nil {
			out[i] = *s
		}
	}
	return out
}
