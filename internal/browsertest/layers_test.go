package browsertest

import (
	"image/color"
	"testing"

	"github.com/chromedp/chromedp"
)

// balkhash is a point in Lake Balkhash's eastern basin, clear of its label.
var balkhash = [2]float64{77.0, 46.6}

// colourAt returns the dominant screenshot colour around a lon/lat.
func (p *mapPage) colourAt(lon, lat float64) color.RGBA {
	img, _, dpr := p.screenshot()
	x, y := p.project(lon, lat)
	return dominantColor(img, int(x*dpr), int(y*dpr), 3)
}

func TestLayersHashHidesLakesAndKeepsTheMapRunning(t *testing.T) {
	p := openMap(t, "#map=5.6/45.5/72&layers=countries,boundaries")
	if got := p.colourAt(balkhash[0], balkhash[1]); !colorNear(got, centralColor, colorTolerance) {
		t.Errorf("Lake Balkhash with lakes off = %s; want Kazakhstan's land %s", hex(got), hex(centralColor))
	}
	s := p.state()
	if len(s.Layers) != 2 || s.Layers[0] != "countries" || s.Layers[1] != "boundaries" {
		t.Errorf("getState().layers = %v; want [countries boundaries]", s.Layers)
	}
	// The map still answers after the layers event fired during start-up.
	if id := evalJS[string](p, `(heartland.featureAt(heartland.project([67, 48])) || {}).id`); id != "KAZ" {
		t.Errorf("featureAt(central Kazakhstan) = %q; want KAZ", id)
	}
}

func TestLegendCheckboxTogglesLakes(t *testing.T) {
	p := openMap(t, "#map=5.6/45.5/72&layers=countries,boundaries,water")
	if got := p.colourAt(balkhash[0], balkhash[1]); !colorNear(got, waterColor, colorTolerance) {
		t.Fatalf("Lake Balkhash = %s; want water %s", hex(got), hex(waterColor))
	}
	p.do(chromedp.Click(`input[data-layer="water"]`))
	p.waitJS("the lakes layer to turn off", `!heartland.getState().layers.includes("water")`)
	if got := p.colourAt(balkhash[0], balkhash[1]); !colorNear(got, centralColor, colorTolerance) {
		t.Errorf("Lake Balkhash after unticking Lakes = %s; want land %s", hex(got), hex(centralColor))
	}
	if h := evalJS[string](p, `location.hash`); !containsAll(h, "layers=", "countries") || containsAll(h, "water") {
		t.Errorf("location.hash = %q; want the layers without water", h)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, part := range parts {
		found := false
		for i := 0; i+len(part) <= len(s); i++ {
			if s[i:i+len(part)] == part {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
