//go:build js

package main

import (
	"math"
	"runtime"
	"sort"
	"syscall/js"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// installAPI fills window.heartland (created by the loader with ready, on
// and _emit) with the methods of the public API in DESIGN.md.
func (g *Game) installAPI() {
	api := js.Global().Get("heartland")
	set := func(name string, fn func(args []js.Value) any) {
		api.Set(name, js.FuncOf(func(this js.Value, args []js.Value) any { return fn(args) }))
	}
	set("getState", func([]js.Value) any { return stateToJS(g.state()) })
	set("setState", func(args []js.Value) any {
		if len(args) > 0 {
			s, warnings := stateFromJS(args[0])
			for _, w := range warnings {
				g.ui.warn("setState: " + w)
			}
			g.applyState(s)
		}
		return nil
	})
	set("project", func(args []js.Value) any {
		p, ok := pointArg(args)
		if !ok {
			return js.Null()
		}
		x, y := g.cam.Project(p)
		return []any{x, y}
	})
	set("unproject", func(args []js.Value) any {
		p, ok := pointArg(args)
		if !ok {
			return js.Null()
		}
		ll := g.cam.Unproject(p[0], p[1])
		return []any{ll[0], ll[1]}
	})
	set("featureAt", func(args []js.Value) any {
		p, ok := pointArg(args)
		if !ok {
			return js.Null()
		}
		hit, found := g.featureAt(p[0], p[1])
		if !found {
			return js.Null()
		}
		return map[string]any{"id": hit.Feature.ID, "kind": hit.Feature.Kind, "name": hit.Feature.Name, "layer": hit.Layer}
	})
	set("fitBounds", func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeObject || args[0].Length() != 2 {
			g.ui.warn("fitBounds wants [[west, south], [east, north]]")
			return nil
		}
		sw, ok1 := pointArg([]js.Value{args[0].Index(0)})
		ne, ok2 := pointArg([]js.Value{args[0].Index(1)})
		if ok1 && ok2 {
			g.cam.FitBounds(orb.Bound{Min: sw, Max: ne}, 0)
			g.markMoved()
		}
		return nil
	})
	set("select", func(args []js.Value) any {
		id := ""
		if len(args) > 0 && args[0].Type() == js.TypeString {
			id = args[0].String()
		}
		if !g.selectID(id) {
			g.ui.warn("select: no feature with that id")
			return false
		}
		return true
	})
	set("stats", func([]js.Value) any { return g.stats() })
}

func (g *Game) stats() map[string]any {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	last, p95 := 0.0, 0.0
	if n := len(g.frameMS); n > 0 {
		last = g.frameMS[n-1]
		sorted := append([]float64(nil), g.frameMS...)
		sort.Float64s(sorted)
		p95 = sorted[(len(sorted)*95)/100]
	}
	return map[string]any{"frames": g.frames, "lastFrameMs": last, "p95FrameMs": p95,
		"heapBytes": float64(ms.HeapAlloc), "sysBytes": float64(ms.Sys)}
}

// pointArg reads a [a, b] array of two finite numbers.
func pointArg(args []js.Value) (orb.Point, bool) {
	if len(args) == 0 || args[0].Type() != js.TypeObject || args[0].Length() != 2 {
		return orb.Point{}, false
	}
	a, b := args[0].Index(0), args[0].Index(1)
	if a.Type() != js.TypeNumber || b.Type() != js.TypeNumber {
		return orb.Point{}, false
	}
	p := orb.Point{a.Float(), b.Float()}
	if p[0] != p[0] || p[1] != p[1] {
		return orb.Point{}, false
	}
	return p, true
}

func stateToJS(s geo.State) map[string]any {
	layers := make([]any, len(s.Layers))
	for i, l := range s.Layers {
		layers[i] = l
	}
	var sel any
	if s.Selected != "" {
		sel = s.Selected
	}
	return map[string]any{"center": []any{s.Center[0], s.Center[1]}, "zoom": s.Zoom, "layers": layers,
		"selected": sel, "story": nil, "step": nil}
}

// stateFromJS validates a partial state object from a host page the same
// way the URL hash is validated.
func stateFromJS(v js.Value) (geo.State, []string) {
	var s geo.State
	var warnings []string
	if v.Type() != js.TypeObject {
		return s, []string{"want an object"}
	}
	center, zoom := v.Get("center"), v.Get("zoom")
	if !center.IsUndefined() || !zoom.IsUndefined() {
		c, okC := pointArg([]js.Value{center})
		if center.IsUndefined() {
			okC = false
		}
		switch {
		case !center.IsUndefined() && !okC:
			warnings = append(warnings, "center must be [lon, lat]")
		case zoom.Type() != js.TypeNumber && !zoom.IsUndefined():
			warnings = append(warnings, "zoom must be a number")
		}
		// A missing half stays NaN, which Camera.SetView leaves unchanged.
		s.Center, s.Zoom = orb.Point{math.NaN(), math.NaN()}, math.NaN()
		if okC {
			s.Center = c
		}
		if zoom.Type() == js.TypeNumber {
			s.Zoom = zoom.Float()
		}
		s.HasView = okC || zoom.Type() == js.TypeNumber
	}
	if l := v.Get("layers"); l.Type() == js.TypeObject {
		s.HasLayers = true
		for i := 0; i < l.Length(); i++ {
			if id := l.Index(i); id.Type() == js.TypeString && geo.ValidID(id.String()) {
				s.Layers = append(s.Layers, id.String())
			} else {
				warnings = append(warnings, "layers: skipped an entry that is not a layer id")
			}
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
