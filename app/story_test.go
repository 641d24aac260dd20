package app

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"heartland/geo"
	"heartland/story"
)

// fakeStoryBar records what the player shows, and covers lift CSS pixels.
type fakeStoryBar struct {
	shown   []int // 0-based steps, in order
	open    bool
	focused int
	lift    float64
}

func (v *fakeStoryBar) Show(s story.Story, i int) { v.shown, v.open = append(v.shown, i), true }
func (v *fakeStoryBar) Hide()                     { v.open = false }
func (v *fakeStoryBar) Focus()                    { v.focused++ }
func (v *fakeStoryBar) Lift() float64             { return v.lift }

// steppe is a three-step story: a fitted country with its layers, a centre
// and zoom, and a step that leaves the layers as they are.
var steppe = story.Story{ID: "steppe", Title: "The steppe", Steps: []story.Step{
	{Title: "Kazakhstan", View: story.View{Fit: "KAZ"}, Layers: []string{"countries", "cities"}, Highlight: "KAZ"},
	{Title: "Almaty", View: story.View{Center: &[2]float64{76.9, 43.25}, Zoom: 7}, Highlight: "almaty"},
	{Title: "Uzbekistan", View: story.View{Fit: "UZB"}},
}}

func testStories() (*StoryPlayer, *fakeStoryBar, *Map, *fakePage, *fakeScene) {
	m, page, scene, _ := testMap()
	page.reduced = true // flights jump, so a step's view is there at once
	bar := &fakeStoryBar{lift: 200}
	return NewStoryPlayer(m, bar, []story.Story{steppe}), bar, m, page, scene
}

func TestStoryStepsStayWithinTheStory(t *testing.T) {
	p, bar, m, _, _ := testStories()
	for _, tc := range []struct {
		open, delta int // a 1-based step to open at, then a step by delta
		want        int // 0-based step shown
	}{
		{1, 0, 0},
		{1, 1, 1},
		{5, 0, 2}, // past the end: the last step
		{3, 1, 2},
		{0, 0, 0}, // before the start: the first
		{2, -1, 0},
		{2, -5, 0},
	} {
		p.Open("steppe", tc.open)
		p.Step(tc.delta)
		_, step, ok := p.Current()
		if !ok || step != tc.want || bar.shown[len(bar.shown)-1] != tc.want {
			t.Errorf("Open(steppe, %d), Step(%d): step %d (open %v, bar showed %v); want %d", tc.open, tc.delta, step, ok, bar.shown, tc.want)
		}
		if id, n := m.Story(); id != "steppe" || n != tc.want+1 {
			t.Errorf("Open(steppe, %d), Step(%d): map's story = %q step %d; want steppe step %d", tc.open, tc.delta, id, n, tc.want+1)
		}
	}
}

func TestStoryStepShowsItsLayersButNotTheReadersOwn(t *testing.T) {
	p, _, m, page, scene := testStories()
	scene.layers = append(scene.layers, "energy", "custom1")
	scene.visible["energy"], scene.visible["custom1"] = true, true
	page.took()
	p.Open("steppe", 1)
	var on []string
	for _, l := range scene.layers {
		if scene.visible[l] {
			on = append(on, l)
		}
	}
	if want := []string{"countries", "cities", "custom1"}; !reflect.DeepEqual(on, want) {
		t.Errorf("layers after step 1 = %v; want %v (the step's and the reader's own)", on, want)
	}
	if !page.has("sync") {
		t.Errorf("the legend was not synced: %q", page.took())
	}
	p.Step(1) // a step with no layers leaves them
	if scene.visible["labels"] || !scene.visible["cities"] {
		t.Errorf("a step without layers changed them: %v", scene.visible)
	}
	if !m.restyle {
		t.Errorf("changing layers asked for no new map image")
	}
}

func TestStoryStepFramesItsViewAboveTheBar(t *testing.T) {
	p, _, m, _, _ := testStories()
	p.Open("steppe", 2) // Almaty at zoom 7, the bar covering 200 px
	if x, y := screen(m, 76.9, 43.25); math.Abs(x-640) > 1 || math.Abs(y-300) > 1 {
		t.Errorf("Almaty at %.1f, %.1f; want 640, 300: the middle of the 600 px above the bar", x, y)
	}
	if z := m.Cam.Zoom(); z != 7 {
		t.Errorf("zoom = %v; want the step's 7", z)
	}
	p.Step(1) // fit Uzbekistan
	x0, y0 := screen(m, 56, 41.5)
	x1, y1 := screen(m, 72, 37)
	if x0 < 0 || y0 < 0 || x1 > 1280 || y1 > 600 {
		t.Errorf("Uzbekistan spans %.0f,%.0f–%.0f,%.0f; want it within the 1280×600 above the bar", x0, y0, x1, y1)
	}
}

func TestStoryStepHighlightsQuietlyAndReportsTheStep(t *testing.T) {
	p, _, m, page, _ := testStories()
	p.Open("steppe", 2)
	if m.Selected() != "almaty" || page.has("open") {
		t.Errorf("selected %q, page %q; want Almaty outlined with no panel", m.Selected(), page.took())
	}
	want := map[string]any{"story": "steppe", "step": 2, "title": "Almaty"}
	if got := page.payloads["step"]; !reflect.DeepEqual(got, want) {
		t.Errorf("step event = %v; want %v", got, want)
	}
	if !strings.Contains(page.hash, "story=steppe") || !strings.Contains(page.hash, "step=2") || strings.Contains(page.hash, "select=") {
		t.Errorf("hash = %q; want the story and step, no selection", page.hash)
	}
	p.Close()
	if m.Selected() != "" || m.Mode() != ModeBrowse || page.payloads["step"] != nil || strings.Contains(page.hash, "story=") {
		t.Errorf("after Close: selected %q, mode %v, step event %v, hash %q; want all gone", m.Selected(), m.Mode(), page.payloads["step"], page.hash)
	}
}

func TestStoryKeys(t *testing.T) {
	for _, tc := range []struct {
		key      string
		inBar    bool
		taken    bool
		wantStep int // 0-based; -1: closed
	}{
		{"PageDown", false, true, 2},
		{"PageUp", false, true, 0},
		{"ArrowRight", true, true, 2},
		{"ArrowLeft", true, true, 0},
		{"ArrowRight", false, false, 1}, // the map's: it pans
		{"Escape", true, true, -1},
		{"Escape", false, false, 1}, // the map's: it clears the selection
		{"n", true, false, 1},
	} {
		p, _, _, _, _ := testStories()
		p.Open("steppe", 2)
		taken := p.Key(tc.key, tc.inBar)
		_, step, open := p.Current()
		if !open {
			step = -1
		}
		if taken != tc.taken || step != tc.wantStep {
			t.Errorf("Key(%q, bar focused %v) = %v, step %d; want %v, step %d", tc.key, tc.inBar, taken, step, tc.taken, tc.wantStep)
		}
	}
	p, _, _, _, _ := testStories()
	if p.Key("PageDown", true) {
		t.Errorf("PageDown with no story open was taken")
	}
}

func TestStoriesOpenFromTheURLAndFromATeacher(t *testing.T) {
	p, bar, m, page, _ := testStories()
	if s, ok := p.First(); !ok || s.ID != "steppe" {
		t.Errorf("First() = %q, %v; want steppe", s.ID, ok)
	}
	m.ApplyState(mustParseHash(t, "#story=steppe&step=3"))
	if _, step, ok := p.Current(); !ok || step != 2 || !bar.open || bar.focused != 1 {
		t.Errorf("#story=steppe&step=3: step %d, open %v, bar %+v; want step 3 shown and focused", step+1, ok, bar)
	}
	page.took()
	if p.Open("atlantis", 1) || !page.has("warn no story with id atlantis") {
		t.Errorf("Open(atlantis): page %q; want false and a warning", page.took())
	}
	mine := story.Story{ID: "mine", Title: "Mine", Steps: []story.Step{{Title: "One", View: story.View{Fit: "UZB"}}}}
	p.Add(mine)
	mine.Steps[0].Title = "One, again"
	p.Add(mine)
	if s, _, _ := p.Current(); s.ID != "mine" || s.Steps[0].Title != "One, again" || len(p.order) != 2 {
		t.Errorf("after adding mine twice: playing %q %q, order %v; want the second copy, listed once", s.ID, s.Steps[0].Title, p.order)
	}
	m.ApplyState(geo.State{HasStory: true}) // story: null
	if _, _, ok := p.Current(); ok || bar.open {
		t.Errorf("#story= left the story open")
	}
}

func mustParseHash(t *testing.T, h string) geo.State {
	t.Helper()
	s, warnings := geo.ParseHash(h)
	if len(warnings) > 0 {
		t.Fatalf("ParseHash(%q) warned %v", h, warnings)
	}
	return s
}

func TestLoadPlaysATeachersStoryAndNamesWhatTheMapLacks(t *testing.T) {
	p, bar, m, page, _ := testStories()
	_, _, err := p.Load(`{"id": "x"`)
	if err == nil {
		t.Error("Load of broken JSON gave no error")
	}
	s, problems, err := p.Load(`{"id": "mine", "title": "Mine", "steps": [
		{"title": "One", "text": "A.", "view": {"fit": "KAZ"}, "layers": ["cities"]},
		{"title": "Two", "text": "B.", "view": {"fit": "nowhere"}, "layers": ["no-layer"], "highlight": "almaty"}]}`)
	if err != nil || s.ID != "mine" || len(s.Steps) != 2 {
		t.Fatalf("Load = %v, %v", s.ID, err)
	}
	if len(problems) != 2 || !strings.Contains(problems[0]+problems[1], "nowhere") || !strings.Contains(problems[0]+problems[1], "no-layer") || !page.has("warn story: ") {
		t.Errorf("problems %q, page %q; want the unknown feature and layer warned of", problems, page.took())
	}
	if id, step := m.Story(); id != "mine" || step != 1 || !bar.open {
		t.Errorf("after Load the map plays %q step %d", id, step)
	}
}

func TestFrameStatsGiveTheLastAndThe95thPercentile(t *testing.T) {
	if last, p95 := FrameStats(nil); last != 0 || p95 != 0 {
		t.Errorf("FrameStats(nil) = %v, %v", last, p95)
	}
	times := make([]float64, 100)
	for i := range times {
		times[i] = float64(100 - i)
	}
	if last, p95 := FrameStats(times); last != 1 || p95 != 96 {
		t.Errorf("FrameStats(100…1) = %v, %v; want 1, 96", last, p95)
	}
}
