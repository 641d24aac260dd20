package geo_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"heartland/geo"
)

func TestParseHash(t *testing.T) {
	long := strings.Repeat("a", 65)
	tests := []struct {
		hash      string
		want      geo.State
		wantWarns []string // substrings, one per warning, in order
	}{
		{"#map=5.5/43.25/76.9&layers=countries,water&select=KAZ",
			geo.State{Center: orb.Point{76.9, 43.25}, Zoom: 5.5, HasView: true, Layers: []string{"countries", "water"}, HasLayers: true, Selected: "KAZ", HasSelect: true}, nil},
		{"map=5.5/43.25/76.9&select=KAZ",
			geo.State{Center: orb.Point{76.9, 43.25}, Zoom: 5.5, HasView: true, Selected: "KAZ", HasSelect: true}, nil},
		{"", geo.State{}, nil},
		{"#", geo.State{}, nil},
		{"#&&select=UZB&", geo.State{Selected: "UZB", HasSelect: true}, nil},
		{"#map=0/-90/-180", geo.State{Center: orb.Point{-180, -90}, HasView: true}, nil},
		{"#map=22/90/180", geo.State{Center: orb.Point{180, 90}, Zoom: 22, HasView: true}, nil},
		{"#zoom=5&select=KAZ", geo.State{Selected: "KAZ", HasSelect: true}, []string{`unknown part "zoom"`}},
		{"#select", geo.State{HasSelect: true}, nil},
		{"#select=", geo.State{HasSelect: true}, nil},
		{"#map=5.5/43.25", geo.State{}, []string{"want zoom/lat/lon"}},
		{"#map=5.5/43.25/76.9/1", geo.State{}, []string{"want zoom/lat/lon"}},
		{"#map=", geo.State{}, []string{"want zoom/lat/lon"}},
		{"#map=NaN/43.25/76.9", geo.State{}, []string{`"NaN" is not a number`}},
		{"#map=5/Inf/76.9", geo.State{}, []string{`"Inf" is not a number`}},
		{"#map=5/43/-infinity", geo.State{}, []string{"is not a number"}},
		{"#map=5/43/east", geo.State{}, []string{`"east" is not a number`}},
		{"#map=23/43.25/76.9", geo.State{}, []string{"zoom 23 out of range"}},
		{"#map=-1/43.25/76.9", geo.State{}, []string{"zoom -1 out of range"}},
		{"#map=5/90.5/76.9", geo.State{}, []string{"latitude 90.5 out of range"}},
		{"#map=5/43/-181", geo.State{}, []string{"longitude -181 out of range"}},
		{"#map=1e999/43/76", geo.State{}, []string{"is not a number"}},
		{"#select=<script>alert(1)</script>", geo.State{}, []string{"is not a feature id"}},
		{"#select=javascript:alert(1)", geo.State{}, []string{"is not a feature id"}},
		{"#select=" + long, geo.State{}, []string{"is not a feature id"}},
		{"#select=-KAZ", geo.State{}, []string{"is not a feature id"}},
		{"#select=KAZ&select=%3Cb%3E", geo.State{Selected: "KAZ", HasSelect: true}, []string{`select="<b>"`}},
		{"#layers=", geo.State{Layers: []string{}, HasLayers: true}, nil},
		{"#layers=,,", geo.State{Layers: []string{}, HasLayers: true}, nil},
		{"#layers=countries,<img>,water", geo.State{Layers: []string{"countries", "water"}, HasLayers: true}, []string{`"<img>" is not a layer id`}},
		{"#map=5.5%2F43.25%2F76.9&layers=countries%2Cwater&select=border-kaz-uzb",
			geo.State{Center: orb.Point{76.9, 43.25}, Zoom: 5.5, HasView: true, Layers: []string{"countries", "water"}, HasLayers: true, Selected: "border-kaz-uzb", HasSelect: true}, nil},
		{"#select=KAZ%", geo.State{}, []string{"select: invalid URL escape"}},
		{"#" + strings.Repeat("k", 300) + "=%", geo.State{}, []string{"kkkk…: invalid URL escape"}},
		{"#select=KAZ+UZB", geo.State{}, []string{`"KAZ UZB" is not a feature id`}},
		{"#map=5/1/2&map=6/3/4", geo.State{Center: orb.Point{4, 3}, Zoom: 6, HasView: true}, nil},
		{"#map=5/1/2&map=x", geo.State{Center: orb.Point{2, 1}, Zoom: 5, HasView: true}, []string{"map="}},
		{"#a=1&b=2&map=5", geo.State{}, []string{`unknown part "a"`, `unknown part "b"`, "want zoom/lat/lon"}},
		{"#select=KAZ&" + strings.Repeat("x", 4096), geo.State{}, []string{"characters long; ignored"}},
		{"#" + strings.Repeat("y", 4096), geo.State{}, []string{`unknown part "yyyy`}},
	}
	for _, tt := range tests {
		got, warns := geo.ParseHash(tt.hash)
		name := tt.hash
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if !statesEqual(got, tt.want) {
			t.Errorf("ParseHash(%q) = %+v; want %+v", name, got, tt.want)
		}
		if len(warns) != len(tt.wantWarns) {
			t.Errorf("ParseHash(%q) warnings = %q; want %d like %q", name, warns, len(tt.wantWarns), tt.wantWarns)
			continue
		}
		for i, w := range tt.wantWarns {
			if !strings.Contains(warns[i], w) {
				t.Errorf("ParseHash(%q) warning %d = %q; want it to mention %q", name, i, warns[i], w)
			}
			if len(warns[i]) > 200 {
				t.Errorf("ParseHash(%q) warning %d is %d bytes; want hostile input clipped", name, i, len(warns[i]))
			}
		}
	}
}

func TestStateHashRoundTrips(t *testing.T) {
	tests := []geo.State{
		{},
		{Center: orb.Point{76.9, 43.25}, Zoom: 5.5, HasView: true, Layers: []string{"countries", "water"}, HasLayers: true, Selected: "KAZ", HasSelect: true},
		{Center: orb.Point{-180, -90}, Zoom: 0, HasView: true},
		{Center: orb.Point{66.12345, 45.00004}, Zoom: 7.129, HasView: true},
		{Layers: []string{}, HasLayers: true},
		{Selected: "border-kaz-uzb", HasSelect: true},
	}
	for _, s := range tests {
		h := s.Hash()
		got, warns := geo.ParseHash(h)
		if len(warns) > 0 {
			t.Errorf("ParseHash(%q) warnings %q; want none", h, warns)
		}
		want := s
		want.Zoom = math.Round(s.Zoom*100) / 100
		want.Center = orb.Point{math.Round(s.Center[0]*1e4) / 1e4, math.Round(s.Center[1]*1e4) / 1e4}
		if !near(got.Zoom, want.Zoom, 1e-12) || !nearPoint(got.Center, want.Center, 1e-12) ||
			got.HasView != want.HasView || got.HasLayers != want.HasLayers || !slices.Equal(got.Layers, want.Layers) ||
			got.Selected != want.Selected || got.HasSelect != want.HasSelect {
			t.Errorf("ParseHash(%q) = %+v; want %+v", h, got, want)
		}
	}
}

func TestStateHashFormat(t *testing.T) {
	s := geo.State{Center: orb.Point{76.9, 43.25}, Zoom: 5.5, HasView: true, Layers: []string{"countries", "water"}, HasLayers: true, Selected: "KAZ", HasSelect: true}
	if got, want := s.Hash(), "#map=5.50/43.2500/76.9000&layers=countries,water&select=KAZ"; got != want {
		t.Errorf("Hash() = %q; want %q", got, want)
	}
	if got := (geo.State{}).Hash(); got != "#" {
		t.Errorf("State{}.Hash() = %q; want \"#\"", got)
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"KAZ", true},
		{"border-kaz-uzb", true},
		{"a_1", true},
		{"9", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"-kaz", false},
		{"_kaz", false},
		{"kaz uzb", false},
		{"<script>", false},
		{"javascript:alert(1)", false},
		{"Қазақстан", false},
		{"kaz\n", false},
	}
	for _, tt := range tests {
		if got := geo.ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v; want %v", tt.id, got, tt.want)
		}
	}
}

func FuzzParseHash(f *testing.F) {
	for _, s := range []string{
		"#map=5.5/43.25/76.9&layers=countries,water&select=KAZ",
		"#map=5.5/43.25",
		"#map=1e400/-0/0x1p-2",
		"#select=%3Cscript%3E",
		"#layers=,a,,b%2Cc&select=",
		"#%zz=%zz",
		"##map=5/5/5",
		"#select=" + strings.Repeat("é", 30),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, hash string) {
		s, warns := geo.ParseHash(hash)
		if s.Selected != "" && !geo.ValidID(s.Selected) {
			t.Errorf("ParseHash(%q).Selected = %q; want a valid id", hash, s.Selected)
		}
		for _, l := range s.Layers {
			if !geo.ValidID(l) {
				t.Errorf("ParseHash(%q).Layers has %q; want valid ids", hash, l)
			}
		}
		if s.HasView && !(s.Zoom >= 0 && s.Zoom <= 22 && math.Abs(s.Center[1]) <= 90 && math.Abs(s.Center[0]) <= 180) {
			t.Errorf("ParseHash(%q) view = zoom %v at %v; want zoom 0–22, lat ±90, lon ±180", hash, s.Zoom, s.Center)
		}
		if !s.HasView && (s.Zoom != 0 || s.Center != orb.Point{}) {
			t.Errorf("ParseHash(%q) = zoom %v at %v without HasView; want zero", hash, s.Zoom, s.Center)
		}
		for _, w := range warns {
			if len(w) > 500 { // two clipped values, each at most 4× longer quoted
				t.Errorf("ParseHash(%q) warning is %d bytes; want hostile input clipped", hash, len(w))
			}
		}
		// What the map writes back must read the same.
		again, warns2 := geo.ParseHash(s.Hash())
		if len(warns2) > 0 {
			t.Errorf("ParseHash(%q) warnings %q; want none for a hash we wrote", s.Hash(), warns2)
		}
		if again.Selected != s.Selected || !slices.Equal(again.Layers, s.Layers) || again.HasView != s.HasView {
			t.Errorf("ParseHash(%q) = %+v; want %+v", s.Hash(), again, s)
		}
	})
}

func statesEqual(a, b geo.State) bool {
	return a.Center == b.Center && a.Zoom == b.Zoom && a.HasView == b.HasView &&
		slices.Equal(a.Layers, b.Layers) && (a.Layers == nil) == (b.Layers == nil) && a.HasLayers == b.HasLayers &&
		a.Selected == b.Selected && a.HasSelect == b.HasSelect
}

func TestParseHashReadsAStoryStep(t *testing.T) {
	s, warnings := geo.ParseHash("#map=5/45/66&story=central-asia&step=3")
	if len(warnings) != 0 || !s.HasStory || s.Story != "central-asia" || s.Step != 3 {
		t.Fatalf("ParseHash = %+v, %v; want story central-asia step 3", s, warnings)
	}
	if back, _ := geo.ParseHash(s.Hash()); back.Story != "central-asia" || back.Step != 3 {
		t.Errorf("round trip through %q = %+v", s.Hash(), back)
	}
	for _, bad := range []string{"#story=<x>", "#story=a&step=0", "#story=a&step=x", "#story=a&step=99999"} {
		if _, w := geo.ParseHash(bad); len(w) == 0 {
			t.Errorf("ParseHash(%q): no warning", bad)
		}
	}
	if s, _ := geo.ParseHash("#story=a"); s.Step != 1 {
		t.Errorf("a story without a step starts at step %d; want 1", s.Step)
	}
}
