package browsertest

import (
	"context"
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// holdWasm pauses the page's requests for the wasm until the returned
// release is called, so a test can look at the page before the map runs.
func holdWasm(p *mapPage) (release func()) {
	p.t.Helper()
	paused := make(chan fetch.RequestID, 8)
	if err := chromedp.Listen(p.tab, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			paused <- e.RequestID
		}
	}); err != nil {
		p.t.Fatalf("listening for paused requests: %v", err)
	}
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}}})
		return err
	}))
	return func() {
		p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			for {
				select {
				case id := <-paused:
					// A request of a page navigated away from is gone: its id is refused.
					cdp.Call(ctx, tg, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
				default:
					_, err := cdp.Call(ctx, tg, fetch.Disable, cdp.Empty{})
					return err
				}
			}
		}))
	}
}

// posterShown is true while index.html's poster is drawn over the page.
const posterShown = `(() => {
	const poster = document.getElementById("home-poster"), img = poster && poster.querySelector("img:last-of-type");
	if (!img || poster.hidden || getComputedStyle(poster).display === "none") return false;
	const r = img.getBoundingClientRect();
	return img.complete && img.naturalWidth > 0 && r.width > 0 && Number(getComputedStyle(poster).opacity) > 0.9;
})()`

// posterGone is true once the poster no longer shows.
const posterGone = `(() => {
	const poster = document.getElementById("home-poster");
	return !poster || poster.hidden || getComputedStyle(poster).display === "none";
})()`

// posterRef is a place named by the poster's data-refs and where the
// poster draws it, in CSS pixels.
type posterRef struct{ LonLat, XY [2]float64 }

// posterRefs reads the poster's reference places and finds them on screen
// from the picture's box.
func posterRefs(p *mapPage) []posterRef {
	p.t.Helper()
	return evalJS[[]posterRef](p, `(() => {
		const poster = document.getElementById("home-poster"), img = poster.querySelector("img:last-of-type");
		const box = img.getBoundingClientRect(), k = box.width / img.naturalWidth;
		return poster.dataset.refs.split(" ").map((r) => r.split(",").map(Number)).map(([lon, lat, x, y]) =>
			({LonLat: [lon, lat], XY: [box.left + k * x, box.top + k * y]}));
	})()`)
}

// TestIndexPosterShowsTheHomeViewUntilTheMapIsReady holds the wasm back,
// checks that index.html shows its poster, framed where the live map then
// frames its home view (the two places it names, and the colours at a few
// points, in a wide window with the legend open and a small one with it
// folded), and that it is gone once the map is ready.
func TestIndexPosterShowsTheHomeViewUntilTheMapIsReady(t *testing.T) {
	for _, size := range [][2]int64{{0, 0}, {820, 600}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := newPage(t)
			if size[0] > 0 {
				p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
						Width: size[0], Height: size[1], DeviceScaleFactor: 1})
					return err
				}))
			}
			release := holdWasm(p)
			p.do(chromedp.Navigate(env.baseURL))
			p.waitJS("the poster to show", posterShown)
			if evalJS[bool](p, `document.documentElement.classList.contains("is-live") || !!document.querySelector("canvas")`) {
				t.Fatalf("the map is running with its wasm held back; the check below would not see the poster alone")
			}
			if role := evalJS[string](p, `document.getElementById("home-poster").getAttribute("aria-hidden") + "/" + [...document.querySelectorAll("#home-poster img")].map((i) => i.alt).join()`); role != "true/," {
				t.Errorf("poster aria-hidden/alts = %q; want \"true/,\": decoration, not a second description of the map", role)
			}
			// The preview inside the page covers the same box as the poster
			// that loads over it, so nothing moves when it does.
			if d := evalJS[float64](p, `(() => {
				const imgs = [...document.querySelectorAll("#home-poster img")];
				if (imgs.length !== 2 || !imgs[0].src.startsWith("data:image/png") || imgs[1].src.startsWith("data:")) return -1;
				const [a, b] = imgs.map((i) => i.getBoundingClientRect());
				return Math.max(Math.abs(a.left - b.left), Math.abs(a.top - b.top), Math.abs(a.width - b.width), Math.abs(a.height - b.height));
			})()`); d < 0 || d > 1 {
				t.Errorf("the preview's box is %g px off the poster's; want the same box", d)
			}
			refs := posterRefs(p)
			if len(refs) != 2 {
				t.Fatalf("poster data-refs name %d places; want 2", len(refs))
			}
			posterShot, posterPNG, _ := p.screenshot()
			// Saved to look at beside the failure screenshot of the live map.
			os.WriteFile(filepath.Join(outputDir(t), strings.ReplaceAll(t.Name(), "/", "_")+".poster.png"), posterPNG, 0o644)

			release()
			awaitReady(p)
			for _, r := range refs {
				x, y := p.project(r.LonLat[0], r.LonLat[1])
				if d := math.Hypot(x-r.XY[0], y-r.XY[1]); d > 1.5 {
					t.Errorf("poster draws %v at (%.1f, %.1f); the live map at (%.1f, %.1f): %.1f px apart, want ≤ 1.5", r.LonLat, r.XY[0], r.XY[1], x, y, d)
				}
			}
			p.waitJS("the poster to be gone after heartland.ready", posterGone)
			liveShot, _, _ := p.screenshot()
			// Inside Kazakhstan, Uzbekistan, Turkmenistan and Russia, and in the
			// Caspian, away from names, symbols and the loading message.
			for _, ll := range [][2]float64{{68, 48.5}, {62.5, 42.5}, {57, 40}, {60, 54}, {50.5, 42.5}, {50.5, 45}} {
				x, y := p.project(ll[0], ll[1])
				pt := image.Pt(int(math.Round(x)), int(math.Round(y)))
				if !pt.In(liveShot.Bounds()) {
					continue // off a small window
				}
				want, got := dominantColor(liveShot, pt.X, pt.Y, 3), dominantColor(posterShot, pt.X, pt.Y, 3)
				if !colorNear(got, want, colorTolerance) {
					t.Errorf("at %v, CSS pixel %v: poster %s, live map %s; want the same fill", ll, pt, hex(got), hex(want))
				}
			}
		})
	}
}

// TestIndexPosterStaysAwayFromOtherViewsAndPrint checks that a link to
// another view shows no poster, and that the print handout never has it.
func TestIndexPosterStaysAwayFromOtherViewsAndPrint(t *testing.T) {
	p := newPage(t)
	release := holdWasm(p)
	p.do(chromedp.Navigate(env.baseURL + "#map=6/43/66"))
	p.waitJS("the page to be parsed", `document.readyState !== "loading"`)
	if !evalJS[bool](p, posterGone) {
		t.Errorf("index.html#map=6/43/66 shows the home view's poster; want none for another view")
	}
	p.do(chromedp.Navigate(env.baseURL))
	p.waitJS("the poster to show", posterShown)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if !evalJS[bool](p, posterGone) {
		t.Errorf("the poster shows in print; want only the handout")
	}
	release()
}
