package app

import "time"

// Cooperative lets an embedded map share the article around it, as
// MapLibre's cooperativeGestures does: a plain wheel scrolls the page (Ctrl
// or ⌘ + wheel zooms, or any wheel once the map was clicked), one finger
// scrolls the page and two fingers pan and zoom the map. The page asks it
// about each wheel and touch event on the map's canvas while cooperation is
// on (in an iframe, not in full screen).
type Cooperative struct {
	// Active: the reader clicked the map, and the wheel is the map's until
	// the pointer leaves the page or the window loses focus.
	Active   bool
	Now      func() time.Time // time.Now unless a test sets it
	lastHint time.Time
}

// GestureUse is what the page does with a wheel or touch event.
type GestureUse struct {
	Stop    bool   // stopImmediatePropagation: Ebiten's listeners, which block scrolling, never see it
	Prevent bool   // preventDefault: the map's, not the page's
	Hint    string // show how to move the map: "wheel" or "touch"; "" for no hint
}

// Wheel decides a wheel event over the canvas; zoomKey: Ctrl or ⌘ held.
func (c *Cooperative) Wheel(zoomKey bool) GestureUse {
	if c.Active || zoomKey {
		return GestureUse{} // the map's: its own listener zooms
	}
	return GestureUse{Stop: true, Hint: c.hint("wheel")}
}

// Touch decides a touch event over the canvas with fingers touching; move:
// a touchmove.
func (c *Cooperative) Touch(fingers int, move bool) GestureUse {
	switch {
	case fingers >= 2:
		return GestureUse{Stop: true, Prevent: true}
	case move:
		return GestureUse{Stop: true, Hint: c.hint("touch")}
	}
	return GestureUse{Stop: true}
}

// hint returns input at most once a second, "" otherwise.
func (c *Cooperative) hint(input string) string {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	if t := now(); t.Sub(c.lastHint) > time.Second {
		c.lastHint = t
		return input
	}
	return ""
}

// TouchAction is the canvas's CSS touch-action: with cooperation on, the
// browser pans the page with one finger; otherwise every touch is the map's.
func TouchAction(cooperative bool) string {
	if cooperative {
		return "pan-x pan-y"
	}
	return "none"
}
