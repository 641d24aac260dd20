//go:build js

package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

// Labels are drawn by the browser. Canvas 2D text brings the reader's
// system fonts, hinting and shaping for every script at no cost to the
// download, where Ebiten's text package, its shaper and the Go fonts added
// 0.9 MB to the brotli-compressed wasm. Each label is drawn once into a
// sprite (labels.go), so the canvas is used only when a name first shows
// or the zoom of the screen changes.

// labelFamily follows the page's font stack (web/style.css), ending in fonts
// that Linux browsers have.
const labelFamily = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif`

// lineHeight is a label's height as a multiple of its font size.
const lineHeight = 1.2

// textRaster measures and draws text on an offscreen 2D canvas.
type textRaster struct {
	canvas, ctx js.Value
	width       int // the canvas's size, kept to skip resizing it
	height      int
}

func newTextRaster() *textRaster {
	c := js.Global().Get("document").Call("createElement", "canvas")
	ctx := c.Call("getContext", "2d", map[string]any{"willReadFrequently": true})
	return &textRaster{canvas: c, ctx: ctx}
}

// cssFont is the canvas font for a style at px CSS pixels.
func cssFont(st *labelStyle, px float64) string {
	return fmt.Sprintf("%s %gpx %s", st.font, px, labelFamily)
}

// measure returns the width and height of a text in a style, CSS pixels.
func (r *textRaster) measure(s string, st *labelStyle) (w, h float64) {
	r.ctx.Set("font", cssFont(st, st.size))
	return r.ctx.Call("measureText", s).Get("width").Float(), st.size * lineHeight
}

// render draws a text at px device pixels in its style's colour, with a
// halo of halo device pixels, into a new image whose text starts halo
// pixels from its left and top edges.
func (r *textRaster) render(s string, st *labelStyle, px, halo float64) *ebiten.Image {
	font := cssFont(st, px)
	r.ctx.Set("font", font)
	tw := r.ctx.Call("measureText", s).Get("width").Float()
	w, h := int(math.Ceil(tw+2*halo))+1, int(math.Ceil(px*lineHeight+2*halo))+1
	if w > r.width || h > r.height { // resizing a canvas clears it and its state
		r.width, r.height = max(w, r.width), max(h, r.height)
		r.canvas.Set("width", r.width)
		r.canvas.Set("height", r.height)
		r.ctx.Set("font", font)
	}
	ctx := r.ctx
	ctx.Call("clearRect", 0, 0, w, h)
	ctx.Set("textBaseline", "middle")
	ctx.Set("lineJoin", "round")
	ctx.Set("lineWidth", 2*halo)
	ctx.Set("strokeStyle", cssColor(colorHalo))
	ctx.Set("fillStyle", cssColor(st.color))
	y := halo + px*lineHeight/2
	ctx.Call("strokeText", s, halo, y)
	ctx.Call("fillText", s, halo, y)
	data := ctx.Call("getImageData", 0, 0, w, h).Get("data")
	pix := make([]byte, w*h*4)
	js.CopyBytesToGo(pix, js.Global().Get("Uint8Array").New(data.Get("buffer")))
	return ebiten.NewImageFromImage(&image.NRGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)})
}

// cssColor writes a colour for canvas styles.
func cssColor(c color.RGBA) string {
	return fmt.Sprintf("rgba(%d,%d,%d,%.3f)", c.R, c.G, c.B, float64(c.A)/255)
}
