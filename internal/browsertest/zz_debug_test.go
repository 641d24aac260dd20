package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZDebugResize(t *testing.T) {
	p := openMap(t, "")
	t.Logf("home %v", p.state())
	p.setState(`{zoom: 5, center: [55, 43]}`)
	p.waitIdle()
	t.Logf("after set %v hash %s", p.state(), evalJS[string](p, `location.hash`))
	p.do(chromedp.EmulateViewport(800, 600))
	p.waitIdle()
	t.Logf("after resize %v hash %s", p.state(), evalJS[string](p, `location.hash`))
	x, y := p.project(51, 42)
	t.Logf("caspian %v %v", x, y)
}
