//go:build js

package bridge

import (
	"math"
	"strings"
	"syscall/js"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

// jsEval builds a JavaScript value from source text, as a host page would
// pass it.
func jsEval(src string) js.Value {
	return js.Global().Get("Function").New("return (" + src + ");").Invoke()
}

func TestPointAcceptsOnlyTwoFiniteNumbers(t *testing.T) {
	for src, ok := range map[string]bool{
		"[76.9, 43.25]":          true,
		"[0, 0]":                 true,
		"[1]":                    false,
		"[1, 2, 3]":              false,
		"['76.9', 43.25]":        false,
		"[NaN, 1]":               false,
		"[Infinity, 1]":          false,
		"{0: 1, 1: 2, length:2}": false,
		"null":                   false,
		"undefined":              false,
		"'[1,2]'":                false,
	} {
		_, got := Point(jsEval(src))
		if got != ok {
			t.Errorf("Point(%s) ok = %v; want %v", src, got, ok)
		}
	}
	p, _ := Point(jsEval("[76.9, 43.25]"))
	if p[0] != 76.9 || p[1] != 43.25 {
		t.Errorf("Point([76.9, 43.25]) = %v", p)
	}
}

func TestBoundWantsSouthWestThenNorthEastInRange(t *testing.T) {
	for src, ok := range map[string]bool{
		"[[46, 35], [88, 55]]":  true,
		"[[88, 35], [46, 55]]":  false, // west of east
		"[[46, 35], [88, 95]]":  false, // latitude out of range
		"[[46, 35]]":            false,
		"[[46, 35], [88, 'x']]": false,
	} {
		if _, got := Bound(jsEval(src)); got != ok {
			t.Errorf("Bound(%s) ok = %v; want %v", src, got, ok)
		}
	}
}

func TestStateFromJSKeepsValidPartsAndWarnsAboutTheRest(t *testing.T) {
	s, warnings := StateFromJS(jsEval(`{center: [69.2, 41.3], zoom: 6, layers: ["countries", "<img onerror=x>"], selected: "UZB"}`))
	if !s.HasView || s.Center[0] != 69.2 || s.Zoom != 6 {
		t.Errorf("view = %v %v (HasView %v); want [69.2 41.3] 6", s.Center, s.Zoom, s.HasView)
	}
	if !s.HasLayers || len(s.Layers) != 1 || s.Layers[0] != "countries" {
		t.Errorf("layers = %v; want [countries]", s.Layers)
	}
	if s.Selected != "UZB" {
		t.Errorf("selected = %q; want UZB", s.Selected)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "layers") {
		t.Errorf("warnings = %v; want one about layers", warnings)
	}
}

func TestStateFromJSLeavesAMissingHalfOfTheViewAsNaN(t *testing.T) {
	s, warnings := StateFromJS(jsEval(`{zoom: 5}`))
	if len(warnings) != 0 || !s.HasView || s.Zoom != 5 || !math.IsNaN(s.Center[0]) {
		t.Errorf("StateFromJS({zoom: 5}) = %+v, %v; want zoom 5 and a NaN centre", s, warnings)
	}
}

func TestStateFromJSRejectsHostileValues(t *testing.T) {
	for _, src := range []string{
		`{selected: "<script>alert(1)</script>"}`,
		`{selected: 42}`,
		`{zoom: "5"}`,
		`{zoom: 1e9}`,
		`{center: [500, 10]}`,
		`{layers: "countries"}`,
	} {
		s, warnings := StateFromJS(jsEval(src))
		if len(warnings) == 0 {
			t.Errorf("StateFromJS(%s): no warning", src)
		}
		if s.Selected != "" || s.HasView {
			t.Errorf("StateFromJS(%s) = %+v; want nothing taken", src, s)
		}
	}
	if _, w := StateFromJS(jsEval(`"not an object"`)); len(w) == 0 {
		t.Error("StateFromJS(string): no warning")
	}
}

func TestStateToJSMirrorsTheContract(t *testing.T) {
	m := StateToJS(geoState())
	for _, k := range []string{"center", "zoom", "layers", "selected", "story", "step"} {
		if _, ok := m[k]; !ok {
			t.Errorf("StateToJS lacks %q", k)
		}
	}
	if m["selected"] != "KAZ" {
		t.Errorf("selected = %v; want KAZ", m["selected"])
	}
	js.ValueOf(m) // must convert without panicking
}

func geoState() geo.State {
	return geo.State{Center: orb.Point{76.9, 43.25}, Zoom: 5, HasView: true, Layers: []string{"countries"}, HasLayers: true, Selected: "KAZ"}
}

func TestStringsConvertsForJSValueOf(t *testing.T) {
	v := js.ValueOf(Strings([]string{"countries", "water"}))
	if v.Length() != 2 || v.Index(1).String() != "water" {
		t.Errorf("Strings → %v", v)
	}
}

func TestStateFromJSRefusesDataJSONCannotCarry(t *testing.T) {
	for _, src := range []string{`(() => { const o = {}; o.self = o; return o; })()`, `{zoom: 10n}`} {
		if _, w := StateFromJS(jsEval(src)); len(w) == 0 {
			t.Errorf("StateFromJS(%s): no warning", src)
		}
	}
}
