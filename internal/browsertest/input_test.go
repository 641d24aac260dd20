package browsertest

import (
	"context"
	"math"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// mouse dispatches one raw mouse event, as a real mouse would send it.
func mouse(params input.DispatchMouseEventParams) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, params)
		return err
	})
}

// wheelParams are Input.dispatchMouseEvent's parameters for a wheel. The
// generated input.DispatchMouseEventParams omits a zero deltaX, which
// DevTools refuses for mouseWheel ("'deltaX' and 'deltaY' are expected").
type wheelParams struct {
	Type   input.DispatchMouseEventType `json:"type"`
	X      float64                      `json:"x"`
	Y      float64                      `json:"y"`
	DeltaX float64                      `json:"deltaX"`
	DeltaY float64                      `json:"deltaY"`
}

var dispatchWheel = cdp.Command[wheelParams, cdp.Empty]{Method: input.CommandDispatchMouseEvent}

// wheel scrolls the mouse wheel by deltaY CSS pixels at (x, y); negative
// is away from the user, which zooms in.
func wheel(x, y, deltaY float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, dispatchWheel, wheelParams{Type: chromedp.MouseWheel, X: x, Y: y, DeltaY: deltaY})
		return err
	})
}

// waitState polls getState until cond holds, and returns that state.
func (p *mapPage) waitState(what string, cond func(mapState) bool) mapState {
	p.t.Helper()
	var s mapState
	p.waitFor(what, func() (bool, string) {
		s = p.state()
		return cond(s), "getState() = " + s.String()
	})
	return s
}

func TestWheelZoomsAroundCursor(t *testing.T) {
	p := openMap(t, "")
	// Off the centre, so a zoom around the centre instead of the cursor
	// would move this point by tens of pixels.
	x, y := 880.0, 250.0
	p.requireCanvasAt(x, y)
	before, under := p.state(), p.unproject(x, y)

	p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x, Y: y}),
		wheel(x, y, -300))
	after := p.waitState("the wheel to zoom in", func(s mapState) bool { return s.Zoom != before.Zoom })

	if after.Zoom <= before.Zoom {
		t.Errorf("zoom went from %.3f to %.3f after wheeling up; want it larger", before.Zoom, after.Zoom)
	}
	if got := p.unproject(x, y); !near(got, under, 0.05) {
		t.Errorf("the place under the cursor (%.0f, %.0f) moved from %.4f to %.4f; want it fixed ± 0.05°", x, y, under, got)
	}
}

func TestDragPansMap(t *testing.T) {
	p := openMap(t, "")
	// The home view sits near the eastern limit; zoom in first so a 100-pixel
	// drag east is not cut short by the limits.
	p.setState(`{zoom: 6, center: [66, 44]}`)
	const fromX, toX, y = 640.0, 540.0, 400.0
	p.requireCanvasAt(fromX, y)
	before, grabbed := p.state(), p.unproject(fromX, y)

	steps := []chromedp.Action[chromedp.Void]{
		mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: fromX, Y: y}),
		mouse(input.DispatchMouseEventParams{Type: chromedp.MousePressed, X: fromX, Y: y,
			Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1}),
	}
	for x := fromX - 10; x >= toX; x -= 10 {
		steps = append(steps, mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: x, Y: y,
			Button: input.MouseButtonLeft, Buttons: 1}))
	}
	steps = append(steps, mouse(input.DispatchMouseEventParams{Type: chromedp.MouseReleased, X: toX, Y: y,
		Button: input.MouseButtonLeft, ClickCount: 1}))
	p.do(steps...)

	after := p.waitState("the drag to move the view east", func(s mapState) bool { return s.Center[0] > before.Center[0] })
	if got := p.unproject(toX, y); !near(got, grabbed, 0.05) {
		t.Errorf("the place grabbed at (%.0f, %.0f), %.4f, is at %.4f under the cursor after the drag; want it to follow the cursor ± 0.05°",
			fromX, y, grabbed, got)
	}
	if math.Abs(after.Zoom-before.Zoom) > 1e-9 {
		t.Errorf("zoom went from %.3f to %.3f during a drag; want it unchanged", before.Zoom, after.Zoom)
	}
	if after.Selected != nil {
		t.Errorf("getState() = %v after a drag; a drag must not select", after)
	}
}

func TestKeyboardPanZoom(t *testing.T) {
	p := openMap(t, "")
	if tag := evalJS[string](p, `(document.querySelector("canvas").focus(), document.activeElement.tagName)`); tag != "CANVAS" {
		t.Fatalf("document.activeElement is %s after canvas.focus(); want CANVAS", tag)
	}
	home := p.state()

	p.do(chromedp.KeyEvent(kb.ArrowRight))
	panned := p.waitState("ArrowRight to move the view east", func(s mapState) bool { return s.Center[0] > home.Center[0] })

	p.do(chromedp.KeyEvent("+"))
	zoomed := p.waitState("+ to zoom in", func(s mapState) bool { return s.Zoom != panned.Zoom })
	if math.Abs(zoomed.Zoom-(panned.Zoom+1)) > 0.01 {
		t.Errorf("zoom went from %.3f to %.3f on +; want one step more", panned.Zoom, zoomed.Zoom)
	}

	p.do(chromedp.KeyEvent("0"))
	reset := p.waitState("0 to reset the view", func(s mapState) bool { return s.Zoom != zoomed.Zoom })
	if !near(reset.Center, home.Center, 0.01) || math.Abs(reset.Zoom-home.Zoom) > 0.01 {
		t.Errorf("getState() = %v after 0; want the initial view %v", reset, home)
	}
}
