package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPosterWritesSVGAndPNGAndWarnsOnBadState(t *testing.T) {
	dir := t.TempDir()
	svgPath, pngPath := filepath.Join(dir, "map.svg"), filepath.Join(dir, "map.png")
	var stderr bytes.Buffer
	err := makePoster(&stderr, []string{"-state", "#map=6/43.2/76.9&zoom=oops&select=KAZ", "-width", "400", "-height", "300",
		"-o", svgPath, "-png", pngPath, "-theme", "dark", "-title", "Almaty & around"})
	if err != nil {
		t.Fatalf("poster: %v", err)
	}
	if !strings.Contains(stderr.String(), `unknown part "zoom"`) {
		t.Errorf("stderr = %q; want a warning about the unknown part", stderr.String())
	}
	svg, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`viewBox="0 0 400 300"`, "Almaty &amp; around", "Kazakhstan"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 300 {
		t.Errorf("PNG is %v; want 400×300", b)
	}
}

func TestPosterRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-theme", "sepia", "-o", ""},
		{"-width", "5", "-o", ""},
		{"extra"},
	} {
		if err := makePoster(&bytes.Buffer{}, args); err == nil {
			t.Errorf("poster %q = nil error; want one", args)
		}
	}
}
