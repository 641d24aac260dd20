package poster

import (
	"encoding/base64"
	"fmt"
	"io"
)

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
