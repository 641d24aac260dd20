package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func (p *mapPage) storyStep() (id string, step float64) {
	p.t.Helper()
	s := evalJS[map[string]any](p, `heartland.getState()`)
	id, _ = s["story"].(string)
	step, _ = s["step"].(float64)
	return id, step
}

func TestStoryOpensFromTheURLAndStepsWithButtonsAndClickerKeys(t *testing.T) {
	p := openMap(t, "#story=central-asia&step=3")
	p.waitJS("the story bar on step 3", `!document.getElementById("story").hidden && /3 \/ 9/.test(document.querySelector(".story-counter").textContent)`)
	if title := evalJS[string](p, `document.getElementById("story-title").textContent`); !strings.Contains(title, "Kashagan") {
		t.Errorf("step 3 title = %q; want the Kashagan step", title)
	}
	p.do(chromedp.Click(`.story-next`))
	p.waitJS("step 4", `heartland.getState().step === 4`)
	p.do(chromedp.KeyEvent(kb.PageDown)) // what a presentation clicker sends
	p.waitJS("step 5 after PageDown", `heartland.getState().step === 5`)
	p.do(chromedp.KeyEvent(kb.PageUp))
	p.waitJS("step 4 after PageUp", `heartland.getState().step === 4`)
	p.waitJS("the hash to follow the step", `/story=central-asia&step=4/.test(location.hash)`)
	p.do(chromedp.Click(`.story-close`))
	p.waitJS("the story to close", `document.getElementById("story").hidden && heartland.getState().story === null`)
}

func TestTeacherStoryTextStaysText(t *testing.T) {
	p := openMap(t, "")
	res := evalJS[map[string]any](p, `heartland.loadStory({"id":"mine","title":"<b>Mine</b>","steps":[
	  {"title":"<img src=x onerror=window.__pwned=1>","text":"<script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3) and [real](https://example.org/)","view":{"fit":"KAZ"}}]})`)
	if res["story"] != "mine" {
		t.Fatalf("loadStory = %v", res)
	}
	p.waitJS("the teacher's story", `heartland.getState().story === "mine"`)
	if title := evalJS[string](p, `document.getElementById("story-title").textContent`); title != "<img src=x onerror=window.__pwned=1>" {
		t.Errorf("title shown as %q; want the literal text", title)
	}
	if n := evalJS[int](p, `document.querySelectorAll("#story img, #story script, #story a[href^='javascript:']").length`); n != 0 {
		t.Errorf("%d elements or script links were made from story text", n)
	}
	if href := evalJS[string](p, `(document.querySelector("#story a") || {}).href || ""`); href != "https://example.org/" {
		t.Errorf("the one web link is %q; want https://example.org/", href)
	}
	if v := evalJS[any](p, `window.__pwned === undefined ? null : window.__pwned`); v != nil {
		t.Errorf("story text ran as script: __pwned = %v", v)
	}
	bad := evalJS[map[string]any](p, `heartland.loadStory({"id":"x","title":"T","steps":[{"title":"s","text":""}]})`)
	if msg, _ := bad["error"].(string); !strings.Contains(msg, "view") {
		t.Errorf("invalid story: %v; want an error about the missing view", bad)
	}
}
