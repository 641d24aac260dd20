package poster

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fontFamily asks for the Go fonts the labels were measured with, then
// for look-alikes a viewer is likely to have.
const fontFamily = `Go, 'Go Regular', 'Helvetica Neue', Arial, sans-serif`

// SVG writes the drawing as a standalone SVG document sized in CSS pixels.
// Coordinates are rounded to 0.1 px and written relative where that is
// shorter; all text is XML-escaped.
func (d *Drawing) SVG(w io.Writer) error { return d.writeSVG(w, false) }

// SVGWithFonts is SVG with the Go fonts the labels use embedded as data
// URLs, so the labels look as measured wherever the SVG is drawn — also in
// an <img> or a canvas, which load no other fonts. It adds about 180 KB per
// font used.
func (d *Drawing) SVGWithFonts(w io.Writer) error { return d.writeSVG(w, true) }

func (d *Drawing) writeSVG(w io.Writer, fonts bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s">`+"\n",
		d.Width, d.Height, d.Width, d.Height, fontFamily)
	fmt.Fprintf(bw, "<title>%s</title>\n", esc(d.Title))
	if fonts {
		writeFontFaces(bw, d.Labels)
	}
	fmt.Fprintf(bw, `<rect width="%d" height="%d"%s/>`+"\n", d.Width, d.Height, paint("fill", d.Palette.Water))
	var buf []byte
	for _, p := range d.Paths {
		buf = appendPath(buf[:0], p)
		bw.Write(buf)
	}
	bw.WriteString(`<g id="symbols">` + "\n")
	for _, s := range d.Symbols {
		buf = appendSymbol(buf[:0], s)
		bw.Write(buf)
	}
	bw.WriteString("</g>\n")
	for _, p := range d.Panels {
		writePanel(bw, p)
	}
	if lg := d.Legend; lg != nil {
		bw.WriteString(`<g id="legend">` + "\n")
		writePanel(bw, lg.Panel)
		for _, p := range lg.Paths {
			bw.Write(appendPath(buf[:0], p))
		}
		for _, s := range lg.Symbols {
			bw.Write(appendSymbol(buf[:0], s))
		}
		bw.WriteString("</g>\n")
	}
	writeLabels(bw, d.Labels)
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

func writePanel(w io.Writer, p Panel) {
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" rx="4"%s%s stroke-width="1"/>`+"\n",
		num(p.X), num(p.Y), num(p.W), num(p.H), paint("fill", p.Fill), paint("stroke", p.Edge))
}

func appendPath(b []byte, p Path) []byte {
	b = append(b, "<path"...)
	if p.ID != "" {
		b = append(b, ` id="`...)
		b = append(b, esc(p.ID)...)
		b = append(b, '"')
	}
	closed := p.Fill.A > 0
	if closed {
		b = append(b, paint("fill", p.Fill)...)
	} else {
		b = append(b, ` fill="none"`...)
	}
	if p.Stroke.A > 0 {
		b = append(b, paint("stroke", p.Stroke)...)
		b = append(b, ` stroke-width="`+num(p.Width)+`" stroke-linejoin="round"`...)
		if p.Dash[0] > 0 {
			b = append(b, ` stroke-dasharray="`+num(p.Dash[0])+" "+num(p.Dash[1])+`"`...)
		} else {
			b = append(b, ` stroke-linecap="round"`...)
		}
	}
	b = append(b, ` d="`...)
	for _, r := range p.Rings {
		b = appendRing(b, r, closed)
	}
	return append(b, "\"/>\n"...)
}

// appendRing writes one subpath: an absolute move, then relative lines
// between points rounded to tenths of a pixel. Rounding first and then
// differencing keeps the relative path free of drift.
func appendRing(b []byte, pts []Point, closed bool) []byte {
	q := make([][2]int, 0, len(pts))
	for _, p := range pts {
		v := [2]int{tenths(p.X), tenths(p.Y)}
		if len(q) == 0 || v != q[len(q)-1] {
			q = append(q, v)
		}
	}
	if closed && len(q) > 1 && q[0] == q[len(q)-1] {
		q = q[:len(q)-1]
	}
	if closed && len(q) < 3 || len(q) < 2 {
		return b
	}
	b = append(b, 'M')
	b = appendTenths(b, q[0][0], false)
	b = appendTenths(b, q[0][1], true)
	b = append(b, 'l')
	for i := 1; i < len(q); i++ {
		b = appendTenths(b, q[i][0]-q[i-1][0], i > 1)
		b = appendTenths(b, q[i][1]-q[i-1][1], true)
	}
	if closed {
		b = append(b, 'z')
	}
	return b
}

func tenths(v float64) int { return int(math.Round(v * 10)) }

// appendTenths writes v/10 as briefly as SVG allows ("-.5", "12", "3.4"),
// with a space before it when sep is set and no minus sign separates it.
func appendTenths(b []byte, v int, sep bool) []byte {
	if v < 0 {
		b, v = append(b, '-'), -v
	} else if sep {
		b = append(b, ' ')
	}
	if whole := v / 10; whole > 0 || v == 0 {
		b = strconv.AppendInt(b, int64(whole), 10)
	}
	if f := v % 10; f != 0 {
		b = append(b, '.', byte('0'+f))
	}
	return b
}

// num formats a length in CSS pixels to 0.1 px.
func num(v float64) string { return string(appendTenths(nil, tenths(v), false)) }

// appendSymbol writes a symbol as the app draws it: the shape grown by
// 1.3 px in the edge colour, the shape in its colour, a capital's dot.
func appendSymbol(b []byte, s Symbol) []byte {
	b = appendShape(b, s.Shape, s.X, s.Y, s.Radius+1.3, s.Edge)
	b = appendShape(b, s.Shape, s.X, s.Y, s.Radius, s.Fill)
	if s.Dot.A > 0 {
		b = appendShape(b, Circle, s.X, s.Y, 1.6, s.Dot)
	}
	return b
}

func appendShape(b []byte, sh Shape, x, y, r float64, c color.NRGBA) []byte {
	if sh == Circle {
		return append(b, `<circle cx="`+num(x)+`" cy="`+num(y)+`" r="`+num(r)+`"`+paint("fill", c)+"/>\n"...)
	}
	pts := shapePoints(sh, x, y, r, 0)
	b = append(b, `<path`+paint("fill", c)+` d="`...)
	b = appendRing(b, pts, true)
	return append(b, "\"/>\n"...)
}

// shapePoints is a symbol's outline in CSS pixels; circles get n points.
func shapePoints(sh Shape, x, y, r float64, n int) []Point {
	unit := unitShape(sh, n)
	pts := make([]Point, len(unit))
	for i, u := range unit {
		pts[i] = Point{x + u[0]*r, y + u[1]*r}
	}
	return pts
}

// writeLabels writes the labels, grouping runs that share a halo so the
// halo's attributes are written once per run.
func writeLabels(w *bufio.Writer, labels []Label) {
	open := false
	var halo color.NRGBA
	for i, l := range labels {
		if i == 0 || l.Halo != halo {
			if open {
				w.WriteString("</g>\n")
			}
			halo, open = l.Halo, true
			if halo.A > 0 {
				fmt.Fprintf(w, `<g%s stroke-width="3" stroke-linejoin="round" paint-order="stroke">`+"\n", paint("stroke", halo))
			} else {
				w.WriteString("<g>\n")
			}
		}
		w.WriteString(`<text x="` + num(l.AnchorX()) + `" y="` + num(l.Baseline) + `" font-size="` + num(l.Style.Size) + `"`)
		switch l.Style.Font {
		case Bold:
			w.WriteString(` font-weight="bold"`)
		case Italic:
			w.WriteString(` font-style="italic"`)
		}
		switch l.Anchor {
		case Middle:
			w.WriteString(` text-anchor="middle"`)
		case End:
			w.WriteString(` text-anchor="end"`)
		}
		w.WriteString(paint("fill", l.Style.Color) + ">" + esc(l.Text) + "</text>\n")
	}
	if open {
		w.WriteString("</g>\n")
	}
}

// paint returns a fill or stroke attribute for c, with its opacity when
// it is not opaque.
func paint(attr string, c color.NRGBA) string {
	s := fmt.Sprintf(` %s="#%02x%02x%02x"`, attr, c.R, c.G, c.B)
	if c.A < 0xff {
		s += fmt.Sprintf(` %s-opacity="%s"`, attr, strconv.FormatFloat(math.Round(float64(c.A)/255*100)/100, 'f', -1, 64))
	}
	return s
}

// esc escapes text from data for XML content and attribute values, as
// encoding/xml's EscapeText does (FuzzEscapeMatchesXML holds it to that):
// markup characters and tab, newline and carriage return as character
// references, and what XML cannot hold — control characters, bad UTF-8 —
// as U+FFFD. It spares the wasm the XML package.
func esc(s string) string {
	var sb strings.Builder
	last := 0
	for i, r := range s {
		var ref string
		switch r {
		case '"':
			ref = "&#34;"
		case '\'':
			ref = "&#39;"
		case '&':
			ref = "&amp;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '\t':
			ref = "&#x9;"
		case '\n':
			ref = "&#xA;"
		case '\r':
			ref = "&#xD;"
		default:
			if xmlChar(r) && !(r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
				continue
			}
			ref = "\uFFFD"
		}
		sb.WriteString(s[last:i])
		sb.WriteString(ref)
		_, width := utf8.DecodeRuneInString(s[i:])
		last = i + width
	}
	if last == 0 {
		return s
	}
	sb.WriteString(s[last:])
	return sb.String()
}

// xmlChar reports whether XML 1.0 allows r in a document (its Char rule).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
