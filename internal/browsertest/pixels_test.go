package browsertest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/chromedp/chromedp"
)

// Colours of the map style (wasm/style.go) the pixel checks look for.
var (
	waterColor   = color.RGBA{0xc6, 0xdc, 0xe8, 0xff}
	centralColor = color.RGBA{0xf3, 0xe3, 0xc3, 0xff}
)

// colorTolerance is how far, per 8-bit channel, a drawn pixel may be from
// the style colour (antialiasing, colour management).
const colorTolerance = 12

// screenshot captures the viewport and returns it with the device pixel
// ratio, which turns CSS pixels into the screenshot's pixels.
func (p *mapPage) screenshot() (img image.Image, pngBytes []byte, dpr float64) {
	p.t.Helper()
	data, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	img, err = png.Decode(bytes.NewReader(data))
	if err != nil {
		p.t.Fatalf("decoding the screenshot: %v", err)
	}
	return img, data, evalJS[float64](p, `window.devicePixelRatio`)
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func colorNear(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) <= tol && d(a.G, b.G) <= tol && d(a.B, b.B) <= tol
}

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// dominantColor is the most common colour in the (2r+1)² square of pixels
// around (x, y): the area's fill, even where a label or border line crosses
// the exact pixel.
func dominantColor(img image.Image, x, y, r int) color.RGBA {
	counts := map[color.RGBA]int{}
	var best color.RGBA
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			pt := image.Pt(x+dx, y+dy)
			if !pt.In(img.Bounds()) {
				continue
			}
			c := rgba(img.At(pt.X, pt.Y))
			counts[c]++
			if counts[c] > counts[best] {
				best = c
			}
		}
	}
	return best
}

// distinctColors counts the colours of every fourth pixel in each direction.
func distinctColors(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			seen[rgba(img.At(x, y))] = true
		}
	}
	return len(seen)
}

// requireMapDrawn checks a screenshot of the home view: many colours, water
// in the middle of the Caspian Sea and Central Asian land in central
// Kazakhstan.
func (p *mapPage) requireMapDrawn(img image.Image, dpr float64) {
	p.t.Helper()
	if n := distinctColors(img); n < 32 {
		p.t.Errorf("the screenshot has %d distinct colours; want at least 32 for a drawn map", n)
	}
	for _, place := range []struct {
		name     string
		lon, lat float64
		want     color.RGBA
	}{
		{"the southern Caspian Sea", 51.5, 38.5, waterColor}, // clear of the sea routes
		{"central Kazakhstan", 62.5, 49.5, centralColor},     // the Turgay steppe, clear of names and lines
	} {
		x, y := p.project(place.lon, place.lat)
		p.requireCanvasAt(x, y) // not under the legend or a panel
		px, py := int(x*dpr), int(y*dpr)
		if !image.Pt(px, py).In(img.Bounds()) {
			p.t.Errorf("project([%g, %g]) = [%.1f, %.1f], outside the %v screenshot", place.lon, place.lat, x, y, img.Bounds())
			continue
		}
		if got := dominantColor(img, px, py, 3); !colorNear(got, place.want, colorTolerance) {
			p.t.Errorf("colour at %s (%g°E %g°N, pixel %d,%d) = %s; want %s ± %d",
				place.name, place.lon, place.lat, px, py, hex(got), hex(place.want), colorTolerance)
		}
	}
}
