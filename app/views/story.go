package views

import (
	"fmt"

	"heartland/story"
)

// StoryFrame is the guided story's bar at the foot of the map, empty and
// hidden: the step's title (story-title) and text (story-body), then the
// previous (story-prev) and next (story-next) buttons around the counter
// (story-counter), and the close button (story-close).
func StoryFrame() Node {
	nav := El("div", "story-nav", "", button("story-prev", "‹ Previous"), El("span", "story-counter", ""),
		button("story-next", "Next ›"), button("story-close", "×").With("aria-label", "Close the story"))
	return El("section", "story-bar", "",
		El("h2", "story-title", "").With("id", "story-title"),
		El("div", "story-body", "").With("aria-live", "polite"),
		nav,
	).With("id", "story").With("hidden", "").With("aria-label", "Guided story").With("tabindex", "-1")
}

// StoryStep is what the story bar shows for one step.
type StoryStep struct {
	Title       string
	Body        []Node // the paragraphs with their links, then the sources
	Counter     string // "3 / 9"
	First, Last bool   // no previous step; no next step
}

// StoryStepOf is step i (0-based) of s: its paragraphs, links kept as
// links (http and https only), its sources with their years, and the
// counter.
func StoryStepOf(s story.Story, i int) StoryStep {
	st := s.Steps[i]
	out := StoryStep{Title: st.Title, Counter: fmt.Sprintf("%d / %d", i+1, len(s.Steps)), First: i == 0, Last: i == len(s.Steps)-1}
	for _, para := range story.Paragraphs(st.Text) {
		p := El("p", "", "")
		for _, r := range para {
			if r.URL != "" {
				p.Kids = append(p.Kids, ExternalLink(r.Text, r.URL))
			} else {
				p.Kids = append(p.Kids, TextNode(r.Text))
			}
		}
		out.Body = append(out.Body, p)
	}
	if len(st.Sources) > 0 {
		src := El("p", "story-sources", "Sources: ")
		for k, so := range st.Sources {
			if k > 0 {
				src.Kids = append(src.Kids, TextNode(" · "))
			}
			src.Kids = append(src.Kids, ExternalLink(fmt.Sprintf("%s (%d)", so.Title, so.Year), so.URL))
		}
		out.Body = append(out.Body, src)
	}
	return out
}
