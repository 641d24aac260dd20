package browsertest

import (
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

func TestPresenterModeFadesControlsUntilTheMouseMovesAndTogglesWithP(t *testing.T) {
	p := newPage(t)
	p.do(chromedp.Navigate(env.baseURL + "?presenter=1#map=5.6/44/66"))
	p.waitJS("presenter mode from the URL", `document.documentElement.classList.contains("presenter") && typeof heartland.stats === "function"`)
	p.waitJS("the controls to fade while the mouse rests", `getComputedStyle(document.querySelector(".controls")).opacity === "0"`)
	p.do(mouse(input.DispatchMouseEventParams{Type: chromedp.MouseMoved, X: 600, Y: 400}))
	p.waitJS("the controls back when the mouse moves", `getComputedStyle(document.querySelector(".controls")).opacity === "1"`)
	evalJS[any](p, `document.querySelector("canvas").focus()`)
	p.do(chromedp.KeyEvent("p"))
	p.waitJS("P to leave presenter mode", `!document.documentElement.classList.contains("presenter")`)
	if pressed := evalJS[string](p, `document.getElementById("presenter-toggle").getAttribute("aria-pressed")`); pressed != "false" {
		t.Errorf("the presenter button says aria-pressed=%q after leaving; want false", pressed)
	}
}
