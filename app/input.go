package app

import (
	"net/url"
	"strings"
	"time"
)

// PointerDown starts a press: a click, a drag or a pinch. It stops a flight
// under way: the reader has taken the map.
func (m *Map) PointerDown(p Pointer) {
	m.gestures.Down(p)
	m.flight = nil
	m.page.HideTooltip()
}

// PointerMove follows a pointer: hover, drag or pinch.
func (m *Map) PointerMove(p Pointer) {
	g := m.gestures.Move(p)
	switch g.Kind {
	case GestureHover:
		m.HoverAt(g.X, g.Y)
	case GesturePan:
		m.Cam.PanBy(g.DX, g.DY)
		if g.Zoom != 0 {
			m.Cam.ZoomAround(g.X, g.Y, g.Zoom)
		}
		m.viewChanged(false)
	}
}

// PointerUp ends a press: a click selects, the end of a drag draws the map
// at its new place.
func (m *Map) PointerUp(p Pointer) {
	m.ended(m.gestures.Up(p))
}

// PointerCancel ends a press the browser took over; never a click.
func (m *Map) PointerCancel(p Pointer) {
	m.ended(m.gestures.Cancel(p))
}

func (m *Map) ended(g Gesture) {
	switch g.Kind {
	case GestureClick:
		m.Click(g.X, g.Y)
	case GestureEnd:
		m.drawAt = time.Time{} // at rest now: draw at once
		m.requestDraw(false)
	}
}

// PointerLeave clears the hover when the mouse leaves the map.
func (m *Map) PointerLeave(p Pointer) {
	if p.Mouse && !m.gestures.Active() {
		m.SetHover("", 0, 0)
	}
}

// Wheel zooms by dz levels about x, y (CSS pixels); see WheelZoom.
func (m *Map) Wheel(x, y, dz float64) {
	m.flight = nil
	m.Cam.ZoomAround(x, y, dz)
	m.viewChanged(false)
}

// ZoomBy zooms by dz levels about the centre, as the + and − buttons do.
func (m *Map) ZoomBy(dz float64) {
	w, h, _ := m.Cam.Viewport()
	m.Cam.ZoomAround(w/2, h/2, dz)
	m.viewChanged(false)
}

// Key is a keyboard command.
type Key int

const (
	KeyNone Key = iota
	KeyPanLeft
	KeyPanRight
	KeyPanUp
	KeyPanDown
	KeyZoomIn
	KeyZoomOut
	KeyHome
	KeyEscape
	KeyPresenter
	KeyFullscreen
)

// KeyFromDOM maps a KeyboardEvent.key to a command, or KeyNone.
func KeyFromDOM(key string) Key {
	switch key {
	case "ArrowLeft":
		return KeyPanLeft
	case "ArrowRight":
		return KeyPanRight
	case "ArrowUp":
		return KeyPanUp
	case "ArrowDown":
		return KeyPanDown
	case "+", "=":
		return KeyZoomIn
	case "-", "_":
		return KeyZoomOut
	case "0":
		return KeyHome
	case "Escape":
		return KeyEscape
	case "p", "P":
		return KeyPresenter
	case "f", "F":
		return KeyFullscreen
	}
	return KeyNone
}

// keyPan is how far an arrow key moves the map, CSS pixels.
const keyPan = 100

// Key applies a keyboard command: arrows pan, +/− zoom, 0 frames the home
// view, Esc clears the selection, P presents, F toggles full screen.
func (m *Map) Key(k Key) {
	switch k {
	case KeyPanLeft:
		m.Cam.PanBy(keyPan, 0)
	case KeyPanRight:
		m.Cam.PanBy(-keyPan, 0)
	case KeyPanUp:
		m.Cam.PanBy(0, keyPan)
	case KeyPanDown:
		m.Cam.PanBy(0, -keyPan)
	case KeyZoomIn:
		m.ZoomBy(1)
		return
	case KeyZoomOut:
		m.ZoomBy(-1)
		return
	case KeyHome:
		m.Home()
		return
	case KeyEscape:
		m.Select("")
		return
	case KeyPresenter:
		m.SetPresenting(!m.presenting)
		return
	case KeyFullscreen:
		m.page.ToggleFullscreen()
		return
	default:
		return
	}
	m.viewChanged(false)
}

// KeyFocus is where the focus is when a key is pressed: the tag of the
// page's active element ("" for none) and, for an input, its type; InStory
// says it is inside the story bar.
type KeyFocus struct {
	Tag, InputType string
	InStory        bool
}

// typing reports whether a text field has the focus: its own keys (Escape
// clears the search) come first.
func (f KeyFocus) typing() bool { return f.Tag == "INPUT" && f.InputType != "checkbox" }

// onMap reports whether keys move the map: the canvas or the page itself
// has the focus, not a panel button or a link.
func (f KeyFocus) onMap() bool { return f.Tag == "" || f.Tag == "CANVAS" || f.Tag == "BODY" }

// quiz is the focus as the quiz's keys see it.
func (f KeyFocus) quiz() Focus {
	switch {
	case f.onMap():
		return FocusMap
	case f.Tag == "BUTTON":
		return FocusButton
	}
	return FocusOther
}

// KeyUse says what the page does with a key's event once RouteKey has
// handled it.
type KeyUse int

const (
	KeyPassed    KeyUse = iota // left to the browser
	KeyTaken                   // preventDefault
	KeyTakenHere               // preventDefault and stopPropagation
	KeyLeaves                  // Tab: stopImmediatePropagation, so Ebiten cannot trap it
)

// RouteKey handles a key pressed with focus where f says (modified: Ctrl,
// ⌘ or Alt held): Tab leaves the map; an open story and the quiz take their
// keys (StoryPlayer.Key, QuizPlayer.Key); the map's own keys apply when the
// map has the focus, and Escape closes the panel from anywhere but a text
// field. story and quiz may be nil.
func RouteKey(m *Map, story *StoryPlayer, quiz *QuizPlayer, key string, modified bool, f KeyFocus) KeyUse {
	switch {
	case key == "Tab":
		return KeyLeaves
	case modified:
		return KeyPassed
	case story != nil && story.Key(key, f.InStory):
		return KeyTakenHere
	case !f.typing() && quiz != nil && quiz.Key(key, f.quiz()):
		return KeyTaken
	case !f.onMap() && (key != "Escape" || f.typing()):
		return KeyPassed
	}
	if k := KeyFromDOM(key); k != KeyNone {
		m.Key(k)
		return KeyTaken
	}
	return KeyPassed
}

// PresenterInURL reports whether the page's query string (location.search)
// asks for presenter mode: ?presenter=1.
func PresenterInURL(search string) bool {
	v, _ := url.ParseQuery(strings.TrimPrefix(search, "?"))
	return v.Get("presenter") == "1"
}
