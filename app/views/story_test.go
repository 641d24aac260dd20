package views

import (
	"testing"

	"heartland/geo"
	"heartland/story"
)

func TestStoryFrameHasItsButtonsAndIsHidden(t *testing.T) {
	bar := StoryFrame()
	for _, class := range []string{"story-title", "story-body", "story-prev", "story-counter", "story-next", "story-close"} {
		if len(find([]Node{bar}, classed(class))) != 1 {
			t.Errorf("the bar has no single .%s", class)
		}
	}
	if bar.Attr("id") != "story" || !hasAttr(bar, "hidden") {
		t.Errorf("bar %v; want #story, hidden", bar.Attrs)
	}
}

func TestStoryStepKeepsSafeLinksAndCitesSources(t *testing.T) {
	s := story.Story{Steps: []story.Step{
		{Title: "One", Text: "See [the field](https://a.example/k) and [this](javascript:alert(1)).\n\nMore.",
			Sources: []geo.Source{{Title: "Atlas", URL: "https://atlas.example", Year: 2024}, {Title: "Stats", URL: "https://s.example", Year: 2023}}},
		{Title: "Two", Text: "Last."},
	}}
	st := StoryStepOf(s, 0)
	if st.Title != "One" || st.Counter != "1 / 2" || !st.First || st.Last {
		t.Errorf("step 1: %+v", st)
	}
	links := find(st.Body, tagged("a"))
	if len(links) != 3 || links[0].Attr("href") != "https://a.example/k" || links[1].TextContent() != "Atlas (2024)" {
		t.Errorf("links %v; want the field's and the two sources'", links)
	}
	if got := text(st.Body); got != "See the field and [this](javascript:alert(1)).More.Sources: Atlas (2024) · Stats (2023)" {
		t.Errorf("body %q", got)
	}
	if st := StoryStepOf(s, 1); st.First || !st.Last || st.Counter != "2 / 2" || len(find(st.Body, classed("story-sources"))) != 0 {
		t.Errorf("step 2: %+v", st)
	}
}
