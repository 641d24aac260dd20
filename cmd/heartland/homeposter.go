package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paulmach/orb"

	"heartland/assets"
	"heartland/geo"
	"heartland/internal/poster"
	"heartland/mapstyle"
)

// index.html's poster: a picture of the home view that shows with the HTML,
// before any script or wasm, framed where the live map will frame it, and
// faded out once the map has drawn (web/heartland.js).
//
// The live map frames poster.HomeView with geo.Camera.FitBoundsPadded and
// the padding of wasm/dom.go's coveredEdges: 56 px at the top (masthead),
// 60 right (buttons), 24 bottom, and on the left 16 px, or the open legend's
// right edge plus 8 px; the legend starts open in windows at least 1000×700
// (wasm/page.go). So the home bound's width on screen is
//
//	fit = min(100vw − left − 60px, (100vh − 80px) · boundW/boundH)
//
// and the rest follows from it by constant ratios, which CSS calc can do:
// the poster is drawn once, covering everything the map can ever show, and
// placed by CSS, so it frames every window size as the map does — apart
// from the legend's width, which depends on the reader's fonts; the page
// corrects that (and any other difference) as the poster fades.

// homePosterName is the poster image, next to index.html.
const homePosterName = "home-poster.png"

// homePosterCSSPlaceholder in index.html becomes the poster's placement rules.
const homePosterCSSPlaceholder = "/*__HOME_POSTER_CSS__*/"

// homePosterRefPlaceholder in index.html becomes two lon/lat points and
// where the poster draws them, for the page's correction.
const homePosterRefPlaceholder = "__HOME_POSTER_REF__"

// homePreviewPlaceholder in index.html becomes the poster's preview, a data:
// URL: a quarter of its width in a few colours, a few tens of KB, that
// shows with the HTML itself, blurred, until the poster has loaded over it.
const homePreviewPlaceholder = "__HOME_POSTER_PREVIEW__"

// homePreviewScale and homePreviewColours make the preview.
const homePreviewScale, homePreviewColours = 4, 24

// Padding of the live map's home view, CSS pixels (wasm/dom.go coveredEdges).
const (
	homePadTop, homePadRight, homePadBottom, homePadLeft = 56, 60, 24, 16
	// homeLegendLeft is the open legend's right edge plus 8 px, as Chromium
	// lays out the legend with Debian's fonts (measured at 1280×800).
	homeLegendLeft = 292
	// Windows narrower or shorter than these start with the legend folded.
	legendOpenMinW, legendOpenMinH = 1000, 700
)

// homePosterRef is the window the poster's pixels are sized for: at this
// size it is drawn at one CSS pixel per pixel, so names and symbols have
// the live map's sizes and its simplification level.
const homePosterRefW, homePosterRefH = 1280, 800

// homePoster is the drawn poster and how to place it.
type homePoster struct {
	img     []byte // the poster, PNG
	preview string // a data: URL of a small PNG of it
	css     string
	refs    string // "lon,lat,x,y lon,lat,x,y": two points and their poster pixels
}

// makeHomePoster draws the area the live map can show (the countries
// layer's bound less the 3% cut margin, as wasm/main.go limits its camera)
// without title, attribution or legend, and writes the CSS that places it.
func makeHomePoster() (*homePoster, error) {
	layers, err := assets.Layers()
	if err != nil {
		return nil, err
	}
	facts, err := assets.LoadFacts()
	if err != nil {
		return nil, err
	}
	limits, err := cameraLimits(layers)
	if err != nil {
		return nil, err
	}
	home := geo.CentralAsia.ForwardBound(poster.HomeView)
	hw, hh := home.Right()-home.Left(), home.Top()-home.Bottom()
	// Metres per CSS pixel inverted: the scale the live map frames home at
	// in the reference window.
	s := math.Min((homePosterRefW-homeLegendLeft-homePadRight)/hw, (homePosterRefH-homePadTop-homePadBottom)/hh)
	zoom := math.Log2(s * 2 * math.Pi * geo.EarthRadius / 256)
	w := int(math.Ceil((limits.Right() - limits.Left()) * s))
	h := int(math.Ceil((limits.Top() - limits.Bottom()) * s))
	st := geo.State{Center: geo.CentralAsia.Inverse(limits.Center()), Zoom: zoom, HasView: true}
	d, err := poster.Render(layers, facts, poster.Options{Width: w, Height: h, State: st})
	if err != nil {
		return nil, err
	}
	withoutTitleBlock(d)
	// A PNG, not the SVG: the browser decodes a PNG off the main thread,
	// but paints an SVG image of thousands of paths on it, which held up
	// the live map's first frame by seconds on software rendering.
	full := d.PNG()
	var img, preview bytes.Buffer
	enc := &png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&img, paletted(full, 256)); err != nil {
		return nil, err
	}
	if err := enc.Encode(&preview, paletted(shrink(full, homePreviewScale), homePreviewColours)); err != nil {
		return nil, err
	}
	// Where the poster put the home bound, in its pixels: measured from the
	// drawing, so it holds whatever the camera's limits did to the view.
	p1, p2 := orb.Point{60, 40}, orb.Point{80, 50}
	w1, w2 := geo.CentralAsia.Forward(p1), geo.CentralAsia.Forward(p2)
	x1, y1 := d.Project(p1)
	x2, y2 := d.Project(p2)
	a := (x2 - x1) / (w2[0] - w1[0])
	tx, ty := x1-a*w1[0], y1+a*w1[1]
	hx0, hx1 := a*home.Left()+tx, a*home.Right()+tx
	hy0, hy1 := ty-a*home.Top(), ty-a*home.Bottom()
	return &homePoster{
		img:     img.Bytes(),
		preview: "data:image/png;base64," + base64.StdEncoding.EncodeToString(preview.Bytes()),
		css:     homePosterCSS(float64(w), float64(h), hx0, hx1, hy0, hy1),
		refs:    fmt.Sprintf("%g,%g,%.2f,%.2f %g,%g,%.2f,%.2f", p1[0], p1[1], x1, y1, p2[0], p2[1], x2, y2),
	}, nil
}

// cameraLimits is the world-metre bound the live map's camera keeps in view.
func cameraLimits(layers []geo.Layer) (orb.Bound, error) {
	var world orb.Bound
	found := false
	for _, l := range layers {
		if l.ID != "countries" {
			continue
		}
		for _, f := range l.Features {
			b := geo.ToWorld(geo.CentralAsia, f.Geometry).Bound()
			if !found {
				world, found = b, true
			} else {
				world = world.Union(b)
			}
		}
	}
	if !found {
		return orb.Bound{}, fmt.Errorf("home poster: no countries layer to bound the map")
	}
	pad := (world.Right() - world.Left()) * 0.03 / 1.06
	return world.Pad(-pad), nil
}

// withoutTitleBlock drops the title panel and the title and attribution
// texts: the page has its own masthead and credits.
func withoutTitleBlock(d *poster.Drawing) {
	d.Panels = nil
	d.Legend = nil
	labels := d.Labels[:0]
	for _, l := range d.Labels {
		if l.Text != d.Title && l.Text != poster.Attribution {
			labels = append(labels, l)
		}
	}
	d.Labels = labels
}

// homePosterCSS places an image of w×h pixels, in which the home bound
// spans x hx0…hx1 and y hy0…hy1, as the live camera frames the bound: it
// fits the bound in the window less the padding, zooms in if the image
// would not cover the window (Camera.MinZoom), then moves the view back
// inside the image's edges (Camera.clamp). --home-fit is the bound's width
// on screen, which sets the image's scale, fit/bw.
func homePosterCSS(w, h, hx0, hx1, hy0, hy1 float64) string {
	bw, bh := hx1-hx0, hy1-hy0
	cx, cy := (hx0+hx1)/2, (hy0+hy1)/2
	rule := func(left float64) string {
		fit := fmt.Sprintf("max(min(100vw - %gpx, (100vh - %dpx) * %.6f), 100vw * %.6f, 100vh * %.6f)",
			left+homePadRight, homePadTop+homePadBottom, bw/bh, bw/w, bw/h)
		width, height := fmt.Sprintf("var(--home-fit) * %.6f", w/bw), fmt.Sprintf("var(--home-fit) * %.6f", h/bw)
		x := fmt.Sprintf("50vw %s - var(--home-fit) * %.6f", cssOffset((left-homePadRight)/2), cx/bw)
		y := fmt.Sprintf("50vh %s - var(--home-fit) * %.6f", cssOffset(float64(homePadTop-homePadBottom)/2), cy/bw)
		return fmt.Sprintf("--home-fit: %s; width: calc(%s); height: calc(%s); left: clamp(100vw - %s, %s, 0px); top: clamp(100vh - %s, %s, 0px);",
			fit, width, height, width, x, height, y)
	}
	var b strings.Builder
	// The frame's own rules come first: the page's stylesheet loads after
	// the poster has shown, so the poster depends on nothing but this.
	water := mapstyle.Light.Water
	fmt.Fprintf(&b, ".home-poster { position: fixed; inset: 0; z-index: 1; overflow: hidden; pointer-events: none; background: var(--water, #%02x%02x%02x); }\n", water.R, water.G, water.B)
	b.WriteString(".home-poster img { position: absolute; display: block; max-width: none; transform-origin: 0 0; }\n")
	b.WriteString(".no-home-poster .home-poster { display: none; }\n")
	fmt.Fprintf(&b, ".home-poster img { %s }\n", rule(homeLegendLeft))
	fmt.Fprintf(&b, "@media (max-width: %gpx), (max-height: %gpx) { .home-poster img { %s } }",
		legendOpenMinW-0.02, legendOpenMinH-0.02, rule(homePadLeft))
	return b.String()
}

// cssOffset writes "+ 5px" or "- 5px": calc wants spaces around its signs.
func cssOffset(px float64) string {
	if px < 0 {
		return fmt.Sprintf("- %gpx", -px)
	}
	return fmt.Sprintf("+ %gpx", px)
}

// writeHomePoster writes the poster into outDir and returns it, for
// index.html's placeholders.
func writeHomePoster(outDir string) (*homePoster, builtFile, error) {
	hp, err := makeHomePoster()
	if err != nil {
		return nil, builtFile{}, fmt.Errorf("home poster: %w", err)
	}
	if err := os.WriteFile(filepath.Join(outDir, homePosterName), hp.img, 0o644); err != nil {
		return nil, builtFile{}, err
	}
	return hp, builtFile{rel: homePosterName, raw: int64(len(hp.img))}, nil
}

// shrink averages each k×k block of src into one pixel.
func shrink(src image.Image, k int) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/k, b.Dy()/k))
	for y := 0; y < dst.Rect.Dy(); y++ {
		for x := 0; x < dst.Rect.Dx(); x++ {
			var sum [4]uint32
			for dy := 0; dy < k; dy++ {
				for dx := 0; dx < k; dx++ {
					r, g, bl, a := src.At(b.Min.X+x*k+dx, b.Min.Y+y*k+dy).RGBA()
					sum[0], sum[1], sum[2], sum[3] = sum[0]+r, sum[1]+g, sum[2]+bl, sum[3]+a
				}
			}
			n := uint32(k * k * 257)
			dst.SetRGBA(x, y, color.RGBA{uint8(sum[0] / n), uint8(sum[1] / n), uint8(sum[2] / n), uint8(sum[3] / n)})
		}
	}
	return dst
}

// paletted maps an image to its n most frequent colours, the rest to the
// nearest of them: the poster is flat colours with anti-aliased edges, so
// a paletted PNG is a third of the size of a true-colour one and looks the
// same at a glance, which is all a poster shown for a second needs.
func paletted(src image.Image, n int) *image.Paletted {
	b := src.Bounds()
	count := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			count[color.RGBAModel.Convert(src.At(x, y)).(color.RGBA)]++
		}
	}
	colours := make([]color.RGBA, 0, len(count))
	for c := range count {
		colours = append(colours, c)
	}
	sort.Slice(colours, func(i, j int) bool {
		if count[colours[i]] != count[colours[j]] {
			return count[colours[i]] > count[colours[j]]
		}
		return colorKey(colours[i]) < colorKey(colours[j]) // the same file every build
	})
	pal := make(color.Palette, 0, n)
	for _, c := range colours[:min(n, len(colours))] {
		pal = append(pal, c)
	}
	dst := image.NewPaletted(b, pal)
	index := map[color.RGBA]uint8{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(src.At(x, y)).(color.RGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			dst.SetColorIndex(x, y, i)
		}
	}
	return dst
}

func colorKey(c color.RGBA) uint32 {
	return uint32(c.R)<<24 | uint32(c.G)<<16 | uint32(c.B)<<8 | uint32(c.A)
}
