//go:build js

package bridge

import (
	"math"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// Point reads a JavaScript [a, b] array of two finite numbers.
func Point(v js.Value) (orb.Point, bool) {
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() || v.Length() != 2 {
		return orb.Point{}, false
	}
	a, b := v.Index(0), v.Index(1)
	if a.Type() != js.TypeNumber || b.Type() != js.TypeNumber {
		return orb.Point{}, false
	}
	p := orb.Point{a.Float(), b.Float()}
	if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
		return orb.Point{}, false
	}
	return p, true
}

// Bound reads [[west, south], [east, north]] in degrees.
func Bound(v js.Value) (orb.Bound, bool) {
	if v.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", v).Bool() || v.Length() != 2 {
		return orb.Bound{}, false
	}
	sw, ok1 := Point(v.Index(0))
	ne, ok2 := Point(v.Index(1))
	if !ok1 || !ok2 || geo.ValidLonLat(sw) != nil || geo.ValidLonLat(ne) != nil || sw[0] > ne[0] || sw[1] > ne[1] {
		return orb.Bound{}, false
	}
	return orb.Bound{Min: sw, Max: ne}, true
}

// Strings converts a string slice to the []any that js.ValueOf accepts (it
// panics on []string).
func Strings(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// StateToJS converts a state to the plain object getState returns.
func StateToJS(s geo.State) map[string]any {
	layers := Strings(s.Layers)
	var sel any
	if s.Selected != "" {
		sel = s.Selected
	}
	var storyID, step any
	if s.Story != "" {
		storyID, step = s.Story, s.Step
	}
	return map[string]any{"center": []any{s.Center[0], s.Center[1]}, "zoom": s.Zoom, "layers": layers,
		"selected": sel, "story": storyID, "step": step}
}

// StateFromJS validates a partial state object from a host page the way
// the URL hash is validated (see geo.StateFromJSON, which is fuzzed): the
// value goes through JSON, so only plain data reaches the map.
func StateFromJS(v js.Value) (s geo.State, warnings []string) {
	if v.Type() != js.TypeObject {
		return geo.State{}, []string{"want an object"}
	}
	defer func() {
		if recover() != nil { // JSON.stringify threw: a cycle, a BigInt, a getter that throws
			s, warnings = geo.State{}, []string{"want plain data (JSON.stringify failed)"}
		}
	}()
	text := js.Global().Get("JSON").Call("stringify", v)
	if text.Type() != js.TypeString {
		return geo.State{}, []string{"want plain data"}
	}
	return geo.StateFromJSON([]byte(text.String()))
}
