package poster

import (
	"encoding/base64"
	"fmt"
	"io"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// goFonts parses the Go fonts once; they are the posters' fonts.
var goFonts = sync.OnceValues(func() ([3]*opentype.Font, error) {
	var out [3]*opentype.Font
	ttfs, err := goTTF()
	if err != nil {
		return out, err
	}
	for i, ttf := range ttfs {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return out, fmt.Errorf("parsing Go font %d: %w", i, err)
		}
		out[i] = f
	}
	return out, nil
})

// faces makes and keeps font faces by font and size. A face is not safe for
// concurrent use, so each Render and each PNG has its own.
type faces struct {
	fonts [3]*opentype.Font
	made  map[TextStyle]font.Face
}

func newFaces() (*faces, error) {
	fonts, err := goFonts()
	if err != nil {
		return nil, err
	}
	return &faces{fonts: fonts, made: map[TextStyle]font.Face{}}, nil
}

// face returns the face for a style's font and size (colour is ignored).
func (f *faces) face(st TextStyle) font.Face {
	key := TextStyle{Font: st.Font, Size: st.Size}
	if fc, ok := f.made[key]; ok {
		return fc
	}
	fc, err := opentype.NewFace(f.fonts[st.Font], &opentype.FaceOptions{Size: st.Size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic(err) // only for a bad size, which the styles here never have
	}
	f.made[key] = fc
	return fc
}

// measure returns the advance width of s and the line's ascent and descent,
// in CSS pixels.
func (f *faces) measure(s string, st TextStyle) (width, ascent, descent float64) {
	fc := f.face(st)
	m := fc.Metrics()
	return fix(font.MeasureString(fc, s)), fix(m.Ascent), fix(m.Descent)
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

// FontFiles names the Go fonts' files by Font, as the browser's data
// bundle carries them (fonts_js.go), and fontCSS says how each is selected.
var (
	FontFiles = [3]string{"fonts/Go-Regular.ttf", "fonts/Go-Bold.ttf", "fonts/Go-Italic.ttf"}
	fontCSS   = [3]string{"font-weight:normal;font-style:normal", "font-weight:bold;font-style:normal", "font-weight:normal;font-style:italic"}
)

// writeFontFaces writes a <style> with an @font-face, as a data URL, for
// each Go font the labels use, under the family name SVG asks for first.
func writeFontFaces(w io.Writer, labels []Label) {
	var used [3]bool
	for _, l := range labels {
		used[l.Style.Font] = true
	}
	ttfs, err := goTTF()
	if err != nil {
		return // the labels were measured with these fonts, so they loaded before
	}
	io.WriteString(w, "<style>")
	for f, ok := range used {
		if ok {
			fmt.Fprintf(w, "@font-face{font-family:Go;%s;src:url(data:font/ttf;base64,%s) format('truetype')}",
				fontCSS[f], base64.StdEncoding.EncodeToString(ttfs[f]))
		}
	}
	io.WriteString(w, "</style>\n")
}
