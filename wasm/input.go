//go:build js

package main

import (
	"math"
	"sync"
	"syscall/js"
)

// inputEvent is one browser event, recorded by a JS listener and applied in
// Update, so that all state changes happen on the game loop.
type inputEvent struct {
	kind    string // "down", "move", "up", "cancel", "leave", "wheel", "key", "zoom"
	id      int    // pointer id
	x, y    float64
	mouse   bool
	dz      float64
	key     string
	buttons int
	query   string // a quiz's URL query
}

// inputQueue collects events from JS listeners.
type inputQueue struct {
	mu      sync.Mutex
	events  []inputEvent
	spare   []inputEvent
	wake    func()
	pointer map[int][2]float64 // pointers down, CSS pixels
	downAt  [2]float64
	dragged bool
	pinch   float64               // distance between two pointers at the last move
	quizKey func(key string) bool // the quiz takes a key first (quiz.go)
}

func newInputQueue(wake func()) *inputQueue {
	return &inputQueue{wake: wake, pointer: map[int][2]float64{}}
}

func (q *inputQueue) push(e inputEvent) {
	q.mu.Lock()
	q.events = append(q.events, e)
	q.mu.Unlock()
	q.wake()
}

// listen registers our listeners. Pointer Events give mouse, pen and touch
// in one model; Ebiten's own canvas listeners know no Pointer Events.
func (q *inputQueue) listen(canvas js.Value) {
	window := js.Global()
	pointer := func(kind string) js.Func {
		return safeFunc(func(this js.Value, args []js.Value) any {
			e := args[0]
			if kind == "down" {
				canvas.Call("setPointerCapture", e.Get("pointerId"))
			}
			q.push(inputEvent{kind: kind, id: e.Get("pointerId").Int(), x: e.Get("clientX").Float(), y: e.Get("clientY").Float(),
				mouse: e.Get("pointerType").String() == "mouse", buttons: e.Get("buttons").Int()})
			return nil
		})
	}
	canvas.Call("addEventListener", "pointerdown", pointer("down"))
	canvas.Call("addEventListener", "pointermove", pointer("move"))
	canvas.Call("addEventListener", "pointerup", pointer("up"))
	canvas.Call("addEventListener", "pointercancel", pointer("cancel"))
	canvas.Call("addEventListener", "pointerleave", pointer("leave"))
	canvas.Call("addEventListener", "wheel", safeFunc(func(this js.Value, args []js.Value) any {
		e := args[0]
		e.Call("preventDefault")
		q.push(inputEvent{kind: "wheel", x: e.Get("clientX").Float(), y: e.Get("clientY").Float(), dz: wheelZoom(e)})
		return nil
	}), map[string]any{"passive": false})
	// Capture phase on window: we see keys before Ebiten's canvas listener,
	// which calls preventDefault on every key and would trap Tab.
	window.Call("addEventListener", "keydown", safeFunc(func(this js.Value, args []js.Value) any {
		e := args[0]
		key := e.Get("key").String()
		if key == "Tab" {
			e.Call("stopImmediatePropagation")
			return nil
		}
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		if (key == "PageDown" || key == "PageUp") && storyOpen() {
			e.Call("preventDefault")
			q.push(inputEvent{kind: "story", dz: map[bool]float64{true: 1, false: -1}[key == "PageDown"]})
			return nil
		}
		if q.quizKey != nil && !typingInField() && q.quizKey(key) {
			e.Call("preventDefault")
			return nil
		}
		if !mapHasFocus() && (key != "Escape" || typingInField()) {
			return nil
		}
		switch key {
		case "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "+", "=", "-", "_", "0", "Escape", "p", "P", "f", "F":
			e.Call("preventDefault")
			q.push(inputEvent{kind: "key", key: key})
		}
		return nil
	}), true)
	window.Call("addEventListener", "resize", safeFunc(func(this js.Value, args []js.Value) any {
		q.wake()
		return nil
	}))
}

// mapHasFocus reports whether keys should move the map: the canvas or the
// page itself has focus, not a panel button or link.
func mapHasFocus() bool {
	el := js.Global().Get("document").Get("activeElement")
	if el.IsNull() || el.IsUndefined() {
		return true
	}
	tag := el.Get("tagName").String()
	return tag == "CANVAS" || tag == "BODY"
}

// typingInField reports whether a text field has focus; its own keys (Escape
// clears the search) come first.
func typingInField() bool {
	el := js.Global().Get("document").Get("activeElement")
	return !el.IsNull() && !el.IsUndefined() && el.Get("tagName").String() == "INPUT" && el.Get("type").String() != "checkbox"
}

// wheelZoom converts a wheel event to zoom steps, honouring deltaMode and
// treating ctrl+wheel (a trackpad pinch) as a finer gesture.
func wheelZoom(e js.Value) float64 {
	dy := e.Get("deltaY").Float()
	switch e.Get("deltaMode").Int() {
	case 1: // lines
		dy *= 16
	case 2: // pages
		dy *= 800
	}
	per := 450.0
	if e.Get("ctrlKey").Bool() {
		per = 100
	}
	return math.Max(-1, math.Min(1, -dy/per))
}

// pending reports whether events wait to be applied.
func (q *inputQueue) pending() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.events) > 0
}

// drain applies queued events to the game.
func (q *inputQueue) drain(g *Game) {
	q.mu.Lock()
	q.events, q.spare = q.spare[:0], q.events
	q.mu.Unlock()
	for _, e := range q.spare {
		q.apply(g, e)
	}
}

func (q *inputQueue) apply(g *Game, e inputEvent) {
	switch e.kind {
	case "down":
		q.pointer[e.id] = [2]float64{e.x, e.y}
		if len(q.pointer) == 1 {
			q.downAt, q.dragged = [2]float64{e.x, e.y}, false
		}
		q.pinch = 0
		g.ui.hideTooltip()
	case "move":
		q.move(g, e)
	case "up", "cancel":
		_, wasDown := q.pointer[e.id]
		delete(q.pointer, e.id)
		q.pinch = 0
		if e.kind == "up" && wasDown && len(q.pointer) == 0 && !q.dragged && !g.quizClick(e.x, e.y) {
			g.click(e.x, e.y)
		}
		if len(q.pointer) == 0 {
			q.dragged = false
		}
	case "leave":
		if e.mouse && len(q.pointer) == 0 {
			g.setHover("", 0, 0)
		}
	case "wheel":
		g.cam.ZoomAround(e.x, e.y, e.dz)
		g.markMoved()
	case "key":
		g.key(e.key)
	case "goto": // a search result: fly there and open its panel
		g.flyTo(e.key)
		g.selectID(e.key)
	case "presenter":
		g.setPresenting(!g.presenting)
	case "story":
		g.stepStory(int(e.dz))
	case "story-open":
		g.openStory(e.key, 1)
	case "story-close":
		g.closeStory()
	case "quiz":
		g.quizEvent(e)
	case "remove-layer":
		g.removeCustomLayer(e.key)
	case "zoom":
		w, h, _ := g.cam.Viewport()
		g.cam.ZoomAround(w/2, h/2, e.dz)
		g.markMoved()
	}
}

func (q *inputQueue) move(g *Game, e inputEvent) {
	prev, down := q.pointer[e.id]
	if !down {
		if e.mouse {
			g.hoverAt(e.x, e.y)
			if g.quizOpen() { // a name would give the answer away
				g.ui.hideTooltip()
			}
		}
		return
	}
	q.pointer[e.id] = [2]float64{e.x, e.y}
	switch len(q.pointer) {
	case 1:
		if math.Hypot(e.x-q.downAt[0], e.y-q.downAt[1]) > 4 {
			q.dragged = true
		}
		if q.dragged {
			g.cam.PanBy(e.x-prev[0], e.y-prev[1])
			g.markMoved()
		}
	case 2:
		q.dragged = true
		var pts [][2]float64
		for _, p := range q.pointer {
			pts = append(pts, p)
		}
		d := math.Hypot(pts[0][0]-pts[1][0], pts[0][1]-pts[1][1])
		mx, my := (pts[0][0]+pts[1][0])/2, (pts[0][1]+pts[1][1])/2
		// The moving finger shifts the midpoint by half its own motion.
		g.cam.PanBy((e.x-prev[0])/2, (e.y-prev[1])/2)
		if q.pinch > 0 && d > 0 {
			g.cam.ZoomAround(mx, my, math.Log2(d/q.pinch))
		}
		q.pinch = d
		g.markMoved()
	}
}

// storyOpen reports whether the story bar is showing: then PageUp and
// PageDown, which presentation clickers send, step through it.
func storyOpen() bool {
	bar := js.Global().Get("document").Call("getElementById", "story")
	return !bar.IsNull() && !bar.Get("hidden").Bool()
}
