//go:build js

package main

import (
	"syscall/js"

	"heartland/app"
	"heartland/app/views"
	"heartland/geo"
	"heartland/story"
)

// storyBar is the guided story's bar at the foot of the map (app.StoryView):
// views.StoryFrame and views.StoryStepOf decide what it shows;
// app.StoryPlayer decides what a step does to the map.
type storyBar struct {
	d   *dom
	cam *geo.Camera
	bar js.Value
}

var _ app.StoryView = (*storyBar)(nil)

func (g *Game) newStoryPlayer(stories []story.Story) {
	d := g.ui
	v := &storyBar{d: d, cam: g.cam, bar: d.render(views.StoryFrame())}
	g.story = app.NewStoryPlayer(g.m, v, stories)
	d.doc.Get("body").Call("append", v.bar)
	for class, fn := range map[string]func(){"story-prev": func() { g.story.Step(-1) }, "story-next": func() { g.story.Step(1) }, "story-close": g.story.Close} {
		listen(v.part(class), "click", func(js.Value) { fn() })
	}
	if first, ok := g.story.First(); ok {
		if btn, ok := d.controlButton("story-open", "story-open", "▶", "Guided story: "+first.Title, "Play the guided story: "+first.Title); ok {
			listen(btn, "click", func(js.Value) { g.story.Open(first.ID, 1) })
		}
	}
}

func (v *storyBar) part(class string) js.Value { return v.bar.Call("querySelector", "."+class) }

// Show fills the bar with step i of s.
func (v *storyBar) Show(s story.Story, i int) {
	st := views.StoryStepOf(s, i)
	v.bar.Set("hidden", false)
	v.part("story-title").Set("textContent", st.Title)
	v.part("story-body").Set("textContent", "")
	v.d.appendAll(v.part("story-body"), st.Body)
	v.part("story-counter").Set("textContent", st.Counter)
	v.part("story-prev").Set("disabled", st.First)
	v.part("story-next").Set("disabled", st.Last)
}

func (v *storyBar) Hide()  { v.bar.Set("hidden", true) }
func (v *storyBar) Focus() { v.bar.Call("focus") }

// Lift is the height of the map the bar covers.
func (v *storyBar) Lift() float64 {
	_, h, _ := v.cam.Viewport()
	return h - v.bar.Call("getBoundingClientRect").Get("top").Float()
}
