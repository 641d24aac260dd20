package app

// Guide is the player of a guided mode, a story or a quiz. Only one is open
// at a time: the story bar and the quiz card share the foot of the map.
type Guide interface {
	Close()
}

// openGuide puts the map in mode with g as its guide, closing the guide
// that was open before, if another.
func (m *Map) openGuide(mode Mode, g Guide) {
	if m.guide != nil && m.guide != g {
		m.guide.Close()
	}
	m.guide, m.mode = g, mode
}

// closeGuide returns the map to browsing if g is its guide.
func (m *Map) closeGuide(g Guide) {
	if m.guide == g {
		m.guide, m.mode = nil, ModeBrowse
	}
}
