package browsertest

import (
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// panelOpen is true while the panel shows a title.
const panelOpen = `(() => { const p = document.getElementById("panel");
	return !p.hidden && getComputedStyle(p).display !== "none" && p.getBoundingClientRect().width > 0; })()`

func (p *mapPage) panelTitle() string {
	p.t.Helper()
	return evalJS[string](p, `document.getElementById("panel-title").textContent.trim()`)
}

// waitPanel waits until the panel is visible with the given title.
func (p *mapPage) waitPanel(title string) {
	p.t.Helper()
	p.waitFor("the panel titled "+title, func() (bool, string) {
		open := evalJS[bool](p, panelOpen)
		got := p.panelTitle()
		return open && got == title, "panel visible=" + boolText(open) + ", title=" + got
	})
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// baseLayersOnly is a hash part that hides the thematic layers, for tests of
// the base map whose clicks must land on a country, not on a city symbol.
const baseLayersOnly = "layers=countries,boundaries,water,labels"

// clickAlmaty clicks the map where Almaty is and waits for Kazakhstan's panel
// (the page must show the base layers only, or Almaty's own symbol answers).
func (p *mapPage) clickAlmaty() {
	p.t.Helper()
	x, y := p.project(76.9, 43.25)
	p.requireCanvasAt(x, y)
	p.do(chromedp.MouseClickXY(x, y))
	p.waitPanel("Kazakhstan")
}

func TestClickOnAlmatyOpensKazakhstanPanel(t *testing.T) {
	p := openMap(t, "#"+baseLayersOnly)
	p.clickAlmaty()

	if text := evalJS[string](p, `document.getElementById("panel").textContent`); !strings.Contains(text, "Astana") {
		t.Errorf("the panel text does not mention the capital Astana: %q", text)
	}
	links := evalJS[[]struct {
		Href string `json:"href"`
		Rel  string `json:"rel"`
	}](p, `[...document.querySelectorAll("#panel a[href]")].map(a => ({href: a.href, rel: a.rel}))`)
	safe := 0
	for _, l := range links {
		if strings.HasPrefix(l.Href, "https://") && strings.Contains(" "+l.Rel+" ", " noopener ") {
			safe++
		}
	}
	if safe == 0 {
		t.Errorf("the panel has no source link with an https href and rel=noopener; links: %+v", links)
	}
	if s := p.state(); s.Selected == nil || *s.Selected != "KAZ" {
		t.Errorf("getState() = %v; want selected KAZ", s)
	}
	// Focus moves into the panel just after it opens (see openPanel).
	p.waitJS("focus on the panel's close button, so keyboard users land in the panel",
		`document.activeElement && document.activeElement.id === "panel-close"`)
}

func TestEscapeClosesPanel(t *testing.T) {
	p := openMap(t, "#"+baseLayersOnly)
	p.clickAlmaty()
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitJS("the panel to be hidden", `document.getElementById("panel").hidden`)
	if s := p.state(); s.Selected != nil {
		t.Errorf("getState() = %v after Escape; want selected null", s)
	}
}

func TestHashRestoresView(t *testing.T) {
	p := openMap(t, "#map=6.00/41.3000/69.2000&select=UZB")
	s := p.state()
	if !near(s.Center, [2]float64{69.2, 41.3}, 0.01) || math.Abs(s.Zoom-6) > 0.01 {
		t.Errorf("getState() = %v; want center [69.2, 41.3] ± 0.01 and zoom 6 ± 0.01", s)
	}
	if s.Selected == nil || *s.Selected != "UZB" {
		t.Errorf("getState() = %v; want selected UZB", s)
	}
	p.waitPanel("Uzbekistan")
}

func TestPanelIsLabelledDialog(t *testing.T) {
	p := openMap(t, "")
	if !evalJS[bool](p, `window.heartland.select("KAZ")`) {
		t.Fatal(`heartland.select("KAZ") = false; want true`)
	}
	p.waitPanel("Kazakhstan")
	got := evalJS[struct {
		Role       string `json:"role"`
		LabelledBy string `json:"labelledBy"`
		LabelTag   string `json:"labelTag"`
		LabelRole  string `json:"labelRole"`
		LabelText  string `json:"labelText"`
	}](p, `(() => {
		const panel = document.getElementById("panel");
		const by = panel.getAttribute("aria-labelledby") || "";
		const label = by ? document.getElementById(by) : null;
		return {role: panel.getAttribute("role") || "", labelledBy: by,
			labelTag: label ? label.tagName : "", labelRole: label ? (label.getAttribute("role") || "") : "",
			labelText: label ? label.textContent.trim() : ""};
	})()`)
	if got.Role != "dialog" {
		t.Errorf(`#panel role = %q; want "dialog"`, got.Role)
	}
	isHeading := len(got.LabelTag) == 2 && got.LabelTag[0] == 'H' && got.LabelTag[1] >= '1' && got.LabelTag[1] <= '6' || got.LabelRole == "heading"
	if got.LabelledBy == "" || !isHeading || got.LabelText == "" {
		t.Errorf("#panel aria-labelledby=%q names <%s role=%q> with text %q; want a non-empty heading",
			got.LabelledBy, got.LabelTag, got.LabelRole, got.LabelText)
	}
}
