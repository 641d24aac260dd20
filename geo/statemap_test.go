package geo_test

import (
	"math"
	"strings"
	"testing"

	"heartland/geo"
)

func TestStateFromJSONKeepsValidPartsAndWarnsAboutTheRest(t *testing.T) {
	s, w := geo.StateFromJSON([]byte(`{"center":[69.2,41.3],"zoom":6,"layers":["countries","<img onerror=x>"],"selected":"UZB","story":"central-asia","step":3}`))
	if !s.HasView || s.Center[0] != 69.2 || s.Zoom != 6 || s.Selected != "UZB" || s.Story != "central-asia" || s.Step != 3 {
		t.Errorf("StateFromJSON = %+v", s)
	}
	if len(s.Layers) != 1 || len(w) != 1 || !strings.Contains(w[0], "layers") {
		t.Errorf("layers %v, warnings %v; want [countries] and one warning", s.Layers, w)
	}
	half, _ := geo.StateFromJSON([]byte(`{"zoom":5}`))
	if !half.HasView || !math.IsNaN(half.Center[0]) {
		t.Errorf("zoom only: %+v; want a NaN centre", half)
	}
	clear, _ := geo.StateFromJSON([]byte(`{"selected":null,"story":null}`))
	if !clear.HasSelect || clear.Selected != "" || !clear.HasStory || clear.Story != "" {
		t.Errorf("nulls: %+v; want selection and story cleared", clear)
	}
}

func TestStateFromJSONRejectsHostileValues(t *testing.T) {
	for _, doc := range []string{
		`{"selected":"<script>alert(1)</script>"}`, `{"selected":42}`, `{"zoom":"5"}`, `{"zoom":1e9}`,
		`{"center":[500,10]}`, `{"center":{"0":1,"1":2}}`, `{"layers":"countries"}`, `{"step":0}`, `{"step":2.5}`,
		`{"story":"javascript:x"}`,
	} {
		s, w := geo.StateFromJSON([]byte(doc))
		if len(w) == 0 || s.Selected != "" || s.HasView || s.Story != "" {
			t.Errorf("StateFromJSON(%s) = %+v, %v; want nothing taken and a warning", doc, s, w)
		}
	}
	for _, doc := range []string{`"text"`, `[1,2]`, `null`, `{`} {
		if _, w := geo.StateFromJSON([]byte(doc)); len(w) == 0 {
			t.Errorf("StateFromJSON(%s): no warning", doc)
		}
	}
}

// FuzzStateFromJSON covers what a host page can post: no input panics, and
// whatever is taken is valid.
func FuzzStateFromJSON(f *testing.F) {
	f.Add([]byte(`{"center":[69.2,41.3],"zoom":6,"layers":["countries"],"selected":"UZB","story":"s","step":2}`))
	f.Add([]byte(`{"selected":null,"layers":[1,"x"],"zoom":-1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _ := geo.StateFromJSON(data)
		if s.HasView && !math.IsNaN(s.Zoom) && (s.Zoom < 0 || s.Zoom > 22) {
			t.Fatalf("zoom %v taken", s.Zoom)
		}
		if s.HasView && !math.IsNaN(s.Center[0]) && geo.ValidLonLat(s.Center) != nil {
			t.Fatalf("centre %v taken", s.Center)
		}
		for _, id := range append(append([]string{}, s.Layers...), s.Selected, s.Story) {
			if id != "" && !geo.ValidID(id) {
				t.Fatalf("id %q taken", id)
			}
		}
		if s.Step < 0 || s.Step > 1000 {
			t.Fatalf("step %d taken", s.Step)
		}
	})
}
