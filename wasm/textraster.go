//go:build js

package main

import (
	"fmt"
	"image/color"
	"math"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"heartland/placement"
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
	// The context's state as last set: setting a font makes the browser
	// parse it again, which costs more than measuring the text.
	font, fill, stroke string
	lineWidth          float64
	pix                []byte // the last label's pixels, reused
}

// setFont sets the context's font unless it is already that.
func (r *textRaster) setFont(font string) {
	if font != r.font {
		r.ctx.Set("font", font)
		r.font = font
	}
}

func newTextRaster() *textRaster {
	c := js.Global().Get("document").Call("createElement", "canvas")
	ctx := c.Call("getContext", "2d", map[string]any{"willReadFrequently": true})
	return &textRaster{canvas: c, ctx: ctx}
}

// cssFonts are the canvas font styles of placement's fonts.
var cssFonts = [...]string{placement.Regular: "normal", placement.Bold: "bold", placement.Italic: "italic"}

// cssFont is the canvas font for a style at px CSS pixels.
func cssFont(st placement.Style, px float64) string {
	return fmt.Sprintf("%s %gpx %s", cssFonts[st.Font()], px, labelFamily)
}

// measure returns the width and height of a text in a style, CSS pixels
// (a placement.Measure).
func (r *textRaster) measure(s string, st placement.Style) (w, h float64) {
	r.setFont(cssFont(st, st.Size()))
	return r.ctx.Call("measureText", s).Get("width").Float(), st.Size() * lineHeight
}

// render draws a text at px device pixels in its style's colour, with a
// halo of halo device pixels, into a new image whose text starts halo
// pixels from its left and top edges.
func (r *textRaster) render(s string, st placement.Style, px, halo float64) *ebiten.Image {
	r.setFont(cssFont(st, px))
	tw := r.ctx.Call("measureText", s).Get("width").Float()
	w, h := int(math.Ceil(tw+2*halo))+1, int(math.Ceil(px*lineHeight+2*halo))+1
	ctx := r.ctx
	if w > r.width || h > r.height { // resizing a canvas clears it and its state
		r.width, r.height = max(w+64, r.width), max(h+8, r.height)
		r.canvas.Set("width", r.width)
		r.canvas.Set("height", r.height)
		font := r.font
		r.font, r.fill, r.stroke, r.lineWidth = "", "", "", 0
		r.setFont(font)
		ctx.Set("textBaseline", "middle")
		ctx.Set("lineJoin", "round")
	}
	ctx.Call("clearRect", 0, 0, w, h)
	if r.lineWidth != 2*halo {
		r.lineWidth = 2 * halo
		ctx.Set("lineWidth", r.lineWidth)
	}
	if c := cssColor(colorHalo); c != r.stroke {
		r.stroke = c
		ctx.Set("strokeStyle", c)
	}
	if c := cssColor(inkColor(st.Ink())); c != r.fill {
		r.fill = c
		ctx.Set("fillStyle", c)
	}
	y := halo + px*lineHeight/2
	ctx.Call("strokeText", s, halo, y)
	ctx.Call("fillText", s, halo, y)
	data := ctx.Call("getImageData", 0, 0, w, h).Get("data")
	if n := w * h * 4; cap(r.pix) < n {
		r.pix = make([]byte, n)
	}
	pix := r.pix[:w*h*4]
	js.CopyBytesToGo(pix, js.Global().Get("Uint8Array").New(data.Get("buffer")))
	premultiply(pix)
	img := ebiten.NewImage(w, h)
	img.WritePixels(pix) // copies: pix is reused for the next label
	return img
}

// premultiply turns the canvas's RGBA into the premultiplied RGBA that
// Ebiten takes, in place (ebiten.NewImageFromImage would convert an
// image.NRGBA a pixel at a time through color.Color).
func premultiply(pix []byte) {
	for i := 0; i+3 < len(pix); i += 4 {
		switch a := uint32(pix[i+3]); a {
		case 0:
			pix[i], pix[i+1], pix[i+2] = 0, 0, 0
		case 255:
		default:
			pix[i] = byte((uint32(pix[i])*a + 127) / 255)
			pix[i+1] = byte((uint32(pix[i+1])*a + 127) / 255)
			pix[i+2] = byte((uint32(pix[i+2])*a + 127) / 255)
		}
	}
}

// cssColor writes a colour for canvas styles.
func cssColor(c color.RGBA) string {
	return fmt.Sprintf("rgba(%d,%d,%d,%.3f)", c.R, c.G, c.B, float64(c.A)/255)
}
