package browsertest

import (
	"context"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"heartland/mapstyle"
)

// darkThemeScript makes the page's heartland.config ask for the dark
// theme before the map starts, as a host page may (web/heartland.js): it
// runs before any of the page's scripts and catches the loader's object
// as it is set.
const darkThemeScript = `Object.defineProperty(window, "heartland", {configurable: true, set(api) {
	api.config.theme = "dark";
	Object.defineProperty(window, "heartland", {value: api, writable: true, configurable: true, enumerable: true});
}});`

// TestDarkThemeExportMatchesTheScreen exports the PNG a reader downloads
// from a map in the dark theme and compares it with a screenshot of the
// live canvas at the same places: the sea, a Central Asian state's fill, a
// neighbour's fill and a border. A light-palette export fails it: every
// one of those colours differs between the palettes by far more than the
// tolerance.
func TestDarkThemeExportMatchesTheScreen(t *testing.T) {
	p := newPage(t)
	if _, err := chromedp.Run(p.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: darkThemeScript})
		return err
	})); err != nil {
		t.Fatalf("adding the dark-theme script: %v", err)
	}
	p.load("#map=5/45/66")
	if theme := evalJS[string](p, `document.documentElement.dataset.theme`); theme != mapstyle.ThemeDark {
		t.Fatalf("data-theme = %q; want the map started dark", theme)
	}
	got := awaitJS[exportedPNG](p, `(async () => {
		const blob = await heartland.exportPNG();
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let s = ""; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		return {data: btoa(s), w: innerWidth, h: innerHeight};
	})()`)
	export := got.image(t, "dark-export.png")
	scale := float64(export.Bounds().Dx()) / got.W // the PNG is 2× the map's CSS size

	// The live canvas alone: the page's controls, panels and the highlight
	// layer hidden.
	evalJS[bool](p, `(document.querySelectorAll("body > *:not(canvas)").forEach((e) => e.style.visibility = "hidden"), true)`)
	screen, shot, dpr := p.screenshot()
	os.WriteFile(filepath.Join(outputDir(t), "dark-screen.png"), shot, 0o644)

	at := func(k, x, y float64) image.Point { return image.Pt(int(k*x), int(k*y)) }
	for _, c := range []struct {
		what     string
		lon, lat float64
		palette  color.NRGBA // what the dark palette says it is
	}{
		{"the Caspian (sea)", 51, 41, mapstyle.Dark.Water},
		{"Uzbekistan (a Central Asian state)", 64, 41.5, mapstyle.Dark.Central},
		{"Afghanistan (a neighbour)", 66, 34.5, mapstyle.Dark.Neighbour},
	} {
		x, y := p.project(c.lon, c.lat)
		s, e := at(dpr, x, y), at(scale, x, y)
		onScreen := dominantColor(screen, s.X, s.Y, int(4*dpr))
		exported := dominantColor(export, e.X, e.Y, int(4*scale))
		if !colorNear(onScreen, exported, colorTolerance) || !colorNear(exported, rgba(c.palette), colorTolerance) {
			t.Errorf("%s: export %s, screen %s; want both the dark palette's %s", c.what, hex(exported), hex(onScreen), hex(rgba(c.palette)))
		}
	}

	// A border: Kazakhstan's with Uzbekistan on the Ustyurt plateau, which a
	// short north–south run of pixels at 58°E crosses between 44.4° and
	// 45.6°N; its pixel is the one that differs most from the two states'
	// fill.
	border := func(img image.Image, k float64) color.RGBA {
		x, y0 := p.project(58, 45.6)
		_, y1 := p.project(58, 44.4)
		var best color.RGBA
		bestD := -1
		ref := rgba(mapstyle.Dark.Central)
		for y := int(k * y0); y <= int(k*y1); y++ {
			c := rgba(img.At(int(k*x), y))
			if d := colorDistance(c, ref); d > bestD {
				best, bestD = c, d
			}
		}
		return best
	}
	onScreen, exported := border(screen, dpr), border(export, scale)
	strong := rgba(mapstyle.Dark.BorderStrong)
	t.Logf("the border: export %s, screen %s; the dark palette's %s", hex(exported), hex(onScreen), hex(strong))
	if !colorNear(onScreen, exported, 3*colorTolerance) || colorDistance(exported, strong) > colorDistance(exported, rgba(mapstyle.Light.BorderStrong)) {
		t.Errorf("the border: export %s, screen %s; want alike and nearer the dark palette's %s than the light one's", hex(exported), hex(onScreen), hex(strong))
	}
}

// colorDistance is the largest difference of one channel.
func colorDistance(a, b color.RGBA) int {
	d := 0
	for _, v := range [][2]uint8{{a.R, b.R}, {a.G, b.G}, {a.B, b.B}} {
		d = max(d, max(int(v[0])-int(v[1]), int(v[1])-int(v[0])))
	}
	return d
}
