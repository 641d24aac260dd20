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
// the URL hash is validated: bad parts are dropped and described. A missing
// half of the view (centre or zoom) is NaN, which Camera.SetView leaves as
// it is.
func StateFromJS(v js.Value) (geo.State, []string) {
	var s geo.State
	var warnings []string
	if v.Type() != js.TypeObject {
		return s, []string{"want an object"}
	}
	center, zoom := v.Get("center"), v.Get("zoom")
	s.Center, s.Zoom = orb.Point{math.NaN(), math.NaN()}, math.NaN()
	if !center.IsUndefined() {
		if c, ok := Point(center); ok && geo.ValidLonLat(c) == nil {
			s.Center, s.HasView = c, true
		} else {
			warnings = append(warnings, "center must be [lon, lat] in degrees")
		}
	}
	if !zoom.IsUndefined() {
		if zoom.Type() == js.TypeNumber && zoom.Float() >= 0 && zoom.Float() <= 22 {
			s.Zoom, s.HasView = zoom.Float(), true
		} else {
			warnings = append(warnings, "zoom must be a number from 0 to 22")
		}
	}
	if l := v.Get("layers"); !l.IsUndefined() {
		if l.Type() != js.TypeObject || !js.Global().Get("Array").Call("isArray", l).Bool() {
			warnings = append(warnings, "layers must be an array of layer ids")
		} else {
			s.HasLayers, s.Layers = true, []string{}
			for i := 0; i < l.Length() && i < 64; i++ {
				if id := l.Index(i); id.Type() == js.TypeString && geo.ValidID(id.String()) {
					s.Layers = append(s.Layers, id.String())
				} else {
					warnings = append(warnings, "layers: skipped an entry that is not a layer id")
				}
			}
		}
	}
	if st := v.Get("story"); !st.IsUndefined() {
		switch {
		case st.IsNull():
			s.HasStory = true
		case st.Type() == js.TypeString && geo.ValidID(st.String()):
			s.Story, s.HasStory, s.Step = st.String(), true, 1
		default:
			warnings = append(warnings, "story must be a story id or null")
		}
	}
	if n := v.Get("step"); !n.IsUndefined() {
		if n.Type() == js.TypeNumber && n.Float() >= 1 && n.Float() <= 1000 && n.Float() == float64(int(n.Float())) {
			s.Step = n.Int()
		} else {
			warnings = append(warnings, "step must be a whole number from 1")
		}
	}
	if sel := v.Get("selected"); !sel.IsUndefined() {
		switch {
		case sel.IsNull():
			s.HasSelect = true
		case sel.Type() == js.TypeString && geo.ValidID(sel.String()):
			s.Selected, s.HasSelect = sel.String(), true
		default:
			warnings = append(warnings, "selected must be a feature id or null")
		}
	}
	return s, warnings
}
