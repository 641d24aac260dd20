//go:build !js

package poster

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// goFonts parses the Go fonts once, for drawing labels into PNGs; the
// browser exports SVG only, so the wasm goes without the font parser.
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
// concurrent use, so each PNG has its own.
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

// face returns the face for a style's font and size (colour is ignored):
// 72 DPI and no hinting, as measure assumes.
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
