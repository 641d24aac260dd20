package browsertest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// exportHash is the view the export tests draw: Kazakhstan selected.
const exportHash = "#map=5/45/66&select=KAZ"

// exportedPNG is what the page's heartland.exportPNG gave back.
type exportedPNG struct {
	Data  string             `json:"data"` // base64
	Ms    float64            `json:"ms"`   // from the call to the finished Blob
	W, H  float64            // the map's CSS size
	Steps map[string]float64 // ms per step: svg, decode, draw, encode
}

func TestDownloadPNGIsTwiceTheMapSizeAndShowsTheMap(t *testing.T) {
	p := openMap(t, exportHash)
	var got exportedPNG
	for i := 0; i < 2; i++ { // the second run is the one a reader's click sees: fonts and code warm
		got = awaitJS[exportedPNG](p, `(async () => {
			const t0 = performance.now();
			const blob = await heartland.exportPNG();
			const ms = performance.now() - t0;
			const bytes = new Uint8Array(await blob.arrayBuffer());
			let s = ""; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
			return {data: btoa(s), ms, w: innerWidth, h: innerHeight, steps: heartland.lastExportTiming};
		})()`)
	}
	t.Logf("exportPNG of a %.0f×%.0f view took %.0f ms: %v", got.W, got.H, got.Ms, got.Steps)
	img := got.image(t, "export.png")
	if b := img.Bounds(); b.Dx() != int(2*got.W) || b.Dy() != int(2*got.H) {
		t.Fatalf("PNG is %d×%d; want 2× the %.0f×%.0f map", b.Dx(), b.Dy(), got.W, got.H)
	}
	// The target is 1 s on a reader's machine. Here, with WebGL and canvas
	// on the CPU of a shared 2-core machine, Chromium's PNG encoder alone
	// takes about 2 s for a plain canvas of this size, so the bound is
	// looser: it catches a regression of several times, not milliseconds.
	if got.Ms > 8000 {
		t.Errorf("exportPNG took %.0f ms (%v); want well under 8 s here, 1 s on a reader's machine", got.Ms, got.Steps)
	}
	// Most of a 9×9 block around each place has its area's colour
	// (borders, symbols or a label may cross some of it).
	share := func(lon, lat float64, want color.RGBA) float64 {
		x, y := p.project(lon, lat)
		n := 0
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				if closeColour(rgba(img.At(int(2*x)+dx, int(2*y)+dy)), want, colorTolerance) {
					n++
				}
			}
		}
		return float64(n) / 81
	}
	for _, c := range []struct {
		what     string
		lon, lat float64
		want     color.RGBA
	}{
		{"the Caspian (water)", 51, 41, color.RGBA{0xc6, 0xdc, 0xe8, 0xff}},
		{"selected Kazakhstan", 64, 49, color.RGBA{0xf2, 0xb9, 0x5a, 0xff}},
		{"Uzbekistan (central)", 64, 41.5, color.RGBA{0xf3, 0xe3, 0xc3, 0xff}},
	} {
		if got := share(c.lon, c.lat, c.want); got < 0.5 {
			x, y := p.project(c.lon, c.lat)
			t.Errorf("%s at %v,%v: %.0f%% of pixels are %v (centre %v); want most", c.what, c.lon, c.lat, 100*got, c.want, rgba(img.At(int(2*x), int(2*y))))
		}
	}
	// The title block (top left) holds dark text on its pale panel.
	dark := 0
	for y := 2 * 20; y < 2*44; y++ {
		for x := 2 * 22; x < 2*200; x++ {
			if c := rgba(img.At(x, y)); int(c.R)+int(c.G)+int(c.B) < 300 {
				dark++
			}
		}
	}
	if dark < 300 {
		t.Errorf("title area has %d dark pixels; want its text drawn", dark)
	}
}

// image decodes the PNG and saves it under test-output/ as name.
func (e exportedPNG) image(t *testing.T, name string) image.Image {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(e.Data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("exportPNG is not a PNG: %v", err)
	}
	os.WriteFile(filepath.Join(outputDir(t), name), raw, 0o644)
	return img
}

// awaitJS evaluates an expression that gives a Promise and decodes what it
// resolves to.
func awaitJS[T any](p *mapPage, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// outputDir is test-output/, where the tests leave what a person should
// look at.
func outputDir(t *testing.T) string {
	dir := filepath.Join(env.root, "test-output")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func closeColour(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func TestDownloadSVGIsXMLWithTheSelectedCountryHighlighted(t *testing.T) {
	p := openMap(t, exportHash)
	svg := evalJS[string](p, `heartland.exportSVG()`)
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		Title   string   `xml:"title"`
		Paths   []struct {
			ID   string `xml:"id,attr"`
			Fill string `xml:"fill,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("exported SVG is not XML: %v", err)
	}
	if doc.Title == "" {
		t.Errorf("exported SVG has no <title>")
	}
	highlighted := false
	for _, pt := range doc.Paths {
		highlighted = highlighted || pt.Fill == "#f2b95a"
	}
	if !highlighted || !strings.Contains(svg, `id="KAZ"`) || !strings.Contains(svg, "Kazakhstan · capital") {
		t.Errorf("SVG: Kazakhstan highlighted %v, drawn %v, named %v; want all", highlighted,
			strings.Contains(svg, `id="KAZ"`), strings.Contains(svg, "Kazakhstan · capital"))
	}
	if !strings.Contains(svg, `<g id="legend">`) || !strings.Contains(svg, "@font-face") {
		t.Errorf("SVG lacks the legend or the embedded fonts")
	}

	// A reader's hostile layer comes out escaped and still XML.
	evalJS[map[string]any](p, `heartland.addGeoJSON(`+hostileLayer+`, {name: "<b>Trip</b>"})`)
	svg = evalJS[string](p, `heartland.exportSVG({fonts: false})`)
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("SVG with a hostile layer is not XML: %v", err)
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, "<img") || strings.Contains(svg, "<b>") {
		t.Errorf("SVG holds unescaped markup from the reader's layer")
	}
	if !strings.Contains(svg, "&lt;b&gt;Trip&lt;/b&gt;") {
		t.Errorf("SVG legend lacks the reader's layer name, escaped")
	}
	if e := evalJS[map[string]any](p, `heartland.exportSVG({width: "huge"})`); e["error"] == nil {
		t.Errorf("exportSVG with a bad width = %v; want an error", e)
	}
}

func TestExportedSVGEqualsTheCLIPoster(t *testing.T) {
	p := openMap(t, exportHash)
	// The hash rounds the view: open it again, so the map stands exactly
	// where the CLI will put its camera.
	hash := evalJS[string](p, `location.hash`)
	p = openMap(t, hash)
	svg := evalJS[string](p, `heartland.exportSVG({theme: "light", fonts: false})`)
	size := evalJS[[]int](p, `[innerWidth, innerHeight]`)
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "./cmd/heartland", "poster", "-state", hash, "-width", strconv.Itoa(size[0]), "-height", strconv.Itoa(size[1]), "-theme", "light", "-o", "-")
	cmd.Dir = root
	cli, err := cmd.Output()
	if err != nil {
		t.Fatalf("heartland poster: %v", err)
	}
	if svg != string(cli) {
		os.WriteFile(filepath.Join(outputDir(t), "export-wasm.svg"), []byte(svg), 0o644)
		os.WriteFile(filepath.Join(outputDir(t), "export-cli.svg"), cli, 0o644)
		t.Errorf("the wasm's SVG (%d bytes) differs from `heartland poster -state %q` (%d bytes)", len(svg), hash, len(cli))
	}
}

func TestPrintHandoutHasTheMapPanelAndSourcesOnA4AndLetter(t *testing.T) {
	p := openMap(t, exportHash)
	p.waitJS("the panel to open", panelOpen)
	emulate := func(media string) {
		p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
			return err
		}))
	}
	evalJS[any](p, `heartland.preparePrint(), null`)
	emulate("print")
	defer emulate("")
	for _, check := range []struct{ what, expr string }{
		{"the map as SVG", `getComputedStyle(document.querySelector("#print-sheet svg")).display !== "none"`},
		{"no canvas", `getComputedStyle(document.querySelector("canvas")).display === "none"`},
		{"no buttons", `[...document.querySelectorAll("button")].every((b) => !b.offsetParent)`},
		{"the panel", `!!document.getElementById("panel").offsetParent`},
		{"the view's address", `document.querySelector("#print-sheet figcaption").textContent.includes("select=KAZ")`},
		{"the sources' addresses", `getComputedStyle(document.querySelector(".sources a[href^=http]"), "::after").content.includes("http")`},
	} {
		if !evalJS[bool](p, check.expr) {
			t.Errorf("printed page: want %s", check.what)
		}
	}
	_, shot, _ := p.screenshot()
	os.WriteFile(filepath.Join(outputDir(t), "print.png"), shot, 0o644)

	for _, paper := range []struct {
		name string
		w, h float64 // inches
	}{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}} {
		var pdf []byte
		_, err := chromedp.Run(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: paper.w, PaperHeight: paper.h})
			pdf = res.Data
			return err
		}))
		if err != nil {
			t.Fatalf("printing to PDF on %s: %v", paper.name, err)
		}
		os.WriteFile(filepath.Join(outputDir(t), "print-"+paper.name+".pdf"), pdf, 0o644)
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 50_000 {
			t.Errorf("%s PDF: %d bytes starting %q; want a PDF holding the map", paper.name, len(pdf), pdf[:min(8, len(pdf))])
		}
	}
}
