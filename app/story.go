package app

import (
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"heartland/story"
)

// StoryView is the story bar at the foot of the map, as the story player
// drives it.
type StoryView interface {
	// Show fills the bar with step i (0-based) of s and shows it.
	Show(s story.Story, i int)
	Hide()
	Focus()
	// Lift is how many CSS pixels at the foot of the map the bar covers.
	Lift() float64
}

// StoryPlayer plays guided stories one step at a time. Each step shows its
// layers, flies to its view above the bar and outlines its feature; the URL
// and the "step" event follow. PageDown and PageUp (what presentation
// clickers send) step whenever a story is open; the arrow keys and Escape
// when the bar has focus.
type StoryPlayer struct {
	m       *Map
	view    StoryView
	stories map[string]story.Story
	order   []string
	current *story.Story
	step    int // 0-based
}

// NewStoryPlayer returns a player of stories on m, which opens them from
// the URL through it.
func NewStoryPlayer(m *Map, view StoryView, stories []story.Story) *StoryPlayer {
	p := &StoryPlayer{m: m, view: view, stories: map[string]story.Story{}}
	for _, s := range stories {
		p.put(s)
	}
	m.Stories = p
	return p
}

func (p *StoryPlayer) put(s story.Story) {
	if _, ok := p.stories[s.ID]; !ok {
		p.order = append(p.order, s.ID)
	}
	p.stories[s.ID] = s
}

// First returns the first story, the one the page's button plays.
func (p *StoryPlayer) First() (story.Story, bool) {
	if len(p.order) == 0 {
		return story.Story{}, false
	}
	return p.stories[p.order[0]], true
}

// Current returns the open story and its 0-based step.
func (p *StoryPlayer) Current() (s story.Story, step int, ok bool) {
	if p.current == nil {
		return story.Story{}, 0, false
	}
	return *p.current, p.step, true
}

// Open starts a story at a 1-based step (clamped to the story's); an
// unknown story is reported and changes nothing.
func (p *StoryPlayer) Open(id string, step int) bool {
	s, ok := p.stories[id]
	if !ok {
		p.m.page.Warn("no story with id " + id)
		return false
	}
	p.m.openGuide(ModeStory, p)
	p.current = &s
	p.goStep(step - 1)
	p.view.Focus()
	return true
}

// Add adds a story (a teacher's file; one with the same id is replaced)
// and plays it.
func (p *StoryPlayer) Add(s story.Story) {
	p.put(s)
	p.Open(s.ID, 1)
}

// Close closes the open story and its highlight.
func (p *StoryPlayer) Close() {
	if p.current == nil {
		return
	}
	p.current = nil
	p.view.Hide()
	p.m.closeGuide(p)
	p.m.SelectQuiet("")
	p.m.SetStory("", 0)
	p.m.page.Emit("step", nil)
}

// Step moves by delta steps, staying within the story.
func (p *StoryPlayer) Step(delta int) {
	if p.current != nil {
		p.goStep(p.step + delta)
	}
}

// Key takes the keys of an open story and reports whether it did:
// PageDown and PageUp step from anywhere, the arrows step and Escape closes
// when the bar has focus.
func (p *StoryPlayer) Key(key string, barFocused bool) bool {
	if p.current == nil {
		return false
	}
	switch {
	case key == "PageDown" || barFocused && key == "ArrowRight":
		p.Step(1)
	case key == "PageUp" || barFocused && key == "ArrowLeft":
		p.Step(-1)
	case barFocused && key == "Escape":
		p.Close()
	default:
		return false
	}
	return true
}

// goStep shows step i (0-based, clamped): text, layers, view, highlight.
func (p *StoryPlayer) goStep(i int) {
	s := p.current
	i = max(0, min(len(s.Steps)-1, i))
	p.step = i
	st := s.Steps[i]
	p.view.Show(*s, i) // first: the lift is the height of the filled bar
	if len(st.Layers) > 0 {
		p.showLayers(st.Layers)
	}
	lift := p.view.Lift()
	if st.View.Fit != "" {
		p.m.FlyTo(st.View.Fit, lift)
	} else if c := st.View.Center; c != nil {
		p.m.FlyToView(orb.Point{c[0], c[1]}, st.View.Zoom, lift)
	}
	p.m.SelectQuiet(st.Highlight)
	p.m.SetStory(s.ID, i+1)
	p.m.page.Emit("step", map[string]any{"story": s.ID, "step": i + 1, "title": st.Title})
}

// showLayers shows exactly the step's layers; a reader's own layers stay
// as they are, since no story can know them.
func (p *StoryPlayer) showLayers(layers []string) {
	on := map[string]bool{}
	for _, l := range layers {
		on[l] = true
	}
	for _, l := range p.m.scene.LayerIDs() {
		if !isReaderLayer(l) {
			p.m.scene.SetVisible(l, on[l])
		}
	}
	p.m.Restyle()
	p.m.page.SyncLayers()
}

// isReaderLayer reports whether a layer is one a reader added
// (heartland.addGeoJSON): custom1, custom2, …
func isReaderLayer(id string) bool {
	return len(id) > len("custom") && strings.HasPrefix(id, "custom")
}

// Load decodes a teacher's story (heartland.loadStory), checks it against
// the map — features and layers it names that the map lacks are warned of
// on the console and returned as problems — and plays it.
func (p *StoryPlayer) Load(text string) (s story.Story, problems []string, err error) {
	if s, err = story.Decode([]byte(text)); err != nil {
		return s, nil, err
	}
	featureExists := func(id string) bool { _, ok := p.m.scene.Feature(id); return ok }
	layerExists := func(l string) bool { return p.m.scene.Visible(l) || slices.Contains(p.m.scene.LayerIDs(), l) }
	for _, e := range s.Check(featureExists, layerExists) {
		problems = append(problems, e.Error())
		p.m.page.Warn("story: " + e.Error())
	}
	p.Add(s)
	return s, problems, nil
}
