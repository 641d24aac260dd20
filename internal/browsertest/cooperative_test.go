package browsertest

import (
	"context"
	"math"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// ctrlWheel scrolls the wheel with Ctrl held, as a trackpad pinch or a
// reader's Ctrl+scroll does.
func ctrlWheel(x, y, deltaY float64) chromedp.Action[chromedp.Void] {
	type params struct {
		wheelParams
		Modifiers int64 `json:"modifiers"` // Alt=1, Ctrl=2, Meta=4, Shift=8
	}
	cmd := cdp.Command[params, cdp.Empty]{Method: input.CommandDispatchMouseEvent}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params{wheelParams{Type: chromedp.MouseWheel, X: x, Y: y, DeltaY: deltaY}, 2})
		return err
	})
}

func TestCooperativeWheelLeavesZoomUnlessCtrlIsHeld(t *testing.T) {
	p := openMap(t, "#map=5.5/45/66")
	evalJS[bool](p, `(window.__hints = 0, heartland.on("gesturehint", () => window.__hints++), heartland.config = {cooperative: true}, true)`)
	x, y := 700.0, 400.0
	p.requireCanvasAt(x, y)
	before := p.state().Zoom
	p.do(wheel(x, y, -300))
	p.waitJS("a gesture hint for the plain wheel", `window.__hints > 0`)
	if z := p.state().Zoom; math.Abs(z-before) > 1e-9 {
		t.Errorf("plain wheel in cooperative mode changed zoom %.3f → %.3f; want the page to scroll instead", before, z)
	}
	p.do(ctrlWheel(x, y, -300))
	p.waitState("Ctrl+wheel to zoom in", func(s mapState) bool { return s.Zoom > before+0.1 })
	if touch := evalJS[string](p, `document.querySelector("canvas").style.touchAction`); touch != "pan-x pan-y" {
		t.Errorf("canvas touch-action = %q in cooperative mode; want pan-x pan-y so one finger scrolls the page", touch)
	}
}
