//go:build !js

package poster

import (
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// goTTF returns the Go fonts' files by Font. Programs have them built in;
// the wasm reads them from its data bundle (fonts_js.go), which
// FontBundle fills.
func goTTF() ([3][]byte, error) {
	return [3][]byte{goregular.TTF, gobold.TTF, goitalic.TTF}, nil
}

// FontBundle returns the font files the browser's data bundle carries, by
// their names in it.
func FontBundle() map[string][]byte {
	ttfs, _ := goTTF()
	out := map[string][]byte{}
	for i, name := range FontFiles {
		out[name] = ttfs[i]
	}
	return out
}
