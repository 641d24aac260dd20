//go:build js

package poster

import (
	"fmt"
	"io/fs"

	"heartland/assets"
)

// goTTF returns the Go fonts' files by Font from the wasm's data bundle
// (assets.UseBundle): built in, they added 0.17 MB to the brotli-compressed
// wasm, and the bundle downloads in parallel with compiling it.
func goTTF() ([3][]byte, error) {
	var out [3][]byte
	for i, name := range FontFiles {
		b, err := fs.ReadFile(assets.FS(), name)
		if err != nil {
			return out, fmt.Errorf("poster fonts: %w", err)
		}
		out[i] = b
	}
	return out, nil
}
