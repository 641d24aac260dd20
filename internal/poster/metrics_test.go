//go:build !js

package poster

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestFontMetricsTable checks that gofont.metrics is what the Go fonts
// give today; go test -update rewrites it.
func TestFontMetricsTable(t *testing.T) {
	ttfs, err := goTTF()
	if err != nil {
		t.Fatal(err)
	}
	got, err := buildFontMetrics(ttfs)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		writeGolden(t, "gofont.metrics", got)
		return
	}
	if !bytes.Equal(got, gofontMetrics) {
		t.Errorf("gofont.metrics (%d bytes) differs from the Go fonts' metrics (%d bytes); run go test -update", len(gofontMetrics), len(got))
	}
}

// buildFontMetrics writes the table parseFontMetrics reads, from each
// font's advances, character map and kerning as sfnt reads them at
// unitsPerEm pixels per em (so in font units).
func buildFontMetrics(ttfs [3][]byte) ([]byte, error) {
	out := []byte("GOFM")
	le := binary.LittleEndian
	for i, ttf := range ttfs {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("font %d: %w", i, err)
		}
		var b sfnt.Buffer
		upem := fixed.Int26_6(f.UnitsPerEm())
		m, err := f.Metrics(&b, upem, font.HintingNone)
		if err != nil {
			return nil, err
		}
		out = le.AppendUint16(out, uint16(upem))
		out = le.AppendUint16(out, uint16(int16(m.Ascent)))
		out = le.AppendUint16(out, uint16(int16(m.Descent)))
		n := f.NumGlyphs()
		out = le.AppendUint16(out, uint16(n))
		for g := range n {
			adv, err := f.GlyphAdvance(&b, sfnt.GlyphIndex(g), upem, font.HintingNone)
			if err != nil {
				return nil, err
			}
			out = le.AppendUint16(out, uint16(adv))
		}
		ranges, err := runeRanges(f, &b)
		if err != nil {
			return nil, err
		}
		out = le.AppendUint16(out, uint16(len(ranges)))
		for _, r := range ranges {
			out = le.AppendUint32(out, uint32(r.first))
			out = le.AppendUint16(out, uint16(r.n))
			out = le.AppendUint16(out, r.glyph)
		}
		var kerns []byte
		pairs := 0
		for g0 := range n {
			for g1 := range n {
				k, err := f.Kern(&b, sfnt.GlyphIndex(g0), sfnt.GlyphIndex(g1), upem, font.HintingNone)
				if err != nil || k == 0 { // opentype's Face.Kern gives 0 for an error too
					continue
				}
				kerns = le.AppendUint32(kerns, uint32(g0)<<16|uint32(g1))
				kerns = le.AppendUint16(kerns, uint16(int16(k)))
				pairs++
			}
		}
		out = le.AppendUint32(out, uint32(pairs))
		out = append(out, kerns...)
	}
	return out, nil
}

// runeRanges lists the font's character map as runs of consecutive runes
// on consecutive glyphs.
func runeRanges(f *sfnt.Font, b *sfnt.Buffer) ([]runeRange, error) {
	var out []runeRange
	for c := rune(0); c <= 0x10FFFF; c++ {
		g, err := f.GlyphIndex(b, c)
		if err != nil {
			return nil, err
		}
		if g == 0 {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].first+rune(out[k].n) == c && int(out[k].glyph)+int(out[k].n) == int(g) && out[k].n < 0xFFFF {
			out[k].n++
			continue
		}
		out = append(out, runeRange{first: c, n: 1, glyph: uint16(g)})
	}
	return out, nil
}

// TestMeasureMatchesOpentype checks measure against what the Go fonts
// measure through golang.org/x/image/font: every character they have,
// characters they lack, bad UTF-8, in each font at the poster's sizes.
func TestMeasureMatchesOpentype(t *testing.T) {
	fc, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range goMetrics()[Regular].runes {
		for c := r.first; c < r.first+rune(r.n); c++ {
			all.WriteRune(c)
		}
	}
	texts := []string{"", "Kazakhstan", "Қазақстан", "Тошкент", "AVAWAT To Ly", "ქართული 中国 🙂", "bad \xff\xfe utf-8", all.String()}
	for f := range Font(3) {
		for _, size := range []float64{8, 9.5, 10, 11, 12.5, 13, 15, 18, 24, 36.7} {
			st := TextStyle{Font: f, Size: size}
			face := fc.face(st)
			m := face.Metrics()
			for _, s := range texts {
				w, asc, desc := measure(s, st)
				want := fix(int32(font.MeasureString(face, s)))
				if w != want || asc != fix(int32(m.Ascent)) || desc != fix(int32(m.Descent)) {
					t.Errorf("measure(%.20q, font %d, %v px) = %v, %v, %v; want %v, %v, %v",
						s, f, size, w, asc, desc, want, fix(int32(m.Ascent)), fix(int32(m.Descent)))
				}
			}
		}
	}
}

func TestParseFontMetricsRejectsBadTables(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"wrong magic", []byte("GOFX")},
		{"truncated", gofontMetrics[:len(gofontMetrics)/2]},
		{"trailing bytes", append(append([]byte{}, gofontMetrics...), 0)},
	} {
		if _, err := parseFontMetrics(tc.b); err == nil {
			t.Errorf("parseFontMetrics(%s) = nil error; want one", tc.name)
		}
	}
	if _, err := parseFontMetrics(gofontMetrics); err != nil {
		t.Errorf("parseFontMetrics(gofont.metrics) = %v", err)
	}
}
