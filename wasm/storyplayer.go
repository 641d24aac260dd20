//go:build js

package main

import (
	"fmt"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/app"
	"heartland/story"
)

// storyPlayer shows a guided story one step at a time in a bar at the foot
// of the map: the step's text and sources, previous and next buttons and a
// step counter. Each step flies to its view, shows its layers and outlines
// its feature. PageDown and PageUp (what presentation clickers send) step
// whenever a story is open; the arrow keys do when the bar has focus.
type storyPlayer struct {
	stories map[string]story.Story
	order   []string
	current *story.Story
	step    int // 0-based
	bar     js.Value
	title   js.Value
	body    js.Value
	counter js.Value
	prev    js.Value
	next    js.Value
}

func (g *Game) newStoryPlayer(stories []story.Story) {
	p := &storyPlayer{stories: map[string]story.Story{}}
	for _, s := range stories {
		p.stories[s.ID] = s
		p.order = append(p.order, s.ID)
	}
	g.story = p
	d := g.ui
	p.bar = d.el("section", "story-bar", "")
	p.bar.Set("id", "story")
	p.bar.Set("hidden", true)
	p.bar.Call("setAttribute", "aria-label", "Guided story")
	p.bar.Set("tabIndex", -1)
	p.title = d.el("h2", "story-title", "")
	p.title.Set("id", "story-title")
	p.body = d.el("div", "story-body", "")
	p.body.Call("setAttribute", "aria-live", "polite")
	nav := d.el("div", "story-nav", "")
	p.prev = d.el("button", "story-prev", "‹ Previous")
	p.next = d.el("button", "story-next", "Next ›")
	p.counter = d.el("span", "story-counter", "")
	closeBtn := d.el("button", "story-close", "×")
	closeBtn.Call("setAttribute", "aria-label", "Close the story")
	for _, b := range []js.Value{p.prev, p.next, closeBtn} {
		b.Set("type", "button")
	}
	nav.Call("append", p.prev, p.counter, p.next, closeBtn)
	p.bar.Call("append", p.title, p.body, nav)
	d.doc.Get("body").Call("append", p.bar)
	on := func(el js.Value, fn func()) {
		el.Call("addEventListener", "click", safeFunc(func(js.Value, []js.Value) any { fn(); return nil }))
	}
	on(p.prev, func() { g.stepStory(-1) })
	on(p.next, func() { g.stepStory(1) })
	on(closeBtn, g.closeStory)
	p.bar.Call("addEventListener", "keydown", safeFunc(func(_ js.Value, args []js.Value) any {
		switch args[0].Get("key").String() {
		case "ArrowRight":
			g.stepStory(1)
		case "ArrowLeft":
			g.stepStory(-1)
		case "Escape":
			g.closeStory()
		default:
			return nil
		}
		args[0].Call("preventDefault")
		args[0].Call("stopPropagation")
		return nil
	}))
	if len(p.order) > 0 {
		title := p.stories[p.order[0]].Title
		if btn, ok := d.controlButton("story-open", "story-open", "▶", "Guided story: "+title, "Play the guided story: "+title); ok {
			on(btn, func() { g.openStory(p.order[0], 1) })
		}
	}
}

// openStory starts a story at a 1-based step; unknown stories are reported.
func (g *Game) openStory(id string, step int) bool {
	s, ok := g.story.stories[id]
	if !ok {
		g.ui.warn("no story with id " + id)
		return false
	}
	g.closeQuiz() // one guided mode at a time: the story bar and the quiz card share the foot of the map
	g.m.SetMode(app.ModeStory)
	g.story.current = &s
	g.story.bar.Set("hidden", false)
	g.goStep(step - 1)
	g.story.bar.Call("focus")
	return true
}

// addStory adds a story from a teacher's file and plays it.
func (g *Game) addStory(s story.Story) {
	if _, ok := g.story.stories[s.ID]; !ok {
		g.story.order = append(g.story.order, s.ID)
	}
	g.story.stories[s.ID] = s
	g.openStory(s.ID, 1)
}

func (g *Game) closeStory() {
	if g.story.current == nil {
		return
	}
	g.story.current = nil
	g.story.bar.Set("hidden", true)
	g.m.SetMode(app.ModeBrowse)
	g.m.SelectQuiet("")
	g.m.SetStory("", 0)
	g.ui.emit("step", nil)
}

// stepStory moves by delta steps, staying within the story.
func (g *Game) stepStory(delta int) {
	if g.story.current != nil {
		g.goStep(g.story.step + delta)
	}
}

// goStep shows step i (0-based, clamped): text, view, layers, highlight.
func (g *Game) goStep(i int) {
	p := g.story
	s := p.current
	i = max(0, min(len(s.Steps)-1, i))
	p.step = i
	st := s.Steps[i]
	d := g.ui
	p.title.Set("textContent", st.Title)
	p.body.Set("textContent", "")
	for _, para := range story.Paragraphs(st.Text) {
		el := d.el("p", "", "")
		for _, r := range para {
			if r.URL != "" {
				el.Call("append", d.externalLink(r.Text, r.URL))
			} else {
				el.Call("append", d.doc.Call("createTextNode", r.Text))
			}
		}
		p.body.Call("append", el)
	}
	if len(st.Sources) > 0 {
		src := d.el("p", "story-sources", "Sources: ")
		for k, so := range st.Sources {
			if k > 0 {
				src.Call("append", d.doc.Call("createTextNode", " · "))
			}
			src.Call("append", d.externalLink(fmt.Sprintf("%s (%d)", so.Title, so.Year), so.URL))
		}
		p.body.Call("append", src)
	}
	p.counter.Set("textContent", fmt.Sprintf("%d / %d", i+1, len(s.Steps)))
	p.prev.Set("disabled", i == 0)
	p.next.Set("disabled", i == len(s.Steps)-1)
	if len(st.Layers) > 0 {
		on := map[string]bool{}
		for _, l := range st.Layers {
			on[l] = true
		}
		for _, l := range (sceneView{g}).LayerIDs() {
			if !isCustom(l) {
				g.scene.visible[l] = on[l]
			}
		}
		g.m.Restyle()
		g.ui.syncLayers(g)
	}
	r := p.bar.Call("getBoundingClientRect")
	_, h, _ := g.cam.Viewport()
	lift := h - r.Get("top").Float() // the bar covers the foot of the map
	if st.View.Fit != "" {
		g.m.FlyTo(st.View.Fit, lift)
	} else if c := st.View.Center; c != nil {
		g.m.FlyToView(orb.Point{c[0], c[1]}, st.View.Zoom, lift)
	}
	g.m.SelectQuiet(st.Highlight)
	g.m.SetStory(s.ID, i+1)
	g.ui.emit("step", map[string]any{"story": s.ID, "step": i + 1, "title": st.Title})
}

// storyHooks let the app core open and close stories (the URL's story=).
type storyHooks struct{ g *Game }

func (h storyHooks) Open(id string, step int) bool { return h.g.openStory(id, step) }
func (h storyHooks) Close()                        { h.g.closeStory() }

func isCustom(layer string) bool { return len(layer) > 6 && layer[:6] == "custom" }
