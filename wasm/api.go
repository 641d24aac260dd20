//go:build js

package main

import (
	"runtime"
	"syscall/js"

	"heartland/app"
	"heartland/wasm/bridge"
)

// installAPI fills window.heartland (created by the loader with ready, on
// and _emit) with the methods of the public API in docs/ARCHITECTURE.md.
// Each runs in its caller's task: what it changes is in place on return.
func (g *Game) installAPI() {
	api := js.Global().Get("heartland")
	set := func(name string, fn func(args []js.Value) any) {
		api.Set(name, safeFunc(func(this js.Value, args []js.Value) any { return fn(args) }))
	}
	set("getState", func([]js.Value) any { return bridge.StateToJS(g.m.State()) })
	set("setState", func(args []js.Value) any {
		if len(args) > 0 {
			s, warnings := bridge.StateFromJS(args[0])
			for _, w := range warnings {
				g.ui.warn("setState: " + w)
			}
			g.m.ApplyState(s)
		}
		return nil
	})
	set("project", func(args []js.Value) any {
		p, ok := bridge.Point(arg(args, 0))
		if !ok {
			return js.Null()
		}
		x, y := g.cam.Project(p)
		return []any{x, y}
	})
	set("unproject", func(args []js.Value) any {
		p, ok := bridge.Point(arg(args, 0))
		if !ok {
			return js.Null()
		}
		ll := g.cam.Unproject(p[0], p[1])
		return []any{ll[0], ll[1]}
	})
	set("featureAt", func(args []js.Value) any {
		p, ok := bridge.Point(arg(args, 0))
		if !ok {
			return js.Null()
		}
		f, found := g.m.FeatureAt(p[0], p[1])
		if !found {
			return js.Null()
		}
		return map[string]any{"id": f.ID, "kind": f.Kind, "name": f.Name, "layer": f.Layer}
	})
	set("fitBounds", func(args []js.Value) any {
		b, ok := bridge.Bound(arg(args, 0))
		if !ok {
			g.ui.warn("fitBounds wants [[west, south], [east, north]] in degrees")
			return nil
		}
		g.m.FitBounds(b)
		return nil
	})
	set("select", func(args []js.Value) any {
		id := ""
		if len(args) > 0 && args[0].Type() == js.TypeString {
			id = args[0].String()
		}
		if !g.m.Select(id) {
			g.ui.warn("select: no feature with that id")
			return false
		}
		return true
	})
	set("stats", func(args []js.Value) any {
		// stats({gc: true}) collects first, so heap figures compare across
		// time (the leak tests use it).
		if o := arg(args, 0); o.Type() == js.TypeObject && o.Get("gc").Truthy() {
			runtime.GC()
		}
		return g.stats()
	})
	// addGeoJSON(data, {name}) and addData(data, {name, format}) are one:
	// any format yourdata reads, as text, bytes or a GeoJSON object.
	addData := func(args []js.Value) any {
		data, problem := dataBytes(arg(args, 0))
		if problem != "" {
			return map[string]any{"error": problem}
		}
		name, format := "", ""
		if opts := arg(args, 1); opts.Type() == js.TypeObject {
			if v := opts.Get("name"); v.Type() == js.TypeString {
				name = clipText(v.String(), 80)
			}
			if v := opts.Get("format"); v.Type() == js.TypeString {
				format = clipText(v.String(), 40)
			}
		}
		return g.addCustomLayer(data, name, format)
	}
	set("addGeoJSON", addData)
	set("addData", addData)
	set("loadStory", func(args []js.Value) any {
		text, ok := jsonText(arg(args, 0))
		if !ok {
			return map[string]any{"error": "want a story as JSON text or an object"}
		}
		s, problems, err := g.story.Load(text)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		return map[string]any{"story": s.ID, "steps": len(s.Steps), "warnings": bridge.Strings(problems)}
	})
	set("exportSVG", func(args []js.Value) any {
		svg, err := g.exportSVG(arg(args, 0))
		if err == nil {
			return svg
		}
		g.ui.warn("exportSVG: " + err.Error())
		return map[string]any{"error": err.Error()}
	})
	set("removeLayer", func(args []js.Value) any {
		id := arg(args, 0)
		return id.Type() == js.TypeString && g.removeCustomLayer(id.String())
	})
}

// arg returns argument i, or undefined.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

func (g *Game) stats() map[string]any {
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	last, p95 := app.FrameStats(g.frameMS)
	return map[string]any{"frames": g.frames, "lastFrameMs": last, "p95FrameMs": p95,
		"mapRenders": g.cache.Renders, "canvasMoves": g.ui.canvasMoves, "heapBytes": float64(mem.HeapAlloc), "sysBytes": float64(mem.Sys), "startup": g.timings}
}
