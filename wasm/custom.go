//go:build js

package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"heartland/app/views"
	"heartland/geo"
	"heartland/wasm/bridge"
)

// addCustomLayer decodes a reader's GeoJSON and adds it as a layer of its
// own, with a legend entry that can remove it. It returns what the API
// reports: the layer id and feature count, or the error; warnings name the
// features that were skipped.
func (g *Game) addCustomLayer(text, name string) map[string]any {
	g.customCount++
	id := fmt.Sprintf("custom%d", g.customCount)
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("My layer %d", g.customCount)
	}
	features, warnings, err := geo.DecodeCustomGeoJSON([]byte(text), id)
	for _, w := range warnings {
		g.ui.warn(name + ": " + w)
	}
	if err != nil {
		return map[string]any{"error": err.Error(), "warnings": bridge.Strings(warnings)}
	}
	c := customColors[(g.customCount-1)%len(customColors)]
	g.scene.AddCustomLayer(geo.Layer{ID: id, Name: name, Features: features}, c)
	g.scene.dropMeshes()
	kinds := map[string]bool{}
	for _, f := range features {
		kinds[f.Kind] = true
	}
	g.ui.addCustomLegend(id, name, c, kinds, func() { g.removeCustomLayer(id) })
	g.search.index = g.scene.SearchIndex()
	g.m.LayersChanged()
	return map[string]any{"layer": id, "features": len(features), "warnings": bridge.Strings(warnings)}
}

// removeCustomLayer drops a custom layer, its legend entry and any selection
// in it.
func (g *Game) removeCustomLayer(id string) bool {
	if !strings.HasPrefix(id, "custom") || !g.scene.RemoveLayer(id) {
		return false
	}
	g.scene.dropMeshes()
	g.ui.removeCustomLegend(id)
	g.search.index = g.scene.SearchIndex()
	g.m.LayersChanged()
	return true
}

// jsonText accepts GeoJSON from JavaScript as a string or as an object;
// an object JSON cannot carry (a cycle, a BigInt) is refused, not a crash.
func jsonText(v js.Value) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	switch v.Type() {
	case js.TypeString:
		return v.String(), true
	case js.TypeObject:
		s := js.Global().Get("JSON").Call("stringify", v)
		if s.Type() == js.TypeString {
			return s.String(), true
		}
	}
	return "", false
}

// clipText is views.Clip, for the API's and the export's arguments.
func clipText(s string, n int) string { return views.Clip(s, n) }
