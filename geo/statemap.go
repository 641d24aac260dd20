package geo

import (
	"encoding/json"
	"math"

	"github.com/paulmach/orb"
)

// StateFromJSON reads a partial state sent by a host page (setState, or a
// postMessage), as JSON: {center: [lon, lat], zoom, layers: [ids],
// selected: id|null, story: id|null, step}. Like ParseHash it never fails:
// parts that are missing stay unset, and malformed parts are dropped and
// described in warnings. A missing half of the view (centre or zoom) is NaN,
// which Camera.SetView leaves as it is.
func StateFromJSON(data []byte) (State, []string) {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil || m == nil {
		return State{}, []string{"want an object"}
	}
	var s State
	var warnings []string
	warn := func(w string) { warnings = append(warnings, w) }
	s.Center, s.Zoom = orb.Point{math.NaN(), math.NaN()}, math.NaN()
	if v, ok := m["center"]; ok {
		if c, ok := lonLatPair(v); ok {
			s.Center, s.HasView = c, true
		} else {
			warn("center must be [lon, lat] in degrees")
		}
	}
	if v, ok := m["zoom"]; ok {
		if z, ok := v.(float64); ok && z >= 0 && z <= 22 {
			s.Zoom, s.HasView = z, true
		} else {
			warn("zoom must be a number from 0 to 22")
		}
	}
	if v, ok := m["layers"]; ok {
		list, isList := v.([]any)
		if !isList {
			warn("layers must be an array of layer ids")
		} else {
			s.HasLayers, s.Layers = true, []string{}
			for i, x := range list {
				if id, ok := x.(string); ok && ValidID(id) && i < 64 {
					s.Layers = append(s.Layers, id)
				} else {
					warn("layers: skipped an entry that is not a layer id")
				}
			}
		}
	}
	idOrNull := func(key string, set func(id string)) {
		v, ok := m[key]
		if !ok {
			return
		}
		switch x := v.(type) {
		case nil:
			set("")
		case string:
			if ValidID(x) {
				set(x)
				return
			}
			warn(key + " must be an id or null")
		default:
			warn(key + " must be an id or null")
		}
	}
	idOrNull("selected", func(id string) { s.Selected, s.HasSelect = id, true })
	idOrNull("story", func(id string) {
		s.Story, s.HasStory = id, true
		if id != "" {
			s.Step = 1
		}
	})
	if v, ok := m["step"]; ok {
		if n, ok := v.(float64); ok && n >= 1 && n <= 1000 && n == math.Trunc(n) {
			s.Step = int(n)
		} else {
			warn("step must be a whole number from 1")
		}
	}
	return s, warnings
}

// lonLatPair reads [lon, lat] in range.
func lonLatPair(v any) (orb.Point, bool) {
	list, ok := v.([]any)
	if !ok || len(list) != 2 {
		return orb.Point{}, false
	}
	lon, ok1 := list[0].(float64)
	lat, ok2 := list[1].(float64)
	p := orb.Point{lon, lat}
	return p, ok1 && ok2 && ValidLonLat(p) == nil
}
