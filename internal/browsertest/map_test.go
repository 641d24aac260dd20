package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMapDrawsCentralAsia(t *testing.T) {
	p := openMap(t, "")
	img, data, dpr := p.screenshot()
	p.requireMapDrawn(img, dpr)
	if os.Getenv("UPDATE_SCREENSHOT") == "1" && !t.Failed() {
		out := filepath.Join(env.root, "docs", "screenshot.png")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", out)
	}
}

func TestGarbageHashStillDrawsMap(t *testing.T) {
	p := openMap(t, "#map=abc/<script>alert(1)</script>&select=%3Cimg%20src=x%20onerror=alert(1)%3E&zzz=1")
	img, _, dpr := p.screenshot()
	p.requireMapDrawn(img, dpr)

	if s := p.state(); s.Selected != nil {
		t.Errorf("getState().selected = %q; want null after a hostile select=", *s.Selected)
	}
	// Console events arrive on their own stream; give them a moment.
	p.waitFor(`a console warning mentioning "heartland"`, func() (bool, string) {
		w := p.warnings()
		for _, m := range w {
			if strings.Contains(m, "heartland") {
				return true, ""
			}
		}
		return false, "warnings " + strings.Join(w, " | ")
	})
	if n := evalJS[int](p, `document.querySelectorAll('img[src="x"], [onerror]').length`); n != 0 {
		t.Errorf("the page has %d elements like <img src=x onerror=…>; the hash must never become markup", n)
	}
	if d := p.openedDialogs(); len(d) > 0 {
		t.Errorf("JavaScript dialogs opened: %q; the hash must never run script", d)
	}
}
