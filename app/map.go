package app

import (
	"time"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// HitTolerance is how near, in CSS pixels, a click must be to a point or a
// line to select it.
const HitTolerance = 6

// quietDelay is how long a view must rest after a wheel, a key or the end of
// a flight before the map is drawn anew; until then the compositor moves the
// last picture.
const quietDelay = 120 * time.Millisecond

// Mode is the one guided mode the map is in.
type Mode int

const (
	ModeBrowse Mode = iota
	ModeStory       // a guided story's bar is open
	ModeQuiz        // a quiz is running: clicks answer it, names are hidden
)

// Stories opens and closes guided stories for ApplyState; the browser
// shell's story player implements it.
type Stories interface {
	Open(id string, step int) bool
	Close()
}

// Map is one map's behaviour: its camera, hover and selection, gestures and
// flights, and when it must be drawn. Every method runs to completion in the
// callback of the event that caused it, so its effect on the page (a panel,
// a tooltip, the URL) is there before the next frame.
type Map struct {
	Cam   *geo.Camera
	scene Scene
	page  Page
	now   func() time.Time

	hover, selected string
	presenting      bool
	mode            Mode
	guide           Guide  // the open story or quiz, nil for none
	storyID         string // the open story, "" for none
	storyStep       int    // 1-based
	gestures        Gestures
	flight          *flight
	lastHash        string

	// Stories is set by the story player; nil on pages without stories.
	Stories Stories
	// ClickFirst, when set, sees a click on the map before selection does
	// (a quiz answers with it) and reports whether it took it.
	ClickFirst func(x, y float64) bool
	// Band is how far the last picture may stand in for a moving view.
	Band Band

	snap    Snapshot
	hasSnap bool
	smooth  bool      // the last picture was drawn anti-aliased
	drawNow bool      // draw in the next frame
	drawAt  time.Time // draw when the motion has quieted; zero: no draw waits
	restyle bool      // what the cached map image shows changed
	moving  bool      // the view moved since the hash was written
	sized   bool
}

// New returns a map over scene with camera cam, talking to page; now is the
// clock (time.Now outside tests).
func New(cam *geo.Camera, scene Scene, page Page, now func() time.Time) *Map {
	return &Map{Cam: cam, scene: scene, page: page, now: now, Band: DefaultBand, drawNow: true, restyle: true}
}

// Hover is the id under the mouse, "" for none.
func (m *Map) Hover() string { return m.hover }

// Selected is the selected id, "" for none.
func (m *Map) Selected() string { return m.selected }

// Presenting reports whether presenter mode is on.
func (m *Map) Presenting() bool { return m.presenting }

// Spotlit is the feature presenter mode's spotlight is on: the selection,
// while its layer is shown; "" otherwise.
func (m *Map) Spotlit() string {
	if !m.presenting || m.selected == "" {
		return ""
	}
	if f, ok := m.scene.Feature(m.selected); !ok || !m.scene.Visible(f.Layer) {
		return ""
	}
	return m.selected
}

// Emphasis is how much labels, symbols and lines grow: 1.4 when presenting.
func (m *Map) Emphasis() float64 {
	if m.presenting {
		return 1.4
	}
	return 1
}

// Mode is the guided mode the map is in.
func (m *Map) Mode() Mode { return m.mode }

// Story returns the open story and its 1-based step, or "" and 0.
func (m *Map) Story() (id string, step int) { return m.storyID, m.storyStep }

// SetStory records the story step shown (id "" for none) and writes the URL.
func (m *Map) SetStory(id string, step int) {
	m.storyID, m.storyStep = id, step
	if id == "" {
		m.storyStep = 0
	}
	m.WriteHash()
}

// Resize sets the map's size in CSS pixels and device pixels per CSS pixel.
// The first size frames the home view and reports true: then the caller
// restores the URL's state.
func (m *Map) Resize(w, h, dpr float64) (first bool) {
	m.Cam.SetViewport(w, h, dpr)
	m.hasSnap = false // the canvas is new: nothing drawn to move
	m.requestDraw(false)
	if m.sized {
		m.viewChanged(true)
		return false
	}
	m.sized = true
	m.Cam.FitBoundsPadded(geo.HomeView, m.page.CoveredEdges())
	return true
}

// Home frames the home view.
func (m *Map) Home() {
	m.Cam.FitBoundsPadded(geo.HomeView, m.page.CoveredEdges())
	m.viewChanged(true)
}

// FeatureAt returns what a click at x, y (CSS pixels) would select.
func (m *Map) FeatureAt(x, y float64) (Feature, bool) {
	return m.scene.FeatureAt(m.Cam.ScreenToWorld(x, y), HitTolerance/m.Cam.Scale())
}

// Click selects what is at x, y, or clears the selection over empty map.
func (m *Map) Click(x, y float64) {
	if m.ClickFirst != nil && m.ClickFirst(x, y) {
		return
	}
	f, _ := m.FeatureAt(x, y)
	m.Select(f.ID)
}

// HoverAt follows the mouse: the name under it in a tooltip, the feature
// highlighted a frame later.
func (m *Map) HoverAt(x, y float64) {
	f, _ := m.FeatureAt(x, y)
	m.SetHover(f.ID, x, y)
}

// SetHover makes id ("" for none) the hovered feature, with its tooltip at
// x, y. In a quiz the tooltip stays hidden: a name would give answers away.
func (m *Map) SetHover(id string, x, y float64) {
	if id != m.hover {
		from := m.hover
		m.hover = id
		m.highlightMoved(from, id, false)
	}
	f, ok := m.scene.Feature(id)
	if ok && id != "" && m.mode != ModeQuiz {
		m.page.ShowTooltip(f.Name, x, y)
	} else {
		m.page.HideTooltip()
	}
	m.page.SetPointerCursor(ok && id != "")
}

// Select selects id ("" clears) and opens or closes its panel. It reports
// false for an id the map does not have.
func (m *Map) Select(id string) bool {
	if id != "" {
		if _, ok := m.scene.Feature(id); !ok {
			return false
		}
	}
	if id == m.selected {
		return true
	}
	from := m.selected
	m.selected = id
	m.highlightMoved(from, id, true)
	if id == "" {
		m.page.ClosePanel()
	} else {
		m.page.OpenPanel(id)
	}
	m.WriteHash()
	m.page.Emit("select", m.SelectionInfo())
	return true
}

// SelectQuiet outlines id without opening its panel (a story's text is the
// panel then); unknown ids clear the selection.
func (m *Map) SelectQuiet(id string) {
	if _, ok := m.scene.Feature(id); !ok {
		id = ""
	}
	if id == m.selected {
		return
	}
	m.page.ClosePanel()
	from := m.selected
	m.selected = id
	m.highlightMoved(from, id, true)
}

// SelectionInfo is the selected feature as the API reports it, or nil.
func (m *Map) SelectionInfo() any {
	f, ok := m.scene.Feature(m.selected)
	if !ok || m.selected == "" {
		return nil
	}
	return map[string]any{"id": f.ID, "kind": f.Kind, "name": f.Name, "layer": f.Layer}
}

// highlightMoved follows the hover or the selection from one feature to
// another. Areas and lines are highlighted by the page above the canvas
// (Page.Highlight), so they need no frame: on software WebGL a new map
// image takes hundreds of milliseconds and would hold up the next click.
// A symbol's highlight is drawn with the symbols, in a frame after the
// page has painted; presenter mode's spotlight, dimming all but the
// selection, needs a new map image.
func (m *Map) highlightMoved(from, to string, selection bool) {
	m.page.Highlight(m.hover, m.selected)
	frame := false
	for _, id := range []string{from, to} {
		f, ok := m.scene.Feature(id)
		switch {
		case !ok || id == "":
		case f.Symbol:
			frame = true
		case selection && m.presenting:
			m.restyle, frame = true, true
		}
	}
	if frame {
		m.requestDraw(true)
	}
}

// Restyle asks for a new map image: what it shows changed (layers, theme).
func (m *Map) Restyle() {
	m.page.Highlight(m.hover, m.selected) // its layer may be hidden now, or its colours changed
	m.restyle = true
	m.requestDraw(false)
}

// SetLayer shows or hides a layer, as a legend box does.
func (m *Map) SetLayer(layer string, on bool) {
	m.scene.SetVisible(layer, on)
	m.Restyle()
	m.WriteHash()
	m.page.Emit("layers", m.State().Layers)
}

// LayersChanged follows a change in the set of layers (a reader's layer
// added or removed): a hover or selection that is gone is dropped.
func (m *Map) LayersChanged() {
	if _, ok := m.scene.Feature(m.selected); !ok && m.selected != "" {
		m.Select("")
	}
	if _, ok := m.scene.Feature(m.hover); !ok {
		m.hover = ""
	}
	m.Restyle()
	m.WriteHash()
	m.page.Emit("layers", m.State().Layers)
}

// FitBounds frames b, [lon, lat] degrees, without animation.
func (m *Map) FitBounds(b orb.Bound) {
	m.flight = nil
	m.Cam.FitBounds(b, 0)
	m.viewChanged(true)
}

// SetPresenting switches presenter mode.
func (m *Map) SetPresenting(on bool) {
	if on == m.presenting {
		return
	}
	m.presenting = on
	m.page.SetPresenter(on)
	m.Restyle()
	m.page.Emit("presenter", on)
}

// requestDraw asks for a frame.
func (m *Map) requestDraw(afterPaint bool) {
	m.drawNow = true
	m.page.Wake(afterPaint)
}
