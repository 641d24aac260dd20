package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestClicksOpenTheirPanelBeforeTheNextFrame presses and releases at once
// (as a fast click or a synthetic one does) on one country after another:
// every click must open its panel within the event, before the map has
// drawn anything, and none may be lost.
func TestClicksOpenTheirPanelBeforeTheNextFrame(t *testing.T) {
	p := openMap(t, "")
	places := []struct {
		lon, lat float64
		title    string
	}{
		// Well inside each country, clear of lines, symbols and names.
		{68, 48.5, "Kazakhstan"}, {62.5, 42.5, "Uzbekistan"}, {57, 40, "Turkmenistan"},
		{76.5, 41.8, "Kyrgyzstan"}, {71.5, 38.8, "Tajikistan"}, {65, 35.5, "Afghanistan"},
	}
	for round := 0; round < 2; round++ {
		for _, pl := range places {
			x, y := p.project(pl.lon, pl.lat)
			if !evalJS[bool](p, fmt.Sprintf(`document.elementFromPoint(%g, %g)?.tagName === "CANVAS"`, x, y)) {
				// The open panel covers the place: close it first.
				evalJS[bool](p, `window.heartland.select(null)`)
			}
			p.requireCanvasAt(x, y)
			frames := p.frames()
			p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MousePressed, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1}),
				mouse(input.DispatchMouseEventParams{Type: chromedp.MouseReleased, X: x, Y: y, Button: input.MouseButtonLeft, ClickCount: 1}))
			// DevTools answers once the page has handled the release: the
			// panel is there now, whatever the frames are doing.
			got := evalJS[string](p, `(() => {
				const open = !document.getElementById("panel").hidden;
				return (open ? document.getElementById("panel-title").textContent : "") + "|" + location.hash;
			})()`)
			title, hash, _ := strings.Cut(got, "|")
			if title != pl.title {
				t.Errorf("round %d: a 0 ms click at %.1f°E %.1f°N opened %q; want %q at once", round, pl.lon, pl.lat, title, pl.title)
			}
			if !strings.Contains(hash, "select=") {
				t.Errorf("round %d: hash %q right after the click; want the selection in it", round, hash)
			}
			if f := p.frames(); f > frames+1 {
				t.Logf("%d frames passed during the click", f-frames)
			}
		}
	}
}

// TestDragMovesTheCanvasByTheCompositor drags the map: while the button is
// down the map draws no frame (the canvas is moved by a CSS transform), and
// once released it is drawn at its new place with no transform left.
func TestDragMovesTheCanvasByTheCompositor(t *testing.T) {
	p := openMap(t, "")
	start := p.moves()
	p.setState(`{zoom: 6, center: [66, 44]}`)
	p.waitSettled(start)
	const x0, y = 640.0, 400.0
	p.requireCanvasAt(x0, y)
	before := p.frames()
	steps := []chromedp.Action[chromedp.Void]{
		mouse(input.DispatchMouseEventParams{Type: chromedp.MousePressed, X: x0, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1}),
	}
	for dx := 10.0; dx <= 120; dx += 10 {
		steps = append(steps, mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x0 + dx, Y: y, Button: input.MouseButtonLeft, Buttons: 1}))
	}
	p.do(steps...)
	transform := evalJS[string](p, `document.querySelector("canvas").style.transform`)
	if want := "translate(120px, 0px)"; !strings.HasPrefix(transform, want) {
		t.Errorf("canvas transform during the drag = %q; want it to start %q", transform, want)
	}
	if during := p.frames() - before; during > 0 {
		t.Errorf("%d frames were drawn during the drag; want the compositor to move the picture", during)
	}
	moved := p.moves()
	p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MouseReleased, X: x0 + 120, Y: y, Button: input.MouseButtonLeft, ClickCount: 1}))
	p.waitSettled(moved)
	if tr := evalJS[string](p, `document.querySelector("canvas").style.transform`); tr != "" {
		t.Errorf("canvas transform after the drag = %q; want none once drawn", tr)
	}
	if bg := evalJS[string](p, `document.body.style.backgroundColor`); bg == "" || bg == "rgb(0, 0, 0)" {
		t.Errorf("body background = %q; what a moved canvas leaves bare must be sea, not black", bg)
	}
	p.requireCanvasAt(x0, y)
	if s := p.state(); s.Selected != nil {
		t.Errorf("a drag selected: getState() = %v", s)
	}
}
