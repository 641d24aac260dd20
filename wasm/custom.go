//go:build js

package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"heartland/app/views"
	"heartland/geo"
	"heartland/wasm/bridge"
	"heartland/yourdata"
)

// addCustomLayer reads a reader's file (yourdata.Decode: GeoJSON,
// TopoJSON, CSV, KML, KMZ or GPX; format is a hint such as "csv" or the
// file's name) and adds it as a layer of its own, with a legend entry that
// can remove it. It returns what the API reports: the layer id, feature
// count and format, or the error; warnings say, one line per kind, what
// was repaired or skipped.
func (g *Game) addCustomLayer(data []byte, name, format string) map[string]any {
	g.customCount++
	id := fmt.Sprintf("custom%d", g.customCount)
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("My layer %d", g.customCount)
	}
	if format == "" {
		format = name
	}
	res, err := yourdata.Decode(data, id, format)
	features, warnings := res.Features, res.Warnings
	for _, w := range warnings {
		g.ui.warn(name + ": " + w)
	}
	if err != nil {
		return map[string]any{"error": err.Error(), "format": res.Format, "warnings": bridge.Strings(warnings)}
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
	return map[string]any{"layer": id, "features": len(features), "format": res.Format, "warnings": bridge.Strings(warnings)}
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

// dataBytes accepts a reader's file from JavaScript as text, bytes (a
// Uint8Array or ArrayBuffer: a KMZ is a zip) or a GeoJSON object; more
// than yourdata.MaxBytes is refused before it is copied.
func dataBytes(v js.Value) (data []byte, err string) {
	u8 := js.Global().Get("Uint8Array")
	if v.Type() == js.TypeObject && v.InstanceOf(js.Global().Get("ArrayBuffer")) {
		v = u8.New(v)
	}
	if v.Type() == js.TypeObject && v.InstanceOf(u8) {
		if n := v.Get("byteLength").Int(); n > yourdata.MaxBytes {
			return nil, fmt.Sprintf("the file is %.1f MB; the limit is %d MB", float64(n)/(1<<20), yourdata.MaxBytes>>20)
		}
		data = make([]byte, v.Get("byteLength").Int())
		js.CopyBytesToGo(data, v)
		return data, ""
	}
	text, ok := jsonText(v)
	if !ok {
		return nil, "want the file as text, bytes or a GeoJSON object"
	}
	return []byte(text), ""
}

// clipText is views.Clip, for the API's and the export's arguments.
func clipText(s string, n int) string { return views.Clip(s, n) }
