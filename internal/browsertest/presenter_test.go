package browsertest

import (
	"image/color"
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

// The projector palette and the spotlight, as drawn (wasm/theme.go,
// wasm/spotlight.go): land outside the spotlit country is the neighbours'
// colour under 60% of a near-black.
var (
	contrastCentral   = color.RGBA{0xf6, 0xd2, 0x82, 0xff}
	contrastNeighbour = color.RGBA{0xf7, 0xf7, 0xf5, 0xff}
	spotlitNeighbour  = color.RGBA{0x6c, 0x6f, 0x73, 0xff}
	lightNeighbour    = color.RGBA{0xec, 0xea, 0xe4, 0xff}
	// The selection's fill, #f2b95a at 45% (wasm/highlight.go, drawn above
	// the canvas), over Central Asia's land, #f3e3c3.
	lightSelectedField = color.RGBA{0xf2, 0xd0, 0x94, 0xff}
)

func TestPresenterModeSwitchesToProjectorColoursAndSpotlightsTheSelection(t *testing.T) {
	inKazakhstan := [2]float64{62.5, 49.5} // the Turgay steppe: no symbol, line or name
	inRussia := [2]float64{60, 56.5}       // the Urals, clear of the page's boxes
	p := newPage(t)
	p.load("?presenter=1#map=4.6/46/64&select=KAZ")
	if theme := evalJS[string](p, `document.documentElement.dataset.theme`); theme != "contrast" {
		t.Errorf("data-theme in presenter mode is %q; want contrast (the page follows the map's palette)", theme)
	}
	p.pollColour("Kazakhstan lit by the spotlight", inKazakhstan, 2, contrastCentral)
	p.pollColour("Russia dimmed outside the spotlight", inRussia, 2, spotlitNeighbour)

	// Without a selection nothing is dimmed; the palette stays the projector's.
	evalJS[bool](p, `heartland.select("")`)
	p.pollColour("Russia no longer dimmed once nothing is selected", inRussia, 2, contrastNeighbour)

	// Leaving presenter mode brings back the reader's theme and the normal selection fill.
	evalJS[bool](p, `heartland.select("KAZ")`)
	evalJS[any](p, `document.querySelector("canvas").focus()`)
	p.do(chromedp.KeyEvent("p"))
	p.waitJS("P to leave presenter mode", `!document.documentElement.classList.contains("presenter")`)
	if theme := evalJS[string](p, `document.documentElement.dataset.theme`); theme != "light" {
		t.Errorf("data-theme after presenter mode is %q; want light again", theme)
	}
	p.pollColour("Russia in the light theme, not dimmed", inRussia, 2, lightNeighbour)
	p.pollColour("Kazakhstan with the light theme's selection fill", inKazakhstan, 2, lightSelectedField)
}
