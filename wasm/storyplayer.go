//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"heartland/app"
	"heartland/geo"
	"heartland/story"
)

// storyBar is the guided story's bar at the foot of the map (app.StoryView):
// the step's text and sources, previous and next buttons and a step
// counter. app.StoryPlayer decides what a step does to the map.
type storyBar struct {
	d       *dom
	cam     *geo.Camera
	bar     js.Value
	title   js.Value
	body    js.Value
	counter js.Value
	prev    js.Value
	next    js.Value
}

var _ app.StoryView = (*storyBar)(nil)

func (g *Game) newStoryPlayer(stories []story.Story) {
	d := g.ui
	v := &storyBar{d: d, cam: g.cam}
	g.story = app.NewStoryPlayer(g.m, v, stories)
	v.bar = d.el("section", "story-bar", "")
	v.bar.Set("id", "story")
	v.bar.Set("hidden", true)
	v.bar.Call("setAttribute", "aria-label", "Guided story")
	v.bar.Set("tabIndex", -1)
	v.title = d.el("h2", "story-title", "")
	v.title.Set("id", "story-title")
	v.body = d.el("div", "story-body", "")
	v.body.Call("setAttribute", "aria-live", "polite")
	nav := d.el("div", "story-nav", "")
	v.prev = d.button("story-prev", "‹ Previous")
	v.next = d.button("story-next", "Next ›")
	v.counter = d.el("span", "story-counter", "")
	closeBtn := d.button("story-close", "×")
	closeBtn.Call("setAttribute", "aria-label", "Close the story")
	nav.Call("append", v.prev, v.counter, v.next, closeBtn)
	v.bar.Call("append", v.title, v.body, nav)
	d.doc.Get("body").Call("append", v.bar)
	onClick(v.prev, func() { g.story.Step(-1) })
	onClick(v.next, func() { g.story.Step(1) })
	onClick(closeBtn, g.story.Close)
	if first, ok := g.story.First(); ok {
		if btn, ok := d.controlButton("story-open", "story-open", "▶", "Guided story: "+first.Title, "Play the guided story: "+first.Title); ok {
			onClick(btn, func() { g.story.Open(first.ID, 1) })
		}
	}
}

// Show fills the bar with step i of s: title, paragraphs with their links,
// sources and the counter.
func (v *storyBar) Show(s story.Story, i int) {
	d, st := v.d, s.Steps[i]
	v.bar.Set("hidden", false)
	v.title.Set("textContent", st.Title)
	v.body.Set("textContent", "")
	for _, para := range story.Paragraphs(st.Text) {
		el := d.el("p", "", "")
		for _, r := range para {
			if r.URL != "" {
				el.Call("append", d.externalLink(r.Text, r.URL))
			} else {
				el.Call("append", d.doc.Call("createTextNode", r.Text))
			}
		}
		v.body.Call("append", el)
	}
	if len(st.Sources) > 0 {
		src := d.el("p", "story-sources", "Sources: ")
		for k, so := range st.Sources {
			if k > 0 {
				src.Call("append", d.doc.Call("createTextNode", " · "))
			}
			src.Call("append", d.externalLink(fmt.Sprintf("%s (%d)", so.Title, so.Year), so.URL))
		}
		v.body.Call("append", src)
	}
	v.counter.Set("textContent", fmt.Sprintf("%d / %d", i+1, len(s.Steps)))
	v.prev.Set("disabled", i == 0)
	v.next.Set("disabled", i == len(s.Steps)-1)
}

func (v *storyBar) Hide()  { v.bar.Set("hidden", true) }
func (v *storyBar) Focus() { v.bar.Call("focus") }

// Lift is the height of the map the bar covers.
func (v *storyBar) Lift() float64 {
	_, h, _ := v.cam.Viewport()
	return h - v.bar.Call("getBoundingClientRect").Get("top").Float()
}

// storyBarHasFocus reports whether the focus is in the story bar, where the
// arrow keys step and Escape closes.
func storyBarHasFocus() bool {
	bar := js.Global().Get("document").Call("getElementById", "story")
	return !bar.IsNull() && bar.Call("contains", js.Global().Get("document").Get("activeElement")).Bool()
}
