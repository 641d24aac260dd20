package browsertest

import (
	"strings"
	"testing"
)

// Issue 16: a reader can see how fresh the facts are, in each panel and,
// at worst, in the about dialog.
func TestPanelAndAboutDialogSayWhenFactsWereLastChecked(t *testing.T) {
	p := openMap(t, "#"+baseLayersOnly)
	p.clickAlmaty()
	if text := evalJS[string](p, `document.getElementById("panel").textContent`); !strings.Contains(text, "Facts last checked 20") {
		t.Errorf("Kazakhstan's panel does not say when its facts were checked: %q", text)
	}
	evalJS[bool](p, `(document.getElementById("about-toggle").click(), true)`)
	p.waitFor("the about dialog to name the oldest check", func() (bool, string) {
		text := evalJS[string](p, `document.getElementById("about").open ? document.getElementById("about").textContent : ""`)
		return strings.Contains(text, "the oldest check is from 20"), text
	})
}
