package app

import "heartland/geo"

// State returns the shareable state of the map.
func (m *Map) State() geo.State {
	s := geo.State{Center: m.Cam.Center(), Zoom: m.Cam.Zoom(), HasView: true, HasLayers: true, Selected: m.selected}
	if m.storyID != "" {
		s.Story, s.Step, s.HasStory = m.storyID, m.storyStep, true
		s.Selected = "" // the step's highlight comes with the step
	}
	s.Layers = []string{}
	for _, l := range m.scene.LayerIDs() {
		if m.scene.Visible(l) {
			s.Layers = append(s.Layers, l)
		}
	}
	return s
}

// WriteHash puts the shareable state in the URL, if it changed.
func (m *Map) WriteHash() {
	h := m.State().Hash()
	if h == m.lastHash {
		return
	}
	m.lastHash = h
	m.page.WriteHash(h)
}

// LastHash is the hash the map wrote last, so the page can tell its own
// writes from a reader's edit of the URL.
func (m *Map) LastHash() string { return m.lastHash }

// ApplyState moves the map to a parsed state; parts it lacks stay as they
// are, and ids the map does not have are reported and ignored.
func (m *Map) ApplyState(s geo.State) {
	if s.HasView {
		m.flight = nil
		m.Cam.SetView(s.Center, s.Zoom)
	}
	if s.HasLayers {
		on := map[string]bool{}
		for _, l := range s.Layers {
			on[l] = true
		}
		for _, l := range m.scene.LayerIDs() {
			m.scene.SetVisible(l, on[l])
		}
		m.restyle = true
		m.page.SyncLayers()
		m.page.Emit("layers", s.Layers)
	}
	if s.HasStory && m.Stories != nil {
		if s.Story == "" {
			m.Stories.Close()
		} else if !m.Stories.Open(s.Story, s.Step) {
			m.page.Warn("no story " + s.Story + "; ignored")
		}
	}
	if s.HasSelect && !m.Select(s.Selected) {
		m.page.Warn("no feature with id " + s.Selected + "; selection ignored")
	}
	m.viewChanged(true)
}
