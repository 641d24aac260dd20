package app

import (
	"testing"
	"time"
)

func TestCooperativeGesturesLeaveThePageItsScroll(t *testing.T) {
	c := &clock{t: time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)}
	g := Cooperative{Now: c.now}
	if got := g.Wheel(false); !got.Stop || got.Prevent || got.Hint != "wheel" {
		t.Errorf("a plain wheel: %+v; want the page's, with a hint", got)
	}
	c.add(500 * time.Millisecond)
	if got := g.Wheel(false); got.Hint != "" {
		t.Errorf("a wheel half a second later: hint %q; want none", got.Hint)
	}
	if got := g.Wheel(true); got != (GestureUse{}) {
		t.Errorf("Ctrl + wheel: %+v; want the map's", got)
	}
	c.add(time.Second)
	if got := g.Touch(1, true); !got.Stop || got.Prevent || got.Hint != "touch" {
		t.Errorf("one finger moving: %+v; want the page's scroll, with a hint", got)
	}
	if got := g.Touch(1, false); !got.Stop || got.Prevent || got.Hint != "" {
		t.Errorf("one finger down: %+v", got)
	}
	if got := g.Touch(2, true); !got.Stop || !got.Prevent {
		t.Errorf("two fingers: %+v; want the map's, not the page's", got)
	}
	g.Active = true
	if got := g.Wheel(false); got != (GestureUse{}) {
		t.Errorf("a wheel after a click on the map: %+v; want the map's", got)
	}
	if TouchAction(true) != "pan-x pan-y" || TouchAction(false) != "none" {
		t.Error("TouchAction")
	}
	if (&Cooperative{}).hint("wheel") != "wheel" {
		t.Error("the first hint, on the real clock, was not given")
	}
}
