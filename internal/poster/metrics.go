package poster

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"
)

// gofontMetrics is the Go fonts' glyph advances, character map, kerning
// and vertical metrics, in font units, as TestFontMetricsTable writes it
// from the fonts with golang.org/x/image/font/sfnt (go test -update).
// Measuring labels from it instead of parsing the fonts keeps the font
// parser out of the wasm, and gives the CLI and the browser the same widths.
//
// Layout, little-endian: "GOFM", then per Font: unitsPerEm, ascent,
// descent (int16 each, descent positive below the baseline), the glyph count and an advance (uint16) per glyph,
// the range count and per range its first rune (uint32), length and first
// glyph (uint16 each), then the kerning pair count (uint32) and per pair
// two glyphs (uint16) and the kern (int16), sorted by glyph pair.
//
//go:embed gofont.metrics
var gofontMetrics []byte

// fontMetrics is one font's part of the table.
type fontMetrics struct {
	unitsPerEm, ascent, descent int32
	advances                    []uint16 // by glyph
	runes                       []runeRange
	kerns                       []kernPair
}

// runeRange maps runes first…first+n-1 to glyphs glyph…glyph+n-1.
type runeRange struct {
	first rune
	n     int32
	glyph uint16
}

type kernPair struct {
	glyphs uint32 // first glyph << 16 | second
	kern   int16
}

var goMetrics = sync.OnceValue(func() *[3]fontMetrics {
	m, err := parseFontMetrics(gofontMetrics)
	if err != nil {
		panic(fmt.Sprintf("poster: gofont.metrics: %v (run go test -update in internal/poster)", err))
	}
	return &m
})

// parseFontMetrics reads the table gofontMetrics describes.
func parseFontMetrics(b []byte) ([3]fontMetrics, error) {
	var out [3]fontMetrics
	if len(b) < 4 || string(b[:4]) != "GOFM" {
		return out, errors.New("not a font metrics table")
	}
	r := metricsReader{b: b[4:]}
	for i := range out {
		m := &out[i]
		m.unitsPerEm, m.ascent, m.descent = int32(r.u16()), int32(int16(r.u16())), int32(int16(r.u16()))
		m.advances = make([]uint16, r.u16())
		for g := range m.advances {
			m.advances[g] = r.u16()
		}
		m.runes = make([]runeRange, r.u16())
		for j := range m.runes {
			m.runes[j] = runeRange{first: rune(r.u32()), n: int32(r.u16()), glyph: r.u16()}
		}
		m.kerns = make([]kernPair, r.u32())
		for j := range m.kerns {
			m.kerns[j] = kernPair{glyphs: r.u32(), kern: int16(r.u16())}
		}
		if r.short || m.unitsPerEm == 0 || len(m.advances) == 0 {
			return out, fmt.Errorf("font %d: truncated", i)
		}
		for _, rr := range m.runes {
			if int(rr.glyph)+int(rr.n) > len(m.advances) {
				return out, fmt.Errorf("font %d: runes %U… map past the last glyph", i, rr.first)
			}
		}
	}
	if len(r.b) != 0 {
		return out, fmt.Errorf("%d bytes past the end", len(r.b))
	}
	return out, nil
}

type metricsReader struct {
	b     []byte
	short bool
}

func (r *metricsReader) u16() uint16 {
	if len(r.b) < 2 {
		r.short = true
		return 0
	}
	v := binary.LittleEndian.Uint16(r.b)
	r.b = r.b[2:]
	return v
}

func (r *metricsReader) u32() uint32 {
	return uint32(r.u16()) | uint32(r.u16())<<16
}

// glyph returns the glyph of rune c, or 0 (the font's .notdef) if the font
// has none.
func (m *fontMetrics) glyph(c rune) uint16 {
	i := sort.Search(len(m.runes), func(i int) bool { return m.runes[i].first+rune(m.runes[i].n) > c })
	if i < len(m.runes) && m.runes[i].first <= c {
		return m.runes[i].glyph + uint16(c-m.runes[i].first)
	}
	return 0
}

func (m *fontMetrics) kern(g0, g1 uint16) int32 {
	key := uint32(g0)<<16 | uint32(g1)
	i := sort.Search(len(m.kerns), func(i int) bool { return m.kerns[i].glyphs >= key })
	if i < len(m.kerns) && m.kerns[i].glyphs == key {
		return int32(m.kerns[i].kern)
	}
	return 0
}

// measure returns the advance width of s and the line's ascent and descent
// in a style's font and size, in CSS pixels. It adds up what
// golang.org/x/image/font.MeasureString does with an opentype face at 72
// DPI without hinting, in the same 26.6 fixed-point steps, so the numbers
// are the same to the bit: advances scaled to the size and rounded, and
// kerns added as the face returns them (in font units).
func measure(s string, st TextStyle) (width, ascent, descent float64) {
	m := &goMetrics()[st.Font]
	ppem := int32(0.5 + (st.Size * 72 * 64 / 72)) // as opentype.NewFace at DPI 72
	var adv int32
	prev := -1
	for _, c := range s {
		g := m.glyph(c)
		if prev >= 0 {
			adv += m.kern(uint16(prev), g)
		}
		adv += scaleUnits(int32(m.advances[g])*ppem, m.unitsPerEm)
		prev = int(g)
	}
	return fix(adv), fix(scaleUnits(m.ascent*ppem, m.unitsPerEm)), fix(scaleUnits(m.descent*ppem, m.unitsPerEm))
}

// scaleUnits divides by units per em, rounding half away from zero, as
// sfnt does.
func scaleUnits(x, unitsPerEm int32) int32 {
	if x >= 0 {
		x += unitsPerEm / 2
	} else {
		x -= unitsPerEm / 2
	}
	return x / unitsPerEm
}

// fix converts a 26.6 fixed-point number to a float.
func fix(v int32) float64 { return float64(v) / 64 }
