package poster

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"flag"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// data loads the embedded layers and facts once for all tests.
var data = sync.OnceValues(func() ([]geo.Layer, error) { return assets.Layers() })

func mustData(t testing.TB) ([]geo.Layer, assets.Facts) {
	t.Helper()
	layers, err := data()
	if err != nil {
		t.Fatal(err)
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		t.Fatal(err)
	}
	return layers, facts
}

func render(t testing.TB, layers []geo.Layer, opt Options) *Drawing {
	t.Helper()
	_, facts := mustData(t)
	d, err := Render(layers, facts, opt)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return d
}

func svgOf(t testing.TB, d *Drawing) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.SVG(&buf); err != nil {
		t.Fatalf("SVG: %v", err)
	}
	return buf.Bytes()
}

func state(t testing.TB, hash string) geo.State {
	t.Helper()
	s, warnings := geo.ParseHash(hash)
	if len(warnings) > 0 {
		t.Fatalf("ParseHash(%q): %v", hash, warnings)
	}
	return s
}

func TestDefaultSVGIsXMLWithKazakhstanInCentralFill(t *testing.T) {
	layers, _ := mustData(t)
	svg := svgOf(t, render(t, layers, Options{}))
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var viewBox string
	var kazFill string
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "svg":
				viewBox = attrs["viewBox"]
			case "path":
				if attrs["id"] == "KAZ" {
					kazFill = attrs["fill"]
				}
			case "text":
				inText = true
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if viewBox != "0 0 1200 630" {
		t.Errorf("viewBox = %q; want %q", viewBox, "0 0 1200 630")
	}
	if want := "#f3e3c3"; kazFill != want {
		t.Errorf("path KAZ fill = %q; want %q (Light.Central)", kazFill, want)
	}
	if !contains(texts, "KAZAKHSTAN") {
		t.Errorf("texts %q lack KAZAKHSTAN", texts)
	}
	if !contains(texts, DefaultTitle) || !contains(texts, Attribution) {
		t.Errorf("texts lack the title or the attribution")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDefaultSVGIsUnder250KB(t *testing.T) {
	layers, _ := mustData(t)
	svg := svgOf(t, render(t, layers, Options{}))
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(svg)
	w.Close()
	t.Logf("default SVG: %d bytes, %d gzipped", len(svg), gz.Len())
	if len(svg) >= 250_000 {
		t.Errorf("default SVG is %d bytes; want < 250000", len(svg))
	}
}

func TestStateCentredOnAlmatyPutsItsSymbolInTheMiddle(t *testing.T) {
	layers, _ := mustData(t)
	var almaty orb.Point
	found := false
	for _, l := range layers {
		for _, f := range l.Features {
			if f.ID == "almaty" {
				almaty, found = f.Geometry.(orb.Point)
			}
		}
	}
	if !found {
		t.Fatal("no point feature almaty in the data")
	}
	s := geo.State{Center: almaty, Zoom: 7, HasView: true}
	d := render(t, layers, Options{State: s})
	for _, sym := range d.Symbols {
		if sym.ID == "almaty" {
			if math.Abs(sym.X-600) > 2 || math.Abs(sym.Y-315) > 2 {
				t.Errorf("almaty symbol at (%.1f, %.1f); want within 2 px of (600, 315)", sym.X, sym.Y)
			}
			return
		}
	}
	t.Errorf("no almaty symbol among %d", len(d.Symbols))
}

// hostile is a name that would run as script if written unescaped.
const hostile = `<script>alert(1)</script>`

func hostileLayers(t testing.TB) []geo.Layer {
	layers, _ := mustData(t)
	fake := geo.Layer{ID: "mine", Name: hostile, Features: []geo.Feature{
		{ID: `x"><script>alert(2)</script>`, Name: hostile, Kind: "custom-point", Geometry: orb.Point{66, 47}},
		{ID: "area", Name: hostile, Kind: "custom-area",
			Geometry: orb.Polygon{{{60, 44}, {62, 44}, {62, 45}, {60, 45}, {60, 44}}}},
	}}
	return append(append([]geo.Layer{}, layers...), fake)
}

func TestHostileNamesAreEscaped(t *testing.T) {
	// Selected directly, as no URL could name it: the title block shows
	// the selection's name, so that path is escaped too.
	sel := geo.State{Selected: `x"><script>alert(2)</script>`, HasSelect: true}
	d := render(t, hostileLayers(t), Options{Title: hostile, State: sel})
	named := 0
	for _, l := range d.Labels {
		if l.Text == hostile {
			named++
		}
	}
	if named < 2 {
		t.Errorf("hostile text drawn %d times; want the title and the selection at least", named)
	}
	svg := string(svgOf(t, d))
	if strings.Contains(svg, "<script") {
		t.Errorf("SVG holds an unescaped <script>")
	}
	if !strings.Contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("SVG lacks the escaped hostile name")
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Errorf("SVG with hostile names is not XML: %v", err)
	}
}

func TestPNGShowsTheCaspianAsWaterAndKazakhstanAsCentral(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{})
	img := d.PNG()
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
		t.Fatalf("PNG is %v; want 1200×630", b)
	}
	for _, tc := range []struct {
		name   string
		lonLat orb.Point
		want   color.NRGBA
	}{
		{"middle of the Caspian", orb.Point{51.5, 38.5}, Light.Water},
		{"central Kazakhstan", orb.Point{67, 48}, Light.Central},
	} {
		x, y := d.Project(tc.lonLat)
		got := color.NRGBAModel.Convert(img.At(int(x), int(y))).(color.NRGBA)
		if !near(got, tc.want, 10) {
			t.Errorf("%s %v at (%.0f, %.0f) = %v; want %v ±10", tc.name, tc.lonLat, x, y, got, tc.want)
		}
	}
}

func near(a, b color.NRGBA, tol int) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= float64(tol) }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

func TestRenderRejectsBadOptions(t *testing.T) {
	layers, facts := mustData(t)
	for _, opt := range []Options{
		{Width: 10, Height: 630},
		{Width: 1200, Height: 100000},
		{Width: -1, Height: 630},
		{Theme: "sepia"},
	} {
		if _, err := Render(layers, facts, opt); err == nil {
			t.Errorf("Render(%+v) = nil error; want one", opt)
		}
	}
}

func TestLayersHiddenByStateAreNotDrawn(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{State: state(t, "#layers=countries")})
	if len(d.Symbols) != 0 {
		t.Errorf("%d symbols with only countries shown; want 0", len(d.Symbols))
	}
	for _, l := range d.Labels {
		if l.Text == "KAZAKHSTAN" {
			t.Errorf("country names drawn with the labels layer off")
		}
	}
}

func TestSelectedCountryIsHighlightedAndNamed(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{State: state(t, "#select=KGZ")})
	var fill, outline bool
	for _, p := range d.Paths {
		fill = fill || p.Fill == Light.Selected
		outline = outline || p.Stroke == Light.Outline
	}
	if !fill || !outline {
		t.Errorf("selected KGZ: fill %v, outline %v; want both", fill, outline)
	}
	var sub bool
	for _, l := range d.Labels {
		sub = sub || strings.HasPrefix(l.Text, "Kyrgyzstan")
	}
	if !sub {
		t.Errorf("title block does not name the selected Kyrgyzstan")
	}
}

func TestLabelsDoNotOverlap(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{})
	for i, a := range d.Labels {
		for _, b := range d.Labels[i+1:] {
			if math.Abs(a.Box.X-b.Box.X)*2 < a.Box.W+b.Box.W && math.Abs(a.Box.Y-b.Box.Y)*2 < a.Box.H+b.Box.H {
				t.Errorf("labels %q and %q overlap", a.Text, b.Text)
			}
		}
	}
}

func TestAppendTenthsWritesShortNumbers(t *testing.T) {
	for _, tc := range []struct {
		v    int
		sep  bool
		want string
	}{
		{0, false, "0"}, {5, true, " .5"}, {-5, true, "-.5"}, {123, false, "12.3"}, {-120, false, "-12"}, {10, true, " 1"},
	} {
		if got := string(appendTenths(nil, tc.v, tc.sep)); got != tc.want {
			t.Errorf("appendTenths(%d, %v) = %q; want %q", tc.v, tc.sep, got, tc.want)
		}
	}
}

// Golden posters: a small light SVG of the Fergana valley with Kyrgyzstan
// selected, and a small dark PNG of the home view.
func TestGoldenFerganaSVG(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{Width: 480, Height: 300, State: state(t, "#map=7/40.8/71.8&select=KGZ")})
	golden(t, "fergana.svg.golden", svgOf(t, d))
}

func TestGoldenHomeDarkPNG(t *testing.T) {
	layers, _ := mustData(t)
	d := render(t, layers, Options{Width: 600, Height: 315, Theme: "dark"})
	img := d.PNG()
	path := filepath.Join("testdata", "home-dark.png")
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		writeGolden(t, path, buf.Bytes())
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// Pure Go rasterising is deterministic, but allow for float rounding
	// across architectures: mean channel difference under 0.5.
	if diff := meanDiff(img, want); diff > 0.5 {
		t.Errorf("home-dark PNG differs from %s by %.2f per channel on average; want ≤ 0.5 (run go test -update if intended)", path, diff)
	}
}

func meanDiff(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return math.Inf(1)
	}
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			q := color.NRGBAModel.Convert(b.At(x, y)).(color.NRGBA)
			sum += math.Abs(float64(p.R)-float64(q.R)) + math.Abs(float64(p.G)-float64(q.G)) + math.Abs(float64(p.B)-float64(q.B))
		}
	}
	return sum / float64(3*r.Dx()*r.Dy())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		writeGolden(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the rendered poster (%d bytes, want %d); run go test -update if intended", path, len(got), len(want))
	}
}

func writeGolden(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkPosterSVG(b *testing.B) {
	layers, facts := mustData(b)
	for b.Loop() {
		d, err := Render(layers, facts, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.SVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPosterPNG(b *testing.B) {
	layers, facts := mustData(b)
	d, err := Render(layers, facts, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d.PNG()
	}
}
